import { attr, textContent, type HtmlElement } from '../normalize/html-tree';
import { linkDensity, type BlockStats } from './block-stats';
import { isFurniture } from './boilerplate';
import { camelWords } from './page-facts';

/**
 * The lead paragraph (sapo) that newspapers and portals set apart just before the body's
 * container, in bold or a class of its own: part of the article, so it opens the body.
 * Looked for among the few elements before the container (or before its parent, when the
 * container is wrapped), by a class or id that names a lead; none when the body repeats it.
 */

const LEAD_NAME = /(?:^|[-_\s])(?:sapo|lead|chapeau|description|desc|summary|tomtat|tom-tat|trichyeu|trich-yeu|mota|mo-ta|intro|excerpt|teaser)(?:$|[-_\s])/i;
/** Elements looked at before the container, and how far up. */
const SIBLINGS = 4;
const LEVELS = 2;
const MIN_LEAD_CHARS = 40;

export function findLead(container: HtmlElement, stats: Map<HtmlElement, BlockStats>): HtmlElement | null {
  let node: HtmlElement | null = container;
  for (let level = 0; node?.parent && level < LEVELS; node = node.parent, level++) {
    const siblings = node.parent.children.filter((c): c is HtmlElement => c.type === 'element');
    const at = siblings.indexOf(node);
    for (let i = at - 1; i >= 0 && i >= at - SIBLINGS; i--) {
      const el = siblings[i];
      if (isLead(el, stats)) return repeats(container, el) ? null : el;
    }
  }
  return null;
}

function isLead(el: HtmlElement, stats: Map<HtmlElement, BlockStats>): boolean {
  if (isFurniture(el) || el.name === 'h1') return false;
  const named = LEAD_NAME.test(camelWords(attr(el, 'class') ?? '')) || LEAD_NAME.test(camelWords(attr(el, 'id') ?? ''));
  const s = stats.get(el);
  return named && !!s && s.chars - s.linkChars >= MIN_LEAD_CHARS && linkDensity(s) < 0.3;
}

/** Some pages print the lead again as the body's first paragraph. */
function repeats(container: HtmlElement, lead: HtmlElement): boolean {
  const start = textContent(lead).replace(/\s+/g, ' ').trim().slice(0, 60);
  return textContent(container).replace(/\s+/g, ' ').includes(start);
}
