import { decodeHTML } from 'entities';
import { attr, rawText, type HtmlElement } from '../normalize/html-tree';
import { resolveHref } from './html-urls';

/**
 * What a page's <head> says about itself: the feeds it announces (autodiscovery), its
 * <title>, its <base href> (which changes how every relative link resolves), the
 * generator that made it (platform detection), and its icon.
 */

const FEED_TYPES = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/feed+json',
  'application/rdf+xml',
]);

const XML_TYPES = new Set(['text/xml', 'application/xml']);

export interface HeadInfo {
  /** Base for relative URLs: the page URL, or its <base href>. */
  base: string;
  /** Raw (entity-encoded) and collapsed. */
  title?: string;
  feedLinks: string[];
  /** `<meta name="generator">`, decoded. */
  generator?: string;
  /** The site's icon (`<link rel="icon">`, then `shortcut icon`, then `apple-touch-icon`; no SVG), absolute. */
  icon?: string;
  /**
   * What the page's own links offer (followed when it announces no feed): the address of a feed file on the
   * site, the main one first (`/rss/trang-chu.rss`), else a page that lists the site's feeds
   * (`/rss.html`, a link reading "RSS"), to be looked at for them.
   */
  feedAnchors: string[];
  /** The feed to follow: the main one of `feedLinks` (see rankAlternates), else the first of `feedAnchors`. */
  feed?: string;
}

/** Icon link relations, most fitting first (a small square before a large touch icon). */
const ICON_RELS = ['icon', 'shortcut', 'apple-touch-icon', 'apple-touch-icon-precomposed'];

