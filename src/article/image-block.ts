import { attr, descendants, type HtmlElement } from '../normalize/html-tree';
import { linkDensity, type BlockStats } from './block-stats';
import { isFurniture } from './boilerplate';
import { pictureUrl } from './clean';

/**
 * The picture a platform sets in a block of its own just before the body (Joomla K2's image
 * block, a paper's top photo): the lead image of a page that gives none in its `<meta>` and
 * none inside the body. Looked for among the few elements before the body's container (or its
 * parent's), in a block of little text: a picture with at most its caption.
 */

const SIBLINGS = 4;
const LEVELS = 2;
/** A caption's worth of text at most: more is a teaser or a box of other articles. */
const MAX_BLOCK_CHARS = 200;
const MAX_LINK_DENSITY = 0.3;
/** A site's banner named as such: the masthead, not the article's picture. */
const MASTHEAD_FILE = /[/_.-](?:banner|header|masthead)[^/]*$/i;
const PICTURE_FILE = /\.(?:jpe?g|png|webp|gif|avif)(?:$|[?#])/i;

export function imageBeforeBody(container: HtmlElement, stats: Map<HtmlElement, BlockStats>, baseUrl: string): string | undefined {
  let node: HtmlElement | null = container;
  for (let level = 0; node?.parent && level < LEVELS; node = node.parent, level++) {
    const siblings = node.parent.children.filter((c): c is HtmlElement => c.type === 'element');
    const at = siblings.indexOf(node);
    for (let i = at - 1; i >= 0 && i >= at - SIBLINGS; i--) {
      const src = blockPicture(siblings[i], stats, baseUrl);
      if (src) return src;
    }
  }
  return undefined;
}

function blockPicture(el: HtmlElement, stats: Map<HtmlElement, BlockStats>, baseUrl: string): string | undefined {
  const s = stats.get(el);
  // A masthead's banner sits beside its menu: a block mostly of links is no picture block.
  if (isFurniture(el) || (s && (s.chars > MAX_BLOCK_CHARS || linkDensity(s) > MAX_LINK_DENSITY))) return undefined;
  const img = el.name === 'img' ? el : descendants(el).find((d) => d.name === 'img');
  if (!img || linksElsewhere(img, el)) return undefined;
  const src = pictureUrl(img, baseUrl);
  return src && !MASTHEAD_FILE.test(src.split(/[?#]/)[0]) ? src : undefined;
}

/** A picture linked to another page is a teaser of that page; linked to a picture file, a zoom. */
function linksElsewhere(img: HtmlElement, block: HtmlElement): boolean {
  for (let p = img.parent; p && p !== block.parent; p = p.parent) {
    if (p.name === 'a' && !PICTURE_FILE.test(attr(p, 'href') ?? '')) return true;
  }
  return false;
}
