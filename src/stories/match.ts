import type { Article } from '../model';
import { clusterStories, DEFAULT_WINDOW_MS } from './cluster';
import { fingerprint } from './fingerprint';
import type { Fingerprint, StoryInput } from './types';

/** A stored article as story matching needs it. */
export type StoredStory = Pick<Article, 'id' | 'sourceId' | 'title' | 'summary' | 'published' | 'storyId'>;

export interface StoryMatcher {
  /** Gives each new article that copies a stored one (from another source) that one's story id. */
  assign(fresh: Article[]): Promise<void>;
}

/**
 * Story ids are set once, when an article is first stored, by comparing it with the
 * recent articles of other sources (the `all` snapshot) and with those stored earlier
 * in the same run. Serving then groups by story id, which costs nothing per request.
 * Fingerprints are computed once per article per run.
 */
export function storyMatcher(loadRecent: () => Promise<StoredStory[]>, windowMs = DEFAULT_WINDOW_MS): StoryMatcher {
  const fingerprints = new Map<string, Fingerprint>();
  const fingerprintOf = (i: StoryInput) => {
    let fp = fingerprints.get(i.id);
    if (!fp) fingerprints.set(i.id, (fp = fingerprint(i.title, i.summary)));
    return fp;
  };
  let pool: Promise<StoredStory[]> | null = null;
  return {
    async assign(fresh) {
      if (!fresh.length) return;
      const known = await (pool ??= loadRecent().then((r) => [...r]));
      const times = fresh.map((a) => Date.parse(a.published));
      const from = Math.min(...times) - windowMs;
      const to = Math.max(...times) + windowMs;
      const freshIds = new Set(fresh.map((a) => a.id));
      const near = known.filter((k) => !freshIds.has(k.id) && Date.parse(k.published) >= from && Date.parse(k.published) <= to);
      const byId = new Map<string, StoredStory>(near.map((k) => [k.id, k]));
      for (const story of clusterStories([...near, ...fresh], { windowMs, fingerprintOf })) {
        const members = [story.primary, ...story.alternates];
        const stored = members.map((id) => byId.get(id)).find(Boolean);
        if (!stored) continue;
        const key = stored.storyId ?? stored.id;
        for (const a of fresh) if (members.includes(a.id)) a.storyId = key;
      }
      known.push(...fresh);
    },
  };
}
