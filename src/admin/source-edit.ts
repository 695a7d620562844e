import { validateCatalog, validateSource, type FieldError, type Source } from '../sources/schema';
import { checkSourceSelectors } from './selector-check';
import { checkCatalogUrls } from './url-policy';

export type Edit =
  | { ok: true; catalog: Source[]; source: Source }
  | { ok: false; status: 400 | 404 | 409; error: string; errors?: FieldError[] };

/** One source checked as a whole catalog's would be: schema, inward URL, supported selectors. */
function checked(input: unknown, allowPrivate: boolean): { ok: true; source: Source } | { ok: false; errors: FieldError[] } {
  const r = validateSource(input);
  if (!r.ok) return r;
  const errors = [...checkCatalogUrls([r.value], allowPrivate, () => 'url'), ...checkSourceSelectors(r.value)];
  return errors.length ? { ok: false, errors } : { ok: true, source: r.value };
}

/** The catalog with one more source; 409 when its id is taken. */
export function addSource(catalog: readonly Source[], input: unknown, allowPrivate: boolean): Edit {
  const r = checked(input, allowPrivate);
  if (!r.ok) return { ok: false, status: 400, error: 'invalid source', errors: r.errors };
  if (catalog.some((s) => s.id === r.source.id)) return { ok: false, status: 409, error: 'a source with this id exists', errors: [{ field: 'id', message: `"${r.source.id}" is taken` }] };
  const whole = validateCatalog([...catalog, r.source]);
  if (!whole.ok) return { ok: false, status: 400, error: 'invalid source', errors: whole.errors };
  return { ok: true, catalog: whole.value, source: r.source };
}

/**
 * The catalog with one source's fields changed (a JSON merge patch over the top level:
 * a field set to null goes back to its default or away; `region` is replaced whole).
 * The id cannot change: a new id is a new source.
 */
export function patchSource(catalog: readonly Source[], id: string, patch: unknown, allowPrivate: boolean): Edit {
  const i = catalog.findIndex((s) => s.id === id);
  if (i < 0) return { ok: false, status: 404, error: 'no such source' };
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return { ok: false, status: 400, error: 'invalid patch', errors: [{ field: '(body)', message: 'must be an object of the fields to change' }] };
  const fields = patch as Record<string, unknown>;
  if ('id' in fields && fields.id !== id) return { ok: false, status: 400, error: 'invalid patch', errors: [{ field: 'id', message: 'cannot change; add a new source and delete this one' }] };
  const merged: Record<string, unknown> = { ...catalog[i] };
  for (const [k, v] of Object.entries(fields)) {
    if (v === null) delete merged[k];
    else merged[k] = v;
  }
  const r = checked(merged, allowPrivate);
  if (!r.ok) return { ok: false, status: 400, error: 'invalid source', errors: r.errors };
  const next = [...catalog];
  next[i] = r.source;
  return { ok: true, catalog: next, source: r.source };
}

/** Ids kept from one catalog to the next whose URL changed. */
export function urlChanged(before: readonly Source[], after: readonly Source[]): string[] {
  const old = new Map(before.map((s) => [s.id, s.url]));
  return after.filter((s) => old.has(s.id) && old.get(s.id) !== s.url).map((s) => s.id);
}
