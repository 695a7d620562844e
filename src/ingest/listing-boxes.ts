import { attr, rawText, type HtmlElement } from '../normalize/html-tree';
import { decodeEntities } from '../normalize/text';
import { foldForSearch } from '../vietnamese';
import { collapse } from './html-head';

/**
 * The boxes of a page around its lists, as a listing's reader tells them apart: a box headed as
 * another list ("Đọc nhiều", "Văn bản mới", "Thông báo"), unless its heading names the page
 * itself, and page chrome by its tags and names.
 */

/** Boxes of other lists, by their headings: most read, featured, newest, documents, notices, links. */
const OTHER_BOX =
  /nổi bật|đọc nhiều|xem nhiều|quan tâm|tin mới|mới nhất|mới cập nhật|văn bản|thông báo|liên kết|tin khác|cùng chuyên mục|liên quan|tiêu điểm|lịch công tác|video|hình ảnh|thư viện|chuyên đề/iu;
/** Page chrome by its names. */
const CHROME_NAME = /(?:^|[\s_-])(?:menu|nav|navbar|footer|breadcrumbs?|sidebar|widget|tags?|tagcloud|calendar|pager|pagination|paging|marquee|carousel|slider|slide|banner|most|popular|hot|links?)(?:$|[\s_-])/i;
const CHROME_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'marquee']);

/** The element's text when it is at most `max` characters (collapsed), else null: long boxes are never read whole. */
function shortText(el: HtmlElement, max: number): string | null {
  let raw = '';
  const walk = (e: HtmlElement): boolean => {
    for (const c of e.children) {
      if (c.type === 'text') raw += c.raw;
      else if (!SKIPPED.has(c.name)) {
        raw += ' ';
        if (!walk(c)) return false;
      }
      if (raw.length > max * 4 + 200) return false;
    }
    return true;
  };
  if (!walk(el)) return null;
  const text = collapse(decodeEntities(raw));
  return text.length <= max ? text : null;
}
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe']);

/** The short heading just before a box (or before one of its containers), if any. */
function boxHeading(el: HtmlElement): string | undefined {
  let node: HtmlElement | null = el;
  for (let level = 0; node?.parent && level < 3; level++, node = node.parent) {
    const siblings = node.parent.children;
    for (let i = siblings.indexOf(node) - 1; i >= 0; i--) {
      const s = siblings[i];
      if (s.type !== 'element') continue;
      const text = shortText(s, 50);
      if (text === '') continue;
      // A heading is short and links nowhere but to its box's page; a box of links before is no heading.
      return text !== null && isHeading(s, text) ? text : undefined;
    }
  }
  return undefined;
}

/** A short text first in a box, before its list (flat boxes put their heading beside their links). */
function ownHeading(el: HtmlElement): string | undefined {
  for (const c of el.children) {
    if (c.type !== 'element') continue;
    if (c.name === 'a' || c.name === 'img' || c.name === 'br') continue;
    const text = shortText(c, 50);
    if (text === '') continue;
    return text !== null && isHeading(c, text) ? text : undefined;
  }
  return undefined;
}

/** Most box headings are plain text; many link to the box's own page (`<h3><a href="/thong-bao">Thông báo</a></h3>`). */
function isHeading(el: HtmlElement, text: string): boolean {
  if (el.name === 'a') return false; // a link beside a box is one of its neighbours' items, not its heading
  const links = linksIn(el, 2);
  if (links.length === 0) return true;
  return links.length === 1 && text.split(' ').length <= 6 && collapse(decodeEntities(rawText(links[0]))) === text;
}

/** Up to `max + 1` links inside `el` (enough to tell "none", "one" and "more"). */
function linksIn(el: HtmlElement, max: number): HtmlElement[] {
  const out: HtmlElement[] = [];
  const walk = (e: HtmlElement) => {
    for (const c of e.children) {
      if (out.length > max || c.type !== 'element') continue;
      if (c.name === 'a') out.push(c);
      else walk(c);
    }
  };
  walk(el);
  return out;
}

/**
 * How far a box's names and its containers' tags say it is page chrome (menus, footers, sidebars): 1 when nothing does.
 * Names count within a few levels (wrappers far up name whole columns); a chrome tag counts at any depth
 * (a sidebar's archive list sits deep inside its `<aside>`).
 */
export function chromePenalty(el: HtmlElement): number {
  let penalty = 1;
  let node: HtmlElement | null = el;
  for (let level = 0; node && node.name !== '#document'; level++, node = node.parent) {
    if (CHROME_TAGS.has(node.name)) penalty *= 0.05;
    else if (level < 6 && CHROME_NAME.test(`${attr(node, 'class') ?? ''} ${attr(node, 'id') ?? ''}`)) penalty *= 0.2;
  }
  return penalty;
}

/** What names the page itself: its address and its `<title>` (raw). */
export interface PageName {
  url: string;
  title?: string;
}

const slugOf = (text: string) => foldForSearch(text).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * Whether a box's heading names the page itself: the page of notices ("/thong-bao", "Thông báo - …")
 * has its main list under "Thông báo", which elsewhere heads a box beside the news.
 */
export function namesPage(heading: string, page: PageName | undefined): boolean {
  const key = slugOf(heading);
  if (!page || !key) return false;
  const title = page.title ? foldForSearch(decodeEntities(page.title)) : '';
  const folded = foldForSearch(heading);
  if (title === folded || (title.startsWith(folded) && !/^[\p{L}\d]/u.test(title.slice(folded.length)))) return true;
  const url = new URL(page.url);
  const parts = [...url.pathname.split('/'), ...url.searchParams.values()].map((p) => slugOf(safeDecode(p).replace(/\.\w+$/, '')));
  return parts.some((p) => `-${p}-`.includes(`-${key}-`));
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The short heading just before a box (or before one of its containers), if any. */
export const headingOf = (box: HtmlElement): string | undefined => boxHeading(box);

/** Whether a box is headed (before it, or first inside it) as a list other than the page's own news. */
export function headsOtherList(box: HtmlElement, page: PageName | undefined): boolean {
  const other = (h: string | undefined) => !!h && OTHER_BOX.test(h) && !namesPage(h, page);
  return other(boxHeading(box)) || other(ownHeading(box));
}
