import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { forgetSource, snapshotWithout } from '../../../src/store/forget-source';
import { writeBucket } from '../../../src/store/bucket';
import { bucketKey, districtSnapKey, PAGE_QUEUE_KEY, provinceSnapKey, SNAP_ALL, STATE_KEY } from '../../../src/store/keys';
import { countingStore } from '../../../src/store/kv';
import type { Article } from '../../../src/model';
import type { Snapshot, StateDoc } from '../../../src/store/types';

const kv = (env as unknown as { KV: KVNamespace }).KV;
const now = new Date('2026-12-07T04:00:00.000Z');
const article = (id: string, sourceId: string, published: string) => ({ id, sourceId, url: `https://${sourceId}.gov.vn/${id}`, title: `Tin ${id}`, published }) as unknown as Article;
const info = (id: string) => ({ id, name: `Cổng ${id}`, url: `https://${id}.gov.vn/`, region: { province: 'lang-son' } });
const snapshot = (ids: string[], articles: Article[]): Snapshot => ({
  version: 's1',
  updated: '2026-12-01T00:00:00.000Z',
  members: Object.fromEntries(ids.map((id) => [id, 'v1'])),
  sources: Object.fromEntries(ids.map((id) => [id, info(id)])),
  articles,
});

describe('snapshotWithout', () => {
  it('drops one source\'s articles, member version and name, and keeps the rest in order', () => {
    const s = snapshot(['a', 'b'], [article('1', 'a', '2026-12-03'), article('2', 'b', '2026-12-02'), article('3', 'a', '2026-12-01')]);
    const out = snapshotWithout(s, 'a', 's2', now);
    expect(out.version).toBe('s2');
    expect(out.updated).toBe(now.toISOString());
    expect(out.members).toEqual({ b: 'v1' });
    expect(Object.keys(out.sources)).toEqual(['b']);
    expect(out.articles.map((a) => a.id)).toEqual(['2']);
  });
});

describe('forgetSource', () => {
  it('rewrites only the snapshots holding the source, and removes its bucket, state and queued pages', async () => {
    const store = countingStore(kv);
    const a = [article('1', 'dong-dang', '2026-12-03'), article('2', 'dong-dang', '2026-12-01')];
    const b = [article('3', 'na-sam', '2026-12-02')];
    await writeBucket(store, { version: 'v1', sourceId: 'dong-dang', articles: a });
    await writeBucket(store, { version: 'v1', sourceId: 'na-sam', articles: b });
    await store.putJson(SNAP_ALL, snapshot(['dong-dang', 'na-sam'], [a[0], b[0], a[1]]));
    await store.putJson(provinceSnapKey('lang-son'), snapshot(['dong-dang', 'na-sam'], [a[0], b[0], a[1]]));
    await store.putJson(districtSnapKey('lang-son', 'cao-loc'), snapshot(['na-sam'], b));
    const state: StateDoc = { version: 1, sources: { 'dong-dang': { failures: 2 }, 'na-sam': { failures: 0 } }, pending: ['dong-dang', 'na-sam'] };
    await store.putJson(STATE_KEY, state);
    await store.putJson(PAGE_QUEUE_KEY, { version: 1, pages: [{ id: '1', sourceId: 'dong-dang', url: 'u', since: 's' }, { id: '3', sourceId: 'na-sam', url: 'u', since: 's' }] });
    const untouched = await kv.get(districtSnapKey('lang-son', 'cao-loc'));

    const out = await forgetSource(store, 'dong-dang', now, () => 's2');
    expect(out).toEqual({ articles: 2, snapshots: [provinceSnapKey('lang-son'), SNAP_ALL].sort() });
    for (const key of [SNAP_ALL, provinceSnapKey('lang-son')]) {
      const s = (await kv.get(key, 'json')) as Snapshot;
      expect(s.articles.map((x) => x.id)).toEqual(['3']);
      expect(s.members).toEqual({ 'na-sam': 'v1' });
      expect(s.version).toBe('s2');
    }
    expect(await kv.get(districtSnapKey('lang-son', 'cao-loc'))).toBe(untouched);
    expect(await kv.get(bucketKey('dong-dang'))).toBeNull();
    expect(await kv.get(bucketKey('na-sam'))).not.toBeNull();
    expect(await kv.get(STATE_KEY, 'json')).toEqual({ version: 1, sources: { 'na-sam': { failures: 0 } }, pending: ['na-sam'] });
    expect(((await kv.get(PAGE_QUEUE_KEY, 'json')) as { pages: { id: string }[] }).pages.map((p) => p.id)).toEqual(['3']);
  });

  it('does nothing to a store that holds nothing of the source', async () => {
    const store = countingStore(kv);
    await kv.delete(STATE_KEY);
    const out = await forgetSource(store, 'khong-co', now, () => 'x');
    expect(out).toEqual({ articles: 0, snapshots: [] });
    expect(store.counts.writes).toBe(0);
  });
});
