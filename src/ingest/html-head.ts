import { attr, rawText, type HtmlElement } from '../normalize/html-tree';
import { resolveHref } from './html-urls';

/**
 * What a page's <head> says about itself: the feeds it announces (autodiscovery), its
 * <title>, its <base href> (which changes how every relative link resolves), and the
 * generator that made it (platform detection).
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
}

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
  for (const el of links) {
    const rel = (attr(el, 'rel') ?? '').toLowerCase().split(/\s+/);
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
