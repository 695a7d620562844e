import { Hono } from 'hono';
import { ADMIN_ASSET_VERSION, ADMIN_CSS, ADMIN_JS } from '../admin-page/assets';
import { AdminPage } from '../admin-page/page';
import { regionOptions, sourceViews } from '../admin-page/status';
import type { Env } from '../env';
import { findProvince } from '../regions';
import { loadCatalog } from '../store/catalog';
import { countingStore } from '../store/kv';
import { readState } from '../store/state';
import { versionedAsset } from './versioned-asset';

/**
 * The admin page in the browser. The page and its script and stylesheet are public (they hold
 * nothing secret); what they show comes from the admin JSON API, token required, including the
 * two routes here made for the page (/admin/status, /admin/regions/<province>).
 */
export const adminPage = new Hono<{ Bindings: Env }>();

/** Paths under /admin that need no token: the page and its assets. */
export const ADMIN_PUBLIC_PATHS = new Set(['/admin', '/admin/', '/admin/app.js', '/admin/app.css']);

/** Scripts and styles from here only, no inline ones; calls to here only; never framed; forms post nowhere. */
export const ADMIN_PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const page = async () =>
  new Response(`<!DOCTYPE html>${await (<AdminPage />).toString()}`, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': ADMIN_PAGE_CSP,
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    },
  });
adminPage.get('/admin', page);
adminPage.get('/admin/', page);

adminPage.get('/admin/app.js', versionedAsset(ADMIN_JS, 'application/javascript; charset=utf-8', ADMIN_ASSET_VERSION));
adminPage.get('/admin/app.css', versionedAsset(ADMIN_CSS, 'text/css; charset=utf-8', ADMIN_ASSET_VERSION));

/** Every source with its health in words (state, last success, last and recent failures with their sentences). */
adminPage.get('/admin/status', async (c) => {
  const store = countingStore(c.env.KV);
  const [catalog, state] = await Promise.all([loadCatalog(store), readState(store)]);
  return c.json({ lastRun: state?.lastRun ?? null, sources: sourceViews(catalog, state) });
});

/** The districts and communes the add form offers for a province. */
adminPage.get('/admin/regions/:province', async (c) => {
  const province = c.req.param('province');
  if (!findProvince(province)) return c.json({ error: 'unknown province', province }, 404);
  return c.json(regionOptions(await loadCatalog(countingStore(c.env.KV)), province));
});
