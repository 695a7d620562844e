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

/** Reads the head of a parsed page (elements anywhere count: portals put them in the body too). */
export function readHead(root: HtmlElement, pageUrl: string): HeadInfo {
  const head: HeadInfo = { base: pageUrl, feedLinks: [] };
  const links: HtmlElement[] = [];
  let baseSeen = false;
  const walk = (el: HtmlElement, inSvg: boolean) => {
    for (const c of el.children) {
      if (c.type !== 'element') continue;
      if (c.name === 'base' && !baseSeen && attr(c, 'href') !== null) {
        baseSeen = true;
        const url = resolveHref(rawAttr(c, 'href'), pageUrl);
        if (url) head.base = url;
      } else if (c.name === 'link') links.push(c);
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
    if (!rel.includes('alternate')) continue;
    const type = (attr(el, 'type') ?? '').split(';')[0].trim().toLowerCase();
    if (!FEED_TYPES.has(type)) continue;
    const url = resolveHref(rawAttr(el, 'href'), head.base);
    if (url && !head.feedLinks.includes(url)) head.feedLinks.push(url);
  }
  return head;
}

function rawAttr(el: HtmlElement, name: string): string | null {
  for (const [k, v] of el.attrs) if (k === name) return v;
  return null;
}
