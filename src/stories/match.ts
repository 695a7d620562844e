import type { Article } from '../model';
import { DEFAULT_PER_KEY, INDEX_MIN_WEIGHT } from './candidates';
import { DEFAULT_WINDOW_MS } from './cluster';
import { fingerprint } from './fingerprint';
import { conflicting, SAME_STORY_THRESHOLD, similarity } from './similarity';
import type { Fingerprint } from './types';

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
  time: number;
  fp: Fingerprint;
  story: string;
}

/** A story as stored so far: what a new copy must not clash with (see clusterStories' rules). */
interface Group {
  sources: Set<string>;
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
 * stored articles are fingerprinted and indexed once per run (by the features
 * candidates.ts indexes on), and each new article is compared only with the stored ones
 * that share such a feature within the window. It joins the most similar story it may
 * join under clusterStories' rules (one copy per source, every copy within the window,
 * no conflicting copy), or starts its own. Stored articles are never compared with one
 * another again: their story ids are settled.
 */
export function storyMatcher(loadRecent: (scope: string) => Promise<StoredStory[]>, windowMs = DEFAULT_WINDOW_MS, perKey = DEFAULT_PER_KEY): StoryMatcher {
  const entries: Entry[] = [];
  const indexed = new Set<string>();
  const postings = new Map<string, number[]>();
  const groups = new Map<string, Group>();

  const add = (sourceId: string, time: number, fp: Fingerprint, story: string) => {
    const i = entries.push({ sourceId, time, fp, story }) - 1;
    for (const [key, weight] of fp.all) {
      if (weight < INDEX_MIN_WEIGHT) continue;
      const list = postings.get(key);
      if (list) list.push(i);
      else postings.set(key, [i]);
    }
    let g = groups.get(story);
    if (!g) groups.set(story, (g = { sources: new Set(), first: time, last: time, fps: [] }));
    g.sources.add(sourceId);
    g.first = Math.min(g.first, time);
    g.last = Math.max(g.last, time);
    g.fps.push(fp);
  };

  /**
   * Stored entries near `time` sharing an index feature; per feature the `perKey` nearest in
   * time among the last `scan` indexed (postings run oldest to newest). A feature in more items
   * than that is common in the window, as in candidates.ts, and this keeps a run's cost linear
   * in its new articles however many it indexes (a first run indexes every source's articles).
   */
  const scan = 4 * perKey;
  const candidates = (time: number, fp: Fingerprint): Set<number> => {
    const met = new Set<number>();
    for (const [key, weight] of fp.all) {
      if (weight < INDEX_MIN_WEIGHT) continue;
      const list = postings.get(key);
      if (!list) continue;
      const near: number[] = [];
      for (let k = list.length - 1; k >= 0 && k >= list.length - scan; k--) {
        if (Math.abs(entries[list[k]].time - time) <= windowMs) near.push(list[k]);
      }
      if (near.length > perKey) near.sort((x, y) => Math.abs(entries[x].time - time) - Math.abs(entries[y].time - time));
      for (const j of near.slice(0, perKey)) met.add(j);
    }
    return met;
  };

  const mayJoin = (g: Group, sourceId: string, time: number, fp: Fingerprint) =>
    !g.sources.has(sourceId) &&
    Math.max(g.last, time) - Math.min(g.first, time) <= windowMs &&
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
          add(k.sourceId, time, fingerprint(k.title, k.summary), k.storyId ?? k.id);
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
        const fp = fingerprint(a.title, a.summary);
        const scored = [...candidates(time, fp)]
          .filter((j) => entries[j].sourceId !== a.sourceId)
          .map((j) => ({ story: entries[j].story, score: similarity(fp, entries[j].fp) }))
          .filter((c) => c.score >= SAME_STORY_THRESHOLD)
          .sort((x, y) => y.score - x.score);
        const joined = scored.find((c) => mayJoin(groups.get(c.story)!, a.sourceId, time, fp));
        if (joined) a.storyId = joined.story;
        indexed.add(a.id);
        add(a.sourceId, time, fp, joined?.story ?? a.storyId ?? a.id);
      }
    },
  };
}
