import { fnv1a } from '../store/hash';

/** Feeds change at most once a refresh (the cron runs every 15 minutes). */
export const REFRESH_SECONDS = 15 * 60;

export const cacheControl = `public, max-age=${REFRESH_SECONDS}, stale-while-revalidate=${REFRESH_SECONDS}`;

/** An ETag from everything a response depends on. */
export const etagOf = (parts: readonly (string | number)[]) => `"${fnv1a(parts.join('|'))}"`;

/** True when the request's If-None-Match names this ETag (weak comparison, as RFC 9110 asks for GET). */
export function etagMatches(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === bare);
}

/**
 * True when the client's copy, dated by If-Modified-Since, is as new as `lastModified` (ISO).
 * HTTP dates have whole seconds. Only asked when the request has no If-None-Match, which wins (RFC 9110).
 */
export function notModifiedSince(ifModifiedSince: string | null | undefined, lastModified: string | null): boolean {
  if (!ifModifiedSince || !lastModified) return false;
  const since = Date.parse(ifModifiedSince);
  if (Number.isNaN(since)) return false;
  return Math.floor(Date.parse(lastModified) / 1000) * 1000 <= since;
}

/** An ISO instant as HTTP dates write it (Last-Modified). */
export const httpDate = (iso: string) => new Date(iso).toUTCString();

/** The one 304 every route answers: no body, the same ETag and caching (and Last-Modified when known). */
export function notModifiedResponse(etag: string, cache = cacheControl, lastModified?: string): Response {
  const headers: Record<string, string> = { ETag: etag, 'Cache-Control': cache };
  if (lastModified) headers['Last-Modified'] = lastModified;
  return new Response(null, { status: 304, headers });
}

/** 304 when the client already has this version, before anything is parsed or rendered; else null. */
export function notModified(ifNoneMatch: string | null | undefined, etag: string, cache = cacheControl): Response | null {
  return etagMatches(ifNoneMatch, etag) ? notModifiedResponse(etag, cache) : null;
}
