import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { noteImageHosts, writeAllowedImageHosts } from '../../../src/refresh/image-hosts';
import type { Source } from '../../../src/sources/schema';
import { IMAGE_HOSTS_KEY } from '../../../src/store/keys';
import { countingStore } from '../../../src/store/kv';
import type { Bucket, StateDoc } from '../../../src/store/types';

const kv = (env as unknown as { KV: KVNamespace }).KV;
const source = (id: string, url: string) => ({ id, url }) as Source;
const bucket = (id: string, images: (string | undefined)[]): Bucket => ({
  version: 'v1',
  sourceId: id,
  articles: images.map((image, n) => ({ id: `${id}-${n}`, url: `https://x.vn/${n}`, title: 't', summary: '', published: '2026-11-30T00:00:00.000Z', firstSeen: '2026-11-30T00:00:00.000Z', sourceId: id, ...(image ? { image } : {}) })),
});

describe('the image route’s allowlist at refresh', () => {
  it('notes the image hosts of the buckets a run holds, apart from the source’s own, and forgets hosts no longer used', () => {
    const catalog = [source('backan', 'https://backan.gov.vn/'), source('cho-don', 'https://chodon.backan.gov.vn/')];
    const state: StateDoc = { version: 1, sources: { backan: { failures: 0, imageHosts: ['cu.example.vn'] }, 'cho-don': { failures: 0, imageHosts: ['cdn.chodon.vn'] } } };
    noteImageHosts(state, new Map([['backan', bucket('backan', ['https://backan.gov.vn/a.jpg', 'https://cdn.backan.gov.vn/b.jpg', undefined])]]), catalog);
    expect(state.sources.backan.imageHosts).toEqual(['cdn.backan.gov.vn']);
    // A source whose bucket this run does not hold keeps what it had.
    expect(state.sources['cho-don'].imageHosts).toEqual(['cdn.chodon.vn']);
    noteImageHosts(state, new Map([['backan', bucket('backan', ['http://backan.gov.vn/a.jpg'])]]), catalog);
    expect(state.sources.backan).not.toHaveProperty('imageHosts');
  });

  it('is written the first time and when the set changes, not by runs that change nothing', async () => {
    const store = countingStore(kv);
    const catalog = [source('backan', 'https://backan.gov.vn/rss')];
    const state: StateDoc = { version: 1, sources: { backan: { failures: 0, feedUrl: 'https://rss.backan.gov.vn/feed', icon: 'https://static.backan.gov.vn/favicon.png' } } };
    await writeAllowedImageHosts(store, catalog, state);
    expect(store.counts).toEqual({ reads: 0, writes: 1 });
    expect(await kv.get(IMAGE_HOSTS_KEY, 'json')).toEqual(['backan.gov.vn', 'rss.backan.gov.vn', 'static.backan.gov.vn']);
    await writeAllowedImageHosts(store, catalog, state);
    expect(store.counts.writes).toBe(1);
    state.sources.backan.imageHosts = ['cdn.backan.gov.vn'];
    await writeAllowedImageHosts(store, catalog, state);
    expect(store.counts).toEqual({ reads: 0, writes: 2 });
    expect(await kv.get(IMAGE_HOSTS_KEY, 'json')).toContain('cdn.backan.gov.vn');
  });
});
