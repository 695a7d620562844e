import type { RawItem } from '../model';
import { parseSelector, selectAll } from '../normalize/html-select';
import { attr, contains, rawText, type HtmlElement, type HtmlNode } from '../normalize/html-tree';
import { decodeEntities } from '../normalize/text';
import type { Selectors } from '../sources/schema';
import { collapse } from './html-head';
import { itemFields, readItems, readListing } from './html-listing';
import { compileSelectors } from './listing-selectors';
import { DATE_TEXT } from './listing-item';
import { datesLead, siblingsUntilNext } from './listing-runs';
import { dateElement } from './listing-days';
import type { ArticleLink } from './listing-groups';
import type { MainList } from './listing-infer';
import type { ListingPlan } from './types';

/**
 * The main list found by inference, written as CSS selectors an operator can read and pin,
 * and checked by reading the page with them: the selectors are kept only if they read the
 * same articles, titles and dates the inference saw.
 */

/** Classes that say where an element stands or what state it is in, not what it is. */
const TRANSIENT = /^(?:active|current|first|last|odd|even|selected|clearfix|clear|hidden|show|in|fade|col-.*|row|d-.*|p[xytblr]?-\d|m[xytblr]?-\d|.*\d{2,}.*)$/;

const escapeIdent = (s: string) => s.replace(/[^\w-]/g, (c) => `\\${c}`);

function allClasses(el: HtmlElement): string[] {
  return (attr(el, 'class') ?? '').split(/\s+/).filter(Boolean);
}

/** `compound`, with `:nth-of-type()` when an earlier sibling has the same compound. */
function step(el: HtmlElement): string {
  const own = compound([el]);
  const siblings = el.parent?.children ?? [];
  let nth = 0;
  let same = false;
  for (const c of siblings) {
    if (c.type !== 'element' || c.name !== el.name) continue;
    nth++;
    if (c === el) break;
    if (compound([c]) === own) same = true;
  }
  return same ? `${own}:nth-of-type(${nth})` : own;
}

/** Tag and the classes all of `els` share. */
function compound(els: HtmlElement[]): string {
  const [first] = els;
  let shared = allClasses(first);
  for (const e of els.slice(1)) {
    const mine = new Set(allClasses(e));
    shared = shared.filter((c) => mine.has(c));
  }
  // Classes that name what the element is; layout classes only when there are no others.
  const stable = shared.filter((c) => !TRANSIENT.test(c));
  return first.name + (stable.length ? stable : shared).slice(0, 2).map((c) => `.${escapeIdent(c)}`).join('');
}

const textOf = (el: HtmlElement) => collapse(decodeEntities(rawText(el)));
/** A date's text: the parts of a date drawn as a badge stay apart. */
const dateTextOf = (el: HtmlElement) => collapse(decodeEntities(rawText(el, true)));

/** The path of compounds from below `scope` down to `el` (child combinators), or just `el`'s own with its parent's. */
function relativePath(el: HtmlElement, scope: HtmlElement, full: boolean, runs: boolean): string {
  const steps: string[] = [];
  for (let n: HtmlElement | null = el; n && n !== scope; n = n.parent) {
    // The siblings of a wrapper-less item's own elements are other items: no position there.
    steps.unshift(runs && n.parent === scope ? compound([n]) : step(n));
    if (!full && steps.length === 2) return steps.join(' > ');
  }
  return `> ${steps.join(' > ')}`;
}

const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'iframe']);

/** The longest text of a member beside its title and date: its summary. */
function summaryElement(member: HtmlElement, title: HtmlElement, date?: HtmlElement): HtmlElement | undefined {
  let best: { el: HtmlElement; len: number } | undefined;
  const walk = (el: HtmlElement) => {
    for (const c of el.children) {
      if (c.type !== 'element' || c === title || c === date || HIDDEN.has(c.name)) continue;
      const holdsTitle = contains(c, title) || (date && contains(c, date));
      if (!holdsTitle && c.name !== 'a' && !holdsLink(c)) {
        const len = textOf(c).length;
        if (len >= 30 && (!best || len > best.len)) best = { el: c, len };
        continue;
      }
      walk(c);
    }
  };
  walk(member);
  return best?.el;
}

const holdsLink = (el: HtmlElement): boolean => el.children.some((c) => c.type === 'element' && (c.name === 'a' || holdsLink(c)));

/** The heading inside a block link (its title), if any. */
function headingInside(el: HtmlElement): HtmlElement | undefined {
  for (const c of el.children) {
    if (c.type !== 'element') continue;
    if (/^(?:h[1-6]|strong|b)$/.test(c.name)) return c;
    const inner = headingInside(c);
    if (inner) return inner;
  }
  return undefined;
}


/**
 * Selector of the list's members: the member compound under its container, made longer until
 * it picks every member and nothing else that holds an article link; for a single container,
 * a path of positions from the root when names are not enough.
 */
