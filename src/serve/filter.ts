import { foldForSearch } from '../normalize/text';
import type { FeedQuery } from './query';

interface Matchable {
  id?: string;
  updated?: string;
  title: string;
  summary: string;
  published: string;
}

// Folded words padded with spaces: a word matches at a word start ("don" finds
// "Đồn" and "Đồng", not "London"), and "cho don" needs both words.
const padded = (s: string) => ` ${foldForSearch(s).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;

/**
 * Folding every title and summary is most of a search's CPU (about 4 ms for 500
 * articles), and articles do not change between requests: the folded text is kept in
 * the isolate, keyed by article id and version, and bounded.
 */
const FOLDED_MAX = 5000;
const folded = new Map<string, { title: string; text: string }>();
function foldedOf(item: Matchable): { title: string; text: string } {
  const key = item.id ? `${item.id}|${item.updated ?? ''}` : null;
  const hit = key ? folded.get(key) : undefined;
  if (hit) return hit;
  const title = padded(item.title);
  const value = { title, text: `${title}${padded(item.summary)}` };
  if (key) {
    if (folded.size >= FOLDED_MAX) folded.delete(folded.keys().next().value!);
    folded.set(key, value);
  }
  return value;
}
const foldTerm = (w: string) => ` ${foldForSearch(w).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()}`;

/**
 * The word filters of a query as one predicate. Plain words only (alternatives by "|"):
 * user-supplied regular expressions could be made to run away, words cannot.
 */
export function wordFilter(query: FeedQuery, now: Date): ((item: Matchable) => boolean) | null {
  const q = query.q.map(foldTerm).filter((t) => t.trim());
  const filter = query.filter.map(foldTerm).filter((t) => t.trim());
  const filterout = query.filterout.map(foldTerm).filter((t) => t.trim());
  const filterTitle = query.filterTitle.map(foldTerm).filter((t) => t.trim());
  const since = query.filterTime ? new Date(now.getTime() - query.filterTime * 1000).toISOString() : null;
  if (!q.length && !filter.length && !filterout.length && !filterTitle.length && !since) return null;
  return (item) => {
    if (since && item.published < since) return false;
    const { title, text } = foldedOf(item);
    if (q.length && !q.every((w) => text.includes(w))) return false;
    if (filter.length && !filter.some((w) => text.includes(w))) return false;
    if (filterout.some((w) => text.includes(w))) return false;
    if (filterTitle.length && !filterTitle.some((w) => title.includes(w))) return false;
    return true;
  };
}
