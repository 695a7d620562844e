import type { RawItem } from '../model';
import { parseSelector, selectAll } from '../normalize/html-select';
import { attr, rawText, type HtmlElement } from '../normalize/html-tree';
import { decodeEntities } from '../normalize/text';
import type { Selectors } from '../sources/schema';
import { collapse } from './html-head';
import { readListing } from './html-listing';
import { DATE_TEXT } from './listing-item';
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

function classList(el: HtmlElement): string[] {
  return (attr(el, 'class') ?? '').split(/\s+/).filter((c) => c && !TRANSIENT.test(c));
}

/** Tag and the classes all of `els` share. */
function compound(els: HtmlElement[]): string {
  const [first] = els;
  let shared = classList(first);
  for (const e of els.slice(1)) {
    const mine = new Set(classList(e));
    shared = shared.filter((c) => mine.has(c));
  }
  return first.name + shared.slice(0, 2).map((c) => `.${escapeIdent(c)}`).join('');
}

const textOf = (el: HtmlElement) => collapse(decodeEntities(rawText(el)));

/** The path of compounds from below `scope` down to `el` (child combinators), or just `el`'s own with its parent's. */
function relativePath(el: HtmlElement, scope: HtmlElement, full: boolean): string {
  const steps: string[] = [];
  for (let n: HtmlElement | null = el; n && n !== scope; n = n.parent) {
    steps.unshift(compound([n]));
    if (!full && steps.length === 2) return steps.join(' > ');
  }
  return `> ${steps.join(' > ')}`;
}

/** The element of a member holding a date (the smallest), outside its title. */
function dateElement(member: HtmlElement, title: HtmlElement): HtmlElement | undefined {
  const walk = (el: HtmlElement): HtmlElement | undefined => {
    for (const c of el.children) {
      if (c.type !== 'element' || c === title) continue;
      if (c.name === 'time' && attr(c, 'datetime')) return c;
      const t = isInside(title, c) ? '' : textOf(c);
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
    if (c.type === 'element' && DATE_TEXT.test(textOf(c))) return deeper(c) ?? c;
  }
  return undefined;
}

/** The longest text of a member beside its title and date: its summary. */
function summaryElement(member: HtmlElement, title: HtmlElement, date?: HtmlElement): HtmlElement | undefined {
  let best: { el: HtmlElement; len: number } | undefined;
  const walk = (el: HtmlElement) => {
    for (const c of el.children) {
      if (c.type !== 'element' || c === title || c === date) continue;
      const holdsTitle = isInside(title, c) || (date && isInside(date, c));
      if (!holdsTitle && c.name !== 'a') {
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

const isInside = (el: HtmlElement, container: HtmlElement) => {
  for (let n: HtmlElement | null = el; n; n = n.parent) if (n === container) return true;
  return false;
};

/** Selector of the list's members: the member compound under its container, made longer until it picks no other article. */
function itemSelector(root: HtmlElement, members: HtmlElement[]): string | null {
  const member = compound(members);
  const containers = [...new Set(members.map((m) => m.parent!))];
  let prefix: HtmlElement[] = containers;
  let selector = `${compound(containers)} > ${member}`;
  for (let level = 0; level < 4; level++) {
    const picked = selectAll(root, parseSelector(selector));
    const set = new Set(members);
    if (picked.length === members.length && picked.every((p) => set.has(p))) return selector;
    const up = [...new Set(prefix.map((p) => p.parent!))].filter((p) => p.name !== '#document');
    if (up.length === 0) break;
    selector = `${compound(up)} > ${selector}`;
    prefix = up;
  }
  return null;
}

export interface Described {
  plan: ListingPlan;
  items: RawItem[];
}

/** Writes the main list as selectors; `items` are what they read (the inference's own view when they cannot say it). */
export function describeList(root: HtmlElement, list: MainList, base: string): Described | null {
  const { members, titles, runs } = list;
  const item = itemSelector(root, members);
  if (!item) return null;
  const scopeOf = (m: HtmlElement) => (runs ? m.parent! : m);
  const runNodes = (m: HtmlElement) => (runs ? siblingsUntilNext(m, members) : [m]);

  const attempt = (full: boolean): Described => {
    const titleSels = new Set<string>();
    const dateSels = new Set<string>();
    const summarySels = new Set<string>();
    let looseDates = 0;
    for (const m of members) {
      const title = titles.get(m)!.el;
      titleSels.add(title === m ? compound([m]) : relativePath(title, scopeOf(m), full));
      let date: HtmlElement | undefined;
      for (const n of runNodes(m)) date ??= n === title ? undefined : (n === m && !runs ? dateElement(m, title) : DATE_TEXT.test(textOf(n)) ? dateElement(n, title) ?? n : undefined);
      if (date) dateSels.add(relativePath(date, scopeOf(m), full));
      else if (DATE_TEXT.test(runNodes(m).map((n) => (n === title ? '' : textOf(n))).join(' ').replace(titles.get(m)!.text, ''))) looseDates++;
      let summary: HtmlElement | undefined;
      for (const n of runNodes(m)) summary ??= n === title || n === date ? undefined : runs && n !== m ? (textOf(n).length >= 30 ? n : undefined) : summaryElement(n, title, date);
      if (summary) summarySels.add(relativePath(summary, scopeOf(m), full));
    }
    const selectors: Selectors = { item, title: [...titleSels].join(', ') };
    if (dateSels.size && dateSels.size <= 3) selectors.date = [...dateSels].join(', ');
    if (summarySels.size && summarySels.size <= 3 && summarySels.size * 2 <= members.length + 1) selectors.summary = [...summarySels].join(', ');
    const plan: ListingPlan = { selectors };
    if (runs) plan.runs = true;
    if (!selectors.date && looseDates * 2 >= members.length) plan.dateInText = true;
    return { plan, items: readListing(root, plan, base) };
  };
  const wanted = members.map((m) => titles.get(m)!.href);
  const fits = (d: Described) => d.items.length === wanted.length && d.items.every((it, i) => it.link === wanted[i]);
  const short = attempt(false);
  if (fits(short)) return short;
  const full = attempt(true);
  return fits(full) ? full : short.items.length >= full.items.length ? short : full;
}

function siblingsUntilNext(m: HtmlElement, members: HtmlElement[]): HtmlElement[] {
  const siblings = m.parent!.children;
  const out: HtmlElement[] = [];
  for (let i = siblings.indexOf(m); i < siblings.length; i++) {
    const s = siblings[i];
    if (s.type !== 'element') continue;
    if (s !== m && members.includes(s)) break;
    out.push(s);
  }
  return out;
}
