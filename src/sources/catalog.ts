import type { JsonStore } from '../store/kv';
import { CATALOG_KEY } from '../store/keys';
import { BUNDLED_SOURCES } from './bundled';
import { validateCatalog, type Source } from './schema';

/** The bundled catalog, validated once: a bad entry fails at start, not mid-run. */
export function bundledCatalog(): Source[] {
  const r = validateCatalog(BUNDLED_SOURCES);
  if (!r.ok) throw new Error(`bundled catalog invalid: ${r.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
  return r.value;
}

/** The runtime catalog set by the admin API, or the bundled one when none is set. */
export async function loadCatalog(store: JsonStore): Promise<Source[]> {
  const stored = await store.getJson<unknown>(CATALOG_KEY);
  if (stored == null) return bundledCatalog();
  const r = validateCatalog(stored);
  // It was validated when set; a schema change since must not stop every refresh.
  return r.ok ? r.value : bundledCatalog();
}
