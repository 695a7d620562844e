import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { imageHostAllowed, writeImageHosts } from '../../../src/store/image-hosts';
import { countingStore } from '../../../src/store/kv';

const kv = (env as unknown as { KV: KVNamespace }).KV;

describe('the image route’s allowlist in KV', () => {
  it('is read once a minute for hosts it holds, at most every ten seconds for hosts it does not, and afresh after a write', async () => {
    const store = countingStore(kv);
    await writeImageHosts(store, ['backan.gov.vn', 'cdn.thainguyen.gov.vn']);
    const t = 1_000_000;
    expect(await imageHostAllowed(store, 'backan.gov.vn', t)).toBe(true);
    expect(store.counts.reads).toBe(1);
    // Twenty images of a page, within the minute: no more reads.
    for (let i = 0; i < 20; i++) expect(await imageHostAllowed(store, 'cdn.thainguyen.gov.vn', t + i * 1000)).toBe(true);
    expect(store.counts.reads).toBe(1);
    // A refused host is not read again within ten seconds...
    expect(await imageHostAllowed(store, 'example.com', t + 5_000)).toBe(false);
    expect(store.counts.reads).toBe(1);
    // ...but after them, in case a refresh added it.
    expect(await imageHostAllowed(store, 'example.com', t + 15_000)).toBe(false);
    expect(store.counts.reads).toBe(2);
    // Past the minute, even a held host is read again.
    expect(await imageHostAllowed(store, 'backan.gov.vn', t + 80_000)).toBe(true);
    expect(store.counts.reads).toBe(3);
    // A write (a refresh in this isolate) is seen at once.
    await writeImageHosts(store, ['backan.gov.vn', 'example.com']);
    expect(await imageHostAllowed(store, 'example.com', t + 81_000)).toBe(true);
    expect(store.counts.reads).toBe(4);
  });

  it('allows nothing before any refresh wrote it', async () => {
    const store = countingStore(kv);
    await writeImageHosts(store, ['backan.gov.vn']); // forgets what was read before
    await kv.delete('img:hosts');
    expect(await imageHostAllowed(store, 'backan.gov.vn', 5_000_000)).toBe(false);
  });
});
