import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { pendingRepairs } from '../../../src/refresh/pending';
import { writeBucket } from '../../../src/store/bucket';
import { provinceSnapKey, SNAP_ALL } from '../../../src/store/keys';
import { countingStore } from '../../../src/store/kv';
import { snapshotReads } from '../../../src/store/snapshot-read';
import type { Snapshot, StateDoc } from '../../../src/store/types';

const kv = (env as unknown as { KV: KVNamespace }).KV;
const region = { province: 'lang-son' };
const snapshot = (members: Record<string, string>): Snapshot => ({ version: 's1', updated: '2026-11-27T03:00:00.000Z', members, sources: {}, articles: [] });

describe('pendingRepairs', () => {
  it('confirms sources whose snapshots hold their bucket, reads the others for merging, skips what the run fetched', async () => {
    const store = countingStore(kv);
    // "dong-dang" is in both snapshots at its bucket's version; "na-sam" has a newer bucket than they record.
    for (const key of [SNAP_ALL, provinceSnapKey('lang-son')]) await store.putJson(key, snapshot({ 'dong-dang': 'v1', 'na-sam': 'v1' }));
    await writeBucket(store, { version: 'v1', sourceId: 'dong-dang', articles: [] });
    await writeBucket(store, { version: 'v2', sourceId: 'na-sam', articles: [] });
    const state: StateDoc = {
      version: 1,
      sources: { 'dong-dang': { failures: 0, bucketVersion: 'v1' }, 'na-sam': { failures: 0, bucketVersion: 'v2' } } as unknown as StateDoc['sources'],
      pending: ['dong-dang', 'na-sam', 'da-xoa'],
    };
    const regions = new Map([['dong-dang', region], ['na-sam', region]]);
    const log: Record<string, unknown>[] = [];

    const all = await pendingRepairs(state, regions, snapshotReads(store), store, new Set(), (e) => log.push(e));
    expect([...all.confirmed].sort()).toEqual(['da-xoa', 'dong-dang']); // "da-xoa" left the catalog
    expect([...all.held.keys()]).toEqual(['na-sam']);
    expect(all.versionsRead.get('na-sam')).toBe('v2');
    expect(log).toEqual([]);

    const skipped = await pendingRepairs(state, regions, snapshotReads(store), store, new Set(['na-sam']), () => {});
    expect(skipped.held.size).toBe(0);
    expect(skipped.confirmed.has('na-sam')).toBe(false);
  });
});
