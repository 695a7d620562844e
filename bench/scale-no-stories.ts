import type { Article } from '../src/model';

/**
 * Stand-in for src/stories in the scale benchmark's "no story matching" runs (bundled in place
 * of `../stories` with wrangler's --alias): the refresh without cross-source story matching,
 * to show what the rest of the design costs. Exports what src/refresh/run.ts imports.
 */
export interface StoryMatcher {
  assign(fresh: Article[]): Promise<void>;
}

export function storyMatcher(_loadRecent?: unknown, _windowMs?: number): StoryMatcher {
  return { assign: async () => {} };
}