function itemSelector(root: HtmlElement, members: HtmlElement[], articles: ReadonlySet<HtmlElement>): string | null {
  const set = new Set(members);
  const exact = (selector: string) => {
    const picked = selectAll(root, parseSelector(selector));
    const extra = picked.filter((p) => !set.has(p));
    return picked.length - extra.length === members.length && extra.every((e) => !holdsAny(e, articles));
  };
  const member = compound(members);
  let prefix = [...new Set(members.map((m) => m.parent!))];
  let selector = `${compound(prefix)} > ${member}`;
  for (let level = 0; level < 4; level++) {
    if (exact(selector)) return selector;
    const up = [...new Set(prefix.map((p) => p.parent!))].filter((p) => p.name !== '#document');
    if (up.length === 0) break;
    selector = `${compound(up)} > ${selector}`;
    prefix = up;
  }
  const containers = new Set(members.map((m) => m.parent!));
  if (containers.size !== 1) return null;
  const steps: string[] = [];
  for (let n: HtmlElement | null = [...containers][0]; n && n.name !== '#document'; n = n.parent) {
    const siblings = n.parent ? n.parent.children.filter((c) => c.type === 'element') : [n];
    steps.unshift(`${n.name}:nth-child(${siblings.indexOf(n) + 1})`);
  }
  selector = `${steps.join(' > ')} > ${member}`;
  return exact(selector) ? selector : null;
}

function holdsAny(el: HtmlElement, targets: ReadonlySet<HtmlElement>): boolean {
  for (const c of el.children) if (c.type === 'element' && (targets.has(c) || holdsAny(c, targets))) return true;
  return false;
}

export interface Described {
  plan: ListingPlan;
  items: RawItem[];
  /** The selectors alone read these items (else the items were read from the elements inference found). */
  expressible: boolean;
}

/** Writes the main list as selectors; `items` are what they read (the inference's own view when they cannot say it). */
export function describeList(root: HtmlElement, list: MainList, links: ArticleLink[], base: string): Described {
  const { titles, runs } = list;
  const articles = new Set(links.map((l) => l.el));
  const lists = [...list.leads.map((lead) => [lead]), list.members, ...list.beside];
  const selectors = lists.map((members) => itemSelector(root, members, articles));
  const item = selectors.every((s) => s !== null) ? [...new Set(selectors)].join(', ') : null;
  const members = lists.flat().sort((a, b) => a.order - b.order);
  const scopeOf = (m: HtmlElement) => (runs ? m.parent! : m);
  const leading = runs && datesLead(list.members[0].parent!.children, list.members);
  const runNodes = (m: HtmlElement): HtmlNode[] => (runs ? siblingsUntilNext(m, list.members, leading) : [m]);

  const attempt = (full: boolean): Described => {
    const titleSels = new Set<string>();
    const linkSels = new Set<string>();
    const dateSels = new Set<string>();
    const summarySels = new Set<string>();
    const path = (el: HtmlElement, m: HtmlElement) => relativePath(el, scopeOf(m), full, runs);
    let looseDates = 0;
    for (const m of members) {
      const link = titles.get(m)!.el;
      // A block link's title is the heading inside it (a link that is only a bold title stays the title);
      // a "Chi tiết" link's, the heading before it.
      const heading = titles.get(m)!.heading ?? headingInside(link);
      const title = heading && (titles.get(m)!.heading || textOf(heading).length < textOf(link).length) ? heading : link;
      titleSels.add(title === m ? compound([m]) : path(title, m));
      linkSels.add(link === m ? compound([m]) : path(link, m));
      const nodes = runNodes(m);
      const date = fieldIn(nodes, (n) => (n === m || !runs ? dateElement(n, title) : DATE_TEXT.test(dateTextOf(n)) ? (dateElement(n, title) ?? n) : undefined));
      if (date) dateSels.add(path(date, m));
      else if (DATE_TEXT.test(nodes.map((n) => (n.type === 'text' ? n.raw : textOf(n))).join(' ').replace(titles.get(m)!.text, ''))) looseDates++;
      const summary = fieldIn(nodes, (n) => (runs && n !== m ? (n !== date && textOf(n).length >= 30 && !holdsLink(n) ? n : undefined) : summaryElement(n, title, date)));
      if (summary) summarySels.add(path(summary, m));
    }
    const selectors: Selectors = { item: item ?? '*', title: [...titleSels].join(', ') };
    // Titles apart from their links: the links are named too.
    if (members.some((m) => titles.get(m)!.heading)) selectors.link = [...linkSels].join(', ');
    if (dateSels.size && dateSels.size <= 3) selectors.date = [...dateSels].join(', ');
    if (summarySels.size && summarySels.size <= 3 && summarySels.size * 2 <= members.length + 1) selectors.summary = [...summarySels].join(', ');
    const plan: ListingPlan = { selectors };
    if (runs) plan.runs = true;
    if (!selectors.date && looseDates * 2 >= members.length) plan.dateInText = true;
    const items = item ? readListing(root, plan, base) : readItems(members, plan, itemFields(compileSelectors(selectors)), base);
    return { plan, items, expressible: item !== null };
  };
  const wanted = members.map((m) => titles.get(m)!.href);
  const fits = (d: Described) => d.items.length === wanted.length && d.items.every((it, i) => it.link === wanted[i]);
  const short = attempt(false);
  if (fits(short)) return short;
  const full = attempt(true);
  if (fits(full)) return full;
  // The selectors pick other things too: read the members inference found, with the field selectors.
  const fields = itemFields(compileSelectors(full.plan.selectors));
  return { plan: full.plan, items: readItems(members, full.plan, fields, base), expressible: false };
}

/** The first of the item's element nodes where `find` finds the field. */
function fieldIn(nodes: HtmlNode[], find: (n: HtmlElement) => HtmlElement | undefined): HtmlElement | undefined {
  for (const n of nodes) {
    if (n.type !== 'element') continue;
    const found = find(n);
    if (found) return found;
  }
  return undefined;
}
