import type { JsonStore } from '../store/kv';
import { answerQuery } from './answer-query';
import { MEDIA_TYPES, type FeedDoc, type FeedFormat } from './feed-doc';
import type { FeedItem } from './feed-item';
import { cacheControl, httpDate } from './http-cache';
import type { FeedQuery, ParamError } from './query';
import { atomLines } from './render-atom';
import { renderJsonFeed } from './render-json';
import { rssLines } from './render-rss';

/**
 * The feed's bytes. XML feeds are encoded line by line: joining the lines of fifty full-text
 * bodies into one string first copies half a megabyte more than encoding them does.
 */
const RENDER: Record<FeedFormat, (doc: FeedDoc) => BodyInit> = {
  rss: (doc) => utf8Lines(rssLines(doc)),
  atom: (doc) => utf8Lines(atomLines(doc)),
  json: renderJsonFeed,
};

const encoder = new TextEncoder();

function utf8Lines(lines: string[]): Uint8Array {
  const parts = lines.map((line) => encoder.encode(line));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length + 1, -1));
  let at = 0;
  for (const p of parts) {
    if (at) out[at++] = 0x0a;
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export interface FeedRequest {
  url: URL;
  format: FeedFormat;
  query: FeedQuery;
  ifNoneMatch: string | null;
  ifModifiedSince: string | null;
  /** Title for this selection, in Vietnamese; given the selected items to name their portals. */
  title: (items: FeedItem[]) => string;
  description: string;
  /** Path of the human page and of each format's feed for this selection (without query). */
  homePath: string;
  feedPath: (format: FeedFormat) => string;
  store: JsonStore;
  now: Date;
  /** Asked only when nothing is selected: a 404 when what the route names does not exist. */
  whenEmpty?: () => Promise<Response | null>;
}

export const paramErrorResponse = (errors: ParamError[]) =>
  Response.json({ error: 'bad parameter', parameters: errors }, { status: 400 });

/**
 * A feed response: the stored snapshots read, a 304 when the client has this
 * version (no parsing at all), else rendered with ETag, Last-Modified and caching.
 */
export async function serveFeed(req: FeedRequest): Promise<Response> {
  const answer = await answerQuery({
    query: req.query,
    store: req.store,
    ifNoneMatch: req.ifNoneMatch,
    ifModifiedSince: req.ifModifiedSince,
    now: req.now,
    etagParts: ['feed', req.format, req.url.pathname, req.url.search],
    cache: cacheControl,
  });
  if (answer.kind === 'bad-request') return paramErrorResponse(answer.errors);
  if (answer.kind === 'not-modified') return answer.response;
  if (!answer.selected.length && req.whenEmpty) {
    const missing = await req.whenEmpty();
    if (missing) return missing;
  }
  const { items, next, updated, etag } = answer;
  const origin = req.url.origin;
  const withQuery = (path: string) => `${origin}${path}${req.url.search}`;
  const nextUrl = (path: string) => {
    const u = new URL(`${origin}${path}${req.url.search}`);
    u.searchParams.set('cursor', next!);
    return u.toString();
  };
  const doc: FeedDoc = {
    title: req.title(answer.selected),
    description: req.description,
    homeUrl: withQuery(req.homePath),
    selfUrl: withQuery(req.feedPath(req.format)),
    formats: { rss: withQuery(req.feedPath('rss')), atom: withQuery(req.feedPath('atom')), json: withQuery(req.feedPath('json')) },
    updated,
    builtAt: req.now.toISOString(),
    items,
    nextUrl: next ? nextUrl(req.feedPath(req.format)) : undefined,
    sourceFeedUrl: (id) => `${origin}/s/${encodeURIComponent(id)}/feed.rss`,
  };
  const headers: Record<string, string> = {
    'Content-Type': MEDIA_TYPES[req.format],
    ETag: etag,
    'Cache-Control': cacheControl,
  };
  if (updated) headers['Last-Modified'] = httpDate(updated);
  return new Response(RENDER[req.format](doc), { headers });
}
