import { parseSelector, SelectorError, type SelectorList } from '../normalize/html-select';
import type { Selectors } from '../sources/schema';
import { IngestError } from './types';

/**
 * The CSS selectors of an HTML listing: checked and compiled once per read. Field selectors
 * are relative to the item (a leading `>` means a child of the item). Sibling combinators,
 * `:has()` and the like are refused, with the way around them, so a definition stays
 * readable by any CSS engine an operator tries it in.
 */

export type ListingField = keyof Selectors;

export const LISTING_FIELDS: readonly ListingField[] = ['item', 'title', 'link', 'date', 'summary', 'image'];

const REFUSED: Array<[RegExp, string]> = [
  [/\+(?![^[]*\])(?![^(]*\))/, 'the "+" (adjacent sibling) combinator is not supported; use :nth-child(n) or :not(:first-child)'],
  [/~(?!=)(?![^[]*\])/, 'the "~" (general sibling) combinator is not supported; use :nth-child(n) or :not(:first-child)'],
  [/:has\(/i, ':has() is not supported; select the item itself and put the condition on a field'],
  [/:last-child\b/i, ':last-child is not supported; use :nth-child() or :first-child'],
  [/:last-of-type\b/i, ':last-of-type is not supported; use :nth-of-type()'],
  [/:only-child\b/i, ':only-child is not supported'],
  [/:nth-last-/i, ':nth-last-child()/:nth-last-of-type() are not supported'],
  [/:contains\(/i, ':contains() is not CSS and is not supported'],
];

function selectorError(field: ListingField, selector: string, why: string): IngestError {
  return new IngestError('parse', `Unsupported ${field} selector "${selector}": ${why}`);
}

/** Compiles one field's selector; throws IngestError('parse') naming the field and the selector. */
export function compileSelector(field: ListingField, selector: string): SelectorList {
  for (const [pattern, why] of REFUSED) if (pattern.test(selector)) throw selectorError(field, selector, why);
  try {
    return parseSelector(selector);
  } catch (e) {
    if (e instanceof SelectorError) throw selectorError(field, selector, e.message);
    throw e;
  }
}

/** Every selector of a listing, compiled. */
export type CompiledSelectors = { [F in ListingField]?: SelectorList } & { item: SelectorList };

export function compileSelectors(selectors: Selectors): CompiledSelectors {
  const out: CompiledSelectors = { item: compileSelector('item', selectors.item) };
  for (const field of LISTING_FIELDS) {
    const written = selectors[field];
    if (field !== 'item' && written !== undefined) out[field] = compileSelector(field, written);
  }
  return out;
}

/** Checks every selector of a listing up front, so a catalog entry can be refused before its first refresh. */
export function assertSupportedSelectors(selectors: Selectors): void {
  compileSelectors(selectors);
}
