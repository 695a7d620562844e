import type { Article } from '../model';
import { fillWaiting, keepWritten, keptIndex, type Kept, type SnapshotScope } from './kept';
import { rememberingRun } from './remembered';
import { INDEX_MIN_WEIGHT, scopeIndex, syncIndex, vietnamDay, type Entry, type ScopeIndex, type StoredStory, type VectorSpace } from './scope-index';
import { conflicting, SAME_STORY_THRESHOLD, vectorResemblance } from './similarity';
import { vectorizer, type Vectors } from './vectors';
import type { Fingerprint } from './types';
// Compiles fingerprinting's expressions when the script starts, not in a cold isolate's first run.
import './warm';

/** Articles one index feature may offer as candidates: a feature in more is common in the window. */
const PER_KEY = 40;

/** Copies of one story are at most this many calendar days apart (in Vietnam), all of them. */
export const WINDOW_DAYS = 4;
export { vietnamDay, type StoredStory };

/**
 * A scope as a run reads it: its articles, or a snapshot (kept.ts), whose index the isolate
 * keeps between runs.
 */
export type ScopeRead = readonly StoredStory[] | SnapshotScope;

export interface StoryMatcher {
  /**
   * Gives each new article that copies a stored one (from another source) that one's story id.
   * `scopes` are the snapshots to compare with (read once per run each).
   */
  assign(fresh: Article[], scopes: readonly string[]): Promise<void>;
}

export interface MatcherOptions {
  windowDays?: number;
  perKey?: number;
  /**
   * Stored articles a run may index (fingerprint) at most; the newest first, the rest by later
   * runs, into the indexes the isolate keeps. A cold isolate's first runs then compare new
   * articles with fewer stored ones. Half of it is spent when the matcher is made, on what the
   * kept indexes still wait for (every run makes one, news or not); the rest, on what the run's
   * snapshots gained. Unbounded when absent.
   */
  indexPerRun?: number;
}

/**
 * One part of what a run compares with, in the order a run met them: a scope's index (kept
 * between runs, or built for this run), or the articles the run itself stored since.
 */
interface Segment {
  index: ScopeIndex;
  /** A kept index and the snapshot this run read: the index must hold that snapshot when used. */
  kept?: { scope: string; snapshot: SnapshotScope; at: Kept };
  /** The articles this run stored (never left out: a run compares each new one with all before it). */
  own?: true;
  /** Whether an earlier segment holds some of its articles: those are left out of this one. */
  overlaps: boolean;
  lists: Map<string, Entry[]>;
  groups: Map<string, Entry[]>;
}

/**
 * Story ids are set once, when an article is first stored, by comparing it with the
 * recent articles of other sources (the snapshots named by `scopes`: the whole country's
 * newest and the source's province's, which reaches further back when the country is
 * large) and with those stored earlier in the same run. Serving then groups by story id,
 * which costs nothing per request.
 *
 * Incremental, because a run meets the store once and new articles a few at a time: the
 * stored articles are indexed once per isolate by their discriminative features (syllables
 * and bigrams that are not stop or common words; scope-index.ts, kept.ts: a run whose snapshot
 * is unchanged indexes nothing, one whose snapshot changed only what is new), and each new article
 * is compared only with the stored ones that share such a feature within the window. It
 * joins the most similar story it may join, or starts its own. A story never holds two
 * copies of one source (a source's own feed is never collapsed), its copies all lie within
 * `windowDays` calendar days of each other, and none of them conflicts with the newcomer
 * (different session numbers, places, people, stages: see similarity.ts). Stored articles
 * are never compared with one another again: their story ids are settled.
 */
