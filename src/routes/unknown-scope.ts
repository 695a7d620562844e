import { describeCommune, nearestCommunes } from '../regions';
import { districtChoices } from '../pages/region-choices';
import { districtsWithProvince, type FeedQuery, type ParamError } from '../serve/query';
import { paramErrorResponse } from '../serve/serve-feed';
import type { Source } from '../sources/schema';
import type { Choice } from '../pages/region-choices';

/**
 * What a query names that does not exist, whether named in the path (`/s/nope/feed.rss`) or in
 * the query string (`/feed.rss?source=nope`). A source or district exists when the catalog has it;
 * one that has left the catalog still exists while articles of it are stored (callers ask only
 * when nothing was selected). Answers name what does exist.
 */
export type MissingScope =
  | { kind: 'source'; source: string; sources: string[] }
  | { kind: 'district'; province: string; district: string; districts: Choice[] };

/** The districts of a province (its former provinces' included) that some source is published under. */
const districtsOf = (catalog: Source[], province: string): Choice[] => districtChoices(catalog.map((s) => s.region), province);

export function missingScope(catalog: Source[], query: Pick<FeedQuery, 'sources' | 'provinces' | 'districts'>): MissingScope | null {
  const source = query.sources.find((id) => !catalog.some((s) => s.id === id));
  if (source) return { kind: 'source', source, sources: catalog.map((s) => s.id).sort() };
  for (const { province, district } of districtsWithProvince(query)) {
    const districts = districtsOf(catalog, province);
    if (!districts.some((d) => d.value === district)) return { kind: 'district', province, district, districts };
  }
  return null;
}

/** The JSON 404 of feeds and the API. */
export function missingScopeResponse(m: MissingScope): Response {
  const body =
    m.kind === 'source'
      ? { error: 'unknown source', source: m.source, sources: m.sources, list: '/api/sources' }
      : { error: 'unknown district', province: m.province, district: m.district, districts: m.districts.map((d) => d.value) };
  return Response.json(body, { status: 404, headers: { 'Access-Control-Allow-Origin': '*' } });
}

/** 404 naming the nearest communes of today, and where the whole list is. */
export const unknownCommune = (value: string) =>
  Response.json(
    { error: 'unknown commune', commune: value, nearest: nearestCommunes(value).map(describeCommune), list: '/c' },
    { status: 404, headers: { 'Access-Control-Allow-Origin': '*' } },
  );

/** The one commune a query names that no commune of today is, when that is all that is wrong with it. */
export const unknownCommuneOf = (errors: ParamError[]): string | undefined => (errors.length === 1 ? errors[0].unknownCommune : undefined);

/** A query string's errors as JSON: 404 for a commune that does not exist, else 400 naming each bad parameter. */
export function queryErrorResponse(errors: ParamError[]): Response {
  const commune = unknownCommuneOf(errors);
  return commune ? unknownCommune(commune) : paramErrorResponse(errors);
}
