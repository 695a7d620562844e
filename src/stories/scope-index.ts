import type { Article } from '../model';
import type { Fingerprint, FingerprintOf } from './types';
import { vectorizer, type Vectors } from './vectors';

/** Features at least this heavy index an article: normal syllables and names, not template words. */
export const INDEX_MIN_WEIGHT = 0.5;

const DAY_MS = 24 * 60 * 60 * 1000;
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
/** The calendar day in Vietnam (UTC+07:00, no daylight saving) of an instant, as a day number. */
export const vietnamDay = (time: number) => Math.floor((time + VIETNAM_OFFSET_MS) / DAY_MS);

/** A stored article as story matching needs it. */
export type StoredStory = Pick<Article, 'id' | 'sourceId' | 'title' | 'summary' | 'published' | 'storyId'>;

/** An indexed article: a stored one, or one a run stored before (see match.ts). */
export interface Entry {
  id: string;
  sourceId: string;
  /** Vietnam calendar day (vietnamDay). */
  day: number;
  fp: Fingerprint;
  /** Under `space`'s ids. */
  vectors: Vectors;
  space: VectorSpace;
  story: string;
  /** Postings run in this order: published, then id (a snapshot's ties are by id). */
  published: string;
}

/** Feature ids: vectors compare only under the ids of one space. */
export interface VectorSpace {
  vectorsOf: (fp: Fingerprint) => Vectors;
}

/** What an index holds of one article with a readable date (a routine one has no entry). */
interface Held {
  article: StoredStory;
  entry?: Entry;
}

/**
 * The stored articles of one scope, indexed by their discriminative features: postings (oldest
 * first, as a run made them from scratch) and stories. Built incrementally: `sync` adds what the
 * scope gained and drops what it lost, and leaves the index as building it anew would make it.
 */
export interface ScopeIndex extends VectorSpace {
  postings: Map<string, Entry[]>;
  /** Story id → its indexed copies. */
  groups: Map<string, Entry[]>;
  /** Every article with a readable date, routine ones too (a later scope does not index them again). */
  held: Map<string, Held>;
  /** Articles ever indexed: feature ids only grow, so an index is built anew past a bound (kept.ts). */
  added: number;
  /** Articles the scope holds that are not indexed yet (sync's `limit`), newest first. */
  waiting: StoredStory[];
}

export function scopeIndex(): ScopeIndex {
  return { postings: new Map(), groups: new Map(), held: new Map(), added: 0, waiting: [], vectorsOf: vectorizer() };
}

/** Whether `a` comes after `b` in postings. */
const after = (a: Pick<Entry, 'published' | 'id'>, b: Pick<Entry, 'published' | 'id'>) =>
  a.published !== b.published ? a.published > b.published : a.id > b.id;

const same = (a: StoredStory, b: StoredStory) =>
  a.title === b.title && a.summary === b.summary && a.published === b.published && a.sourceId === b.sourceId && a.storyId === b.storyId;

function insert(index: ScopeIndex, e: Entry) {
  for (const [key, weight] of e.fp.all) {
    if (weight < INDEX_MIN_WEIGHT) continue;
    const list = index.postings.get(key);
    if (!list) index.postings.set(key, [e]);
    else if (!list.length || after(e, list[list.length - 1])) list.push(e);
    else {
      // Older than the newest: where a build from scratch would have put it.
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (after(e, list[mid])) lo = mid + 1;
        else hi = mid;
      }
      list.splice(lo, 0, e);
    }
  }
  const group = index.groups.get(e.story);
  if (group) group.push(e);
  else index.groups.set(e.story, [e]);
}

function remove(index: ScopeIndex, e: Entry) {
  for (const [key, weight] of e.fp.all) {
    if (weight < INDEX_MIN_WEIGHT) continue;
    const list = index.postings.get(key)!;
    list.splice(list.indexOf(e), 1);
    if (!list.length) index.postings.delete(key);
  }
  const group = index.groups.get(e.story)!;
  group.splice(group.indexOf(e), 1);
  if (!group.length) index.groups.delete(e.story);
}

/**
 * Makes the index hold exactly `articles` (those with a readable date): drops what left or
 * changed, adds what is new. At most `limit` are added, the newest first; the rest wait in
 * `waiting` for the next sync. Returns how many it added.
 */
export function syncIndex(index: ScopeIndex, articles: readonly StoredStory[], fingerprintOf: FingerprintOf, limit = Infinity): number {
  const wanted = new Map<string, StoredStory>();
  for (const a of articles) {
    if (!Number.isFinite(Date.parse(a.published))) continue;
    // One id twice in a scope: the first in postings' order is the one indexed.
    const met = wanted.get(a.id);
    if (!met || after(met, a)) wanted.set(a.id, a);
  }
  for (const [id, h] of index.held) {
    const a = wanted.get(id);
    if (a && same(a, h.article)) continue;
    if (h.entry) remove(index, h.entry);
    index.held.delete(id);
  }
  // Only what matching reads is kept: a snapshot's article may carry its whole body.
  const missing = [...wanted.values()]
    .filter((a) => !index.held.has(a.id))
    .map(({ id, sourceId, title, summary, published, storyId }) => ({ id, sourceId, title, summary, published, ...(storyId === undefined ? {} : { storyId }) }))
    .sort((x, y) => (after(x, y) ? -1 : 1));
  const adding = missing.slice(0, limit);
  index.waiting = missing.slice(adding.length);
  return add(index, adding, fingerprintOf);
}

/**
 * Indexes at most `limit` of what waits, the newest first: what syncing the index to what it
 * holds and what waits would add, without going over all of it again (a cold isolate's runs
 * each index a few, and the scope's hundreds would otherwise be checked and sorted every run).
 */
export function indexWaiting(index: ScopeIndex, fingerprintOf: FingerprintOf, limit = Infinity): number {
  const adding = index.waiting.slice(0, limit);
  index.waiting = index.waiting.slice(adding.length);
  return add(index, adding, fingerprintOf);
}

/** Indexes `adding` (newest first, none held yet). */
function add(index: ScopeIndex, adding: readonly StoredStory[], fingerprintOf: FingerprintOf): number {
  // Oldest first: each joins the end of its postings, as a build from scratch appends them.
  for (let i = adding.length - 1; i >= 0; i--) {
    const a = adding[i];
    const fp = fingerprintOf(a.title, a.summary);
    const h: Held = { article: a };
    if (!fp.routine) {
      const day = vietnamDay(Date.parse(a.published));
      h.entry = { id: a.id, sourceId: a.sourceId, day, fp, vectors: index.vectorsOf(fp), space: index, story: a.storyId ?? a.id, published: a.published };
      insert(index, h.entry);
    }
    index.held.set(a.id, h);
  }
  index.added += adding.length;
  return adding.length;
}
