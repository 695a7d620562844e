import { etagOf } from '../serve/http-cache';
import { STYLE_VERSION } from './style';

/** Bump when the markup changes in a way a cached page must not outlive. */
const MARKUP_VERSION = '1';

/** Pages change at most once a refresh; a few minutes of browser cache keeps them fresh enough. */
export const PAGE_CACHE = 'public, max-age=300, stale-while-revalidate=900';

/** What every page's HTML depends on besides its data: its markup and stylesheet. */
export const PAGE_ETAG_PARTS = [MARKUP_VERSION, STYLE_VERSION] as const;

/** A page's ETag from everything its HTML depends on (stored versions, URL, markup, stylesheet). */
export const pageEtag = (...parts: (string | number)[]) => etagOf([...PAGE_ETAG_PARTS, ...parts]);

/** What JSX gives at run time (a JSXNode): its toString renders, possibly asynchronously. */
type Renderable = { toString(): string | Promise<string> };

/** A rendered page with its doctype; hono/jsx has escaped every text and attribute. */
export async function htmlResponse(page: Renderable, init: { status?: number; etag?: string; cacheControl?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'text/html; charset=utf-8' };
  if (init.etag) headers.ETag = init.etag;
  headers['Cache-Control'] = init.etag ? init.cacheControl ?? PAGE_CACHE : 'no-store';
  return new Response(`<!DOCTYPE html>${await page.toString()}`, { status: init.status ?? 200, headers });
}
