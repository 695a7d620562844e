import { bodyText } from '../article/body-text';
import type { StoryWhy } from '../stories';
import { itemId, type FeedDoc } from './feed-doc';
import { rfc3339 } from './xml';

/**
 * JSON Feed 1.1 (`feed` writes 1.0). Items carry the article's content as
 * content_html and content_text when its page was read, else the summary as content_text; `_bantin` says which portal and region, and which other portals' copies the item stands for and why.
 */
export function renderJsonFeed(doc: FeedDoc): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: doc.title,
    home_page_url: doc.homeUrl,
    feed_url: doc.selfUrl,
    description: doc.description,
    language: 'vi',
    authors: [{ name: 'bantin', url: doc.homeUrl }],
    ...(doc.nextUrl ? { next_url: doc.nextUrl } : {}),
    items: doc.items.map((item) => ({
      id: itemId(item.id),
      url: item.url,
      title: item.title,
      ...(item.contentHtml
        ? { content_html: item.contentHtml, content_text: bodyText(item.contentHtml) }
        : { content_text: item.summary || item.title }),
      ...(item.summary ? { summary: item.summary } : {}),
      ...(item.image ? { image: item.image } : {}),
      date_published: rfc3339(item.published),
      ...(item.updated ? { date_modified: rfc3339(item.updated) } : {}),
      authors: [{ name: item.author || item.source.name }],
      ...(item.categories?.length ? { tags: item.categories } : {}),
      language: 'vi',
      _bantin: {
        source: { id: item.source.id, name: item.source.name, url: item.source.url, feed_url: doc.sourceFeedUrl(item.source.id), ...(item.source.icon ? { icon: item.source.icon } : {}) },
        region: item.source.region,
        ...(item.dateEstimated ? { date_estimated: true } : {}),
        ...(item.dateOnly ? { date_only: true } : {}),
        ...(item.alternates?.length
          ? {
              alternates: item.alternates.map((a) => ({
                id: itemId(a.id),
                url: a.url,
                title: a.title,
                source: { id: a.sourceId, name: a.sourceName },
                // Why the copies were grouped, so a wrong merge can be understood from outside.
                grouped_by: groupedBy(a.why()),
              })),
            }
          : {}),
        first_seen: rfc3339(item.firstSeen),
      },
    })),
  };
  return JSON.stringify(feed);
}

const groupedBy = (why: StoryWhy) => ({ similarity: why.score, shared_title_words: why.words, shared_names: why.names, shared_numbers: why.numbers });
