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

export function notModified(etag: string, lastModified?: string): Response {
  const headers: Record<string, string> = { ETag: etag, 'Cache-Control': cacheControl };
  if (lastModified) headers['Last-Modified'] = lastModified;
  return new Response(null, { status: 304, headers });
}
