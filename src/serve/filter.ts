import { foldForSearch } from '../vietnamese';
import type { FeedQuery } from './query';

interface Matchable {
  id?: string;
  updated?: string;
  title: string;
  summary: string;
  published: string;
}

/** Words of a text, both as written (lower case) and folded (no diacritics, đ → d), position by position. */
interface Words {
  marked: string[];
  folded: string[];
}

const SEPARATORS = /[^\p{L}\p{N}]+/u;
const lowerWords = (s: string) => s.normalize('NFC').toLowerCase().split(SEPARATORS).filter(Boolean);

function wordsOf(s: string): Words {
  const marked = lowerWords(s);
  return { marked, folded: marked.map(foldForSearch) };
}

/** One word of a search term: typed with diacritics it must match them; typed without, any spelling that folds to it. */
interface TermWord {
  text: string;
  marked: boolean;
}

/** A term is one word, or a quoted phrase: its words must follow one another. */
type Term = TermWord[];

function termOf(phrase: string): Term {
  return lowerWords(phrase).map((w) => {
    const folded = foldForSearch(w);
    return folded === w ? { text: folded, marked: false } : { text: w, marked: true };
  });
}

function hasTerm(words: Words, term: Term): boolean {
  const last = words.marked.length - term.length;
  for (let i = 0; i <= last; i++) {
    let all = true;
    for (let j = 0; j < term.length && all; j++) {
      const w = term[j];
      all = (w.marked ? words.marked[i + j] : words.folded[i + j]) === w.text;
    }
    if (all) return true;
  }
  return false;
}

/**
 * Splitting and folding every title and summary is most of a search's CPU, and articles
 * do not change between requests: the words are kept in the isolate, keyed by article
 * id and version, and bounded.
 */
const WORDS_MAX = 5000;
const cache = new Map<string, { title: Words; text: Words }>();
function wordsOfItem(item: Matchable): { title: Words; text: Words } {
  const key = item.id ? `${item.id}|${item.updated ?? ''}` : null;
  const hit = key ? cache.get(key) : undefined;
  if (hit) return hit;
  const title = wordsOf(item.title);
  const summary = wordsOf(item.summary);
  // A phrase never runs from the title into the summary: an empty word stands between them.
  const value = { title, text: { marked: [...title.marked, '', ...summary.marked], folded: [...title.folded, '', ...summary.folded] } };
  if (key) {
    if (cache.size >= WORDS_MAX) cache.delete(cache.keys().next().value!);
    cache.set(key, value);
  }
  return value;
}

const termsOf = (phrases: string[]) => phrases.map(termOf).filter((t) => t.length > 0);

/**
 * The word filters of a query as one predicate. Whole words only, never regular
 * expressions (a pattern from a URL could be made to run for ever, words cannot):
 * "đồn" finds "Đồn", not "đồng"; "don" finds "Đồn" and "Don", not "London" or "đồng".
 */
export function wordFilter(query: FeedQuery, now: Date): ((item: Matchable) => boolean) | null {
  const q = termsOf(query.q);
  const filter = termsOf(query.filter);
  const filterout = termsOf(query.filterout);
  const filterTitle = termsOf(query.filterTitle);
  const since = query.filterTime ? new Date(now.getTime() - query.filterTime * 1000).toISOString() : null;
  if (!q.length && !filter.length && !filterout.length && !filterTitle.length && !since) return null;
  return (item) => {
    if (since && item.published < since) return false;
    const { title, text } = wordsOfItem(item);
    if (q.length && !q.every((t) => hasTerm(text, t))) return false;
    if (filter.length && !filter.some((t) => hasTerm(text, t))) return false;
    if (filterout.some((t) => hasTerm(text, t))) return false;
    if (filterTitle.length && !filterTitle.some((t) => hasTerm(title, t))) return false;
    return true;
  };
}

