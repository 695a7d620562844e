import type { Article } from '../model';
import { readBucket } from './bucket';
import { SNAP_ALL } from './keys';
import type { JsonStore } from './kv';
import { snapshotArticles } from './snapshot-read';
import type { SourceInfo } from './types';

/**
 * One stored article with its full content, from its source's bucket. Without the source,
 * the combined snapshot says which it is (so only its newest articles are found that way).
 */
export async function findArticle(store: JsonStore, id: string, sourceId?: string): Promise<{ article: Article; source: SourceInfo } | null> {
  const from = sourceId ?? (await snapshotArticles(store, SNAP_ALL)).find((a) => a.id === id)?.sourceId;
  const bucket = from ? await readBucket(store, from) : null;
  const article = bucket?.articles.find((a) => a.id === id);
  if (!bucket || !article) return null;
  return { article, source: bucket.source ?? { id: bucket.sourceId, name: bucket.sourceId, url: article.url, region: { province: '' } } };
}
