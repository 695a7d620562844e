import { fetchBody } from '../ingest/fetch';
import { IngestError } from '../ingest/types';
import { hostOf } from './hosts';
import { IMAGE_ROUTE } from './route-url';
import { sniffImage } from '../ingest/image-type';

/**
 * One image fetched on a reader's request and passed on. The way out is fetchBody's (the
 * address guard on every redirect hop, a deadline, a byte cap counted while streaming, image
 * media types only); before it, the URL's host must be one bantin reads (see hosts.ts); after
 * it, the bytes must be a raster image (ingest/image-type.ts: no SVG, nothing that is text). Nothing of
 * the reader's request goes out (no cookie, no credentials, no Referer) and nothing of the
 * portal's answer comes back but the bytes and their sniffed type (no Set-Cookie). Answers,
 * good or bad, are kept in the Cache API where there is one, so a popular image costs the
 * portal one fetch per data centre and the route no KV read.
 */

export interface ImageDeps {
  fetch: typeof fetch;
  allowPrivate: boolean;
  /** Whether the route may fetch from this host (the allowlist; read only on a cache miss). */
  allowed(host: string): Promise<boolean>;
  /** The Cache API's cache (caches.default), where there is one. */
  cache?: Cache;
  /** Keeps the cache write alive after the answer is sent. */
  waitUntil(work: Promise<unknown>): void;
  maxBytes: number;
  timeoutMs: number;
}

/** The longest image URL taken. */
export const MAX_URL_LENGTH = 2048;
export const DEFAULT_IMAGE_MAX_BYTES = 5 * 1024 * 1024;
export const IMAGE_TIMEOUT_MS = 10_000;

/** An image is fresh for a week in browsers and in the Cache API (portals do not change an image at its address). */
export const IMAGE_CACHE = 'public, max-age=604800, stale-while-revalidate=86400';
/** A portal's refusal or a broken image is asked again after ten minutes, not on every page view. */
const FAILURE_CACHE = 'public, max-age=600';

// Portals label images loosely: octet-stream passes here because the bytes decide.
const IMAGE_TYPES = ['image/', 'application/octet-stream'];
const ACCEPT = 'image/avif,image/webp,image/png,image/jpeg,image/gif,image/*;q=0.8';

/** Why an image is not served: machine codes, as the API keeps them. */
export type ImageRefusal =
  | 'bad-url' // no `u`, not an absolute http(s) URL, or too long
  | 'not-allowed' // a host bantin does not read
  | 'blocked' // the address guard refused it (a private address, credentials), on any hop
  | 'not-an-image' // the media type or the bytes are no raster image
  | 'too-large'
  | 'not-found' // the portal answered 404 or 410
  | 'upstream'; // any other failure of the portal (HTTP error, timeout, unreachable)

const STATUS: Record<ImageRefusal, number> = {
  'bad-url': 400,
  'not-allowed': 403,
  blocked: 403,
  'not-an-image': 415,
  'too-large': 502,
  'not-found': 404,
  upstream: 502,
};

/** The requested URL made canonical (no fragment), or null when it is none the route takes. */
export function imageUrl(requested: string | null | undefined): string | null {
  if (!requested || requested.length > MAX_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(requested);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  return url.href;
}

export async function serveImage(requested: string | null | undefined, routeOrigin: string, deps: ImageDeps): Promise<Response> {
  const url = imageUrl(requested);
  if (!url) return refusal('bad-url');
  const key = new Request(`${routeOrigin}${IMAGE_ROUTE}?u=${encodeURIComponent(url)}`);
  const hit = await deps.cache?.match(key);
  if (hit) return hit;

  const host = hostOf(url);
  if (!host || !(await deps.allowed(host))) return refusal('not-allowed');

  let answer: Response;
  try {
    const fetched = await fetchBody(url, {}, {
      fetch: deps.fetch,
      allowPrivate: deps.allowPrivate,
      types: IMAGE_TYPES,
      binary: true,
      accept: ACCEPT,
      maxBytes: deps.maxBytes,
      timeoutMs: deps.timeoutMs,
      maxRedirects: 5,
    });
    const bytes = fetched.status === 'ok' ? fetched.bytes : undefined;
    const type = bytes ? sniffImage(bytes) : null;
    answer = bytes && type ? image(bytes, type) : refusal('not-an-image', FAILURE_CACHE);
  } catch (e) {
    const why = refusalOf(e);
    // Only the portal's own answers are kept; a refusal of ours or a network failure is not.
    const kept = why === 'not-an-image' || why === 'too-large' || why === 'not-found';
    answer = refusal(why, kept ? FAILURE_CACHE : 'no-store');
  }
  if (deps.cache && answer.headers.get('Cache-Control') !== 'no-store') deps.waitUntil(deps.cache.put(key, answer.clone()).catch(() => {}));
  return answer;
}

function refusalOf(e: unknown): ImageRefusal {
  if (!(e instanceof IngestError)) return 'upstream';
  if (e.code === 'blocked') return 'blocked';
  if (e.code === 'not-a-feed') return 'not-an-image';
  if (e.code === 'too-large') return 'too-large';
  if (e.code === 'http' && (e.status === 404 || e.status === 410)) return 'not-found';
  return 'upstream';
}

/** The headers every answer of the route carries: nothing runs, nothing is sniffed into something else. */
const ISOLATED = {
  'Content-Security-Policy': "default-src 'none'; sandbox",
  'X-Content-Type-Options': 'nosniff',
};

function image(bytes: Uint8Array, type: string): Response {
  return new Response(bytes, {
    headers: { ...ISOLATED, 'Content-Type': type, 'Content-Length': String(bytes.byteLength), 'Cache-Control': IMAGE_CACHE },
  });
}

/** A neutral answer: the status and a machine code, nothing of the portal's answer. */
function refusal(why: ImageRefusal, cacheControl = 'no-store'): Response {
  return new Response(JSON.stringify({ error: why }), {
    status: STATUS[why],
    headers: { ...ISOLATED, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': cacheControl },
  });
}
