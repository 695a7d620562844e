import { env } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { readArticleSets } from '../../../src/store/article-sets';
import { countingStore } from '../../../src/store/kv';
import { mergeSnapshot } from '../../../src/store/snapshot';
import type { Bucket } from '../../../src/store/types';
import { article } from '../../helpers/articles';

const kv = (env as unknown as { KV: KVNamespace }).KV;
const now = new Date('2026-11-27T03:00:00Z');
const bucket: Bucket = {
  version: 'b7',
  sourceId: 'cho-don',
  source: { id: 'cho-don', name: 'Cổng TTĐT huyện Chợ Đồn', url: 'https://chodon.gov.vn/', region: { province: 'bac-kan', district: 'cho-don' } },
  articles: [
    article({ id: 'a2', sourceId: 'cho-don', contentHtml: '<p>Nội dung</p>', firstSeen: '2026-11-21T00:00:00.000Z' }),
    article({ id: 'a1', sourceId: 'cho-don', updated: '2026-11-25T00:00:00.000Z' }),
  ],
};

beforeEach(async () => {
  for (const key of ['src:cho-don', 'snap:p:bac-kan', 'snap:p:cao-bang']) await kv.delete(key);
  await kv.put('src:cho-don', JSON.stringify(bucket));
  await kv.put('snap:p:bac-kan', JSON.stringify(mergeSnapshot(null, [bucket], 's3', now)));
});

describe('readArticleSets', () => {
  it('names every key read in its version, absent ones too, before parsing anything', async () => {
    const store = countingStore(kv);
    const r = await readArticleSets(store, ['src:cho-don', 'snap:p:bac-kan', 'snap:p:cao-bang']);
    expect(r.version).toBe('b7.s3.0');
    expect(store.counts.reads).toBe(3);
  });

  it('reads a bucket and a snapshot into one shape: articles, their sources, the newest change', async () => {
    const [fromBucket, fromSnapshot, ...rest] = (await readArticleSets(countingStore(kv), ['src:cho-don', 'snap:p:bac-kan', 'snap:p:cao-bang'])).parse();
    expect(rest).toEqual([]);
    expect(fromBucket.articles.map((a) => a.id)).toEqual(['a2', 'a1']);
    expect(fromBucket.articles[0].contentHtml).toBe('<p>Nội dung</p>'); // a source's own feed carries content
    expect(fromBucket.sources['cho-don'].name).toBe('Cổng TTĐT huyện Chợ Đồn');
    expect(fromBucket.updated).toBe('2026-11-25T00:00:00.000Z');
    expect(fromSnapshot.articles.map((a) => a.id)).toEqual(['a1', 'a2']); // merged newest first, a tie by id
    expect(fromSnapshot.sources['cho-don'].url).toBe('https://chodon.gov.vn/');
    expect(fromSnapshot.updated).toBe(now.toISOString());
  });

  it('gives a snapshot as its stored text says on every request: the same articles while the text stays, the new ones once it changes', async () => {
    const read = async () => (await readArticleSets(countingStore(kv), ['snap:p:bac-kan'])).parse()[0];
    const first = await read();
    expect((await read()).articles).toEqual(first.articles);
    const more: Bucket = { ...bucket, version: 'b8', articles: [article({ id: 'a3', sourceId: 'cho-don', firstSeen: '2026-11-27T02:00:00.000Z' }), ...bucket.articles] };
    await kv.put('snap:p:bac-kan', JSON.stringify(mergeSnapshot(null, [more], 's4', now)));
    const after = await read();
    expect(after.articles.map((a) => a.id).sort()).toEqual(['a1', 'a2', 'a3']);
    expect(after.sources['cho-don'].name).toBe('Cổng TTĐT huyện Chợ Đồn');
    // What a request took was not changed for the next one: a feed selects copies.
    expect(first.articles.map((a) => a.id)).toEqual(['a1', 'a2']);
  });
});
