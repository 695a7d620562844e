import { imageType, itemId, type FeedDoc } from './feed-doc';
import { cdata, esc, rfc822 } from './xml';

/**
 * RSS 2.0, written by hand rather than with `feed`: that library keeps one enclosure,
 * prints `undefined` for bare categories and has no <source>; here every element
 * follows the RSS 2.0 spec (and RFC 5005's rel="next" through atom:link).
 */
/**
 * Readers take an RSS <description> as HTML: our plain-text summary is escaped as HTML
 * first (then as XML), so text like "<script>" shows as text and never runs.
 */
const textAsHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Some readers take <title> as HTML too. Angle brackets are escaped as HTML so a title like
 * "<img onerror=…>" stays text there; "&" is left alone, or titles such as "GD&ĐT" would
 * show "&amp;" in the many readers that take titles as plain text.
 */
const plainTitle = (text: string) => text.replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** RSS 2.0 as its lines: served encoded line by line, never joined into one long string. */
export function rssLines(doc: FeedDoc): string[] {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    `<title>${esc(doc.title)}</title>`,
    `<link>${esc(doc.homeUrl)}</link>`,
    `<description>${esc(doc.description)}</description>`,
    '<language>vi</language>',
    // Optional in RSS 2.0: an empty feed says nothing rather than 1 January 1970.
    ...(doc.updated ? [`<lastBuildDate>${rfc822(doc.updated)}</lastBuildDate>`] : []),
    '<generator>bantin</generator>',
    '<docs>https://www.rssboard.org/rss-specification</docs>',
    '<ttl>15</ttl>',
    `<atom:link href="${esc(doc.selfUrl)}" rel="self" type="application/rss+xml"/>`,
  ];
  if (doc.nextUrl) out.push(`<atom:link href="${esc(doc.nextUrl)}" rel="next" type="application/rss+xml"/>`);
  for (const item of doc.items) {
    out.push('<item>', `<title>${esc(plainTitle(item.title))}</title>`, `<link>${esc(item.url)}</link>`);
    // Copies of the story on other portals: one line at the end of the description.
    const also = item.alternates?.length ? `Cũng đăng trên: ${item.alternates.map((a) => `${a.sourceName} (${a.url})`).join('; ')}` : '';
    const description = [item.summary, also].filter(Boolean).join('\n\n');
    if (description) out.push(`<description>${esc(textAsHtml(description))}</description>`);
    if (item.contentHtml) out.push(`<content:encoded>${cdata(item.contentHtml)}</content:encoded>`);
    if (item.author) out.push(`<dc:creator>${esc(item.author)}</dc:creator>`);
    for (const c of item.categories ?? []) out.push(`<category>${esc(c)}</category>`);
    out.push(`<guid isPermaLink="false">${itemId(item.id)}</guid>`, `<pubDate>${rfc822(item.published)}</pubDate>`);
    if (item.image) {
      out.push(`<enclosure url="${esc(item.image)}" length="0" type="${imageType(item.image)}"/>`);
      out.push(`<media:thumbnail url="${esc(item.image)}"/>`);
    }
    out.push(`<source url="${esc(doc.sourceFeedUrl(item.sourceId))}">${esc(item.source.name)}</source>`, '</item>');
  }
  out.push('</channel>', '</rss>');
  return out;
}

export const renderRss = (doc: FeedDoc): string => rssLines(doc).join('\n');
