import type { FingerprintOf } from './types';
import { indexWaiting, scopeIndex, syncIndex, type ScopeIndex, type StoredStory } from './scope-index';

/**
 * Scope indexes this isolate keeps between runs, by scope (a snapshot's key), each with the
 * stored snapshot it was last synced to. A run whose snapshot is unchanged (the same one) uses
 * its index as it is: nothing parsed, fingerprinted or indexed. A run whose snapshot changed
 * parses it and syncs the index: the articles that left are dropped, the new ones added, and the
 * index is the one building it from the snapshot would give. The articles a run stores itself
 * are never added here (match.ts keeps them in the run's own segment): the next run finds them
 * in the snapshot it reads, if they are stored, and in their place.
 *
 * Bounded: at most MAX_HELD articles over all kept scopes (the longest unused scope goes
 * first), and an index that has indexed REBUILD_AFTER articles is built anew, since its table
 * of feature ids only grows.
 */
const MAX_HELD = 1200;
const REBUILD_AFTER = 5000;

export interface Kept {
  index: ScopeIndex;
  /**
   * The stored snapshot the index holds (all of it, or part when `index.waiting` is not empty).
   * A run holding this index while another run syncs it to another snapshot sees it change here.
   */
  stored: object | null;
}
const kept = new Map<string, Kept>();

/**
 * A snapshot as a run read it: the stored value it is (the same object while the key's value
 * stays the same: the store knows it), and its articles parsed when asked.
 */
export interface SnapshotScope {
  stored: object;
  articles: () => readonly StoredStory[];
}

/**
 * The kept index of `scope`, synced to `snapshot`: at most `limit` articles are indexed
 * (fingerprinted) by this call, the newest first; the rest are indexed by later calls. Returns
 * the index and how many it indexed.
 */
export function keptIndex(
  scope: string,
  snapshot: SnapshotScope,
  fingerprintOf: FingerprintOf,
  limit = Infinity,
): { kept: Kept; indexed: number } {
  let k = kept.get(scope);
  kept.delete(scope);
  if (!k || k.index.added >= REBUILD_AFTER) k = { index: scopeIndex(), stored: null };
  let indexed = 0;
  if (k.stored !== snapshot.stored) {
    indexed = syncIndex(k.index, snapshot.articles(), fingerprintOf, limit);
    k.stored = snapshot.stored;
  } else if (k.index.waiting.length) {
    // Unchanged, but not all of it indexed yet: what waits is what the snapshot holds beyond the index.
    indexed = indexWaiting(k.index, fingerprintOf, limit);
  }
  kept.set(scope, k);
  let total = 0;
  for (const x of kept.values()) total += x.index.held.size + x.index.waiting.length;
  for (const [key, x] of kept) {
    if (total <= MAX_HELD || x === k) break;
    kept.delete(key);
    total -= x.index.held.size + x.index.waiting.length;
  }
  if (total > MAX_HELD) kept.delete(scope); // one scope larger than the bound: used by this run only
  return { kept: k, indexed };
}

/**
 * A snapshot this isolate wrote (`snapshot.stored` is what it wrote): the kept index of its scope,
 * if there is one, is synced to it now, from the articles in hand, so the next run that reads
 * the snapshot finds its index holding it and neither parses nor syncs. At most `limit`
 * indexed, as keptIndex. Returns how many it indexed.
 */
export function keepWritten(scope: string, snapshot: SnapshotScope, fingerprintOf: FingerprintOf, limit = Infinity): number {
  return kept.has(scope) ? keptIndex(scope, snapshot, fingerprintOf, limit).indexed : 0;
}

/**
 * Indexes at most `limit` of the articles kept indexes still wait for (a bounded cold start),
 * the most recently used scope first, with no read: what waits is kept with the index. A run
 * with nothing new to match still fills them, so the isolate's index is whole within minutes
 * rather than after as many runs with news. Returns how many it indexed.
 */
export function fillWaiting(limit: number, fingerprintOf: FingerprintOf): number {
  let indexed = 0;
  for (const k of [...kept.values()].reverse()) {
    if (indexed >= limit) break;
    if (k.index.waiting.length) indexed += indexWaiting(k.index, fingerprintOf, limit - indexed);
  }
  return indexed;
}

/** Forgets every kept index (a benchmark's cold isolate). */
export function forgetKept() {
  kept.clear();
}
