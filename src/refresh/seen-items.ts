import type { SeenItems } from '../ingest/types';

/**
 * This isolate's item keys of the feed bodies it read, by source (RefreshDeps.seenItems): the
 * last two of each, since `state` may still name the one before the last (a source whose news
 * is stored over several runs keeps its older validators until all of it is).
 */
export type ItemsSeen = Map<string, SeenItems[]>;

export const newItemsSeen = (): ItemsSeen => new Map();

export function rememberSeen(seen: ItemsSeen, sourceId: string, items: SeenItems): void {
  const before = (seen.get(sourceId) ?? []).filter((s) => s.itemsHash !== items.itemsHash);
  seen.set(sourceId, [items, ...before].slice(0, 2));
}
