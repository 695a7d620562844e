import { rawText, type HtmlElement } from '../normalize/html-tree';
import { decodeEntities } from '../normalize/text';
import { collapse } from './html-head';

/**
 * Day-grouped timelines write the day once, in a heading ("Thứ Hai, 02/12/2024"), and only a
 * time per item ("16:40"). The heading is the nearest short, link-free element before the
 * item (or before one of its containers) that names a calendar day.
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
