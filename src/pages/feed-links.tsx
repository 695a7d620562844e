import type { FC } from 'hono/jsx';
import type { FeedFormat } from '../serve/feed-doc';

export const FEED_LABELS: Record<FeedFormat, string> = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' };

/** Links to the feeds of what is on screen, for a feed reader. */
export const FeedLinks: FC<{ links: Record<FeedFormat, string> }> = ({ links }) => (
  <p class="feeds">
    Theo dõi tin này:
    {(['rss', 'atom', 'json'] as const).map((f) => (
      <a href={links[f]} type={f === 'json' ? 'application/feed+json' : `application/${f}+xml`}>
        {FEED_LABELS[f]}
      </a>
    ))}
  </p>
);
