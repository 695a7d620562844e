import { Hono, type Context } from 'hono';
import { adminAuth } from '../admin/auth';
import { ADMIN_PUBLIC_PATHS } from './admin-page';
import { bodyLimit } from '../admin/body-limit';
import { previewSource } from '../admin/preview';
import { checkSourceSelectors } from '../admin/selector-check';
import { applySourceAction, isSourceAction, SOURCE_ACTIONS } from '../admin/source-actions';
import { streamRefresh, wantsProgress } from '../admin/refresh-stream';
import { checkCatalogUrls } from '../admin/url-policy';
import type { Env } from '../env';
import { jsonLog, refreshDeps } from '../refresh/from-env';
import { runRefresh } from '../refresh/run';
import { isActive } from '../refresh/schedule';
import { planImport } from '../opml/import';
import { parseOpml } from '../opml/parse';
import { regionSchema, validateCatalog, type FieldError } from '../sources/schema';
import { loadCatalog, readCatalogForEdit, StoredCatalogInvalid, writeCatalog } from '../store/catalog';
import { countingStore } from '../store/kv';
import { errorText } from '../error-text';
import { addSource, patchSource, urlChanged } from '../admin/source-edit';
import { forgetSource } from '../store/forget-source';
import { forgetOldUrls } from '../store/state';
import { newVersion } from '../store/version';

type Ctx = Context<{ Bindings: Env }>;

export const admin = new Hono<{ Bindings: Env }>();

/** Admin bodies are catalogs and OPML files: 1 MiB is hundreds of sources. */
export const ADMIN_BODY_LIMIT = 1024 * 1024;

// Every admin answer: never cached, never framed.
admin.use('/admin/*', async (c, next) => {
  await next();
  if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  c.res.headers.set('X-Frame-Options', 'DENY');
});
// Authentication first (an unauthenticated body is never read), then the size limit. The page
// and its assets are public: they hold nothing secret.
const auth = adminAuth();
admin.use('/admin/*', (c, next) => (ADMIN_PUBLIC_PATHS.has(c.req.path) ? next() : auth(c, next)));
admin.use(
  '/admin/*',
  bodyLimit(ADMIN_BODY_LIMIT, async (c) => c.json({ error: 'body too large', limitBytes: ADMIN_BODY_LIMIT }, 413)),
);

const invalid = (c: Ctx, error: string, errors: FieldError[]) => c.json({ error, errors }, 400);
const allowPrivate = (c: Ctx) => c.env.ALLOW_PRIVATE_SOURCES === 'true';

/** The body as JSON, or a 400 that says why (never an exception with a stack). */
async function jsonBody(c: Ctx): Promise<{ ok: true; value: unknown } | { ok: false; res: Response }> {
  const text = await c.req.text();
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const why = errorText(e);
    return { ok: false, res: invalid(c, 'body is not JSON', [{ field: '(body)', message: why }]) };
  }
}

/** Catalog edits start from the stored catalog; a stored one that no longer validates is reported, not replaced. */
async function editableCatalog(c: Ctx) {
  try {
    return { ok: true as const, ...(await readCatalogForEdit(countingStore(c.env.KV))) };
  } catch (e) {
    if (e instanceof StoredCatalogInvalid) return { ok: false as const, res: c.json({ error: e.message }, 409) };
    throw e;
  }
}

/** The runtime catalog as refresh and serving see it (the bundled one until one is stored). */
admin.get('/admin/sources', async (c) => {
  const r = await editableCatalog(c);
  if (!r.ok) return r.res;
  return c.json({ stored: r.stored, sources: r.sources });
});

/** Replaces the runtime catalog; 400 lists every invalid field (schema, inward URLs, unsupported selectors). */
admin.put('/admin/sources', async (c) => {
  const body = await jsonBody(c);
  if (!body.ok) return body.res;
  const r = validateCatalog(body.value);
  if (!r.ok) return invalid(c, 'invalid sources', r.errors);
  const errors = [
    ...checkCatalogUrls(r.value, allowPrivate(c)),
    ...r.value.flatMap((s, i) => checkSourceSelectors(s, `[${i}].`)),
  ];
  if (errors.length) return invalid(c, 'invalid sources', errors);
  const store = countingStore(c.env.KV);
  const before = await loadCatalog(store);
  await writeCatalog(store, r.value);
  await forgetOldUrls(store, urlChanged(before, r.value));
  jsonLog({ level: 'info', event: 'admin-catalog-replaced', sources: r.value.length });
  return c.json({ ok: true, sources: r.value.length });
});

