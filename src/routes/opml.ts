import { Hono } from 'hono';
import type { Env } from '../env';
import { catalogVersion } from '../pages/catalog-text';
import { catalogFromText } from '../sources/catalog';
import { fnv1a } from '../serve/hash';
import { etagMatches } from '../serve/http-cache';
import { catalogOpml, renderOpml } from '../serve/opml';
import { CATALOG_KEY } from '../store/keys';

export const opml = new Hono<{ Bindings: Env }>();

const OPML_CACHE = 'public, max-age=3600';

/** Every source and region feed as OPML 2.0, one folder per province: a feed reader imports it whole. */
opml.get('/sources.opml', async (c) => {
  const url = new URL(c.req.url);
  const text = await c.env.KV.get(CATALOG_KEY, 'text');
  // Weak: dateCreated differs between renders of the same catalog.
  const etag = `W/"${fnv1a(`opml|1|${catalogVersion(text)}|${url.origin}`)}"`;
  if (etagMatches(c.req.header('If-None-Match') ?? null, etag)) {
    return new Response(null, { status: 304, headers: { ETag: etag, 'Cache-Control': OPML_CACHE } });
  }
  const body = renderOpml(catalogOpml(catalogFromText(text), url.origin, new Date()));
  return new Response(body, { headers: { 'Content-Type': 'text/x-opml; charset=utf-8', ETag: etag, 'Cache-Control': OPML_CACHE } });
});
