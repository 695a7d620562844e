import type { Fingerprint } from './types';

/**
 * Candidate pairs without an all-pairs scan: an inverted index from discriminative features
 * (syllables and bigrams that are not stop or common words) to items in time order. An item
 * meets only earlier items that share such a feature and fall within the window, and each
 * feature offers at most `perKey` of them: a feature shared by more items in one window is
 * common there, and true copies share many rarer ones. Cost: items × features × perKey at
 * most, whatever the size of the store.
 */

/** Features at least this heavy index an item: normal syllables and names, not template words. */
export const INDEX_MIN_WEIGHT = 0.5;
export const DEFAULT_PER_KEY = 40;

export interface Timed {
  /** Epoch milliseconds. */
  time: number;
  fp: Fingerprint;
}

/**
 * Pairs [earlier, later] of positions in `items`, which must be sorted by time ascending,
 * sharing an index feature and at most `windowMs` apart. Each pair once.
 */
export function candidatePairs(items: readonly Timed[], windowMs: number, perKey = DEFAULT_PER_KEY): Array<[number, number]> {
  const postings = new Map<string, number[]>();
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < items.length; i++) {
    const { time, fp } = items[i];
    const met = new Set<number>();
    for (const [key, weight] of fp.all) {
      if (weight < INDEX_MIN_WEIGHT) continue;
      let list = postings.get(key);
      if (!list) postings.set(key, (list = []));
      // Latest first: stop at the window's edge or after perKey items.
      for (let k = list.length - 1, seen = 0; k >= 0 && seen < perKey; k--, seen++) {
        const j = list[k];
        if (time - items[j].time > windowMs) break;
        met.add(j);
      }
      list.push(i);
    }
    for (const j of met) pairs.push([j, i]);
  }
  return pairs;
}