/** SVG icons are left out: the image route does not pass SVG on (it can carry script). */
const isSvg = (type: string, url: string) => type === 'image/svg+xml' || /\.svgz?(?:[?#]|$)/i.test(url);

/** Collapses runs of whitespace; entities are left for the normalize stage. */
export function collapse(text: string): string {
  const t = text.trim();
  // Most field texts only need trimming: test (no copy) before replacing.
  return /\s\s|[^\S ]/.test(t) ? t.replace(/\s+/g, ' ') : t;
}

/**
 * Reads the head of a parsed page (elements anywhere count: portals put them in the body too).
 * `section`: whose feed the page's links to feed files must name (see sectionOf).
 */
export function readHead(root: HtmlElement, pageUrl: string, section: string | null = sectionOf(pageUrl)): HeadInfo {
  const head: HeadInfo = { base: pageUrl, feedLinks: [], feedAnchors: [] };
  const links: HtmlElement[] = [];
  const anchors: HtmlElement[] = [];
  let baseSeen = false;
  const walk = (el: HtmlElement, inSvg: boolean) => {
    for (const c of el.children) {
      if (c.type !== 'element') continue;
      if (c.name === 'base' && !baseSeen && attr(c, 'href') !== null) {
        baseSeen = true;
        const url = resolveHref(rawAttr(c, 'href'), pageUrl);
        if (url) head.base = url;
      } else if (c.name === 'link') links.push(c);
      else if (c.name === 'a' && !inSvg) anchors.push(c);
      else if (c.name === 'title' && !inSvg && head.title === undefined) {
        const text = collapse(rawText(c)).slice(0, 1000);
        if (text) head.title = text;
      } else if (c.name === 'meta' && attr(c, 'name')?.toLowerCase() === 'generator' && !head.generator) {
        const g = attr(c, 'content')?.trim();
        if (g) head.generator = g;
      }
      walk(c, inSvg || c.name === 'svg');
    }
  };
  walk(root, false);
  // Links resolve against the base wherever it stands (as browsers do).
  const alternates: { url: string; title: string }[] = [];
  let iconRank = ICON_RELS.length;
  for (const el of links) {
    const rel = (attr(el, 'rel') ?? '').toLowerCase().split(/\s+/);
    // "shortcut icon" holds the token "icon" too: it ranks as the older spelling it is.
    const rank = rel.includes('shortcut') ? 1 : ICON_RELS.findIndex((r) => rel.includes(r));
    if (rank >= 0 && rank < iconRank) {
      const url = resolveHref(rawAttr(el, 'href'), head.base);
      const type = (attr(el, 'type') ?? '').trim().toLowerCase();
      if (url && !isSvg(type, url)) {
        head.icon = url;
        iconRank = rank;
      }
    }
    if (!rel.includes('alternate') && !rel.includes('feed')) continue;
    const type = (attr(el, 'type') ?? '').split(';')[0].trim().toLowerCase();
    // feed://host/rss (old portals' subscribe links) is http(s)://host/rss.
    const href = rawAttr(el, 'href')?.trim().replace(/^feed:(?=https?:)/i, '').replace(/^feed:\/\//i, 'http://');
    const url = resolveHref(href, head.base);
    // rel="feed" (HTML5) needs no type; text/xml and application/xml are feeds when the address says so.
    const isFeed = FEED_TYPES.has(type) || (rel.includes('feed') && !type) || (XML_TYPES.has(type) && !!url && /rss|feed|atom|rdf/i.test(new URL(url).pathname));
    if (!isFeed) continue;
    if (url && !alternates.some((a) => a.url === url)) alternates.push({ url, title: attr(el, 'title') ?? '' });
  }
  head.feedLinks = alternates.map((a) => a.url);
  head.feedAnchors = feedAnchors(anchors, head.base, pageUrl, section);
  head.feed = rankAlternates(alternates, pageUrl)[0] ?? head.feedAnchors[0];
  return head;
}

/** A feed of comments (WordPress announces one beside the main feed), not of news. */
const COMMENTS = /comment|b[iì]nh[\s_-]*lu[aậ]n/i;

const pathOf = (url: string) => new URL(url).pathname;
const depth = (url: string) => pathOf(url).split('/').filter(Boolean).length;

/**
 * The announced feeds, the one to follow first: a page below the site's root announcing a feed
 * under its own path (a category's feed) gives that; else the shallowest path (the site's main
 * feed, `/feed/`, before `/chuyen-muc/x/feed/`); comment feeds last. Otherwise the page's order.
 */
function rankAlternates(feeds: { url: string; title: string }[], pageUrl: string): string[] {
  const page = pathOf(pageUrl).replace(/[^/]*$/, '');
  const own = (url: string) => page !== '/' && pathOf(url).startsWith(page) && new URL(url).host === new URL(pageUrl).host;
  const key = (f: { url: string; title: string }) => (COMMENTS.test(f.url) || COMMENTS.test(f.title) ? 1000 : 0) + (own(f.url) ? 0 : 100) + depth(f.url);
  return feeds.map((f, i) => ({ f, i, k: key(f) })).sort((a, b) => a.k - b.k || a.i - b.i).map(({ f }) => f.url);
}

/** A feed file's address: `.rss`, `.atom`, `.rdf`, or `.xml` under a path naming a feed. */
const FEED_FILE = /\.(?:rss|atom|rdf)$|(?:rss|feed|atom)[^/]*\/[^/]*\.xml$|\/(?:rss|feed|atom)[^/]*\.xml$/i;
/** A page that lists the feeds (`/rss`, `/rss.html`, `/rss-feeds.aspx`, `/vi/rss/`), or that may be the feed. */
const FEED_PAGE = /\/rss(?:[-_]?feeds?)?(?:\/(?:index|default|home))?(?:\.(?:html?|aspx?|php|jsp))?\/?$/i;
/** An address that FEED_FILE or FEED_PAGE may take, before it is resolved. */
const MAY_BE_FEED = /rss|feed|atom|rdf/i;
/** A link named as the page of feeds. */
const RSS_NAME = /^rss$/i;
/** A link reading "RSS" (by its text, or its title when it has none); a link of more than a few nodes is no such name. */
const namedRss = (a: HtmlElement) => {
  const text = shortText(a, 16);
  return text !== null && RSS_NAME.test(text.trim() || (attr(a, 'title') ?? '').trim());
};

/** An element's text when it has at most `max` characters (null past that, read no further). */
function shortText(el: HtmlElement, max: number): string | null {
  let text = '';
  for (const c of el.children) {
    const t = c.type === 'text' ? c.raw : c.type === 'element' ? shortText(c, max - text.length) : '';
    if (t === null || text.length + t.length > max) return null;
    text += t;
  }
  return text;
}
/** Names of the main feed: the home page's, the newest news. */
const MAIN = /trang[\s_-]*ch[uủ]|tin[\s_-]*m[oớ]i|m[oớ]i[\s_-]*nh[aấ]t|t[aấ]t[\s_-]*c[aả]|home|latest|index|^all$|^rss$/i;

const sameSite = (a: string, b: string) => new URL(a).hostname.replace(/^www\./, '') === new URL(b).hostname.replace(/^www\./, '');

/** Text folded for comparing names with addresses: no diacritics, lower case, words joined by "-". */
const fold = (t: string) =>
  decodeHTML(t).normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** The last name of an address's path without its extension (`/rss/tin-tuc.rss` → `tin-tuc`), `rss`/`feed` folders skipped. */
export const slugOf = (url: string) => pathOf(url).split('/').filter((p) => p && !/^(?:rss|feeds?|atom)$/i.test(p)).pop()?.replace(/\.\w+$/, '').toLowerCase() ?? '';

/** A page of the site's root (`/`, `/vi/`, `/index.php`, `/trang-chu.html`): its feed is the main one. */
const HOME = /^\/(?:[a-z]{2}\/?)?(?:(?:index|default|home|trang-?chu|portal)(?:\.\w+)?\/?)?$/i;

/** The section of a page whose address does not name it: no link to a feed fits it. */
const UNNAMED = '?';

/**
 * The section a page shows (`/tin-tuc-su-kien/` → `tin-tuc-su-kien`), whose feed its links must
 * name; null for the site's home page or a page of feeds (`/rss.html`), whose main feed fits.
 */
export function sectionOf(pageUrl: string): string | null {
  const path = pathOf(pageUrl);
  // A page told by its query (`/index.php?cat=5`) names no section its links could be matched with.
  if (new URL(pageUrl).search && !FEED_PAGE.test(path)) return UNNAMED;
  if (HOME.test(path) || FEED_PAGE.test(path)) return null;
  return slugOf(pageUrl) || null;
}

/**
 * The page's links to feed files of its own site, the one to follow first: for a section's page
 * the feed named for that section (by its address or its link's text) or none; else the main
 * one (named for the home page or the newest news, else the first in the page). Then links to a
 * page listing the feeds.
 */
function feedAnchors(anchors: HtmlElement[], base: string, pageUrl: string, section: string | null): string[] {
  const files = new Map<string, string>();
  const pages: string[] = [];
  if (section === UNNAMED) return [];
  for (const a of anchors) {
    // Most of a page's links are to articles: only an address or a name that may be a feed's is resolved.
    const href = rawAttr(a, 'href');
    if (!href || (!MAY_BE_FEED.test(href) && !namedRss(a))) continue;
    const raw = rawText(a);
    const url = resolveHref(href, base);
    if (!url || !sameSite(url, pageUrl) || url === pageUrl) continue;
    const path = pathOf(url);
    const text = collapse(decodeHTML(raw) || attr(a, 'title') || '');
    if (FEED_FILE.test(path)) files.set(url, [files.get(url) ?? '', text].join(' ').trim());
    else if ((FEED_PAGE.test(path) || RSS_NAME.test(text)) && !pages.includes(url)) pages.push(url);
  }
  const list = [...files];
  const fits = section
    ? ([url, text]: [string, string]) => slugOf(url) === section || fold(text) === section
    : ([url, text]: [string, string]) => MAIN.test(text) || MAIN.test(slugOf(url));
  const chosen = list.find(fits);
  const ordered = section ? (chosen ? [chosen[0]] : []) : chosen ? [chosen[0], ...list.filter(([u]) => u !== chosen[0]).map(([u]) => u)] : list.map(([u]) => u);
  return [...ordered, ...pages];
}

function rawAttr(el: HtmlElement, name: string): string | null {
  for (const [k, v] of el.attrs) if (k === name) return v;
  return null;
}
