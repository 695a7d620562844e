import type { HtmlElement } from '../normalize/html-tree';
import { chromePenalty, headingOf } from './listing-boxes';
import type { Group } from './listing-groups';

/**
 * Other lists of the main list's column: a paper's category page shows its newest stories as a
 * side list of dated titles beside the lead, or as pictured sub-leads above the list, then the
 * rest as a list with pictures; a long list may be split in columns. A list read too stands in
 * the same column (its container and the main list's meet within three levels), scores at least
 * half as well, is no chrome, shares neither elements nor articles with the lists already taken,
 * has no heading of its own (a home's category boxes have), and is one of: dated on every item as
 * the main list is; pictured stories under headings before the main list; the same kind of list
 * as the main one, in a container of the same kind (a column). Boxes headed as other lists were
 * left out before.
 */

export interface Scored {
  g: Group;
  score: number;
  /** Every member shows a date. */
  allDated: boolean;
  /** Members are bare titles with their fields beside them. */
  runs: boolean;
  /** Every member shows a picture. */
  allPictured: boolean;
  /** Every member's title stands in a heading. */
  headed: boolean;
}

const LEVELS = 3;

function ancestors(el: HtmlElement, levels: number): HtmlElement[] {
  const out: HtmlElement[] = [];
  for (let n: HtmlElement | null = el, i = 0; n && n.name !== '#document' && i <= levels; n = n.parent, i++) out.push(n);
  return out;
}

/** Whether two containers meet within `LEVELS` above each. */
function sameColumn(a: HtmlElement, b: HtmlElement): boolean {
  const above = new Set(ancestors(a, LEVELS));
  return ancestors(b, LEVELS).some((n) => above.has(n));
}

function related(a: HtmlElement, b: HtmlElement): boolean {
  for (let n: HtmlElement | null = a; n; n = n.parent) if (n === b) return true;
  for (let n: HtmlElement | null = b; n; n = n.parent) if (n === a) return true;
  return false;
}

/** The lists read beside `best`, in no particular order. */
export function listsBeside(best: Scored, candidates: Scored[], sig: (el: HtmlElement) => string): Group[] {
  if (best.runs) return [];
  const container = best.g.members[0].parent!;
  const start = Math.min(...best.g.members.map((m) => m.order));
  const takenMembers = [...best.g.members];
  const takenArticles = new Set<string>();
  for (const t of best.g.targets.values()) for (const href of t) takenArticles.add(href);
  const out: Group[] = [];
  for (const c of [...candidates].sort((x, y) => y.score - x.score)) {
    if (c === best || c.runs || c.score * 2 < best.score) continue;
    const own = c.g.members[0].parent!;
    // A heading of its own makes it a box of its own (a home's category boxes).
    const heading = headingOf(own);
    if (heading !== undefined && heading !== headingOf(container)) continue;
    const dated = c.allDated && best.allDated;
    const subLeads = c.allPictured && c.headed && c.g.members.every((m) => m.order < start);
    const column = sig(own) === sig(container) && c.g.members[0].name === best.g.members[0].name;
    if (!dated && !subLeads && !column) continue;
    if (!sameColumn(container, own) || chromePenalty(own) < 1) continue;
    if (c.g.members.some((m) => takenMembers.some((t) => related(m, t)))) continue;
    if (c.g.members.some((m) => [...c.g.targets.get(m)!].some((href) => takenArticles.has(href)))) continue;
    out.push(c.g);
    takenMembers.push(...c.g.members);
    for (const t of c.g.targets.values()) for (const href of t) takenArticles.add(href);
  }
  return out;
}
