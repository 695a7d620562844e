import { common } from './figures';
import { fingerprint } from './fingerprint';
import { similarity } from './similarity';
import type { Fingerprint } from './types';
import { NORMAL_WEIGHT } from './weights';

/** Why two copies were taken for one story, in the matcher's folded words. */
export interface StoryWhy {
  /** Their similarity, 0…1 (copies score at least SAME_STORY_THRESHOLD). */
  score: number;
  /** Words of one title the other copy also has, names and ordinary words, not grammar or template words. */
  words: string[];
  /** Places, people, bodies and other names both tell of, in lower case with their marks ("bắc kạn"). */
  names: string[];
  /**
   * Identifying numbers both name ("lan 15", "doc 112/ubnd-vx"), then the figures both report
   * ("amount 4.5", "day 19/11"): a retelling in other words is grouped by these and the names.
   */
  numbers: string[];
}

const MAX_WORDS = 8;

function sharedWords(a: Fingerprint, b: Fingerprint): string[] {
  const out: string[] = [];
  for (const [word, weight] of a.title) {
    if (out.length >= MAX_WORDS) break;
    if (!word.includes(' ') && weight >= NORMAL_WEIGHT && (b.all.get(word) ?? 0) >= NORMAL_WEIGHT) out.push(word);
  }
  return out;
}

function sharedNames(a: Fingerprint, b: Fingerprint): string[] {
  const out = new Set<string>();
  for (const [x, y] of [[a, b], [b, a]]) {
    for (const names of x.names.slots.values()) for (const n of names) if (y.markedText.includes(n)) out.add(n.trim());
  }
  return [...out];
}

function sharedNumbers(a: Fingerprint, b: Fingerprint): string[] {
  const out: string[] = [];
  for (const [key, values] of a.numbers) for (const v of values) if (b.numbers.get(key)?.has(v)) out.push(`${key} ${v}`);
  for (const v of common(a.figures.amounts, b.figures.amounts)) out.push(`amount ${v}`);
  for (const v of common(a.figures.days, b.figures.days)) out.push(`day ${v}`);
  return out;
}

export function explainPair(a: Fingerprint, b: Fingerprint): StoryWhy {
  return { score: Math.round(similarity(a, b) * 100) / 100, words: sharedWords(a, b), names: sharedNames(a, b), numbers: sharedNumbers(a, b) };
}

/** Why a copy (title, summary) is shown as an alternate of the item that stands for its story. */
export function explainCopy(shown: { title: string; summary: string }, copy: { title: string; summary: string }): StoryWhy {
  return explainPair(fingerprint(shown.title, shown.summary), fingerprint(copy.title, copy.summary));
}
