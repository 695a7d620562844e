import type { RawItem } from '../model';
import { matches, type SelectorList } from '../normalize/html-select';
import { descendants, parseHtml, rawText, type HtmlElement, type HtmlNode } from '../normalize/html-tree';
import { decodeEntities } from '../normalize/text';
import { collapse } from './html-head';
import { imageUrl, resolveHref } from './html-urls';

/**
 * One item of an HTML listing: its fields read from the elements of the item (an element,
 * or a run of sibling elements for items without a wrapper), with the field selectors
 * relative to the item. Texts are kept raw (entity-encoded, whitespace collapsed): the
 * normalize stage decodes them. URLs (links, images) are decoded and made absolute here.
 */

/** Longest raw text kept per field. */
const MAX_CHARS = { title: 1_000, date: 200, summary: 4_000 } as const;

export interface ItemFields {
  title: SelectorList;
  /** Absent: the link is the title element's, or the first link inside it. */
  link?: SelectorList;
  date?: SelectorList;
  summary?: SelectorList;
  image: SelectorList;
}

export interface ItemScope {
  /** The item's nodes: one wrapper element, or a run of siblings (read with their descendants). */
  roots: HtmlNode[];
  /** Whether the roots themselves are candidates for the fields (runs), or only what they hold. */
  rootsAreFields: boolean;
  /** What field selectors are relative to: the item element, or the run's parent. */
  scope: HtmlElement;
  /** Elements whose subtrees belong to other items. */
  skip?: ReadonlySet<HtmlElement>;
  /** Read only elements before this document position (to ask whether an item has its link yet). */
  before?: number;
  /** Without a date element, look for the date in the item's loose text (`<li><a>…</a> (05/12/2024)</li>`). */
  dateInText?: boolean;
}

/** A machine-readable date with no time of day. */
const BARE_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** An ISO date in an attribute: `2024-12-07T15:20:00+07:00`, `2024-12-07`. */
export const ISO_DATE = /^\s*\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}|\s*$)/;

const raw = (el: HtmlElement, name: string): string | null => {
  for (const [k, v] of el.attrs) if (k === name) return v;
  return null;
};

/** hAtom's `<abbr class="published" title="2024-12-07T15:20:00+07:00">15:20</abbr>`: the date in the title. */
const isoTitle = (el: HtmlElement): string | null => {
  const title = el.name === 'abbr' ? raw(el, 'title') : null;
  return title && ISO_DATE.test(title) ? title : null;
};

const text = (el: HtmlElement, max: number, apart = false): string => {
  const t = collapse(rawText(el, apart));
  return t.length > max ? t.slice(0, max) : t;
};

const getter = (el: HtmlElement) => ({ getAttribute: (name: string) => raw(el, name) });

/** Reads one item's fields; `base` resolves its URLs. Leaves out the fields it does not find. */
export function readItem(item: ItemScope, fields: ItemFields, base: string): RawItem {
  const out: RawItem = {};
  const linkFromTitle = fields.link === undefined;
  let fallbackTitle: { title: string; link?: string } | undefined;
  let firstHref: string | undefined;
  const href = (el: HtmlElement) => resolveHref(raw(el, 'href'), base);
  const firstInnerLink = (el: HtmlElement): string | undefined => {
    for (const c of el.children) {
      if (c.type !== 'element') continue;
      const h = c.name === 'a' ? href(c) : undefined;
      if (h) return h;
      const inner = firstInnerLink(c);
      if (inner) return inner;
    }
    return undefined;
  };

  /** A title inside a link that holds more (a block link's heading) takes that link. */
  const enclosingLink = (el: HtmlElement): string | undefined => {
    for (let n = el.parent; n && n !== item.scope.parent; n = n.parent) {
      if (n.name === 'a') return href(n);
      if (n === item.scope) break;
    }
    return undefined;
  };

  const onTitle = (el: HtmlElement) => {
    const link = linkFromTitle ? (href(el) ?? firstInnerLink(el) ?? enclosingLink(el)) : undefined;
    if (link && !firstHref) firstHref = link;
    const t = untruncated(el, text(el, MAX_CHARS.title)) || pictureAlt(el);
    if (t) {
      out.title = t;
      if (linkFromTitle && link) out.link = link;
      return;
    }
    const attrTitle = raw(el, 'title');
    if (attrTitle && !fallbackTitle) {
      const title = collapse(attrTitle);
      if (title) fallbackTitle = { title, link };
    }
  };

  const onDate = (el: HtmlElement): boolean => {
    const attr = collapse(raw(el, 'datetime') ?? raw(el, 'content') ?? isoTitle(el) ?? '');
    // `datetime="2024-12-08"` names the day only: the time shown beside it ("08/12/2024 09:15") is kept.
    const t = attr && !BARE_DAY.test(attr) ? attr : `${attr} ${text(el, MAX_CHARS.date, true)}`.trim();
    if (t) out.date = t;
    return !!t;
  };

  /** Walks in document order; a field element nested in another of its field is the outer one's text. */
  let stopped = false;
  const visit = (el: HtmlElement, inTitle: boolean, inDate: boolean, inSummary: boolean): void => {
    if (item.before !== undefined && el.order >= item.before) stopped = true;
    if (stopped) return;
    const scope = item.scope;
    if (!inTitle && out.title === undefined && matches(el, fields.title, scope)) {
      inTitle = true;
      onTitle(el);
    }
    if (fields.link && !out.link && matches(el, fields.link, scope)) {
      const h = href(el);
      if (h) out.link = h;
    }
    if (fields.date && !inDate && out.date === undefined && matches(el, fields.date, scope)) {
      inDate = true;
      onDate(el);
    }
    if (fields.summary && !inSummary && out.summary === undefined && matches(el, fields.summary, scope)) {
      inSummary = true;
      const t = text(el, MAX_CHARS.summary);
      if (t) out.summary = t;
    }
    if (!out.image && matches(el, fields.image, scope)) {
      const url = imageUrl(getter(el), base);
      if (url) out.image = url;
    }
    walkChildren(el, inTitle, inDate, inSummary);
  };
  const walkChildren = (el: HtmlElement, inTitle: boolean, inDate: boolean, inSummary: boolean): void => {
    for (const c of el.children) {
      if (stopped) return;
      if (c.type === 'element' && !item.skip?.has(c)) visit(c, inTitle, inDate, inSummary);
    }
  };

  for (const root of item.roots) {
    if (root.type !== 'element') continue;
    if (item.rootsAreFields) visit(root, false, false, false);
    else walkChildren(root, false, false, false);
  }
  if (!out.date && item.dateInText) {
    const loose = looseDate(item);
    if (loose) out.date = loose;
  }
  if (!out.image) {
    const fallback = noscriptImage(item, base);
    if (fallback) out.image = fallback;
  }

  if (!out.title && fallbackTitle) {
    out.title = fallbackTitle.title;
    if (linkFromTitle && !out.link) out.link = fallbackTitle.link;
  }
  if (linkFromTitle && !out.link) out.link = firstHref;
  // An item that is one link: its href, and its text as the last-resort title.
  const first = item.roots[0];
  const self = item.roots.length === 1 && !item.rootsAreFields && first?.type === 'element' ? first : undefined;
  if (self && raw(self, 'href') !== null) {
    if (!out.link) out.link = href(self);
    if (!out.title) {
      const t = text(self, MAX_CHARS.title);
      if (t) out.title = t;
    }
  }
  if (out.link === undefined) delete out.link;
  return out;
}

