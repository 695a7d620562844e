import { explainCopy } from '../stories';
import type { Alternate, FeedItem } from './feed-item';

/** Higher-level portals speak first: province 0, district 1, commune 2. */
const level = (i: FeedItem) => (i.source.region.commune ? 2 : i.source.region.district ? 1 : 0);

/** The copy that stands for a story: the highest-level portal's, then the earliest. */
function better(a: FeedItem, b: FeedItem): boolean {
  if (level(a) !== level(b)) return level(a) < level(b);
  if (a.published !== b.published) return a.published < b.published;
  return a.id < b.id;
}

/**
 * One item per story: copies of a story (same story id, set when they were stored) fold
 * into the copy that stands for it, which lists the others as alternates. Keeps the
 * newest-first order of the items that stay. Pure and linear: cheap on every request.
 */
export function collapseStories(items: FeedItem[]): FeedItem[] {
  const groups = new Map<string, FeedItem[]>();
  for (const item of items) {
    const key = item.storyId ?? item.id;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  const keep = new Map<string, FeedItem>();
  for (const group of groups.values()) {
    if (group.length === 1) continue;
    const primary = group.reduce((p, c) => (better(c, p) ? c : p));
    const alternates: Alternate[] = group
      .filter((c) => c !== primary)
      .map((c) => ({ id: c.id, url: c.url, title: c.title, sourceId: c.source.id, sourceName: c.source.name, why: () => explainCopy(primary, c) }));
    keep.set(primary.id, { ...primary, alternates });
  }
  return items.flatMap((item) => {
    const group = groups.get(item.storyId ?? item.id)!;
    if (group.length === 1) return [item];
    const stands = keep.get(item.id);
    return stands ? [stands] : [];
  });
}
