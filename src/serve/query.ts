import { communeCodes } from './commune-param';
import { decodeCursor } from './cursor';

/** A district as asked for: "bac-kan/cho-don" names its province; a bare "cho-don" takes the query's provinces. */
export interface DistrictRef {
  province?: string;
  district: string;
}

/** The query of a feed or API request, parsed and checked once (RSSHub's parameter names). */
export interface FeedQuery {
  sources: string[];
  provinces: string[];
  districts: DistrictRef[];
  /** Communes of today by GSO code (the `commune` parameter takes a code or an unambiguous slug). */
  communes: string[];
  limit: number;
  /** Terms that must all appear in title or summary as whole words: single words, or quoted phrases ("chợ đồn"). */
  q: string[];
  /** RSSHub `filter` / `filterout` / `filter_title`: alternatives separated by "|", matched as plain words. */
  filter: string[];
  filterout: string[];
  filterTitle: string[];
  /** RSSHub `filter_time`: only articles published in the last N seconds. */
  filterTime?: number;
  /** Opaque position after which the next page starts. */
  cursor?: string;
  /** Collapse copies of one story from several portals into one item (default on; `dedupe=0` shows every copy). */
  dedupe: boolean;
}

export interface ParamError {
  parameter: string;
  message: string;
  /** Set when the parameter names a commune no commune of today is (a 404 rather than a 400). */
  unknownCommune?: string;
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;
const MAX_WORDS_LENGTH = 200;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DISTRICT = /^(?:[a-z0-9]+(?:-[a-z0-9]+)*\/)?[a-z0-9]+(?:-[a-z0-9]+)*$/;
const COMMUNE = /^(?:\d{5}|[a-z0-9]+(?:-[a-z0-9]+)*)$/;
const CURSOR = /^[A-Za-z0-9_-]{1,200}$/;

function slugs(params: URLSearchParams, name: string, pattern: RegExp, errors: ParamError[]): string[] {
  const values = params
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim().toLowerCase())
    .filter(Boolean);
  for (const v of values) {
    if (!pattern.test(v)) errors.push({ parameter: name, message: `"${v}" is not a slug like "bac-kan"` });
  }
  return [...new Set(values)];
}

/** A free text parameter, bounded in length so matching stays cheap. */
function boundedText(params: URLSearchParams, name: string, errors: ParamError[]): string {
  const value = params.get(name) ?? '';
  if (value.length <= MAX_WORDS_LENGTH) return value;
  errors.push({ parameter: name, message: `at most ${MAX_WORDS_LENGTH} characters` });
  return '';
}

/** RSSHub's "|"-separated alternatives. */
const alternatives = (params: URLSearchParams, name: string, errors: ParamError[]) =>
  boundedText(params, name, errors)
    .split('|')
    .map((w) => w.trim())
    .filter(Boolean);

/**
 * The terms of a search box: quoted phrases ("chợ đồn") and single words. An unclosed
 * quote runs to the end.
 */
export function searchTerms(text: string): string[] {
  const terms: string[] = [];
  for (const m of text.matchAll(/"([^"]*)"?|“([^”]*)”?|(\S+)/g)) {
    const t = (m[1] ?? m[2] ?? m[3] ?? '').trim();
    if (t && t !== '"') terms.push(t);
  }
  return terms;
}

function whole(params: URLSearchParams, name: string, min: number, max: number, errors: ParamError[]): number | undefined {
  const raw = params.get(name);
  if (raw === null) return undefined;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) {
    errors.push({ parameter: name, message: `must be a whole number from ${min} to ${max}` });
    return undefined;
  }
  return n;
}

function districtRef(value: string): DistrictRef {
  const slash = value.indexOf('/');
  return slash < 0 ? { district: value } : { province: value.slice(0, slash), district: value.slice(slash + 1) };
}

/** Each district of the query with its province: a bare district once per province the query names. */
export function districtsWithProvince(query: Pick<FeedQuery, 'provinces' | 'districts'>): { province: string; district: string }[] {
  return query.districts.flatMap((d) => (d.province ? [{ province: d.province, district: d.district }] : query.provinces.map((province) => ({ province, district: d.district }))));
}

export function parseFeedQuery(params: URLSearchParams): { ok: true; query: FeedQuery } | { ok: false; errors: ParamError[] } {
  const errors: ParamError[] = [];
  const cursor = params.get('cursor') ?? undefined;
  if (cursor !== undefined && (!CURSOR.test(cursor) || !decodeCursor(cursor))) errors.push({ parameter: 'cursor', message: 'not a cursor given by a previous page' });
  const dedupe = params.get('dedupe');
  if (dedupe !== null && dedupe !== '0' && dedupe !== '1') errors.push({ parameter: 'dedupe', message: 'must be 0 or 1' });
  const query: FeedQuery = {
    sources: slugs(params, 'source', SLUG, errors),
    provinces: slugs(params, 'province', SLUG, errors),
    districts: slugs(params, 'district', DISTRICT, errors).map(districtRef),
    communes: [],
    limit: whole(params, 'limit', 1, MAX_LIMIT, errors) ?? DEFAULT_LIMIT,
    q: searchTerms(boundedText(params, 'q', errors)),
    filter: alternatives(params, 'filter', errors),
    filterout: alternatives(params, 'filterout', errors),
    filterTitle: alternatives(params, 'filter_title', errors),
    filterTime: whole(params, 'filter_time', 1, 10 * 365 * 86400, errors),
    cursor,
    dedupe: dedupe !== '0',
  };
  const communes = slugs(params, 'commune', COMMUNE, errors);
  if (communes.length && !errors.length) {
    const r = communeCodes(communes, query.provinces);
    if ('error' in r) errors.push({ parameter: 'commune', message: r.error, ...(r.unknown ? { unknownCommune: r.unknown } : {}) });
    else query.communes = r.codes;
  }
  return errors.length ? { ok: false, errors } : { ok: true, query };
}
