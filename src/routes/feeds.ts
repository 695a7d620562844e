import { Hono, type Context } from 'hono';
import type { Env } from '../env';
import type { FeedFormat } from '../serve/feed-doc';
import { parseFeedQuery, type FeedQuery } from '../serve/query';
import { paramErrorResponse, serveFeed } from '../serve/serve-feed';
import { SITE_DESCRIPTION, selectionTitle } from '../serve/titles';
import { countingStore } from '../store/kv';
import { describeCommune, findCommune, nearestCommunes } from '../regions';
import { regionNames } from './region-names';
import { unknownDistrict, unknownSource } from './unknown-scope';
import { loadCatalog } from '../store/catalog';
import type { Source } from '../sources/schema';

const FORMATS: FeedFormat[] = ['rss', 'atom', 'json'];
type Ctx = Context<{ Bindings: Env }>;

/** What a route adds to the query string's own filters, and where its pages live. */
interface RouteScope {
  extend?: (q: FeedQuery) => FeedQuery | Response;
  homePath: string;
  feedPath: (f: FeedFormat) => string;
  /** For a route that names a district or source: the 404 when it does not exist. */
  unknown?: (catalog: Source[]) => Response | null;
}

async function feedResponse(c: Ctx, format: FeedFormat, scope: RouteScope): Promise<Response> {
  const url = new URL(c.req.url);
  const parsed = parseFeedQuery(url.searchParams);
  if (!parsed.ok) return paramErrorResponse(parsed.errors);
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
    whenEmpty: scope.unknown ? async () => scope.unknown!(await loadCatalog(countingStore(c.env.KV))) : undefined,
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
      unknown: (catalog) => unknownDistrict(catalog, province, district),
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
      unknown: (catalog) => unknownSource(catalog, source),
      feedPath: (f) => `/s/${source}/feed.${f}`,
    });
  });
}

/** 404 naming the nearest communes of today, and where the whole list is. */
export const unknownCommune = (value: string) =>
  Response.json(
    { error: 'unknown commune', commune: value, nearest: nearestCommunes(value).map(describeCommune), list: '/c' },
    { status: 404, headers: { 'Access-Control-Allow-Origin': '*' } },
  );
