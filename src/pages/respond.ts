import { fnv1a } from '../serve/hash';
import { etagMatches } from '../serve/http-cache';
import { STYLE_VERSION } from './style';

/** Bump when the markup changes in a way a cached page must not outlive. */
const MARKUP_VERSION = '1';

/** Pages change at most once a refresh; a few minutes of browser cache keeps them fresh enough. */
export const PAGE_CACHE = 'public, max-age=300, stale-while-revalidate=900';

/** A page's ETag from everything its HTML depends on (stored versions, URL, markup, stylesheet). */
export const pageEtag = (...parts: (string | number)[]) => `"${fnv1a([MARKUP_VERSION, STYLE_VERSION, ...parts].join('|'))}"`;

/** 304 for a client that has this version: nothing parsed, nothing rendered. */
export function notModifiedPage(ifNoneMatch: string | null | undefined, etag: string, cacheControl = PAGE_CACHE): Response | null {
  return etagMatches(ifNoneMatch ?? null, etag) ? new Response(null, { status: 304, headers: { ETag: etag, 'Cache-Control': cacheControl } }) : null;
}

/** What JSX gives at run time (a JSXNode): its toString renders, possibly asynchronously. */
type Renderable = { toString(): string | Promise<string> };

/** A rendered page with its doctype; hono/jsx has escaped every text and attribute. */
export async function htmlResponse(page: Renderable, init: { status?: number; etag?: string; cacheControl?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'text/html; charset=utf-8' };
  if (init.etag) headers.ETag = init.etag;
  headers['Cache-Control'] = init.etag ? init.cacheControl ?? PAGE_CACHE : 'no-store';
  return new Response(`<!DOCTYPE html>${await page.toString()}`, { status: init.status ?? 200, headers });
}
