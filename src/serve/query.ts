/** The query of a feed request, parsed and checked once (RSSHub's parameter names). */
export interface FeedQuery {
  sources: string[];
  provinces: string[];
  /** Districts as "province/district" or a bare district slug (resolved against the snapshot). */
  districts: string[];
  limit: number;
}

export interface ParamError {
  parameter: string;
  message: string;
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DISTRICT = /^(?:[a-z0-9]+(?:-[a-z0-9]+)*\/)?[a-z0-9]+(?:-[a-z0-9]+)*$/;

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

export function parseFeedQuery(params: URLSearchParams): { ok: true; query: FeedQuery } | { ok: false; errors: ParamError[] } {
  const errors: ParamError[] = [];
  const query: FeedQuery = {
    sources: slugs(params, 'source', SLUG, errors),
    provinces: slugs(params, 'province', SLUG, errors),
    districts: slugs(params, 'district', DISTRICT, errors),
    limit: DEFAULT_LIMIT,
  };
  const limit = params.get('limit');
  if (limit !== null) {
    const n = Number(limit);
    if (!/^\d+$/.test(limit) || n < 1 || n > MAX_LIMIT) {
      errors.push({ parameter: 'limit', message: `must be a whole number from 1 to ${MAX_LIMIT}` });
    } else query.limit = n;
  }
  return errors.length ? { ok: false, errors } : { ok: true, query };
}
