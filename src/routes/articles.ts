import { Hono } from 'hono';
import type { Env } from '../env';
import { bucketKey, SNAP_ALL } from '../store/keys';
import type { Bucket, Snapshot } from '../store/types';
import { articleJson } from '../serve/article-json';
import { fnv1a } from '../serve/hash';
import { cacheControl, etagMatches, notModified } from '../serve/http-cache';
import { parseFeedQuery } from '../serve/query';
import { keysFor, readSelection } from '../serve/select';
import { paramErrorResponse } from '../serve/serve-feed';
import { shapeItems } from '../serve/shape';

export const articles = new Hono<{ Bindings: Env }>();

/** The newest articles as JSON, with the feeds' filters and cursor paging. */
articles.get('/api/articles', async (c) => {
  const url = new URL(c.req.url);
  const parsed = parseFeedQuery(url.searchParams);
  if (!parsed.ok) return paramErrorResponse(parsed.errors);
  const chosen = keysFor(parsed.query);
  if ('error' in chosen) return paramErrorResponse([chosen.error]);
  const reading = await readSelection(parsed.query, chosen.keys, (key) => c.env.KV.get(key, 'text'));
  const now = new Date();
  const etag = `"${fnv1a(`${reading.version}|api|${url.search}|${parsed.query.filterTime ? Math.floor(now.getTime() / 60_000) : ''}`)}"`;
  if (etagMatches(c.req.header('If-None-Match') ?? null, etag)) return notModified(etag);
  const { items, next } = shapeItems(reading.select().items, parsed.query, now);
  let nextUrl: string | undefined;
  if (next) {
    const u = new URL(url);
    u.searchParams.set('cursor', next);
    nextUrl = u.toString();
  }
  return c.json({ items: items.map(articleJson), next_cursor: next ?? null, next_url: nextUrl ?? null }, 200, { ETag: etag, 'Cache-Control': cacheControl });
});

/** One article, with its full content from its source's bucket. */
articles.get('/api/articles/:id{[a-f0-9]{8,64}}', async (c) => {
  const id = c.req.param('id');
  const source = c.req.query('source');
  let sourceId = source;
  if (!sourceId) {
    const all = await c.env.KV.get<Snapshot>(SNAP_ALL, 'json');
    sourceId = all?.articles.find((a) => a.id === id)?.sourceId;
  }
  const bucket = sourceId ? await c.env.KV.get<Bucket>(bucketKey(sourceId), 'json') : null;
  const found = bucket?.articles.find((a) => a.id === id);
  if (!found || !bucket) return c.json({ error: 'no such article (older ones need ?source=<id>)' }, 404);
  const info = bucket.source ?? { id: bucket.sourceId, name: bucket.sourceId, url: found.url, region: { province: '' } };
  return c.json(articleJson({ ...found, source: info }), 200, { 'Cache-Control': cacheControl });
});
