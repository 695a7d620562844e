import { imageType, itemId, type FeedDoc } from './feed-doc';
import { cdata, esc, rfc3339 } from './xml';

/**
 * Atom 1.0 (RFC 4287): feed id, title, updated and author; per entry id, title,
 * link, updated, published, summary and a <source> naming the portal. Hand-written
 * because `feed` adds no author and no <source>.
 */
/** Atom as its lines: served encoded line by line, never joined into one long string. */
export function atomLines(doc: FeedDoc): string[] {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xml:lang="vi">',
    `<id>${esc(doc.formats.atom)}</id>`,
    `<title>${esc(doc.title)}</title>`,
    `<subtitle>${esc(doc.description)}</subtitle>`,
    `<updated>${rfc3339(doc.updated ?? doc.builtAt)}</updated>`,
    '<author><name>bantin</name></author>',
    '<generator>bantin</generator>',
    `<link rel="self" type="application/atom+xml" href="${esc(doc.selfUrl)}"/>`,
    `<link rel="alternate" type="text/html" href="${esc(doc.homeUrl)}"/>`,
  ];
  if (doc.nextUrl) out.push(`<link rel="next" type="application/atom+xml" href="${esc(doc.nextUrl)}"/>`);
  for (const item of doc.items) {
    const source = item.source;
    out.push(
      '<entry>',
      `<id>${itemId(item.id)}</id>`,
      `<title type="text">${esc(item.title)}</title>`,
      `<link rel="alternate" type="text/html" href="${esc(item.url)}"/>`,
      `<published>${rfc3339(item.published)}</published>`,
      `<updated>${rfc3339(item.updated ?? item.published)}</updated>`,
      `<author><name>${esc(item.author || source.name)}</name></author>`,
    );
    for (const a of item.alternates ?? []) out.push(`<link rel="related" type="text/html" href="${esc(a.url)}" title="${esc(a.sourceName)}"/>`);
    if (item.summary) out.push(`<summary type="text">${esc(item.summary)}</summary>`);
    if (item.contentHtml) out.push(`<content type="html">${cdata(item.contentHtml)}</content>`);
    for (const c of item.categories ?? []) out.push(`<category term="${esc(c)}"/>`);
    if (item.image) {
      out.push(`<link rel="enclosure" type="${imageType(item.image)}" href="${esc(item.image)}"/>`);
      out.push(`<media:thumbnail url="${esc(item.image)}"/>`);
    }
    out.push(
      '<source>',
      `<id>urn:bantin:source:${esc(source.id)}</id>`,
      `<title>${esc(source.name)}</title>`,
      `<link rel="alternate" type="text/html" href="${esc(source.url)}"/>`,
      `<link rel="self" type="application/rss+xml" href="${esc(doc.sourceFeedUrl(source.id))}"/>`,
      `<updated>${rfc3339(item.updated ?? item.published)}</updated>`,
      '</source>',
      '</entry>',
    );
  }
  out.push('</feed>');
  return out;
}

export const renderAtom = (doc: FeedDoc): string => atomLines(doc).join('\n');
