import { attr, type HtmlElement } from '../normalize/html-tree';

/**
 * Items whose only link is a "Chi tiết" / "Xem tiếp" button: their title is the heading written
 * before it in the item, without a link of its own (`<h3>…</h3><p>…</p><a>Chi tiết</a>`).
 */

/** What a link says when it only leads on: "Xem thêm", "Chi tiết", "Đọc tiếp", "Read more", "»". */
export const READ_MORE = /^(?:xem (?:thêm|tiếp|chi tiết)|chi tiết|đọc (?:tiếp|thêm))/iu;
const LEADS_ON = /^(?:xem|read more|more|[»›>]+)$/iu;

export const leadsOn = (text: string) => READ_MORE.test(text) || LEADS_ON.test(text);

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** A title written as a styled block rather than a heading: `<div class="title">`, `<p class="tieu-de">`. */
const TITLE_CLASS = /(?:^|[\s_-])(?:title|tieude|tieu-de)(?:$|[\s_-])/i;

const isHeading = (el: HtmlElement) => HEADINGS.has(el.name) || TITLE_CLASS.test(attr(el, 'class') ?? '');

function holdsLink(el: HtmlElement): boolean {
  for (const c of el.children) if (c.type === 'element' && (c.name === 'a' || holdsLink(c))) return true;
  return false;
}

/** The last heading in `el` (itself included). */
function lastHeading(el: HtmlElement): HtmlElement | undefined {
  if (isHeading(el)) return el;
  for (let i = el.children.length - 1; i >= 0; i--) {
    const c = el.children[i];
    if (c.type !== 'element') continue;
    const found = lastHeading(c);
    if (found) return found;
  }
  return undefined;
}

/**
 * The link-free heading before `link` in its item: among its earlier siblings and its
 * containers' (three levels up), nearest first; a sibling holding a link ends the search
 * (another item, or a title that is a link itself).
 */
export function headingBefore(link: HtmlElement): HtmlElement | undefined {
  let node: HtmlElement = link;
  for (let level = 0; node.parent && node.parent.name !== '#document' && level < 3; level++, node = node.parent) {
    const siblings = node.parent.children;
    for (let i = siblings.indexOf(node) - 1; i >= 0; i--) {
      const s = siblings[i];
      if (s.type !== 'element') continue;
      if (s.name === 'a' || holdsLink(s)) return undefined;
      const heading = lastHeading(s);
      if (heading) return heading;
    }
  }
  return undefined;
}