/** Adds one source; 409 when its id is taken. */
admin.post('/admin/sources', async (c) => {
  const body = await jsonBody(c);
  if (!body.ok) return body.res;
  const current = await editableCatalog(c);
  if (!current.ok) return current.res;
  const r = addSource(current.sources, body.value, allowPrivate(c));
  if (!r.ok) return c.json({ error: r.error, errors: r.errors }, r.status);
  await writeCatalog(countingStore(c.env.KV), r.catalog);
  jsonLog({ level: 'info', event: 'admin-source-added', source: r.source.id });
  return c.json({ ok: true, source: r.source }, 201);
});

/** Changes one source's fields (null resets one); a new URL starts its fetch history afresh. */
admin.patch('/admin/sources/:id', async (c) => {
  const id = c.req.param('id');
  const body = await jsonBody(c);
  if (!body.ok) return body.res;
  const current = await editableCatalog(c);
  if (!current.ok) return current.res;
  const r = patchSource(current.sources, id, body.value, allowPrivate(c));
  if (!r.ok) return c.json({ error: r.error, ...(r.errors ? { errors: r.errors } : { id }) }, r.status);
  const store = countingStore(c.env.KV);
  await writeCatalog(store, r.catalog);
  await forgetOldUrls(store, urlChanged(current.sources, r.catalog));
  jsonLog({ level: 'info', event: 'admin-source-changed', source: id });
  return c.json({ ok: true, source: r.source });
});

/**
 * Deletes one source and, by default, its articles (its bucket, and every snapshot that held
 * them rewritten without them). `?articles=keep` keeps it as a retired source with its articles.
 */
admin.delete('/admin/sources/:id', async (c) => {
  const id = c.req.param('id');
  const articles = c.req.query('articles');
  if (articles !== undefined && articles !== 'keep') return invalid(c, 'invalid parameters', [{ field: 'articles', message: 'must be keep (or absent: they are deleted)' }]);
  const current = await editableCatalog(c);
  if (!current.ok) return current.res;
  if (!current.sources.some((s) => s.id === id)) return c.json({ error: 'no such source', id }, 404);
  const store = countingStore(c.env.KV);
  if (articles === 'keep') {
    const r = applySourceAction(current.sources, id, 'retire')!;
    if (r.changed || !current.stored) await writeCatalog(store, r.catalog);
    jsonLog({ level: 'info', event: 'admin-source-retired', source: id });
    return c.json({ ok: true, id, deleted: false, retired: true });
  }
  // Out of the catalog first, so no run fetches it back while its articles go.
  await writeCatalog(store, current.sources.filter((s) => s.id !== id));
  const gone = await forgetSource(store, id, new Date(), () => newVersion(new Date(), Math.random));
  jsonLog({ level: 'info', event: 'admin-source-deleted', source: id, articles: gone.articles, snapshots: gone.snapshots.length });
  return c.json({ ok: true, id, deleted: true, articles: gone.articles, snapshots: gone.snapshots });
});

/** A source definition through the real ingest, nothing saved: the articles it would yield and what is wrong. */
admin.post('/admin/sources/preview', async (c) => {
  const body = await jsonBody(c);
  if (!body.ok) return body.res;
  const out = await previewSource(body.value, { fetch: (input, init) => fetch(input, init), allowPrivate: allowPrivate(c), now: new Date() });
  if (!out.ok) return invalid(c, 'invalid source definition', out.errors);
  return c.json(out.result);
});

