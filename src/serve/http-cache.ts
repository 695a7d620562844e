/** Feeds change at most once a refresh (the cron runs every 15 minutes). */
export const REFRESH_SECONDS = 15 * 60;

export const cacheControl = `public, max-age=${REFRESH_SECONDS}, stale-while-revalidate=${REFRESH_SECONDS}`;

/** True when the request's If-None-Match names this ETag (weak comparison, as RFC 9110 asks for GET). */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === bare);
}

/**
 * True when the client's copy, dated by If-Modified-Since, is as new as `lastModified` (ISO).
 * HTTP dates have whole seconds. Only asked when the request has no If-None-Match, which wins (RFC 9110).
 */
export function notModifiedSince(ifModifiedSince: string | null, lastModified: string | null): boolean {
  if (!ifModifiedSince || !lastModified) return false;
  const since = Date.parse(ifModifiedSince);
  if (Number.isNaN(since)) return false;
  return Math.floor(Date.parse(lastModified) / 1000) * 1000 <= since;
}

export function notModified(etag: string, lastModified?: string): Response {
  const headers: Record<string, string> = { ETag: etag, 'Cache-Control': cacheControl };
  if (lastModified) headers['Last-Modified'] = lastModified;
  return new Response(null, { status: 304, headers });
}
