import { MEDIA_TYPES, type FeedDoc, type FeedFormat } from './feed-doc';
import { fnv1a } from './hash';
import { cacheControl, etagMatches, notModified, notModifiedSince } from './http-cache';
import type { FeedQuery, ParamError } from './query';
import { renderAtom } from './render-atom';
import { renderJsonFeed } from './render-json';
import { renderRss } from './render-rss';
import { keysFor, readSelection, type FeedItem } from './select';
import { shapeItems } from './shape';

const RENDER: Record<FeedFormat, (doc: FeedDoc) => string> = { rss: renderRss, atom: renderAtom, json: renderJsonFeed };

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
  getText: (key: string) => Promise<string | null>;
  now: Date;
}

export const paramErrorResponse = (errors: ParamError[]) =>
  Response.json({ error: 'bad parameter', parameters: errors }, { status: 400 });

/**
 * A feed response: the stored snapshots read, a 304 when the client has this
 * version (no parsing at all), else rendered with ETag, Last-Modified and caching.
 */
export async function serveFeed(req: FeedRequest): Promise<Response> {
  const chosen = keysFor(req.query);
  if ('error' in chosen) return paramErrorResponse([chosen.error]);
  const reading = await readSelection(req.query, chosen.keys, req.getText);
  // filter_time moves with the clock: its responses change every minute even when the store does not.
  const clock = req.query.filterTime ? Math.floor(req.now.getTime() / 60_000) : '';
  const etag = `"${fnv1a(`${reading.version}|${req.format}|${req.url.pathname}|${req.url.search}|${clock}`)}"`;
  if (etagMatches(req.ifNoneMatch, etag)) return notModified(etag);

  const selection = reading.select();
  const updated = selection.updated;
  const lastModified = updated ? new Date(updated).toUTCString() : undefined;
  // filter_time's answers move with the clock, not with the store: only its ETag can say they did not change.
  if (!req.ifNoneMatch && !clock && notModifiedSince(req.ifModifiedSince, updated)) return notModified(etag, lastModified);
  const { items, next } = shapeItems(selection.items, req.query, req.now);
  const origin = req.url.origin;
  const withQuery = (path: string) => `${origin}${path}${req.url.search}`;
  const nextUrl = (path: string) => {
    const u = new URL(`${origin}${path}${req.url.search}`);
    u.searchParams.set('cursor', next!);
    return u.toString();
  };
  const doc: FeedDoc = {
    title: req.title(selection.items),
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
  if (lastModified) headers['Last-Modified'] = lastModified;
  return new Response(RENDER[req.format](doc), { headers });
}
