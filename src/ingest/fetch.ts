import { errorText } from '../error-text';
import { sha256Hex } from '../normalize/id';
import { checkUrl } from './address-guard';
import { decodeBody } from './charset';
import { readBody } from './fetch-body';
import { cloudflareStatusCode, networkFailureCode, networkFailureText } from './network-failure';
import { IngestError, type FetchOptions, type FetchResult, type IngestErrorCode, type Validators } from './types';

/**
 * The one way bantin reaches another server: every outbound request (a source's feed or page,
 * a discovered feed, an article page, an image) goes through fetchBody, never through fetch
 * itself, so each gets the same guard. One conditional GET with the limits a shared Worker
 * needs: http(s) only, no user name or password in the URL, no private or internal host in any
 * spelling (unless allowPrivate), checked again at every redirect hop, which is followed by
 * hand; a deadline over the whole exchange (headers and body); a byte cap counted while
 * streaming; the media types the caller reads, checked before the body is read; an honest
 * User-Agent and no cookies or credentials sent. The fetch function is passed in.
 */

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;
export const DEFAULT_USER_AGENT =
  'bantin/0.1 (+https://github.com/bantin-vn/bantin; news aggregator of Vietnamese local government portals)';
export const DEFAULT_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, ' +
  'application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  410: 'Gone',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export async function fetchBody(url: string, validators: Validators, opts: FetchOptions): Promise<FetchResult> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = opts.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  // Called detached: workerd's fetch refuses a `this` other than the global.
  const doFetch = opts.fetch;

  const fail = (code: IngestErrorCode, message: string, status?: number, cause?: unknown): never => {
    throw new IngestError(code, message, undefined, status, cause === undefined ? undefined : { cause });
  };

  // One deadline for the whole exchange. The abort stops a real fetch; the race
  // also stops a fetch or a body stream that ignores the signal.
  const controller = new AbortController();
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
      reject(new Error('timeout'));
    }, timeoutMs);
  });
  deadline.catch(() => {}); // rejections are handled where raced
  const withinDeadline = <T>(p: Promise<T>): Promise<T> => Promise.race([p, deadline]);
  const limit = formatDuration(timeoutMs);

  const headers: Record<string, string> = {
    'User-Agent': opts.userAgent ?? DEFAULT_USER_AGENT,
    Accept: opts.accept ?? DEFAULT_ACCEPT,
  };
  if (validators.etag) headers['If-None-Match'] = validators.etag;
  if (validators.lastModified) headers['If-Modified-Since'] = validators.lastModified;

  try {
    let current = url;
    const visited = new Set<string>();
    let redirects = 0;
    let response: Response;

    for (;;) {
      const check = checkUrl(current, opts.allowPrivate);
      if (!check.ok) return fail('blocked', `blocked: ${check.reason}`);
      current = check.url.href;
      visited.add(current);

      try {
        response = await withinDeadline(
          doFetch(current, { method: 'GET', headers, redirect: 'manual', signal: controller.signal }),
        );
      } catch (err) {
        if (timedOut) return fail('timeout', `no response within ${limit} from ${current}`);
        const code = networkFailureCode(errorText(err), current);
        return fail(code, `cannot reach ${current}: ${networkFailureText(errorText(err), code)}`, undefined, err);
      }

      if (!REDIRECT_STATUSES.has(response.status)) break;

      discard(response);
      const location = response.headers.get('location');
      if (!location) return fail('http', `HTTP ${response.status} without a Location from ${current}`, response.status);
      let next: string;
      try {
        next = new URL(location, current).href;
      } catch {
        return fail('redirects', `bad redirect target ${JSON.stringify(location)} from ${current}`);
      }
      redirects++;
      if (visited.has(next)) return fail('redirects', `redirect loop at ${next}`);
      if (redirects > maxRedirects) return fail('redirects', `${redirects} redirects (limit ${maxRedirects}) from ${url}`);
      current = next;
    }

    if (response.status === 304) {
      discard(response);
      return { status: 'not-modified' };
    }
    if (response.status < 200 || response.status > 299) {
      discard(response);
      const reason = response.statusText || REASONS[response.status] || '';
      return fail(cloudflareStatusCode(response.status) ?? 'http', `HTTP ${response.status}${reason ? ` ${reason}` : ''} from ${current}`, response.status);
    }
    if (opts.types && !isOneOf(response.headers.get('content-type') ?? '', opts.types)) {
      discard(response);
      const type = response.headers.get('content-type')?.split(';')[0].trim() || 'no content type';
      return fail('not-a-feed', `${type} from ${current}, not ${opts.types.join(' or ')}`);
    }

    const bytes = await readBody(response, maxBytes, current, withinDeadline).catch((err: unknown) => {
      if (err instanceof IngestError) throw err;
      if (timedOut) return fail('timeout', `no complete response within ${limit} from ${current}`);
      return fail('network', `body from ${current} broke off: ${errorText(err)}`, undefined, err);
    });

    const contentType = response.headers.get('content-type') ?? '';
    const etag = response.headers.get('etag') ?? undefined;
    const lastModified = response.headers.get('last-modified') ?? undefined;
    // Bytes that are passed on as they are (images) are neither hashed nor decoded.
    if (opts.binary) return { status: 'ok', url: current, body: '', bytes, contentType, charset: '', hash: '', unchanged: false, etag, lastModified };
    // The hash is of the raw bytes: when they are the last body's, nothing downstream reads
    // them again, so they are not decoded (body and charset stay empty).
    // Of the raw bytes: the same page hashes the same whatever its charset.
    const hash = await sha256Hex(bytes);
    if (hash === validators.hash) {
      return { status: 'ok', url: current, body: '', contentType, charset: '', hash, unchanged: true, etag, lastModified };
    }
    const { text, charset } = decodeBody(bytes, contentType || null);
    return { status: 'ok', url: current, body: text, contentType, charset, hash, unchanged: false, etag, lastModified };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

/** Let go of a body we will not read, so the connection is freed. */
function discard(response: Response): void {
  response.body?.cancel().catch(() => {});
}

/** The Content-Type's media type is one of `types` (`image/` stands for any image). */
function isOneOf(contentType: string, types: readonly string[]): boolean {
  const type = contentType.split(';')[0].trim().toLowerCase();
  return types.some((t) => (t.endsWith('/') ? type.startsWith(t) : type === t));
}

function formatDuration(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms} ms`;
}
