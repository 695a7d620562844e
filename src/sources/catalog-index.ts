import type { Source } from './schema';

/** What a run looks up in the catalog by source id, and whether the catalog is one province's. */
export interface CatalogIndex {
  byId: ReadonlyMap<string, Source>;
  regions: ReadonlyMap<string, Source['region']>;
  oneProvince: boolean;
}

/**
 * Built once per catalog. The catalog a run reads is the same frozen array while its stored
 * text stays (catalog.ts), so a frequent cron's runs share one index instead of building maps
 * of every source on every run: garbage the isolate would collect inside some later run. A
 * catalog that is not frozen may still change, so it gets an index of its own each time.
 */
const built = new WeakMap<readonly Source[], CatalogIndex>();

export function catalogIndex(catalog: readonly Source[]): CatalogIndex {
  const kept = built.get(catalog);
  if (kept) return kept;
  const index: CatalogIndex = {
    byId: new Map(catalog.map((s) => [s.id, s])),
    regions: new Map(catalog.map((s) => [s.id, s.region])),
    oneProvince: new Set(catalog.map((s) => s.region.province)).size === 1,
  };
  if (Object.isFrozen(catalog)) built.set(catalog, index);
  return index;
}
