import { Hono } from 'hono';
import type { Env } from '../env';
import { catalogOpml, renderOpml } from '../opml/export';
import { etagOf, notModified } from '../serve/http-cache';
import { readCatalog } from '../store/catalog';
import { countingStore } from '../store/kv';

export const opml = new Hono<{ Bindings: Env }>();

const OPML_CACHE = 'public, max-age=3600';

/** Every source and region feed as OPML 2.0, one folder per province: a feed reader imports it whole. */
opml.get('/sources.opml', async (c) => {
  const url = new URL(c.req.url);
  const catalog = await readCatalog(countingStore(c.env.KV));
  // Weak: dateCreated differs between renders of the same catalog.
  const etag = `W/${etagOf(['opml', 1, catalog.version, url.origin])}`;
  const unchanged = notModified(c.req.header('If-None-Match'), etag, OPML_CACHE);
  if (unchanged) return unchanged;
  const body = renderOpml(catalogOpml(catalog.sources(), url.origin, new Date()));
  return new Response(body, { headers: { 'Content-Type': 'text/x-opml; charset=utf-8', ETag: etag, 'Cache-Control': OPML_CACHE } });
});
