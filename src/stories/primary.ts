import type { StoryInput } from './types';

/**
 * Which copy of a story to show: the highest-level source's (lowest `level`: the province's
 * press release before the district's republication, whatever the dates say), then the
 * earliest, then the first given. A copy without a level ranks after those with one.
 */
export function comparePrimary(
  a: { item: StoryInput; time: number; order: number },
  b: { item: StoryInput; time: number; order: number },
): number {
  const la = a.item.level ?? Number.POSITIVE_INFINITY;
  const lb = b.item.level ?? Number.POSITIVE_INFINITY;
  if (la !== lb) return la < lb ? -1 : 1;
  if (a.time !== b.time) return a.time - b.time;
  return a.order - b.order;
}
