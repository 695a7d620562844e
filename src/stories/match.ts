import type { Article } from '../model';
import { rememberingRun } from './remembered';
import { conflicting, SAME_STORY_THRESHOLD, vectorResemblance } from './similarity';
import { vectorizer, type Vectors } from './vectors';
import type { Fingerprint } from './types';

/** Features at least this heavy index an article: normal syllables and names, not template words. */
const INDEX_MIN_WEIGHT = 0.5;
/** Articles one index feature may offer as candidates: a feature in more is common in the window. */
const PER_KEY = 40;

/** Copies of one story are at most this many calendar days apart (in Vietnam), all of them. */
export const WINDOW_DAYS = 4;
const DAY_MS = 24 * 60 * 60 * 1000;
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
/** The calendar day in Vietnam (UTC+07:00, no daylight saving) of an instant, as a day number. */
export const vietnamDay = (time: number) => Math.floor((time + VIETNAM_OFFSET_MS) / DAY_MS);

/** A stored article as story matching needs it. */
export type StoredStory = Pick<Article, 'id' | 'sourceId' | 'title' | 'summary' | 'published' | 'storyId'>;

export interface StoryMatcher {
  /**
   * Gives each new article that copies a stored one (from another source) that one's story id.
   * `scopes` are the snapshots to compare with (read once per run each).
   */
  assign(fresh: Article[], scopes: readonly string[]): Promise<void>;
}

interface Entry {
  sourceId: string;
  /** Vietnam calendar day (vietnamDay). */
  day: number;
  fp: Fingerprint;
  vectors: Vectors;
  story: string;
}

/** A story as stored so far: what a new copy must not clash with. */
interface Group {
  sources: Set<string>;
  /** Its earliest and latest copies' Vietnam calendar days. */
  first: number;
  last: number;
  fps: Fingerprint[];
}

/**
 * Story ids are set once, when an article is first stored, by comparing it with the
 * recent articles of other sources (the snapshots named by `scopes`: the whole country's
 * newest and the source's province's, which reaches further back when the country is
 * large) and with those stored earlier in the same run. Serving then groups by story id,
 * which costs nothing per request.
 *
 * Incremental, because a run meets the store once and new articles a few at a time: the
 * stored articles are indexed once per run (fingerprinted once per isolate: remembered.ts; by their discriminative
 * features: syllables and bigrams that are not stop or common words), and each new article
 * is compared only with the stored ones that share such a feature within the window. It
 * joins the most similar story it may join, or starts its own. A story never holds two
 * copies of one source (a source's own feed is never collapsed), its copies all lie within
 * `windowDays` calendar days of each other, and none of them conflicts with the newcomer
 * (different session numbers, places, people, stages: see similarity.ts). Stored articles
 * are never compared with one another again: their story ids are settled.
 */
export function storyMatcher(loadRecent: (scope: string) => Promise<StoredStory[]>, windowDays = WINDOW_DAYS, perKey = PER_KEY): StoryMatcher {
  const entries: Entry[] = [];
  const indexed = new Set<string>();
  const postings = new Map<string, number[]>();
  const groups = new Map<string, Group>();
  const fingerprintOf = rememberingRun();
  const vectorsOf = vectorizer();

  const add = (sourceId: string, day: number, fp: Fingerprint, story: string, vectors = vectorsOf(fp)) => {
    const i = entries.push({ sourceId, day, fp, vectors, story }) - 1;
    for (const [key, weight] of fp.all) {
      if (weight < INDEX_MIN_WEIGHT) continue;
      const list = postings.get(key);
      if (list) list.push(i);
      else postings.set(key, [i]);
    }
    let g = groups.get(story);
    if (!g) groups.set(story, (g = { sources: new Set(), first: day, last: day, fps: [] }));
    g.sources.add(sourceId);
    g.first = Math.min(g.first, day);
    g.last = Math.max(g.last, day);
    g.fps.push(fp);
  };

  /**
   * Stored entries near `day` sharing an index feature; per feature the `perKey` nearest in
   * time among the last `scan` indexed (postings run oldest to newest). A feature in more items
   * than that is common in the window, and this keeps a run's cost linear in its new articles
   * however many it indexes (a first run indexes every source's articles).
   */
  const scan = 4 * perKey;
  const candidates = (day: number, fp: Fingerprint): Set<number> => {
    const met = new Set<number>();
    for (const [key, weight] of fp.all) {
      if (weight < INDEX_MIN_WEIGHT) continue;
      const list = postings.get(key);
      if (!list) continue;
      // Few enough to take all of them: no list to make and sort.
      if (list.length <= perKey) {
        for (let k = list.length - 1; k >= 0; k--) if (Math.abs(entries[list[k]].day - day) <= windowDays) met.add(list[k]);
        continue;
      }
      const near: number[] = [];
      for (let k = list.length - 1; k >= 0 && k >= list.length - scan; k--) {
        if (Math.abs(entries[list[k]].day - day) <= windowDays) near.push(list[k]);
      }
      if (near.length > perKey) near.sort((x, y) => Math.abs(entries[x].day - day) - Math.abs(entries[y].day - day));
      for (let k = 0; k < near.length && k < perKey; k++) met.add(near[k]);
    }
    return met;
  };

  const mayJoin = (g: Group, sourceId: string, day: number, fp: Fingerprint) =>
    !g.sources.has(sourceId) &&
    Math.max(g.last, day) - Math.min(g.first, day) <= windowDays &&
    !g.fps.some((other) => conflicting(fp, other));

  const loaded = new Map<string, Promise<void>>();
  const load = (scope: string) => {
    let done = loaded.get(scope);
    if (!done) {
      done = loadRecent(scope).then((recent) => {
        // Oldest first, so postings run in time order and the newest are scanned first.
        for (const k of [...recent].sort((x, y) => x.published.localeCompare(y.published))) {
          const time = Date.parse(k.published);
          // Scopes overlap (a province's newest are in the country's): index each article once.
          if (!Number.isFinite(time) || indexed.has(k.id)) continue;
          indexed.add(k.id);
          const fp = fingerprintOf(k.title, k.summary);
          if (!fp.routine) add(k.sourceId, vietnamDay(time), fp, k.storyId ?? k.id);
        }
      });
      loaded.set(scope, done);
    }
    return done;
  };

  return {
    async assign(fresh, scopes) {
      if (!fresh.length) return;
      for (const scope of scopes) await load(scope);
      for (const a of fresh) {
        const time = Date.parse(a.published);
        // Without a readable date the window cannot be checked: the article stays alone.
        if (!Number.isFinite(time)) continue;
        const day = vietnamDay(time);
        const fp = fingerprintOf(a.title, a.summary);
        // A weekly agenda or a monthly case count is each portal's own, however alike.
        if (fp.routine) continue;
        const vectors = vectorsOf(fp);
        const scored: { story: string; score: number }[] = [];
        for (const j of candidates(day, fp)) {
          const e = entries[j];
          if (e.sourceId === a.sourceId) continue;
          // Conflicts are asked by mayJoin of every copy in the story, the candidate among them.
          const score = vectorResemblance(fp, vectors, e.fp, e.vectors);
          if (score >= SAME_STORY_THRESHOLD) scored.push({ story: e.story, score });
        }
        scored.sort((x, y) => y.score - x.score);
        const joined = scored.find((c) => mayJoin(groups.get(c.story)!, a.sourceId, day, fp));
        if (joined) a.storyId = joined.story;
        indexed.add(a.id);
        add(a.sourceId, day, fp, joined?.story ?? a.storyId ?? a.id, vectors);
      }
    },
  };
}
