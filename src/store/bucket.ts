import type { Article } from '../model';
import { bucketKey } from './keys';
import type { JsonStore } from './kv';
import type { Bucket } from './types';

export const DEFAULT_BUCKET_CAP = 200;

export interface BucketMerge {
  articles: Article[];
  changed: boolean;
  /** Articles new to the bucket. */
  added: number;
  /** Known articles whose content changed. */
  updated: number;
}

/** Newest first; ties broken by id, so the order is total and cursors can name a position in it. */
export function byNewest(a: Pick<Article, 'published' | 'id'>, b: typeof a): number {
  if (a.published !== b.published) return a.published < b.published ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Fields an article's own page sets (article/apply.ts). */
const PAGE_FIELDS = ['contentHtml', 'published', 'dateEstimated', 'author', 'image', 'pageRead'] as const;

/** The fields whose change makes a stored article "updated". */
function contentOf(a: Article): string {
  return JSON.stringify([a.url, a.title, a.summary, a.contentHtml ?? '', a.image ?? '', a.author ?? '', a.dateEstimated ? '' : a.published]);
}

/**
 * Merges a fetch's articles into a source's stored ones. An article seen again keeps
 * its id, first-seen time and (when the source gives none) its estimated date; it is
 * replaced only when its content changed. Articles missing from the fetch stay:
 * listing pages show only the newest few, and an empty page must not erase history.
 */
export function mergeBucket(stored: Article[], fetched: Article[], now: Date, cap = DEFAULT_BUCKET_CAP): BucketMerge {
  const byId = new Map(stored.map((a) => [a.id, a]));
  // The same guid under a new URL is the same article (portals re-slug titles).
  const idByGuid = new Map(stored.filter((a) => a.guid).map((a) => [a.guid!, a.id]));
  let added = 0;
  let updated = 0;
  const seen = new Set<string>();
  for (const incoming of fetched) {
    const id = byId.has(incoming.id) ? incoming.id : (incoming.guid && idByGuid.get(incoming.guid)) || incoming.id;
    if (seen.has(id)) continue; // duplicate within one fetch: first wins
    seen.add(id);
    const old = byId.get(id);
    if (!old) {
      byId.set(id, incoming);
      if (incoming.guid) idByGuid.set(incoming.guid, id);
      added++;
      continue;
    }
    const next: Article = {
      ...incoming,
      id,
      firstSeen: old.firstSeen,
      // Its story was settled when it was first stored.
      ...(old.storyId ? { storyId: old.storyId } : {}),
      // An estimated date is when we first saw it; a later fetch must not move it.
      ...(incoming.dateEstimated ? { published: old.published, dateEstimated: old.dateEstimated } : {}),
    };
    // What the article's own page gave outlives the listing's shorter version of it.
    if (old.pageRead) {
      for (const field of PAGE_FIELDS) {
        if (old[field] === undefined) delete next[field];
        else (next as unknown as Record<string, unknown>)[field] = old[field];
      }
    }
    if (!old.dateEstimated && incoming.dateEstimated) {
      next.published = old.published;
      delete next.dateEstimated;
    }
    if (contentOf(next) !== contentOf(old)) {
      next.updated = now.toISOString();
      byId.set(id, next);
      updated++;
    }
  }
  const all = [...byId.values()].sort(byNewest);
  const articles = all.slice(0, cap);
  const dropped = all.length - articles.length;
  // Retention drops only the oldest; that alone is a change only if a new one came in.
  const changed = added > 0 || updated > 0 || dropped > 0;
  return { articles, changed, added, updated };
}

/** One source's stored bucket, or null before its first articles. */
export const readBucket = (store: JsonStore, sourceId: string) => store.getJson<Bucket>(bucketKey(sourceId));

export const writeBucket = (store: JsonStore, bucket: Bucket) => store.putJson(bucketKey(bucket.sourceId), bucket);