export function storyMatcher(loadRecent: (scope: string) => Promise<ScopeRead>, options: MatcherOptions = {}): StoryMatcher {
  const windowDays = options.windowDays ?? WINDOW_DAYS;
  const perKey = options.perKey ?? PER_KEY;
  const fingerprintOf = rememberingRun();
  let budget = options.indexPerRun ?? Infinity;
  if (options.indexPerRun !== undefined) budget -= fillWaiting(Math.ceil(options.indexPerRun / 2), fingerprintOf);
  /** Feature ids of the articles this run stores. */
  const runSpace: VectorSpace = { vectorsOf: vectorizer() };
  const segments: Segment[] = [];

  const segment = (index: ScopeIndex, kept?: Segment['kept']): Segment => ({ index, kept, overlaps: false, lists: new Map(), groups: new Map() });
  /** Whether an article is indexed in a segment before `s` (a run indexes each article once). */
  const earlier = (s: Segment, id: string) => {
    for (const t of segments) {
      if (t === s) return false;
      if (t.index.held.has(id)) return true;
    }
    return false;
  };
  const refresh = () => {
    for (const s of segments) {
      s.lists.clear();
      s.groups.clear();
      s.overlaps = false;
      if (!s.own && s !== segments[0]) for (const id of s.index.held.keys()) if (earlier(s, id) && (s.overlaps = true)) break;
    }
  };
  /** The entries of a segment's posting list or story not indexed in an earlier segment. */
  const own = (s: Segment, cache: Map<string, Entry[]>, all: Map<string, Entry[]>, key: string) => {
    const list = all.get(key);
    if (!list || !s.overlaps) return list;
    let mine = cache.get(key);
    if (!mine) cache.set(key, (mine = list.filter((e) => !earlier(s, e.id))));
    return mine;
  };

  /**
   * Stored entries near `day` sharing an index feature; per feature the `perKey` nearest in
   * time among the last `scan` indexed (postings run oldest to newest, segment after segment).
   * A feature in more items than that is common in the window, and this keeps a run's cost
   * linear in its new articles however many it indexes.
   */
  const scan = 4 * perKey;
  const lists: Entry[][] = [];
  const candidates = (day: number, fp: Fingerprint): Set<Entry> => {
    const met = new Set<Entry>();
    const inWindow = (e: Entry) => Math.abs(e.day - day) <= windowDays;
    for (const [key, weight] of fp.all) {
      if (weight < INDEX_MIN_WEIGHT) continue;
      lists.length = 0;
      let n = 0;
      for (const s of segments) {
        const list = own(s, s.lists, s.index.postings, key);
        if (list?.length) n += lists.push(list) && list.length;
      }
      // Few enough to take all of them: no list to make and sort.
      if (n <= perKey) {
        for (let i = lists.length - 1; i >= 0; i--) for (let k = lists[i].length - 1; k >= 0; k--) if (inWindow(lists[i][k])) met.add(lists[i][k]);
        continue;
      }
      const near: Entry[] = [];
      let left = scan;
      for (let i = lists.length - 1; i >= 0 && left > 0; i--) {
        for (let k = lists[i].length - 1; k >= 0 && left > 0; k--, left--) if (inWindow(lists[i][k])) near.push(lists[i][k]);
      }
      if (near.length > perKey) near.sort((x, y) => Math.abs(x.day - day) - Math.abs(y.day - day));
      for (let k = 0; k < near.length && k < perKey; k++) met.add(near[k]);
    }
    return met;
  };

  /** Whether an article may join a story: no copy of its source, all within the window, none conflicting. */
  const mayJoin = (story: string, sourceId: string, day: number, fp: Fingerprint) => {
    let first = day;
    let last = day;
    const copies: Entry[] = [];
    for (const s of segments) {
      for (const e of own(s, s.groups, s.index.groups, story) ?? []) {
        if (e.sourceId === sourceId) return false;
        first = Math.min(first, e.day);
        last = Math.max(last, e.day);
        copies.push(e);
      }
    }
    return last - first <= windowDays && !copies.some((e) => conflicting(fp, e.fp));
  };

  /** The segment this run's own articles go to: the last, unless a scope was read after them. */
  const runSegment = () => {
    const last = segments[segments.length - 1];
    if (last?.own) return last;
    const s: Segment = { ...segment({ ...scopeIndex(), vectorsOf: runSpace.vectorsOf }), own: true };
    segments.push(s);
    return s;
  };

  const fromKept = (scope: string, snapshot: SnapshotScope) => {
    const { kept, indexed } = keptIndex(scope, snapshot, fingerprintOf, budget);
    budget -= indexed;
    return kept;
  };
  const loaded = new Map<string, Promise<void>>();
  const load = (scope: string) => {
    let done = loaded.get(scope);
    if (!done) {
      done = loadRecent(scope).then((read) => {
        let s: Segment;
        if (Array.isArray(read)) {
          s = segment(scopeIndex());
          syncIndex(s.index, read as readonly StoredStory[], fingerprintOf);
        } else {
          const snapshot = read as SnapshotScope;
          const at = fromKept(scope, snapshot);
          s = segment(at.index, { scope, snapshot, at });
        }
        segments.push(s);
        refresh();
      });
      loaded.set(scope, done);
    }
    return done;
  };
  /**
   * Every kept index as this run read its snapshot: another run of this isolate, at the same
   * time, may have synced one to a newer snapshot meanwhile. Synchronous from here to the end
   * of matching, so no other run changes them in between.
   */
  const holdOwn = () => {
    let changed = false;
    for (const s of segments) {
      if (!s.kept || s.kept.at.stored === s.kept.snapshot.stored) continue;
      s.kept.at = fromKept(s.kept.scope, s.kept.snapshot);
      s.index = s.kept.at.index;
      changed = true;
    }
    if (changed) refresh();
  };

  return {
    async assign(fresh, scopes) {
      if (!fresh.length) return;
      for (const scope of scopes) await load(scope);
      holdOwn();
      for (const a of fresh) {
        const time = Date.parse(a.published);
        // Without a readable date the window cannot be checked: the article stays alone.
        if (!Number.isFinite(time)) continue;
        const day = vietnamDay(time);
        const fp = fingerprintOf(a.title, a.summary);
        // A weekly agenda or a monthly case count is each portal's own, however alike.
        if (fp.routine) continue;
        const spaces = new Map<VectorSpace['vectorsOf'], Vectors>();
        const vectorsIn = (space: VectorSpace) => {
          let v = spaces.get(space.vectorsOf);
          if (!v) spaces.set(space.vectorsOf, (v = space.vectorsOf(fp)));
          return v;
        };
        const scored: { story: string; score: number }[] = [];
        for (const e of candidates(day, fp)) {
          if (e.sourceId === a.sourceId) continue;
          // Conflicts are asked by mayJoin of every copy in the story, the candidate among them.
          const score = vectorResemblance(fp, vectorsIn(e.space), e.fp, e.vectors);
          if (score >= SAME_STORY_THRESHOLD) scored.push({ story: e.story, score });
        }
        scored.sort((x, y) => y.score - x.score);
        const joined = scored.find((c) => mayJoin(c.story, a.sourceId, day, fp));
        if (joined) a.storyId = joined.story;
        const s = runSegment();
        const e: Entry = { id: a.id, sourceId: a.sourceId, day, fp, vectors: vectorsIn(runSpace), space: runSpace, story: joined?.story ?? a.storyId ?? a.id, published: a.published };
        s.index.held.set(a.id, { article: a, entry: e });
        for (const [key, weight] of fp.all) {
          if (weight < INDEX_MIN_WEIGHT) continue;
          const list = s.index.postings.get(key);
          if (list) list.push(e);
          else s.index.postings.set(key, [e]);
        }
        const group = s.index.groups.get(e.story);
        if (group) group.push(e);
        else s.index.groups.set(e.story, [e]);
      }
    },
  };
}

/**
 * Tells story matching of a snapshot this isolate wrote, as written: the index it keeps of that
 * scope (if any) takes the new articles now, from the objects in hand, instead of the next run
 * with news parsing the snapshot again to find them. At most `indexPerRun` indexed (the rest
 * wait, as in a run).
 */
export function snapshotWritten(scope: string, stored: object, articles: readonly StoredStory[], indexPerRun = Infinity): void {
  keepWritten(scope, { stored, articles: () => articles }, rememberingRun(), indexPerRun);
}
