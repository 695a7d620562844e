import { etagMatches, notModifiedResponse } from './http-cache';

/**
 * Feed responses kept in the Cache API (`caches.default`) for `seconds`, keyed by the full URL:
 * a feed read again within that time costs no KV read and no rendering. Only whole 200 answers
 * are kept (never an error, a 404 or a 304); a client holding the kept copy's ETag gets a 304
 * from it. On a workers.dev address the Cache API keeps nothing, so every request renders as
 * without it; with a custom domain it is the data centre's cache. Opt-in (FEED_CACHE_SECONDS):
 * a kept feed can lag a refresh by up to `seconds`.
 */
export interface EdgeCache {
  match(key: Request): Promise<Response | undefined>;
  put(key: Request, response: Response): Promise<void>;
}

export async function throughEdgeCache(
  request: Request,
  seconds: number,
  cache: EdgeCache,
  keep: (work: Promise<unknown>) => void,
  render: () => Promise<Response>,
): Promise<Response> {
  if (request.method !== 'GET') return render();
  // The URL alone: conditional headers are answered here, from the kept copy's ETag.
  const key = new Request(request.url, { method: 'GET' });
  const kept = await cache.match(key);
  if (kept) return answer(request, unkept(kept));
  const res = await render();
  if (res.status !== 200 || !res.headers.get('ETag')) return res;
  const copy = new Response(res.clone().body, res);
  // The cache keeps it `seconds`; clients are told what they are told without the cache.
  copy.headers.set(CLIENT_CACHE_CONTROL, res.headers.get('Cache-Control') ?? '');
  copy.headers.set('Cache-Control', `public, max-age=${seconds}`);
  keep(cache.put(key, copy).catch(() => {})); // a failed put costs the next request a KV read, nothing more
  return answer(request, res);
}

/** Where a kept copy carries the Cache-Control its clients get. */
const CLIENT_CACHE_CONTROL = 'X-Bantin-Client-Cache-Control';

/** A kept copy as the client gets it: its own Cache-Control back, the marker gone. */
function unkept(kept: Response): Response {
  const res = new Response(kept.body, kept);
  const client = res.headers.get(CLIENT_CACHE_CONTROL);
  if (client) res.headers.set('Cache-Control', client);
  res.headers.delete(CLIENT_CACHE_CONTROL);
  return res;
}

/** The kept (or just rendered) answer, or a 304 when the client already has its version. */
function answer(request: Request, res: Response): Response {
  const etag = res.headers.get('ETag')!;
  if (!etagMatches(request.headers.get('If-None-Match'), etag)) return res;
  return notModifiedResponse(etag, res.headers.get('Cache-Control') ?? undefined, res.headers.get('Last-Modified') ?? undefined);
}
