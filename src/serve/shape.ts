import { collapseStories } from './collapse';
import { paginate } from './cursor';
import { wordFilter } from './filter';
import type { FeedQuery } from './query';
import type { FeedItem } from './feed-item';

export interface Shaped {
  items: FeedItem[];
  /** Cursor of the next page, when there is one. */
  next?: string;
  /** Items over all pages, after the word filters and collapsing. */
  total: number;
}

/** From the selected articles to one page: word filters, one item per story, then the cursor window. */
export function shapeItems(items: FeedItem[], query: FeedQuery, now: Date): Shaped {
  const keep = wordFilter(query, now);
  const filtered = keep ? items.filter(keep) : items;
  const stories = query.dedupe ? collapseStories(filtered) : filtered;
  const { page, next } = paginate(stories, query.cursor, query.limit);
  return { items: page, next, total: stories.length };
}
