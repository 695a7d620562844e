import type { Selectors } from '../sources/schema';
import { IngestError } from './types';

/**
 * CSS selector handling for HTML listings: HTMLRewriter (lol-html) knows type, class, id and
 * attribute selectors, descendant and child combinators, `:nth-child`, `:first-child`,
 * `:nth-of-type`, `:first-of-type` and `:not()`. It throws a terse "Parser error" on anything
 * else, so the common misses are named here with the way around them.
 */

export type ListingField = keyof Selectors;

/**
 * Calls `visit` with each character of `selector` that stands outside quotes, [] and ()
 * (escapes skipped), until it returns true. The one scanner the functions below share.
 */
function eachTopLevel(selector: string, visit: (c: string, i: number) => boolean | void): void {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '\\') i++;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (depth === 0 && visit(c, i)) return;
  }
}

/** Splits a selector list on its top-level commas (not those inside quotes, [] or ()). */
export function splitSelectorList(selector: string): string[] {
  const parts: string[] = [];
  let start = 0;
  eachTopLevel(selector, (c, i) => {
    if (c !== ',') return;
    parts.push(selector.slice(start, i).trim());
    start = i + 1;
  });
  parts.push(selector.slice(start).trim());
  return parts.filter((p) => p !== '');
}

/** A combinator HTMLRewriter lacks, found outside quotes, brackets and parentheses. */
function unsupportedCombinator(selector: string): '+' | '~' | null {
  let found: '+' | '~' | null = null;
  eachTopLevel(selector, (c) => {
    if (c === '+' || c === '~') found = c;
    return found !== null;
  });
  return found;
}

const UNSUPPORTED_PSEUDO: Array<[RegExp, string]> = [
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

/** Throws IngestError('parse') naming the selector when HTMLRewriter cannot run it. */
export function checkSelector(field: ListingField, selector: string): void {
  const combinator = unsupportedCombinator(selector);
  if (combinator === '+') {
    throw selectorError(field, selector, 'the "+" (adjacent sibling) combinator is not supported; use :nth-child(n) or :not(:first-child)');
  }
  if (combinator === '~') {
    throw selectorError(field, selector, 'the "~" (general sibling) combinator is not supported; use :nth-child(n) or :not(:first-child)');
  }
  for (const [pattern, why] of UNSUPPORTED_PSEUDO) {
    if (pattern.test(selector)) throw selectorError(field, selector, why);
  }
}

/**
 * Field selectors relative to the item: `${item} ${field}` for every pair of list members.
 * A field may start with `>` ("direct child of the item").
 */
export function combineSelectors(item: string, field: string): string {
  const out: string[] = [];
  for (const i of splitSelectorList(item)) for (const f of splitSelectorList(field)) out.push(`${i} ${f}`);
  return out.join(', ');
}

/**
 * The last compound selector of a complex one: what the matched element itself must be
 * (`h3.title > a` → `a`, `.meta li:first-child` → `li:first-child`).
 */
export function lastCompound(selector: string): string {
  let start = 0;
  eachTopLevel(selector, (c, i) => {
    if (c === '>' || c === '+' || c === '~' || /\s/.test(c)) start = i + 1;
  });
  return selector.slice(start).trim();
}

/**
 * A superset of the elements matching `inner` inside an element that matches `outer` (both
 * relative to `item`): `${item} ${outer} ${last compound of inner}`. With it a field element
 * nested in another can be told from one after it, without waiting for end tags.
 */
export function nestedSelectors(item: string, outer: string, inner: string): string {
  const lasts = [...new Set(splitSelectorList(inner).map(lastCompound))];
  const out: string[] = [];
  for (const i of splitSelectorList(item)) for (const o of splitSelectorList(outer)) for (const l of lasts) out.push(`${i} ${o} ${l}`);
  return out.join(', ');
}

/** Each member of a selector list with `conditions` added to its last compound, one member per condition. */
export function withConditions(selector: string, conditions: string[]): string {
  const out: string[] = [];
  for (const s of splitSelectorList(selector)) for (const c of conditions) out.push(`${s}${c}`);
  return out.join(', ');
}

/**
 * Registers a handler, turning HTMLRewriter's parse error into an IngestError that names
 * the selector the user wrote (not the combined one) and the field it belongs to.
 */
export function onSelector(
  rewriter: HTMLRewriter,
  field: ListingField,
  written: string,
  combined: string,
  handlers: HTMLRewriterElementContentHandlers,
): void {
  try {
    rewriter.on(combined, handlers);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw selectorError(field, written, `HTMLRewriter cannot read it (${why})`);
  }
}

/**
 * Checks every selector of a listing up front, with HTMLRewriter itself, so a catalog entry
 * can be refused before its first refresh. Throws IngestError('parse').
 */
export function assertSupportedSelectors(selectors: Selectors): void {
  const probe = new HTMLRewriter();
  const fields: ListingField[] = ['item', 'title', 'link', 'date', 'summary', 'image'];
  for (const field of fields) {
    const written = selectors[field];
    if (written === undefined) continue;
    checkSelector(field, written);
    const combined = field === 'item' ? written : combineSelectors(selectors.item, written);
    onSelector(probe, field, written, combined, {});
  }
}
