import { env } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { answerQuery, type QueryRequest } from '../../../src/serve/answer-query';
import { parseFeedQuery, type FeedQuery } from '../../../src/serve/query';
import { countingStore } from '../../../src/store/kv';
import { mergeSnapshot } from '../../../src/store/snapshot';
import type { Bucket } from '../../../src/store/types';
import { article } from '../../helpers/articles';

// The one pipeline of feeds, /api/articles and pages, against the real local KV.
const kv = (env as unknown as { KV: KVNamespace }).KV;
const now = new Date('2026-11-27T03:00:00Z');
const query = (q: string): FeedQuery => {
  const r = parseFeedQuery(new URLSearchParams(q));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.query;
};
const bucket = (sourceId: string, district: string, ids: string[]): Bucket => ({
  version: `v-${sourceId}`,
  sourceId,
  source: { id: sourceId, name: `Cổng ${sourceId}`, url: `https://${sourceId}.gov.vn/`, region: { province: 'bac-kan', district } },
  articles: ids.map((id, i) => article({ id, sourceId, published: `2026-11-2${i}T01:00:00.000Z` })),
});
const ask = (q: string, over: Partial<QueryRequest> = {}) =>
  answerQuery({ query: query(q), store: countingStore(kv), ifNoneMatch: null, now, etagParts: ['test'], cache: 'public, max-age=60', ...over });

beforeEach(async () => {
  for (const key of ['snap:all', 'snap:p:bac-kan', 'snap:d:bac-kan:cho-don']) await kv.delete(key);
  const snap = mergeSnapshot(null, [bucket('cho-don', 'cho-don', ['a1', 'a2']), bucket('na-ri', 'na-ri', ['b1'])], 's1', now);
  await kv.put('snap:all', JSON.stringify(snap));
});

describe('answerQuery', () => {
  it('answers a page of the selected articles, newest first, with an ETag', async () => {
    const a = await ask('limit=2');
    expect(a.kind).toBe('page');
    if (a.kind !== 'page') return;
    expect(a.items.map((i) => i.id)).toEqual(['a2', 'a1']); // a1 and b1 share a date: the id decides
    expect(a.total).toBe(3);
    expect(a.next).toBeTruthy();
    expect(a.etag).toMatch(/^"[0-9a-z]+"$/);
  });

  it('answers 304 from the stored version alone: a value it could not parse is never parsed', async () => {
    const first = await ask('');
    if (first.kind !== 'page') throw new Error(first.kind);
    // Same version, unreadable body: only a 304 that reads the version and stops can succeed.
    await kv.put('snap:all', '{"version":"s1","updated":');
    const again = await ask('', { ifNoneMatch: first.etag });
    expect(again.kind).toBe('not-modified');
    if (again.kind !== 'not-modified') return;
    expect(again.response.status).toBe(304);
    expect(again.response.headers.get('ETag')).toBe(first.etag);
    expect(again.response.headers.get('Cache-Control')).toBe('public, max-age=60');
  });

  it('gives a new ETag when the stored articles change, and when what else the response depends on does', async () => {
    const first = await ask('');
    const other = await ask('', { etagParts: ['another format'] });
    await kv.put('snap:all', JSON.stringify(mergeSnapshot(null, [bucket('cho-don', 'cho-don', ['a1'])], 's2', now)));
    const changed = await ask('');
    if (first.kind !== 'page' || other.kind !== 'page' || changed.kind !== 'page') throw new Error('not pages');
    expect(new Set([first.etag, other.etag, changed.etag]).size).toBe(3);
  });

  it('answers If-Modified-Since with 304 when nothing is newer, unless an ETag was sent', async () => {
    const since = new Date('2026-11-28T00:00:00Z').toUTCString();
    const a = await ask('', { ifModifiedSince: since });
    expect(a.kind).toBe('not-modified');
    if (a.kind === 'not-modified') expect(a.response.headers.get('Last-Modified')).toBe(new Date(now).toUTCString());
    expect((await ask('', { ifModifiedSince: since, ifNoneMatch: '"other"' })).kind).toBe('page');
    expect((await ask('', { ifModifiedSince: new Date('2026-11-01T00:00:00Z').toUTCString() })).kind).toBe('page');
  });

  it('refuses a district without its province, and an unknown province, before reading anything', async () => {
    const bare = await ask('district=cho-don');
    expect(bare).toMatchObject({ kind: 'bad-request', errors: [{ parameter: 'district' }] });
    const unknown = await ask('province=atlantis');
    expect(unknown).toMatchObject({ kind: 'bad-request', errors: [{ parameter: 'province' }] });
  });

  it('reads a district from its own snapshot, however the district was written', async () => {
    await kv.put('snap:d:bac-kan:cho-don', JSON.stringify(mergeSnapshot(null, [bucket('cho-don', 'cho-don', ['a1', 'a2'])], 'd1', now)));
    for (const q of ['district=bac-kan/cho-don', 'province=bac-kan&district=cho-don']) {
      const a = await ask(q);
      if (a.kind !== 'page') throw new Error(a.kind);
      expect(a.items.map((i) => i.id)).toEqual(['a2', 'a1']);
    }
  });
});
