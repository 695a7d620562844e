import { attr, contains, rawText, type HtmlElement } from '../normalize/html-tree';
import { decodeEntities } from '../normalize/text';
import { collapse } from './html-head';
import { DATE_TEXT, ISO_DATE } from './listing-item';

/**
 * Where an item's date stands. Day-grouped timelines write the day once, in a heading
 * ("Thứ Hai, 02/12/2024"), and only a time per item ("16:40"): the heading is the nearest
 * short, link-free element before the item (or before one of its containers) that names a
 * calendar day. Else the date is the smallest short element of the item, outside its title,
 * whose text is a date (or a `<time datetime>`, an `<abbr title>` holding an ISO date).
 */

const CALENDAR_DAY = /\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}|\d{1,2}\s+tháng\s+\d{1,2}(?:\s*(?:năm|,)?\s*\d{4})?/iu;
const MAX_HEADING = 60;
const LEVELS = 4;

function hasLink(el: HtmlElement): boolean {
  if (el.name === 'a') return true;
  for (const c of el.children) if (c.type === 'element' && hasLink(c)) return true;
  return false;
}

/** The day heading `item` falls under, as raw text, or undefined. */
export function dayOfGroup(item: HtmlElement): string | undefined {
  let node: HtmlElement | null = item;
  for (let level = 0; node && node.parent && level < LEVELS; level++, node = node.parent) {
    const siblings = node.parent.children;
    for (let i = siblings.indexOf(node) - 1; i >= 0; i--) {
      const s = siblings[i];
      if (s.type !== 'element' || hasLink(s)) continue;
      const text = collapse(rawText(s));
      if (!text || text.length > MAX_HEADING) continue;
      const day = CALENDAR_DAY.exec(decodeEntities(text));
      if (day) return day[0];
    }
  }
  return undefined;
}

const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'iframe']);
const dateTextOf = (el: HtmlElement) => collapse(decodeEntities(rawText(el, true)));

/** Elements that carry their date in an attribute: `<time datetime>`, hAtom's `<abbr class="published" title>`. */
export const machineDate = (el: HtmlElement): string | undefined => {
  if (el.name === 'time') return attr(el, 'datetime') || undefined;
  if (el.name === 'abbr') {
    const title = attr(el, 'title');
    if (title && ISO_DATE.test(title)) return title;
  }
  return undefined;
};

/** The element of a member holding a date (the smallest), outside its title; without a title known, outside its links. */
export function dateElement(member: HtmlElement, title?: HtmlElement): HtmlElement | undefined {
  const walk = (el: HtmlElement): HtmlElement | undefined => {
    for (const c of el.children) {
      if (c.type !== 'element' || c === title || HIDDEN.has(c.name) || (!title && c.name === 'a')) continue;
      if (machineDate(c)) return c;
      const t = title && contains(c, title) ? '' : dateTextOf(c);
      if (t && t.length <= 60 && DATE_TEXT.test(t)) return deeper(c) ?? c;
      if (!t || DATE_TEXT.test(t)) {
        const found = walk(c);
        if (found) return found;
      }
    }
    return undefined;
  };
  return walk(member);
}

/** The smallest element inside `el` with the same date text. */
function deeper(el: HtmlElement): HtmlElement | undefined {
  for (const c of el.children) {
    if (c.type === 'element' && DATE_TEXT.test(dateTextOf(c))) return deeper(c) ?? c;
  }
  return undefined;
}

/**
 * The date of an item its selectors did not find (a platform's other template puts it elsewhere:
 * Liferay's `metadata-publish-date` for the preset's `assetPublishDate`): the date element
 * outside its links, as raw text (or its machine date).
 */
export function dateInItem(item: HtmlElement): string | undefined {
  const el = dateElement(item);
  if (!el) return undefined;
  return machineDate(el) ?? (collapse(rawText(el, true)).slice(0, 200) || undefined);
}
