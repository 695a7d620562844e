import Parser from 'rss-parser';
import type { RawItem } from '../model';
import { datelineOf } from '../normalize/date';
import { firstImageIn } from './html-urls';
import { IngestError, type ParsedPage } from './types';
import {
  cutAfterLastItem,
  errorOffset,
  inlineAtom,
  itemsIntoChannel,
  mendEntities,
  sniffFeedRoot,
  type FeedRoot,
  type XmlFeedFormat,
} from './xml-salvage';
import { errorText } from '../error-text';
import { cutKnownItems, feedItems, ownLinks, unescapeMarkup } from './feed-items';

/**
 * RSS 0.9x/2.0, RDF (RSS 1.0) and Atom 1.0 to RawItems, through rss-parser's parseString.
 *
 * Dates stay as written: rss-parser's isoDate reads zone-less dates as UTC and day-first
 * dates wrong, so the normalize stage parses them. For the same reason the NukeViet
 * "minutes = month" check (untrustedTimes) is left to normalize, which has the parsed dates.
 */

type Node = Record<string, unknown>;

// Atom's link, published and updated are renamed before rss-parser sees them: its Atom
// builder throws on one unparseable <published> (RangeError, the whole feed lost), crashes on
// a <link> without attributes, and rewrites the date as ISO. We read them raw instead.
const ATOM_RENAMES: Record<string, string> = {
  link: 'bantin-link',
  published: 'bantin-published',
  updated: 'bantin-updated',
};

const ITEM_FIELDS: [string, string, { keepArray: boolean }][] = [
  ['content:encoded', 'contentEncoded', { keepArray: false }],
  ['dc:date', 'dcDate', { keepArray: false }],
  ['dc:creator', 'dcCreator', { keepArray: false }],
  ['a10:updated', 'a10Updated', { keepArray: false }], // .NET SyndicationFeed's RSS items
  ['media:content', 'mediaContent', { keepArray: true }],
  ['media:thumbnail', 'mediaThumbnail', { keepArray: true }],
  ['media:group', 'mediaGroup', { keepArray: true }],
  ['itunes:image', 'itunesImage', { keepArray: true }],
  ['enclosure', 'enclosures', { keepArray: true }],
  ['guid', 'guidNodes', { keepArray: true }],
  ['category', 'categoryNodes', { keepArray: true }],
  ['dc:subject', 'dcSubjects', { keepArray: true }], // RSS 1.0's categories
  ['author', 'authorNodes', { keepArray: true }],
  ['bantin-link', 'atomLinks', { keepArray: true }],
  ['bantin-published', 'atomPublished', { keepArray: false }],
  ['bantin-updated', 'atomUpdated', { keepArray: false }],
  // Atom 0.3's dates; RSS items dated by hand-written generators (`<pubdate>`, `<date>`, `<published>`).
  ['issued', 'atomIssued', { keepArray: false }],
  ['modified', 'atomModified', { keepArray: false }],
  ['created', 'atomCreated', { keepArray: false }],
  ['pubdate', 'pubdateLower', { keepArray: false }],
  ['PubDate', 'pubdateUpper', { keepArray: false }],
  ['date', 'plainDate', { keepArray: false }],
  ['published', 'plainPublished', { keepArray: false }],
  ['updated', 'plainUpdated', { keepArray: false }],
  // An item's picture in an element of the generator's own (`<image>`, `<thumb>`, `<imageUrl>`).
  ['image', 'ownImage', { keepArray: false }],
  ['thumb', 'ownThumb', { keepArray: false }],
  ['thumbnail', 'ownThumbnail', { keepArray: false }],
  ['imageUrl', 'ownImageUrl', { keepArray: false }],
];

/** The longest parser message we repeat in an error. */
const MESSAGE_MAX = 200;

/**
 * Given `known` (the item keys of a body whose items were stored, feed-items.ts), only the items
 * before the first known one are parsed, when that cut is certain; the page then says how many
 * it left out (`knownItems`) and gives every item's key (`itemKeys`) to know next time.
 */
export async function parseXmlFeed(body: string, known?: ReadonlySet<string>, url?: string): Promise<ParsedPage> {
  const sniffed = sniffFeedRoot(body);
  if ('notXml' in sniffed) throw new IngestError('not-a-feed', `not XML: body starts with ${preview(body)}`);
  if ('otherRoot' in sniffed) {
    throw new IngestError('not-a-feed', `not a feed: root element <${sniffed.otherRoot}> is not rss, rdf:RDF or feed`);
  }
  // The feed's address: the base below a relative xml:base.
  if (sniffed.format === 'atom') sniffed.xml = inlineAtom(sniffed.xml, url);
  if (sniffed.format === 'rss') sniffed.xml = itemsIntoChannel(sniffed.xml);

  const items = known ? feedItems(sniffed.xml) : undefined;
  const itemKeys = items ? { itemKeys: items.map((it) => it.key) } : {};
  const cut = items && known ? cutKnownItems(sniffed.xml, items, known, sniffed.format) : undefined;
  if (cut) {
    // Anything but the same new items parsed cleanly, and the whole body is parsed instead.
    const head = await attempt(cut.xml, sniffed).catch(() => undefined);
    if (head?.page && head.page.items.length === cut.fresh) return { ...head.page, knownItems: cut.known, knownDates: cut.knownDates, ...itemKeys };
  }
  const page = await parseWhole(sniffed);
  // Keys only of items all read: a damaged body's items past the damage were not stored.
  return !page.partial && page.items.length === items?.length ? { ...page, ...itemKeys } : page;
}

