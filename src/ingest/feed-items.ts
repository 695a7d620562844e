import { decodeHTML } from 'entities';
import type { RawItem } from '../model';
/**
 * A feed body's items found in its raw text, without a parser: where each `<item>` / `<entry>`
 * starts and ends, and a key of the text it is identified by (guid, id, links, rdf:about as
 * written). Feeds list newest first, so a body fetched again can be cut to its head and the
 * items before the first one a stored body already had: only those are parsed.
 *
 * Every doubt gives undefined, and the caller parses the whole body: an item without a guid,
 * id, link or rdf:about, two items with one key, an item inside an item, an unclosed item,
 * CDATA section or comment, a new item after a known one (not newest first), anything but
 * white space between the known items.
 */

export interface FeedItem {
  start: number;
  end: number;
  key: string;
}

/** An item's start or end tag, with or without a namespace prefix (not `<items>`, RSS 1.0's list of ids), or a part whose text is no markup. */
const TOKEN = /<!\[CDATA\[|<!--|<(\/?)((?:[A-Za-z_][\w.-]*:)?(?:item|entry))(?=[\s>/])/g;

/** What an item is told apart by: its guid (Atom: id) and links, as written. */
const IDENTITY = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<(guid|id|link)(?=[\s>/])([^>]*)>/g;
const ABOUT = /\s(?:[\w.-]+:)?about\s*=\s*("[^"]*"|'[^']*')/;

/** The body's items in order, or undefined when they cannot be told apart for certain (see above). */
export function feedItems(xml: string): FeedItem[] | undefined {
  const items: FeedItem[] = [];
  const keys = new Set<string>();
  let open: { start: number; name: string } | undefined;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(xml); m; m = TOKEN.exec(xml)) {
    if (m[0] === '<![CDATA[' || m[0] === '<!--') {
      const close = xml.indexOf(m[0] === '<!--' ? '-->' : ']]>', TOKEN.lastIndex);
      if (close < 0) return undefined;
      TOKEN.lastIndex = close + 3;
      continue;
    }
    const gt = xml.indexOf('>', TOKEN.lastIndex);
    if (gt < 0) return undefined;
    TOKEN.lastIndex = gt + 1;
    if (!m[1]) {
      // A start tag: items do not nest, and an empty item (`<item/>`) has nothing to tell it by.
      if (open || xml[gt - 1] === '/') return undefined;
      open = { start: m.index, name: m[2] };
      continue;
    }
    if (!open || open.name !== m[2]) return undefined;
    const key = itemKey(xml.slice(open.start, gt + 1));
    if (key === undefined || keys.has(key)) return undefined;
    keys.add(key);
    items.push({ start: open.start, end: gt + 1, key });
    open = undefined;
  }
  return open ? undefined : items;
}

/** The item's guid, id and link elements and its rdf:about, as written; undefined when it has none. */
function itemKey(item: string): string | undefined {
  const parts: string[] = [];
  const about = ABOUT.exec(item.slice(0, item.indexOf('>') + 1))?.[1];
  if (about && about.length > 2) parts.push(about);
  IDENTITY.lastIndex = item.indexOf('>') + 1;
  for (let m = IDENTITY.exec(item); m; m = IDENTITY.exec(item)) {
    if (!m[1]) continue;
    if (m[2].endsWith('/')) {
      parts.push(`<${m[1]}${m[2]}>`);
      continue;
    }
    const close = item.indexOf(`</${m[1]}`, IDENTITY.lastIndex);
    if (close < 0) return undefined;
    parts.push(`<${m[1]}${m[2]}>${item.slice(IDENTITY.lastIndex, close).trim()}`);
    IDENTITY.lastIndex = close;
  }
  const told = parts.some((p) => !/^<\w+[^>]*>$/.test(p) || /\bhref\s*=/.test(p));
  return told ? parts.join('\n') : undefined;
}

/** Where an item's date may be written, in the order feed-xml.ts reads them for each format. */
const DATE_ORDER: Record<'rss' | 'rdf' | 'atom', string[]> = {
  rss: ['pubDate', 'dc:date', 'a10:updated'],
  rdf: ['pubDate', 'dc:date', 'a10:updated'],
  atom: ['published', 'updated', 'dc:date'],
};
const DATE = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<(pubDate|dc:date|a10:updated|published|updated)(?=[\s>/])[^>]*>/g;

/**
 * An item's date as written (the first of the elements the parser reads, its text trimmed, a
 * CDATA wrapper taken off), for the checks that look at every item's date; undefined if none.
 */
export function itemDate(item: string, format: 'rss' | 'rdf' | 'atom'): string | undefined {
  const found = new Map<string, string>();
  DATE.lastIndex = 0;
  for (let m = DATE.exec(item); m; m = DATE.exec(item)) {
    if (!m[1] || found.has(m[1]) || m[0].endsWith('/>')) continue;
    const close = item.indexOf(`</${m[1]}`, DATE.lastIndex);
    if (close < 0) break;
    const text = item.slice(DATE.lastIndex, close).trim().replace(/^<!\[CDATA\[([\s\S]*)\]\]>$/, '$1').trim();
    if (text) found.set(m[1], text);
    DATE.lastIndex = close;
  }
  return DATE_ORDER[format].map((name) => found.get(name)).find((d) => d !== undefined);
}

/** The new items of a body, and the body cut to them: what remains to parse. */
export interface NewItemsCut {
  /** The body less its known items: the head, the new items, and what follows the last item. */
  xml: string;
  /** How many new items it keeps (the first ones). */
  fresh: number;
  /** How many known items were cut. */
  known: number;
  /** Their dates as written (itemDate), for the checks on every item's date. */
  knownDates: string[];
}

/**
 * The body cut after its new items, given the keys of a stored body's items; undefined when
 * nothing is to be cut (no item known) or the cut is not certain (see above).
 */
export function cutKnownItems(xml: string, items: readonly FeedItem[], known: ReadonlySet<string>, format: 'rss' | 'rdf' | 'atom'): NewItemsCut | undefined {
  const first = items.findIndex((it) => known.has(it.key));
  if (first < 0) return undefined;
  for (let i = first; i < items.length; i++) {
    if (!known.has(items[i].key)) return undefined; // a new item after a known one
    if (i > first && xml.slice(items[i - 1].end, items[i].start).trim() !== '') return undefined;
  }
  const last = items[items.length - 1];
  const knownDates = items.slice(first).flatMap((it) => itemDate(xml.slice(it.start, it.end), format) ?? []);
  return { xml: xml.slice(0, items[first].start) + xml.slice(last.end), fresh: first, known: items.length - first, knownDates };
}

// ---- items as generators write them wrong ----------------------------------------------------

/**
 * Items of different titles sharing one link (a generator writing the site's address into every
 * <link>) are told apart by their guids, when each is an address of its own: the guid is the link.
 */
export function ownLinks(items: RawItem[]): RawItem[] {
  const byLink = new Map<string, Set<string | undefined>>();
  for (const i of items) if (i.link) byLink.set(i.link, (byLink.get(i.link) ?? new Set()).add(i.title));
  const guids = new Set<string>();
  for (const i of items) if (i.guid) guids.add(i.guid);
  return items.map((i) =>
    i.link && (byLink.get(i.link)?.size ?? 0) > 1 && i.guid && i.guid !== i.link && /^https?:\/\//i.test(i.guid) && guids.size === items.length ? { ...i, link: i.guid } : i,
  );
}

/**
 * HTML escaped twice (`&lt;p&gt;` inside CDATA): with no markup of its own but escaped tags,
 * the text is unescaped once, so its tags are tags and not words of the summary.
 */
export function unescapeMarkup(html: string | undefined): string | undefined {
  if (!html || html.includes('<') || !/&lt;\/?(?:p|div|br|img|a|b|strong|em|i|span)\b/i.test(html)) return html;
  return decodeHTML(html);
}
