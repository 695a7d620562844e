import { bodyText } from '../article/body-text';
import type { Article } from '../model';
import type { FeedItem } from './feed-item';

/** An article as the JSON API shows it (snake case, like JSON Feed). */
export function articleJson(item: FeedItem | (Article & { source: FeedItem['source'] })) {
  return {
    id: item.id,
    url: item.url,
    title: item.title,
    summary: item.summary,
    ...(item.contentHtml ? { content_html: item.contentHtml, content_text: bodyText(item.contentHtml) } : {}),
    ...(item.image ? { image: item.image } : {}),
    date_published: item.published,
    ...(item.dateEstimated ? { date_estimated: true } : {}),
    ...(item.dateOnly ? { date_only: true } : {}),
    ...(item.updated ? { date_modified: item.updated } : {}),
    first_seen: item.firstSeen,
    ...(item.author ? { author: item.author } : {}),
    ...(item.categories?.length ? { tags: item.categories } : {}),
    source: { id: item.source.id, name: item.source.name, url: item.source.url, ...(item.source.retired ? { retired: true } : {}) },
    region: item.source.region,
  };
}
