import { assertSupportedSelectors } from '../ingest/listing-selectors';
import { resolveSelectors } from '../sources/presets';
import type { FieldError, Source } from '../sources/schema';
import { errorText } from '../error-text';

const FIELDS = ['item', 'title', 'link', 'date', 'summary', 'image'] as const;

/**
 * Selectors HTMLRewriter cannot run (`:has`, `+`, `~`, …), found when a source is set
 * or previewed rather than at its first refresh; each error names the field.
 */
export function checkSourceSelectors(source: Pick<Source, 'preset' | 'selectors'>, prefix = ''): FieldError[] {
  const resolved = resolveSelectors(source);
  if (!resolved) return [];
  const errors: FieldError[] = [];
  for (const field of FIELDS) {
    const selector = resolved[field];
    if (selector === undefined) continue;
    try {
      assertSupportedSelectors(field === 'item' ? { item: selector } : { item: resolved.item, [field]: selector });
    } catch (e) {
      errors.push({ field: `${prefix}selectors.${field}`, message: errorText(e) });
      if (field === 'item') break; // the others are read inside the item
    }
  }
  return errors;
}
