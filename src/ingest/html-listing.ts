import type { RawItem } from '../model';
import { selectAll, type SelectorList } from '../normalize/html-select';
import { parseHtml, type HtmlElement, type HtmlNode } from '../normalize/html-tree';
import type { Selectors } from '../sources/schema';
import { readHead, type HeadInfo } from './html-head';
import { compileSelectors, type CompiledSelectors } from './listing-selectors';
import { DATE_TEXT, readItem, type ItemFields } from './listing-item';
import { datesLead, leadLength } from './listing-runs';
import { dateInItem, dayOfGroup } from './listing-days';
import { dateAtTitleEdge } from './listing-title-date';
import type { ListingPlan, ParsedPage } from './types';

/**
 * Extracts the articles of an HTML listing page (portals without feeds) from the project's
 * element tree: each element matching `item` is an item (or starts one, for items without a
 * wrapper), and its fields are read with selectors relative to it (see listing-item.ts).
 * Presets, a source's selectors and inferred structures are all read here.
 */

const DEFAULT_TITLE: SelectorList = compileSelectors({ item: 'a' }).item;
const DEFAULT_IMAGE: SelectorList = compileSelectors({ item: 'img' }).item;

export function itemFields(c: CompiledSelectors): ItemFields {
  return { title: c.title ?? DEFAULT_TITLE, link: c.link, date: c.date, summary: c.summary, image: c.image ?? DEFAULT_IMAGE };
}

/**
 * The item elements: matches of `item`, except a match inside an item, which is part of it
 * (a wrapper repeating the class) unless it has the same tag and the item already has its
 * link before it: then the outer item lost its end tag and this is the next sibling.
 */
export function findItems(root: HtmlElement, c: CompiledSelectors, fields: ItemFields, base: string): HtmlElement[] {
  const accepted = new Set<HtmlElement>();
  const out: HtmlElement[] = [];
  for (const el of selectAll(root, c.item)) {
    let outer: HtmlElement | null = el.parent;
    while (outer && !accepted.has(outer)) outer = outer.parent;
    if (outer) {
      if (outer.name !== el.name) continue;
      const sofar = readItem({ roots: [outer], rootsAreFields: false, scope: outer, skip: accepted, before: el.order }, fields, base);
      if (!sofar.link) continue;
    }
    accepted.add(el);
    out.push(el);
  }
  return out;
}

/** The siblings from `start` up to the next item start (or an element holding links of its own). */
function run(start: HtmlElement, starts: ReadonlySet<HtmlElement>, leading: boolean): HtmlNode[] {
  const siblings = start.parent!.children;
  const at = siblings.indexOf(start);
  const nodes: HtmlNode[] = leading ? siblings.slice(at - leadLength(siblings, at, starts), at) : [];
  nodes.push(start);
  for (let i = at + 1; i < siblings.length; i++) {
    const s = siblings[i];
    if (s.type === 'element' && (starts.has(s) || s.name === start.name || selectAll(s, LINKS).length > 1)) {
      if (leading && starts.has(s)) nodes.splice(nodes.length - leadLength(siblings, i, starts));
      break;
    }
    nodes.push(s);
  }
  return nodes;
}
const LINKS = compileSelectors({ item: 'a[href]' }).item;

/** Reads the items of a parsed page; each article once (carousels repeat lead items). */
export function readListing(root: HtmlElement, plan: ListingPlan, base: string, compiled = compileSelectors(plan.selectors)): RawItem[] {
  const fields = itemFields(compiled);
  return readItems(findItems(root, compiled, fields, base), plan, fields, base);
}

/** Reads the items whose elements (or first elements, for runs) are `elements`. */
export function readItems(elements: HtmlElement[], plan: ListingPlan, fields: ItemFields, base: string): RawItem[] {
  const starts = new Set(elements);
  const items: RawItem[] = [];
  const seen = new Set<string>();
  // Dates standing before their titles ("06/12/2024 - <a>…</a>") lead each item's run.
  const leading = plan.runs === true && elements.length > 0 && datesLead(elements[0].parent!.children, elements.filter((e) => e.parent === elements[0].parent));
  for (const el of elements) {
    const raw = plan.runs
      ? readItem({ roots: run(el, starts, leading), rootsAreFields: true, scope: el.parent!, dateInText: plan.dateInText }, fields, base)
      : readItem({ roots: [el], rootsAreFields: false, scope: el, skip: starts, dateInText: plan.dateInText }, fields, base);
    if (!raw.link || seen.has(raw.link)) continue;
    seen.add(raw.link);
    const edge = raw.title ? dateAtTitleEdge(raw.title) : undefined;
    if (edge) {
      raw.title = edge.title;
      raw.date ??= edge.date;
    }
    if (!raw.date && !plan.runs) raw.date = dateInItem(el);
    if (raw.date === undefined) delete raw.date;
    // A time alone ("16:40") belongs to the day of its group's heading ("Thứ Hai, 02/12/2024");
    // without one, it is today's: listings show only the time of today's news.
    if (raw.date && !DAY.test(raw.date) && DATE_TEXT.test(raw.date)) raw.date = `${dayOfGroup(el) ?? 'hôm nay'} ${raw.date}`;
    items.push(raw);
  }
  return items;
}

/** A calendar day or a relative date: a date that needs no group heading. */
const DAY = /\d{1,2}\s*[/.-]\s*\d{1,2}|\d{1,2}\s+tháng|\d{4}-\d{2}|trước|hôm|qua|\p{L}{3,}\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+\p{L}{3,}\.?,?\s+\d{4}/iu;

/** Reads an HTML listing with `selectors`; `baseUrl` is the page's final URL. Throws IngestError('parse') on a selector it cannot run. */
export async function extractListing(html: string | Response, selectors: Selectors | ListingPlan, baseUrl: string): Promise<ParsedPage> {
  const plan: ListingPlan = 'selectors' in selectors ? selectors : { selectors };
  const compiled = compileSelectors(plan.selectors);
  const text = typeof html === 'string' ? html : await html.text();
  const root = parseHtml(text);
  const head = readHead(root, baseUrl);
  const page: ParsedPage = { format: 'html', items: readListing(root, plan, head.base, compiled), feedLinks: head.feedLinks };
  if (head.title) page.title = head.title;
  if (head.icon) page.icon = head.icon;
  return page;
}

/** What a page's head says: the feeds it announces, absolute, its icon... (see html-head.ts). */
export const readPageHead = (html: string, baseUrl: string): HeadInfo => readHead(parseHtml(html), baseUrl);

/** The feeds a page announces with <link rel="alternate" type="...">, absolute. */
export async function extractFeedLinks(html: string, baseUrl: string): Promise<string[]> {
  return readPageHead(html, baseUrl).feedLinks;
}
