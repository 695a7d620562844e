import type { Context } from 'hono';
import { notModified } from '../serve/http-cache';

/**
 * A script or stylesheet the pages link as `<path>?v=<version>`: that URL is cached for a year
 * (a new deploy links a new one), any other for a day; its version is its ETag, so a browser
 * revalidating gets a 304.
 */
export function versionedAsset(body: string, contentType: string, version: string) {
  const etag = `"${version}"`;
  return (c: Context) => {
    const cache = c.req.query('v') === version ? 'public, max-age=31536000, immutable' : 'public, max-age=86400';
    return notModified(c.req.header('If-None-Match'), etag, cache) ?? new Response(body, { headers: { 'Content-Type': contentType, ETag: etag, 'Cache-Control': cache } });
  };
}
