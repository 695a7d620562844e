import type { RawItem } from '../model';
import { selectAll, type SelectorList } from '../normalize/html-select';
import { parseHtml, type HtmlElement } from '../normalize/html-tree';
import type { Selectors } from '../sources/schema';
import { readHead } from './html-head';
import { compileSelectors, type CompiledSelectors } from './listing-selectors';
import { readItem, type ItemFields } from './listing-item';
import type { ParsedPage } from './types';

/**
 * Extracts the articles of an HTML listing page (portals without feeds) from the project's
 * element tree: each element matching `item` is an item, and its fields are read with
 * selectors relative to it (see listing-item.ts).
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

/** Reads the items of a parsed page with compiled selectors. */
export function readListing(root: HtmlElement, c: CompiledSelectors, base: string): RawItem[] {
  const fields = itemFields(c);
  const elements = findItems(root, c, fields, base);
  const nested = new Set(elements);
  const items: RawItem[] = [];
  for (const el of elements) {
    const raw = readItem({ roots: [el], rootsAreFields: false, scope: el, skip: nested }, fields, base);
    if (raw.link) items.push(raw);
  }
  return items;
}

/** Reads an HTML listing with `selectors`; `baseUrl` is the page's final URL. Throws IngestError('parse') on a selector it cannot run. */
export async function extractListing(html: string | Response, selectors: Selectors, baseUrl: string): Promise<ParsedPage> {
  const compiled = compileSelectors(selectors);
  const text = typeof html === 'string' ? html : await html.text();
  const root = parseHtml(text);
  const head = readHead(root, baseUrl);
  const page: ParsedPage = { format: 'html', items: readListing(root, compiled, head.base), feedLinks: head.feedLinks };
  if (head.title) page.title = head.title;
  return page;
}

/** The feeds a page announces with <link rel="alternate" type="...">, absolute. */
export async function extractFeedLinks(html: string, baseUrl: string): Promise<string[]> {
  return readHead(parseHtml(html), baseUrl).feedLinks;
}
