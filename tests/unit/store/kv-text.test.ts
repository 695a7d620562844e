import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { countingStore } from '../../../src/store/kv';

const kv = (env as unknown as { KV: KVNamespace }).KV;

const bytesOf = (text: string) => new TextEncoder().encode(text);

/** A snapshot-sized value with Vietnamese text (multi-byte UTF-8), `tag` making it unique. */
const big = (tag: string) =>
  JSON.stringify({ tag, articles: Array.from({ length: 80 }, (_, i) => ({ id: `a${i}`, title: `Xã Tân Lộc tổ chức hội nghị tổng kết năm ${i} – ${tag}` })) });

describe('KV text read once per isolate while its bytes stay the same', () => {
  it('gives back what another writer stored since, never the text it read before', async () => {
    const store = countingStore(kv);
    await store.putBytes('k:other', bytesOf(big('ours')));
    expect(JSON.parse((await store.getText('k:other'))!).tag).toBe('ours');
    // Another isolate (or an operator) writes the key: same length, other bytes.
    await kv.put('k:other', big('them'));
    expect(JSON.parse((await store.getText('k:other'))!).tag).toBe('them');
    expect((await store.getJson<{ tag: string }>('k:other'))!.tag).toBe('them');
    await kv.put('k:other', big('them, longer'));
    expect((await store.getJson<{ tag: string }>('k:other'))!.tag).toBe('them, longer');
  });

  it('hands the same string to every read of unchanged bytes, decoded once, whoever wrote them', async () => {
    const store = countingStore(kv);
    await kv.put('k:same', big('one'));
    const first = await store.getText('k:same');
    expect(first).toBe(big('one'));
    // The same string object: readers that compare texts (state, catalog, snapshots) match it at once.
    expect(Object.is(await store.getText('k:same'), first)).toBe(true);
    await store.putBytes('k:written', bytesOf(big('two')));
    const read = await countingStore(kv).getText('k:written');
    expect(read).toBe(big('two'));
    expect(store.counts).toEqual({ reads: 2, writes: 1 });
  });

  it('reads small values, missing and deleted keys as KV does', async () => {
    const store = countingStore(kv);
    await store.putBytes('k:small', bytesOf('Lạng Sơn'));
    expect(await store.getText('k:small')).toBe('Lạng Sơn');
    expect(await store.getJson('k:none')).toBeNull();
    await store.putBytes('k:gone', bytesOf(big('gone')));
    await store.delete('k:gone');
    expect(await store.getText('k:gone')).toBeNull();
    await kv.put('k:gone', big('back'));
    expect(JSON.parse((await store.getText('k:gone'))!).tag).toBe('back');
  });
});
