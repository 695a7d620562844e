import { Hono, type Context } from 'hono';
import type { Env } from '../env';
import type { FeedFormat } from '../serve/feed-doc';
import { parseFeedQuery, type FeedQuery } from '../serve/query';
import { serveFeed } from '../serve/serve-feed';
import '../serve/warm';
import { throughEdgeCache } from '../serve/edge-cache';
import { SITE_DESCRIPTION, selectionTitle } from '../serve/titles';
import { countingStore } from '../store/kv';
import { findCommune } from '../regions';
import { regionNames } from './region-names';
import { missingScope, missingScopeResponse, queryErrorResponse, unknownCommune } from './unknown-scope';
import { loadCatalog } from '../store/catalog';

const FORMATS: FeedFormat[] = ['rss', 'atom', 'json'];
type Ctx = Context<{ Bindings: Env }>;

/** What a route adds to the query string's own filters, and where its pages live. */
interface RouteScope {
  extend?: (q: FeedQuery) => FeedQuery | Response;
  homePath: string;
  feedPath: (f: FeedFormat) => string;
}

/** Whole seconds above zero from FEED_CACHE_SECONDS, or 0 (unset or not a number: no edge cache). */
const feedCacheSeconds = (v: string | undefined) => (v && Number.isInteger(Number(v)) && Number(v) > 0 ? Number(v) : 0);

async function feedResponse(c: Ctx, format: FeedFormat, scope: RouteScope): Promise<Response> {
  const seconds = feedCacheSeconds(c.env.FEED_CACHE_SECONDS);
  const render = () => renderFeed(c, format, scope);
  return seconds ? throughEdgeCache(c.req.raw, seconds, caches.default, (work) => c.executionCtx.waitUntil(work), render) : render();
}

async function renderFeed(c: Ctx, format: FeedFormat, scope: RouteScope): Promise<Response> {
  const url = new URL(c.req.url);
  const parsed = parseFeedQuery(url.searchParams);
  if (!parsed.ok) return queryErrorResponse(parsed.errors);
  const query = scope.extend ? scope.extend(parsed.query) : parsed.query;
  if (query instanceof Response) return query;
  return serveFeed({
    url,
    format,
    query,
    ifNoneMatch: c.req.header('If-None-Match') ?? null,
    ifModifiedSince: c.req.header('If-Modified-Since') ?? null,
    title: (items) => selectionTitle(query, regionNames(items)),
    description: SITE_DESCRIPTION,
    homePath: scope.homePath,
    feedPath: scope.feedPath,
    store: countingStore(c.env.KV),
    now: new Date(),
    // A source or district named in the path or the query string that does not exist: 404, naming those that do.
    whenEmpty: query.sources.length || query.districts.length ? async () => {
      const missing = missingScope(await loadCatalog(countingStore(c.env.KV)), query);
      return missing ? missingScopeResponse(missing) : null;
    } : undefined,
  });
}

export const feeds = new Hono<{ Bindings: Env }>();

for (const format of FORMATS) {
  // The combined feed; ?province=, ?district=, ?source= narrow it.
  feeds.get(`/feed.${format}`, (c) => feedResponse(c, format, { homePath: '/', feedPath: (f) => `/feed.${f}` }));

  // Readable routes per region and per source.
  feeds.get(`/p/:province/feed.${format}`, (c) => {
    const province = c.req.param('province');
    return feedResponse(c, format, {
      extend: (q) => ({ ...q, provinces: [province] }),
      homePath: `/p/${province}`,
      feedPath: (f) => `/p/${province}/feed.${f}`,
    });
  });
  feeds.get(`/p/:province/:district/feed.${format}`, (c) => {
    const { province, district } = c.req.param();
    return feedResponse(c, format, {
      extend: (q) => ({ ...q, provinces: [province], districts: [{ province, district }] }),
      homePath: `/p/${province}/${district}`,
      feedPath: (f) => `/p/${province}/${district}/feed.${f}`,
    });
  });
  // A commune of today by its GSO code (unique in the country).
  feeds.get(`/c/:code/feed.${format}`, (c) => {
    const code = c.req.param('code');
    const commune = findCommune(code);
    if (!commune) return unknownCommune(code);
    return feedResponse(c, format, {
      extend: (q) => ({ ...q, provinces: [], districts: [], communes: [code] }),
      homePath: `/c/${code}`,
      feedPath: (f) => `/c/${code}/feed.${f}`,
    });
  });
  feeds.get(`/s/:source/feed.${format}`, (c) => {
    const source = c.req.param('source');
    return feedResponse(c, format, {
      // A source's own feed is never collapsed: every article it published.
      extend: (q) => ({ ...q, sources: [source], dedupe: false }),
      homePath: `/s/${source}`,
      feedPath: (f) => `/s/${source}/feed.${f}`,
    });
  });
}
