import { attr, descendants, type HtmlElement } from '../normalize/html-tree';
import { collapseSpaces } from '../vietnamese';
import { textContent } from '../normalize/html-tree';
import type { BlockStats } from './block-stats';
import { DOCUMENT_FILE } from './embedded-doc';

/**
 * A card of another article set inside the body (a paper's in-text "related story" box, no
 * label): a picture linked to a page and that page's title linked beside it, with at most a
 * line of summary. No part of the article, and its picture is no lead image.
 */

const CARD_MAX_CHARS = 400;
const TITLE_MIN_CHARS = 15;
const CARDS = new Set(['div', 'section', 'article', 'aside', 'table', 'figure', 'li', 'ul', 'p']);
const PICTURE_FILE = /\.(?:jpe?g|png|webp|gif|avif|bmp)(?:$|[?#])/i;

export function isTeaserCard(el: HtmlElement, stats: Map<HtmlElement, BlockStats>): boolean {
  const s = stats.get(el);
  if (!CARDS.has(el.name) || !s || !s.links || s.chars > CARD_MAX_CHARS) return false;
  const links = descendants(el).filter((d) => d.name === 'a');
  const pictured = new Set<string>();
  for (const a of links) {
    const href = pageHref(a);
    if (href && descendants(a).some((d) => d.name === 'img')) pictured.add(href);
  }
  if (!pictured.size) return false;
  return links.some((a) => {
    const href = pageHref(a);
    return !!href && pictured.has(href) && collapseSpaces(textContent(a)).trim().length >= TITLE_MIN_CHARS;
  });
}

/** A link's address when it leads to a page (not a picture, a document, an anchor or a script). */
function pageHref(a: HtmlElement): string | null {
  const href = (attr(a, 'href') ?? '').trim();
  if (!href || href.startsWith('#') || /^(?:javascript|mailto|tel):/i.test(href)) return null;
  return PICTURE_FILE.test(href) || DOCUMENT_FILE.test(href) ? null : href;
}
