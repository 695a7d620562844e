import { bundledCatalog, catalogFromText } from '../sources/catalog';
import { BUNDLED_SOURCES } from '../sources/bundled';
import { validateCatalog, type Source } from '../sources/schema';
import { fnv1a } from './hash';
import { CATALOG_KEY } from './keys';
import type { JsonStore } from './kv';

/** The runtime catalog set by the admin API, or the bundled one when none is set. */
export async function loadCatalog(store: JsonStore): Promise<Source[]> {
  return catalogFromText(await store.getText(CATALOG_KEY));
}

let bundledVersion: string | undefined;

/** A short version of the stored catalog text (or of the bundled one), for ETags. */
function catalogVersion(text: string | null): string {
  if (text != null) return fnv1a(text);
  return (bundledVersion ??= `b${fnv1a(JSON.stringify(BUNDLED_SOURCES))}`);
}

/** What a response built from the catalog needs: its version for the ETag, then (unless 304) the sources. */
export interface CatalogReading {
  version: string;
  sources(): Source[];
}

export async function readCatalog(store: JsonStore): Promise<CatalogReading> {
  const text = await store.getText(CATALOG_KEY);
  return { version: catalogVersion(text), sources: () => catalogFromText(text) };
}

/**
 * The runtime catalog for editing: the stored one, or the bundled one when none is
 * stored yet. Unlike loadCatalog (which serves and refreshes from the bundled catalog
 * when the stored one no longer validates), an edit must not silently start over from
 * the bundled catalog and throw the operator's away: that case is an error to report.
 */
export class StoredCatalogInvalid extends Error {
  override readonly name = 'StoredCatalogInvalid';
}

export async function readCatalogForEdit(store: JsonStore): Promise<{ sources: Source[]; stored: boolean }> {
  const raw = await store.getJson<unknown>(CATALOG_KEY);
  if (raw == null) return { sources: bundledCatalog(), stored: false };
  const r = validateCatalog(raw);
  if (!r.ok) throw new StoredCatalogInvalid(`the stored catalog no longer validates (${r.errors[0].field}: ${r.errors[0].message}); PUT /admin/sources a new one`);
  return { sources: r.value, stored: true };
}

/** Stored validated, with defaults filled in: serving and refresh trust it as is. One KV write. */
export async function writeCatalog(store: JsonStore, sources: Source[]): Promise<void> {
  await store.putJson(CATALOG_KEY, sources);
}
