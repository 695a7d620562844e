import { Hono } from 'hono';
import type { Env } from '../env';
import { articleJson } from '../serve/article-json';
import { answerQuery } from '../serve/answer-query';
import { cacheControl } from '../serve/http-cache';
import { parseFeedQuery } from '../serve/query';
import { paramErrorResponse } from '../serve/serve-feed';
import { loadCatalog } from '../store/catalog';
import { missingScope, missingScopeResponse, queryErrorResponse } from './unknown-scope';
import { findArticle } from '../store/article';
import { countingStore } from '../store/kv';

export const articles = new Hono<{ Bindings: Env }>();

/** The newest articles as JSON, with the feeds' filters and cursor paging. */
articles.get('/api/articles', async (c) => {
  const url = new URL(c.req.url);
  const parsed = parseFeedQuery(url.searchParams);
  if (!parsed.ok) return queryErrorResponse(parsed.errors);
  const answer = await answerQuery({
    query: parsed.query,
    store: countingStore(c.env.KV),
    ifNoneMatch: c.req.header('If-None-Match'),
    now: new Date(),
    etagParts: ['api', url.search],
    cache: cacheControl,
  });
  if (answer.kind === 'bad-request') return paramErrorResponse(answer.errors);
  if (answer.kind === 'not-modified') return answer.response;
  const { items, next, etag } = answer;
  if (!answer.selected.length && (parsed.query.sources.length || parsed.query.districts.length)) {
    const missing = missingScope(await loadCatalog(countingStore(c.env.KV)), parsed.query);
    if (missing) return missingScopeResponse(missing);
  }
  let nextUrl: string | undefined;
  if (next) {
    const u = new URL(url);
    u.searchParams.set('cursor', next);
    nextUrl = u.toString();
  }
  return c.json({ items: items.map(articleJson), next_cursor: next ?? null, next_url: nextUrl ?? null }, 200, { ETag: etag, 'Cache-Control': cacheControl });
});

/** One article, with its full content from its source's bucket; by its id or the `urn:bantin:article:<id>` feeds give out. */
articles.get('/api/articles/:id{(?:urn:bantin:article:)?[a-f0-9]{8,64}}', async (c) => {
  const id = c.req.param('id').replace(/^urn:bantin:article:/, '');
  const found = await findArticle(countingStore(c.env.KV), id, c.req.query('source'));
  if (!found) return c.json({ error: 'no such article (older ones need ?source=<id>)' }, 404);
  return c.json(articleJson({ ...found.article, source: found.source }), 200, { 'Cache-Control': cacheControl });
});
