import { selectAll, selectFirst } from '../normalize/html-select';
import type { HtmlElement } from '../normalize/html-tree';
import type { Selectors } from '../sources/schema';
import type { CompiledSelectors } from './listing-selectors';

/**
 * Why selectors read no article from a page, naming the selector at fault: the item selector
 * that matches nothing, or the field selector that matches nothing inside the items.
 */
export function explainEmpty(root: HtmlElement, selectors: Selectors, compiled: CompiledSelectors): string {
  const items = selectAll(root, compiled.item);
  const none = `selectors matched no article (item: "${selectors.item}")`;
  if (items.length === 0) return `${none}: the item selector matches nothing on the page`;
  const n = `${items.length} item${items.length === 1 ? '' : 's'}`;
  for (const field of ['title', 'link'] as const) {
    const list = compiled[field];
    if (!list) continue;
    const found = items.filter((it) => selectFirst(it, list) !== null).length;
    if (found === 0) return `${none}: the ${field} selector "${selectors[field]}" matches nothing inside the ${n}`;
  }
  const field = selectors.link ? 'link' : 'title';
  const written = selectors.link ?? selectors.title ?? 'a';
  return `${none}: the ${field} selector "${written}" finds no link inside the ${n}`;
}