async function parseWhole(sniffed: FeedRoot): Promise<ParsedPage> {
  const first = await attempt(sniffed.xml, sniffed);
  if (first.page) return first.page;

  // Damaged: mend entities, then cut back to the last complete item before each error.
  let xml = mendEntities(sniffed.xml);
  let cut = false;
  for (let tries = 0; tries < 4; tries++) {
    const next = await attempt(xml, sniffed);
    if (next.page) {
      if (!cut) return next.page;
      if (next.page.items.length > 0) return { ...next.page, partial: true };
      break;
    }
    const shorter = cutAfterLastItem(xml, errorOffset(xml, next.error), sniffed);
    if (shorter === undefined) break;
    xml = shorter;
    cut = true;
  }
  throw new IngestError('parse', `malformed XML: ${firstLine(first.error)}`);
}

type Attempt = { page: ParsedPage; error?: undefined } | { page?: undefined; error: string };

/** One parse; XML syntax errors come back as values (to salvage), anything else throws. */
async function attempt(xml: string, root: FeedRoot): Promise<Attempt> {
  let feed: Node;
  try {
    feed = (await newParser(root.format).parseString(xml)) as unknown as Node;
  } catch (e) {
    const message = errorText(e);
    if (/\nLine: \d+\nColumn: \d+/.test(message)) return { error: message };
    if (/not recognized/i.test(message)) throw new IngestError('not-a-feed', `not a feed: ${firstLine(message)}`);
    // rss-parser's builders assume a shape (e.g. <rss> without <channel> is a TypeError).
    throw new IngestError('parse', `unreadable ${root.format} feed: ${firstLine(message)}`);
  }
  const items = Array.isArray(feed.items) ? (feed.items as unknown[]) : [];
  const page: ParsedPage = { format: root.format, items: ownLinks(items.map((it) => toRawItem(asNode(it) ?? {}, root.format))) };
  const title = text(feed.title);
  if (title) page.title = title;
  const builtAt = text(feed.lastBuildDate) ?? text(feed.pubDate);
  if (builtAt) page.builtAt = builtAt;
  // Atom's square icon before its wide logo; RSS's channel image.
  const icon = text(feed.icon) ?? text(feed.logo) ?? text(asNode(feed.image)?.url);
  if (icon) page.icon = icon;
  return { page };
}

/** A parser per call: xml2js keeps state across errors in one instance. */
function newParser(format: XmlFeedFormat): Parser {
  return new Parser({
    defaultRSS: 2, // <rss> with no or an odd version (portals write "1.0") read as 2.0
    customFields: { feed: ['icon', 'logo'], item: ITEM_FIELDS },
    xml2js: format === 'atom' ? { tagNameProcessors: [(name: string) => ATOM_RENAMES[name] ?? name] } : {},
  });
}

function toRawItem(it: Node, format: XmlFeedFormat): RawItem {
  const raw: RawItem = {};
  const guidNode = first(it.guidNodes);
  const guid = text(format === 'atom' ? it.id : guidNode) ?? text(it['rdf:about']);
  let link = format === 'atom' ? atomLink(it.atomLinks) : text(it.link);
  // RSS: a guid is a permalink unless isPermaLink="false"; Atom: an id that is an address, when no link is.
  if (!link && guid && (format === 'atom' || attr(guidNode, 'isPermaLink') !== 'false') && /^https?:\/\//i.test(guid)) {
    link = guid;
  }
  const summary = unescapeMarkup(format === 'atom' ? text(it.summary) : text(it.content) ?? text(it.summary));
  // No date element (RSS 0.91): the dateline the description opens with ("Ngày 07/12/2026, …").
  const date =
    (format === 'atom'
      ? text(it.atomPublished) ?? text(it.atomIssued) ?? text(it.atomCreated) ?? text(it.atomUpdated) ?? text(it.atomModified) ?? text(it.dcDate)
      : text(it.pubDate) ?? text(it.dcDate) ?? text(it.a10Updated) ?? text(it.pubdateLower) ?? text(it.pubdateUpper) ?? text(it.plainDate) ?? text(it.plainPublished) ?? text(it.plainUpdated)) ??
    datelineOf(summary);
  const author =
    format === 'atom'
      ? text(asNode(first(it.authorNodes))?.name) ?? text(it.dcCreator)
      : text(it.dcCreator) ?? text(first(it.authorNodes));

  set(raw, 'title', text(it.title));
  set(raw, 'link', link);
  set(raw, 'guid', guid);
  set(raw, 'date', date);
  set(raw, 'summary', summary);
  set(raw, 'contentHtml', unescapeMarkup(format === 'atom' ? text(it.content) : text(it.contentEncoded)));
  set(raw, 'image', imageOf(it) ?? firstImageIn(raw.summary) ?? firstImageIn(raw.contentHtml) ?? ownImage(it));
  set(raw, 'author', author);
  const categories = [...list(it.categoryNodes), ...list(it.dcSubjects)]
    .map((c) => text(c) ?? attr(c, 'label') ?? attr(c, 'term'))
    .filter((c): c is string => !!c);
  if (categories.length) raw.categories = categories;
  return raw;
}

