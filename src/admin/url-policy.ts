import { checkUrl } from '../ingest/address-guard';
import type { FieldError } from '../sources/schema';

/**
 * Catalog URLs are checked when they are set, not only when fetched: an operator learns
 * at once that `http://10.0.0.5/rss` will never be read (unless ALLOW_PRIVATE_SOURCES),
 * with the field named. The fetcher checks again at every hop; this is the early word.
 */
export function checkCatalogUrls(sources: ReadonlyArray<{ url: string }>, allowPrivate: boolean, at = (i: number) => `[${i}].url`): FieldError[] {
  const errors: FieldError[] = [];
  sources.forEach((s, i) => {
    const r = checkUrl(s.url, allowPrivate);
    if (!r.ok) errors.push({ field: at(i), message: r.reason });
  });
  return errors;
}