/** OPML in the body: each outline's xmlUrl becomes a feed source (added, or updated if its URL is known). */
admin.post('/admin/sources/import', async (c) => {
  const province = c.req.query('province');
  const district = c.req.query('district');
  if (district && !province) return invalid(c, 'invalid parameters', [{ field: 'district', message: 'needs province' }]);
  if (province) {
    const r = regionSchema.safeParse({ province, ...(district ? { district } : {}) });
    if (!r.success) return invalid(c, 'invalid parameters', r.error.issues.map((i) => ({ field: String(i.path[0]), message: i.message })));
  }
  const parsed = parseOpml(await c.req.text());
  if (!parsed.ok) return invalid(c, 'invalid OPML', [{ field: '(body)', message: parsed.error }]);
  const current = await editableCatalog(c);
  if (!current.ok) return current.res;
  const plan = planImport(current.sources, parsed.outlines, { province, district, allowPrivate: allowPrivate(c), selfHost: new URL(c.req.url).host });
  const changed = plan.report.added.length + plan.report.updated.length > 0;
  if (changed) {
    // planImport validated each source; the whole catalog once more guards the ids' uniqueness.
    const whole = validateCatalog(plan.catalog);
    if (!whole.ok) return invalid(c, 'import would make the catalog invalid', whole.errors);
    await writeCatalog(countingStore(c.env.KV), whole.value);
    jsonLog({ level: 'info', event: 'admin-opml-imported', added: plan.report.added.map((a) => a.id), updated: plan.report.updated.map((u) => u.id), skipped: plan.report.skipped.length });
  }
  return c.json({ ok: true, title: parsed.title ?? null, saved: changed, ...plan.report });
});

/** enable, disable, retire or unretire one source in the runtime catalog. */
admin.post('/admin/sources/:id/:action', async (c) => {
  const { id, action } = c.req.param();
  if (!isSourceAction(action)) return c.json({ error: `unknown action; use one of ${SOURCE_ACTIONS.join(', ')}` }, 404);
  const current = await editableCatalog(c);
  if (!current.ok) return current.res;
  const r = applySourceAction(current.sources, id, action);
  if (!r) return c.json({ error: 'no such source', id }, 404);
  if (r.changed || !current.stored) await writeCatalog(countingStore(c.env.KV), r.catalog);
  if (r.changed) jsonLog({ level: 'info', event: `admin-source-${action}`, source: id });
  return c.json({ ok: true, id, enabled: r.source.enabled, retired: r.source.retired, changed: r.changed });
});

/**
 * Runs a refresh now (all due sources, or `?source=id`, repeatable, whether due or not, if active):
 * its summary when it ends, or, with `Accept: application/x-ndjson`, its progress as it goes.
 */
admin.post('/admin/refresh', async (c) => {
  const all = c.req.query('all');
  if (all !== undefined && all !== '1') return invalid(c, 'invalid parameters', [{ field: 'all', message: 'must be 1' }]);
  if (all && c.req.queries('source')) return invalid(c, 'invalid parameters', [{ field: 'all', message: 'all=1 or source=…, not both' }]);
  // Everything now, due or not: every active source (what the run's budget cannot reach stays due, as "deferred").
  const only = all ? (await loadCatalog(countingStore(c.env.KV))).filter(isActive).map((s) => s.id) : c.req.queries('source') ?? [];
  if (only.length && !all) {
    const catalog = new Map((await loadCatalog(countingStore(c.env.KV))).map((s) => [s.id, s]));
    const unknown = only.filter((id) => !catalog.has(id));
    if (unknown.length) return invalid(c, 'invalid parameters', [{ field: 'source', message: `no such source: ${unknown.join(', ')}` }]);
    const paused = only.filter((id) => !isActive(catalog.get(id)!));
    if (paused.length) return invalid(c, 'invalid parameters', [{ field: 'source', message: `disabled or retired (enable it, or preview it): ${paused.join(', ')}` }]);
  }
  const options = only.length ? { only } : {};
  if (wantsProgress(c.req.header('accept'))) {
    return streamRefresh((progress) => runRefresh(refreshDeps(c.env), { ...options, progress }), (p) => c.executionCtx.waitUntil(p));
  }
  const summary = await runRefresh(refreshDeps(c.env), options);
  return c.json(summary);
});
