import { rawText, type HtmlElement, type HtmlNode } from '../normalize/html-tree';
import { decodeEntities } from '../normalize/text';
import { collapse } from './html-head';
import { DATE_TEXT } from './listing-item';

/**
 * Items without a wrapper: a title element and the loose siblings beside it, up to the next
 * item's title. Where the dates lead ("06/12/2024 - <a>…</a>"), each item's run starts at its
 * line's loose lead.
 */

/**
 * A wrapper-less item: its title element and the siblings after it, text included, up to the
 * next item. Where the dates lead instead ("06/12/2024 - <a>…</a><br>…"), the loose inline run
 * before each title up to a line break belongs to it, and the next item starts at its own run.
 */
export function siblingsUntilNext(m: HtmlElement, members: HtmlElement[], leading: boolean): HtmlNode[] {
  const siblings = m.parent!.children;
  const at = siblings.indexOf(m);
  const out: HtmlNode[] = [];
  for (let i = leading ? at - leadLength(siblings, at, members) : at; i < siblings.length; i++) {
    const s = siblings[i];
    if (s !== m && s.type === 'element' && members.includes(s)) {
      if (leading) out.splice(out.length - leadLength(siblings, i, members));
      break;
    }
    out.push(s);
  }
  return out;
}

/** Elements that may stand in a line's loose lead before a title (not breaks, not blocks). */
const INLINE = new Set(['span', 'i', 'em', 'b', 'strong', 'small', 'font', 'time']);

/** How many siblings just before index `i` form its line's loose lead: text and inline elements back to a break. */
export function leadLength(siblings: HtmlNode[], i: number, members: readonly HtmlElement[] | ReadonlySet<HtmlElement>): number {
  let n = 0;
  for (let j = i - 1; j >= 0; j--) {
    const s = siblings[j];
    if (s.type === 'element' && (!INLINE.has(s.name) || isMember(members, s))) break;
    if (s.type !== 'text' && s.type !== 'element') break;
    n++;
  }
  return n;
}

const isMember = (members: readonly HtmlElement[] | ReadonlySet<HtmlElement>, el: HtmlElement) => ('has' in members ? members.has(el) : members.includes(el));

const looseText = (nodes: HtmlNode[]) => nodes.map((n) => collapse(decodeEntities(rawText(n, true)))).join(' ');

/** Whether a run's dates stand before its titles: the first title's lead holds one and nothing after the last does. */
export function datesLead(siblings: HtmlNode[], members: readonly HtmlElement[]): boolean {
  const first = siblings.indexOf(members[0]);
  const last = siblings.indexOf(members[members.length - 1]);
  if (first < 0 || last < 0) return false;
  const lead = siblings.slice(first - leadLength(siblings, first, members), first);
  return DATE_TEXT.test(looseText(lead)) && !DATE_TEXT.test(looseText(siblings.slice(last + 1)));
}