/** A day, a time or a relative date, as listings write them beside titles. */
export const DATE_TEXT =
  /\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\s+(?:tháng|thg)\s+(?:\d{1,2}|mười|một|giêng|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|chạp)|tháng\s+(?:mười|một|giêng|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|chạp)(?:\s+(?:một|hai))?\s+\d{1,2},?\s+\d{4}|(?<!\p{L})(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|(?<![\d/])\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}|(?<![\d/])\d{1,2}[:h]\d{2}(?!\d)|\d+\s*(?:phút|giờ|ngày|tuần)\s+trước|hôm (?:qua|nay)/iu;

/** Date-like text standing loose in the item (text nodes of its own, not inside its elements). */
function looseDate(item: ItemScope): string | undefined {
  const texts: string[] = [];
  for (const root of item.roots) {
    if (root.type === 'text') texts.push(root.raw);
    else if (!item.rootsAreFields) for (const c of root.children) if (c.type === 'text') texts.push(c.raw);
  }
  for (const t of texts) {
    const m = DATE_TEXT.exec(t);
    if (m) return collapse(t).slice(0, MAX_CHARS.date);
  }
  return undefined;
}

/** Lists cut long titles ("Khởi công đường cao tốc nối với Hà...") and keep them whole in the link's `title`. */
function untruncated(el: HtmlElement, shown: string): string {
  if (!ELLIPSIS.test(shown)) return shown;
  const link = el.name === 'a' ? el : firstLink(el);
  const full = collapse(raw(el, 'title') ?? (link ? raw(link, 'title') : null) ?? '');
  const start = decodeEntities(shown.replace(ELLIPSIS, ''));
  return full.length > shown.length && decodeEntities(full).startsWith(start) ? full.slice(0, MAX_CHARS.title) : shown;
}
const ELLIPSIS = /\s*(?:\.{3}|…|&hellip;)$/;

function firstLink(el: HtmlElement): HtmlElement | undefined {
  for (const c of el.children) {
    if (c.type !== 'element') continue;
    const found = c.name === 'a' ? c : firstLink(c);
    if (found) return found;
  }
  return undefined;
}

/** A title element that holds only a picture is named by its `alt` (raw, collapsed), as screen readers name it. */
export function pictureAlt(el: HtmlElement): string {
  if (el.name === 'img') return collapse(raw(el, 'alt') ?? '').slice(0, MAX_CHARS.title);
  for (const c of el.children) {
    if (c.type !== 'element') continue;
    const alt = pictureAlt(c);
    if (alt) return alt;
  }
  return '';
}

/** Lazy-loading pages put the real image in `<noscript>` (its content is text to the tokenizer). */
function noscriptImage(item: ItemScope, base: string): string | undefined {
  const find = (el: HtmlElement): string | undefined => {
    for (const c of el.children) {
      if (c.type !== 'element') continue;
      if (c.name === 'noscript') {
        const inner = rawText(c);
        if (!inner.includes('<img')) continue;
        for (const img of descendants(parseHtml(inner))) {
          const url = img.name === 'img' ? imageUrl(getter(img), base) : undefined;
          if (url) return url;
        }
      } else {
        const found = find(c);
        if (found) return found;
      }
    }
    return undefined;
  };
  for (const root of item.roots) {
    if (root.type !== 'element') continue;
    const found = item.rootsAreFields && root.name === 'noscript' ? find({ ...root, children: [root] } as HtmlElement) : find(root);
    if (found) return found;
  }
  return undefined;
}
