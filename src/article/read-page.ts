import { fetchBody } from '../ingest/fetch';
import { IngestError, type FetchOptions } from '../ingest/types';
import type { DateOrder } from '../normalize/date';
import { extractArticle, type ArticlePage } from './extract';

/** Article pages are smaller than listings with years of archive; a bigger one is no article. */
export const MAX_PAGE_BYTES = 3 * 1024 * 1024;
const ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1';

export interface ReadPageOptions extends FetchOptions {
  now: Date;
  order?: DateOrder;
}

/**
 * Fetches one article page through the guarded fetch (scheme, address on every redirect hop,
 * size cap, timeout) and reads it. Throws IngestError when the page cannot be had or is not
 * HTML (a PDF, an image): the caller leaves the article as it was.
 */
export async function readArticlePage(url: string, opts: ReadPageOptions): Promise<ArticlePage> {
  const fetched = await fetchBody(url, {}, { ...opts, accept: ACCEPT, maxBytes: Math.min(opts.maxBytes ?? MAX_PAGE_BYTES, MAX_PAGE_BYTES) });
  if (fetched.status !== 'ok') throw new IngestError('http', `${url} answered 304 to an unconditional GET`);
  const type = fetched.contentType.split(';')[0].trim().toLowerCase();
  const html = type === 'text/html' || type === 'application/xhtml+xml' || (!type && /^\s*<(?:!doctype html|html)/i.test(fetched.body));
  if (!html) throw new IngestError('not-a-feed', `${url} is not an HTML page (${type || 'no content type'})`);
  return extractArticle(fetched.body, { url: fetched.url, now: opts.now, order: opts.order });
}