/** Atom's page link: rel="alternate" (or no rel), preferring text/html. */
function atomLink(links: unknown): string | undefined {
  const alternates = list(links).filter((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate');
  const html = alternates.find((l) => /html/i.test(attr(l, 'type') ?? 'text/html'));
  const chosen = html ?? alternates[0];
  return attr(chosen, 'href') ?? (typeof chosen === 'string' ? text(chosen) : undefined);
}

const IMAGE_PATH = /\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)/i;

function isImage(type: string | undefined, url: string | undefined, medium?: string): boolean {
  if (medium) return medium === 'image';
  if (type) return /^image\//i.test(type);
  return !!url && IMAGE_PATH.test(url);
}

/** Enclosure of an image type, then media:content, media:thumbnail, itunes:image. */
function imageOf(it: Node): string | undefined {
  const enclosures = [
    ...list(it.enclosures),
    ...list(it.atomLinks).filter((l) => attr(l, 'rel') === 'enclosure').map((l) => ({ $: { ...attrs(l), url: attr(l, 'href') } })),
  ];
  const enclosure = enclosures.find((e) => isImage(attr(e, 'type'), attr(e, 'url')));
  const media = [...list(it.mediaContent), ...list(it.mediaGroup).flatMap((g) => list(asNode(g)?.['media:content']))];
  const content = media.find((m) => isImage(attr(m, 'type'), attr(m, 'url'), attr(m, 'medium')));
  const thumbs = [...list(it.mediaThumbnail), ...list(it.mediaGroup).flatMap((g) => list(asNode(g)?.['media:thumbnail']))];
  return (
    attr(enclosure, 'url') ??
    attr(content, 'url') ??
    thumbs.map((t) => attr(t, 'url')).find(Boolean) ??
    list(it.itunesImage).map((i) => attr(i, 'href')).find(Boolean)
  );
}

/** The generator's own image element: its text (or its `<url>`) when it reads as an address. */
function ownImage(it: Node): string | undefined {
  for (const v of [it.ownImage, it.ownThumb, it.ownThumbnail, it.ownImageUrl]) {
    const url = text(v) ?? text(asNode(v)?.url) ?? attr(v, 'url') ?? attr(v, 'src') ?? attr(v, 'href');
    if (url && /^(?:https?:)?\/\/|^\/[^/]/i.test(url) && !/\s/.test(url)) return url;
  }
  return undefined;
}

// --- reading xml2js values: a string, {_: text, $: attributes}, or arrays of either ---

function asNode(v: unknown): Node | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : undefined;
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined || v === null || v === '' ? [] : [v];
}

function first(v: unknown): unknown {
  return Array.isArray(v) ? v[0] : v;
}

/** Text of an element, trimmed; undefined when empty or not text. */
function text(v: unknown): string | undefined {
  const value = first(v);
  const s = typeof value === 'string' ? value : typeof asNode(value)?._ === 'string' ? (asNode(value)!._ as string) : undefined;
  const t = s?.trim();
  return t ? t : undefined;
}

function attrs(v: unknown): Record<string, unknown> {
  return asNode(asNode(v)?.$) ?? {};
}

function attr(v: unknown, name: string): string | undefined {
  const value = attrs(v)[name];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function set<K extends keyof RawItem>(item: RawItem, key: K, value: RawItem[K] | undefined): void {
  if (value !== undefined) item[key] = value;
}

function firstLine(message: string): string {
  const line = message.split('\n', 1)[0].trim();
  return line.length > MESSAGE_MAX ? `${line.slice(0, MESSAGE_MAX)}…` : line;
}

function preview(body: string): string {
  const head = body.slice(0, 24).replace(/[^\x20-\x7e]/g, '?');
  return JSON.stringify(head);
}
