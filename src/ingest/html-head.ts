import type { EndTags } from './end-tags';
import { resolveHref } from './html-urls';

/**
 * What a page's <head> says about itself, gathered by handlers added to any HTMLRewriter
 * pass: the feeds it announces (autodiscovery), its <title>, and its <base href>, which
 * changes how every relative link after it resolves.
 */

const FEED_TYPES = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/feed+json',
  'application/rdf+xml',
]);

export interface HeadInfo {
  /** Base for relative URLs: the page URL, or its <base href> once seen. */
  base: string;
  title?: string;
  feedLinks: string[];
}

export function newHeadInfo(pageUrl: string): HeadInfo {
  return { base: pageUrl, feedLinks: [] };
}

/** Collapses runs of whitespace; entities are left for the normalize stage. */
export function collapse(text: string): string {
  const t = text.trim();
  // Most field texts only need trimming: test (no copy) before replacing.
  return /\s\s|[^\S ]/.test(t) ? t.replace(/\s+/g, ' ') : t;
}

/**
 * Adds the head handlers to `rewriter`. The title's text comes from a text handler scoped
 * to `title` (not one for the whole document, which would see every chunk of the page).
 */
export function watchHead(rewriter: HTMLRewriter, head: HeadInfo, ends: EndTags): void {
  let titleBuf: string | null = null;
  let titleDone = false;
  let baseSeen = false;

  rewriter.on('base[href]', {
    element(el) {
      if (baseSeen) return;
      baseSeen = true;
      const url = resolveHref(el.getAttribute('href'), head.base);
      if (url) head.base = url;
    },
  });

  rewriter.on('link[href]', {
    element(el) {
      const rel = (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
      if (!rel.includes('alternate')) return;
      const type = (el.getAttribute('type') ?? '').split(';')[0].trim().toLowerCase();
      if (!FEED_TYPES.has(type)) return;
      const url = resolveHref(el.getAttribute('href'), head.base);
      if (url && !head.feedLinks.includes(url)) head.feedLinks.push(url);
    },
  });

  rewriter.on('title', {
    element(el) {
      // Only the first HTML <title>: an inline <svg> may carry its own.
      if (titleDone || titleBuf !== null || el.namespaceURI !== 'http://www.w3.org/1999/xhtml') return;
      titleBuf = '';
      ends.on(el, () => {
        const text = collapse(titleBuf ?? '');
        titleBuf = null;
        titleDone = true;
        if (text) head.title = text;
      });
    },
    text(chunk) {
      if (titleBuf !== null && titleBuf.length < 1000) titleBuf += chunk.text;
    },
  });
}
