/** Stories, not copies: one item per story across sources (issue 7). */
export { clusterStories, DEFAULT_WINDOW_MS, type ClusterOptions } from './cluster';
export { fingerprint } from './fingerprint';
export { similarity, conflicting, SAME_STORY_THRESHOLD } from './similarity';
export type { Story, StoryInput, Fingerprint } from './types';
export { storyMatcher, type StoryMatcher, type StoredStory } from './match';
