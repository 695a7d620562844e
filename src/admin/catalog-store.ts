import { bundledCatalog } from '../sources/catalog';
import { validateCatalog, type Source } from '../sources/schema';
import { CATALOG_KEY } from '../store/keys';

/**
 * The runtime catalog for editing: the stored one, or the bundled one when none is
 * stored yet. Unlike loadCatalog (which serves and refreshes from the bundled catalog
 * when the stored one no longer validates), an edit must not silently start over from
 * the bundled catalog and throw the operator's away: that case is an error to report.
 */
export class StoredCatalogInvalid extends Error {
  override readonly name = 'StoredCatalogInvalid';
}

export async function readCatalogForEdit(kv: KVNamespace): Promise<{ sources: Source[]; stored: boolean }> {
  const raw = await kv.get(CATALOG_KEY, 'json');
  if (raw == null) return { sources: bundledCatalog(), stored: false };
  const r = validateCatalog(raw);
  if (!r.ok) throw new StoredCatalogInvalid(`the stored catalog no longer validates (${r.errors[0].field}: ${r.errors[0].message}); PUT /admin/sources a new one`);
  return { sources: r.value, stored: true };
}

/** Stored validated, with defaults filled in: serving and refresh trust it as is. One KV write. */
export async function writeCatalog(kv: KVNamespace, sources: Source[]): Promise<void> {
  await kv.put(CATALOG_KEY, JSON.stringify(sources));
}
