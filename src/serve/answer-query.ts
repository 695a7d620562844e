import { readArticleSets } from '../store/article-sets';
import type { JsonStore } from '../store/kv';
import type { FeedItem } from './feed-item';
import { etagOf, httpDate, notModified, notModifiedResponse, notModifiedSince } from './http-cache';
import type { FeedQuery, ParamError } from './query';
import { keysFor, selectItems } from './select';
import { shapeItems } from './shape';

export interface QueryRequest {
  query: FeedQuery;
  store: JsonStore;
  ifNoneMatch: string | null | undefined;
  /** Given by feeds only: a page's or the API's answer depends on more than the stored articles' date. */
  ifModifiedSince?: string | null;
  now: Date;
  /** Everything else the response depends on (format, URL, catalog version, markup): part of its ETag. */
  etagParts: readonly (string | number)[];
  /** Cache-Control of a 304 answer (the caller gives the same to its full response). */
  cache: string;
}

export type QueryAnswer =
  | { kind: 'bad-request'; errors: ParamError[] }
  | { kind: 'not-modified'; response: Response }
  | {
      kind: 'page';
      etag: string;
      /** Every article the region and source filters select, newest first (for titles and names). */
      selected: FeedItem[];
      /** Newest change of what was read (ISO). */
      updated: string | null;
      /** This page: word filters applied, one item per story (unless dedupe=0), cut at the cursor and limit. */
      items: FeedItem[];
      /** Cursor of the next page. */
      next?: string;
      /** How many items all pages hold together (after filters and collapsing). */
      total: number;
    };

/**
 * The one request pipeline of feeds, the articles API and article pages: query → keys →
 * read → ETag / 304 (nothing parsed yet) → select → filter, collapse, page.
 */
export async function answerQuery(req: QueryRequest): Promise<QueryAnswer> {
  const chosen = keysFor(req.query);
  if ('error' in chosen) return { kind: 'bad-request', errors: [chosen.error] };
  const reading = await readArticleSets(req.store, chosen.keys);
  // filter_time moves with the clock: its responses change every minute even when the store does not.
  const clock = req.query.filterTime ? Math.floor(req.now.getTime() / 60_000) : '';
  const etag = etagOf([...req.etagParts, reading.version, clock]);
  const unchanged = notModified(req.ifNoneMatch, etag, req.cache);
  if (unchanged) return { kind: 'not-modified', response: unchanged };
  const selection = selectItems(req.query, reading.parse());
  // filter_time's answers move with the clock, not with the store: only its ETag can say they did not change.
  if (!req.ifNoneMatch && !clock && notModifiedSince(req.ifModifiedSince, selection.updated)) {
    return { kind: 'not-modified', response: notModifiedResponse(etag, req.cache, httpDate(selection.updated!)) };
  }
  const { items, next, total } = shapeItems(selection.items, req.query, req.now);
  return { kind: 'page', etag, selected: selection.items, updated: selection.updated, items, next, total };
}
