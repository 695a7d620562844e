import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { timingSafeEqual } from 'hono/utils/buffer';
import type { Env } from '../env';
import { refreshDeps } from '../refresh/from-env';
import { runRefresh } from '../refresh/run';
import { validateCatalog } from '../sources/schema';
import { CATALOG_KEY } from '../store/keys';

export const admin = new Hono<{ Bindings: Env }>();

const unauthorized = { message: { error: 'unauthorized' } };

// Bearer token only (never a query string), compared in constant time; every
// failure answers the same 401, with no hint of which part was wrong.
admin.use(
  '/admin/*',
  bearerAuth<{ Bindings: Env }>({
    verifyToken: async (token, c) => Boolean(c.env.ADMIN_TOKEN) && (await timingSafeEqual(token, c.env.ADMIN_TOKEN!)),
    noAuthenticationHeader: unauthorized,
    invalidAuthenticationHeader: unauthorized,
    invalidToken: unauthorized,
  }),
);

/** Replaces the runtime catalog; the bundled one applies again only if this key is deleted. */
admin.put('/admin/sources', async (c) => {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    return c.json({ error: 'body must be a JSON array of sources' }, 400);
  }
  const r = validateCatalog(body);
  if (!r.ok) return c.json({ error: 'invalid sources', errors: r.errors }, 400);
  // Stored validated, with defaults filled in: serving and refresh trust it as is.
  await c.env.KV.put(CATALOG_KEY, JSON.stringify(r.value));
  return c.json({ ok: true, sources: r.value.length });
});

/** Runs a refresh now (all due sources, or `?source=id` whether due or not). */
admin.post('/admin/refresh', async (c) => {
  const only = c.req.queries('source');
  const summary = await runRefresh(refreshDeps(c.env), only?.length ? { only } : {});
  return c.json(summary);
});
