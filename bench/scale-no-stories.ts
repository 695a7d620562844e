import type { Article } from '../src/model';
import type { StoryWhy } from '../src/stories/explain';

/**
 * Stand-in for src/stories in the scale benchmark's "no story matching" runs (bundled in place
 * of `../stories` through a config-level alias): the refresh without cross-source story matching,
 * to show what the rest of the design costs. Exports what src/refresh and src/serve import.
 */
export type { StoryWhy };

export interface StoryMatcher {
  assign(fresh: Article[]): Promise<void>;
}

export function storyMatcher(_loadRecent?: unknown, _windowMs?: number): StoryMatcher {
  return { assign: async () => {} };
}

/** Nothing is indexed, so nothing is kept. */
export function snapshotWritten(_scope: string, _stored: object, _articles: readonly unknown[], _indexPerRun?: number): void {}

/** No article joins a story here, so no copy is ever explained; an empty reason if asked. */
export function explainCopy(_shown: unknown, _copy: unknown): StoryWhy {
  return { score: 0, words: [], names: [], numbers: [] };
}
