import { BUNDLED_SOURCES } from '../sources/bundled';
import { bundledCatalog } from '../sources/catalog';
import { validateCatalog, type Source } from '../sources/schema';
import { fnv1a } from '../serve/hash';

/**
 * The catalog from the `catalog` key's text, read raw so pages can put its version in their
 * ETag before parsing anything (same rules as loadCatalog: absent or invalid → the bundled one).
 */
export function catalogFromText(text: string | null): Source[] {
  if (text == null) return bundledCatalog();
  try {
    const r = validateCatalog(JSON.parse(text));
    return r.ok ? r.value : bundledCatalog();
  } catch {
    return bundledCatalog();
  }
}

let bundledVersion: string | undefined;

/** A short version of the stored catalog text (or of the bundled one), for ETags. */
export function catalogVersion(text: string | null): string {
  if (text != null) return fnv1a(text);
  return (bundledVersion ??= `b${fnv1a(JSON.stringify(BUNDLED_SOURCES))}`);
}
