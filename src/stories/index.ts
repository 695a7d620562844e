/** Stories, not copies: one item per story across sources. */
export { fingerprint } from './fingerprint';
export { similarity, conflicting, SAME_STORY_THRESHOLD } from './similarity';
export type { Fingerprint } from './types';
export { snapshotWritten, storyMatcher, WINDOW_DAYS, type StoryMatcher, type StoredStory } from './match';
export { explainCopy, type StoryWhy } from './explain';
