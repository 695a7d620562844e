import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { updateSnapshots } from '../../../src/refresh/snapshots';
import type { RefreshDeps } from '../../../src/refresh/types';
import { districtSnapKey, provinceSnapKey, SNAP_ALL } from '../../../src/store/keys';
import { countingStore } from '../../../src/store/kv';
import { parsedSnapshot, snapshotReads, storedSnapshot, type StoredSnapshot } from '../../../src/store/snapshot-read';
import type { Bucket, Snapshot } from '../../../src/store/types';
import { article } from '../../helpers/articles';

const base = (env as unknown as { KV: KVNamespace }).KV;
const now = new Date('2026-11-27T03:00:00Z');
/** The test KV under a prefix of its own, counting what is put. */
function kvOf(prefix: string) {
  const puts: string[] = [];
  const kv = {
    get: (key: string, type?: unknown) => base.get(prefix + key, type as 'text'),
    put: (key: string, value: string | Uint8Array) => (puts.push(key), base.put(prefix + key, value)),
  } as unknown as KVNamespace;
  return { kv, puts };
}
const deps = { now: () => now, random: () => 0.5 } as unknown as RefreshDeps;
const bucket = (sourceId: string, version: string, ids: string[], hour = 1): Bucket => ({
  version,
  sourceId,
  source: { id: sourceId, name: sourceId, url: `https://${sourceId}.gov.vn/`, region: { province: 'lang-son' } },
  articles: ids.map((id, i) => article({ id, sourceId, published: `2026-11-26T${String(hour + i).padStart(2, '0')}:00:00.000Z` })),
});
const snapshot = (members: Record<string, string>, articles: Bucket['articles']): Snapshot => ({ version: 's0', updated: now.toISOString(), members, sources: {}, articles });

describe('updateSnapshots', () => {
  it('merges the stale members into each snapshot, the same snapshot under two keys serialized once, and tells each write', async () => {
    const { kv, puts } = kvOf('snapshots-1:');
    const store = countingStore(kv);
    const old = bucket('xa-a', 'v1', ['a1']);
    const other = bucket('xa-b', 'v1', ['b1']);
    // A one-province deployment: the country's snapshot and the province's are the same text.
    const same = JSON.stringify(snapshot({ 'xa-a': 'v1' }, old.articles));
    await kv.put(SNAP_ALL, same);
    await kv.put(provinceSnapKey('lang-son'), same);
    // A district's snapshot is another text.
    await kv.put(districtSnapKey('lang-son', 'cao-loc'), JSON.stringify(snapshot({ 'xa-b': 'v1' }, other.articles)));
    puts.length = 0;

    const news = bucket('xa-a', 'v2', ['a2', 'a1'], 3);
    const regions = new Map([
      ['xa-a', { province: 'lang-son', district: 'cao-loc' }],
      ['xa-b', { province: 'lang-son', district: 'cao-loc' }],
    ]);
    const told: { key: string; stored: StoredSnapshot; snapshot: Snapshot }[] = [];
    const out = await updateSnapshots(new Map([['xa-a', news], ['xa-b', other]]), regions, snapshotReads(store), store, deps, (key, stored, s) => told.push({ key, stored, snapshot: s }));

    // xa-b is current in the district's snapshot, not in the others: every key takes what it lacked.
    expect(out.written.sort()).toEqual([districtSnapKey('lang-son', 'cao-loc'), provinceSnapKey('lang-son'), SNAP_ALL].sort());
    expect([...out.merged].sort()).toEqual(['xa-a', 'xa-b']);
    expect(out.failed.size).toBe(0);
    expect(puts.sort()).toEqual(out.written);
    const stored = async (key: string) => JSON.parse((await kv.get(key, 'text'))!) as Snapshot;
    for (const key of out.written) {
      const s = await stored(key);
      expect(s.articles.map((a) => a.id)).toEqual(['a1', 'a2', 'b1']);
      expect(s.members).toEqual({ 'xa-a': 'v2', 'xa-b': 'v1' });
    }
    // The two that were one text are one text again, merged and serialized once; each write told as stored, the snapshot as parsed.
    expect(await kv.get(SNAP_ALL, 'text')).toBe(await kv.get(provinceSnapKey('lang-son'), 'text'));
    expect(told.find((t) => t.key === SNAP_ALL)?.stored).toBe(told.find((t) => t.key === provinceSnapKey('lang-son'))?.stored);
    for (const t of told) {
      const bytes = new Uint8Array((await kv.get(t.key, 'arrayBuffer'))!);
      expect(t.stored.bytes).toEqual(bytes);
      expect(t.snapshot).toEqual(JSON.parse(new TextDecoder().decode(bytes)));
      // A later read of those bytes in this isolate takes the object written, unparsed.
      expect(parsedSnapshot(storedSnapshot(t.key, bytes))).toBe(t.snapshot);
    }
    expect(told.map((t) => t.key).sort()).toEqual(out.written.sort());
  });

  it('writes nothing when every snapshot already holds the buckets', async () => {
    const { kv, puts } = kvOf('snapshots-2:');
    const store = countingStore(kv);
    const b = bucket('xa-a', 'v1', ['a1']);
    for (const key of [SNAP_ALL, provinceSnapKey('lang-son')]) await kv.put(key, JSON.stringify(snapshot({ 'xa-a': 'v1' }, b.articles)));
    puts.length = 0;
    const out = await updateSnapshots(new Map([['xa-a', b]]), new Map([['xa-a', { province: 'lang-son' }]]), snapshotReads(store), store, deps);
    expect(out.written).toEqual([]);
    expect(puts).toEqual([]);
  });
});
