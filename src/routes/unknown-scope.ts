import { districtChoices } from '../pages/region-choices';
import type { Source } from '../sources/schema';

/**
 * A source or district asked for by route exists when the catalog has it; one that has
 * left the catalog still exists while articles of it are stored (the caller asks only
 * when nothing was selected). JSON 404s name what does exist.
 */
export function unknownSource(catalog: Source[], id: string): Response | null {
  if (catalog.some((s) => s.id === id)) return null;
  return Response.json(
    { error: 'unknown source', source: id, sources: catalog.map((s) => s.id).sort(), list: '/api/sources' },
    { status: 404, headers: { 'Access-Control-Allow-Origin': '*' } },
  );
}

/** The districts of a province (its former provinces' included) that some source is published under. */
export const knownDistricts = (catalog: Source[], province: string): string[] =>
  districtChoices(catalog.map((s) => s.region), province).map((c) => c.value);

export function unknownDistrict(catalog: Source[], province: string, district: string): Response | null {
  const districts = knownDistricts(catalog, province);
  if (districts.includes(district)) return null;
  return Response.json(
    { error: 'unknown district', province, district, districts },
    { status: 404, headers: { 'Access-Control-Allow-Origin': '*' } },
  );
}
