import type { FeedItem } from './feed-item';

/** Everything a renderer needs, independent of the output format. */
export interface FeedDoc {
  title: string;
  description: string;
  /** The human page this feed mirrors. */
  homeUrl: string;
  /** This feed's own URL in its format (atom:link rel=self, feed_url). */
  selfUrl: string;
  /** URL of the same feed in each format, for alternates. */
  formats: Record<FeedFormat, string>;
  /** ISO instant of the newest change; null when nothing was ever stored for this selection. */
  updated: string | null;
  /** ISO instant the document was made: Atom's required feed <updated> when nothing changed yet. */
  builtAt: string;
  items: FeedItem[];
  /** The next page, in this format (RFC 5005 / JSON Feed next_url). */
  nextUrl?: string;
  /** A source's own RSS feed on bantin (RSS <source url>, Atom <source>). */
  sourceFeedUrl: (sourceId: string) => string;
}

export type FeedFormat = 'rss' | 'atom' | 'json';

export const MEDIA_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/** The one item id every format uses: a URI, stable as the article id is. */
export const itemId = (id: string) => `urn:bantin:article:${id}`;

/** Best guess at an image's media type from its file name (enclosures need one). */
export function imageType(url: string): string {
  const ext = /\.([a-z0-9]+)(?:[?#]|$)/i.exec(new URL(url).pathname)?.[1]?.toLowerCase();
  return { png: 'image/png', gif: 'image/gif', webp: 'image/webp', svg: 'image/svg+xml', avif: 'image/avif' }[ext ?? ''] ?? 'image/jpeg';
}
