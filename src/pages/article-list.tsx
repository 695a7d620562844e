import type { Child, FC } from 'hono/jsx';
import type { FeedItem } from '../serve/feed-item';
import { vnDateTime } from './dates';
import { imageRoute } from '../images/route-url';
import { httpUrl } from './safe-url';
import { SourceIcon } from './source-icon';

/** One article: title linking to the portal's page, source, date in Vietnam time, summary, thumbnail. */
const ArticleItem: FC<{ item: FeedItem }> = ({ item }) => {
  const href = httpUrl(item.url);
  // Through bantin's image route: an http-only or hotlink-refusing portal image still shows.
  const image = imageRoute(httpUrl(item.image));
  return (
    <li class="article">
      <div class="body">
        <h2>{href ? <a href={href}>{item.title}</a> : item.title}</h2>
        <p class="meta">
          <SourceIcon icon={item.source.icon} />
          <a href={`/s/${encodeURIComponent(item.source.id)}`}>{item.source.name}</a>
          {' · '}
          <time datetime={item.published}>{vnDateTime(item.published, item.dateOnly)}</time>
          {item.dateEstimated ? ' (ngày lấy tin)' : ''}
        </p>
        {item.summary ? <p class="summary">{item.summary}</p> : null}
      </div>
      {image ? (
        <span class="thumb">
          <img src={image} alt="" loading="lazy" decoding="async" />
        </span>
      ) : null}
    </li>
  );
};

/** The articles of one page, newest first; a plain message when there are none. */
export const ArticleList: FC<{ items: FeedItem[]; empty: Child }> = ({ items, empty }) =>
  items.length ? (
    <ol class="articles">
      {items.map((item) => (
        <ArticleItem item={item} />
      ))}
    </ol>
  ) : (
    <p class="empty">{empty}</p>
  );
