import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { STATE_KEY } from '../../../src/store/keys';
import { countingStore } from '../../../src/store/kv';
import { forgetOldUrls, readStateShared, readStateVersioned, stateForNewUrl } from '../../../src/store/state';
import type { SourceState, StateDoc } from '../../../src/store/types';

const kv = (env as unknown as { KV: KVNamespace }).KV;
const failing: SourceState = {
  etag: '"abc"',
  lastModified: 'Mon, 30 Nov 2026 00:00:00 GMT',
  hash: 'h',
  feedUrl: 'https://cu.gov.vn/rss',
  lastAttempt: '2026-12-07T03:00:00.000Z',
  lastSuccess: '2026-12-01T03:00:00.000Z',
  failures: 4,
  nextDue: '2026-12-07T11:00:00.000Z',
  lastError: 'DNS lookup failed',
  lastErrorCode: 'dns',
  lastErrorAt: '2026-12-07T03:00:00.000Z',
  lastOutcome: 'failed',
  articleCount: 12,
  bucketVersion: 'v9',
};

describe('stateForNewUrl', () => {
  it('forgets the old address (error, backoff, validators, discovered feed) and keeps what describes the stored articles', () => {
    expect(stateForNewUrl(failing)).toEqual({ failures: 0, lastSuccess: '2026-12-01T03:00:00.000Z', articleCount: 12, bucketVersion: 'v9' });
    expect(stateForNewUrl({ failures: 1 })).toEqual({ failures: 0 });
  });
});

describe('forgetOldUrls', () => {
  it('rewrites only the named sources, and writes nothing when none has state', async () => {
    const store = countingStore(kv);
    const doc: StateDoc = { version: 1, sources: { 'cho-don': failing, 'pac-nam': failing } };
    await store.putJson(STATE_KEY, doc);
    await forgetOldUrls(store, ['cho-don']);
    const after = (await kv.get(STATE_KEY, 'json')) as StateDoc;
    expect(after.sources['cho-don']).toEqual(stateForNewUrl(failing));
    expect(after.sources['pac-nam']).toEqual(failing);
    const writes = store.counts.writes;
    await forgetOldUrls(store, ['moi']);
    await forgetOldUrls(store, []);
    expect(store.counts.writes).toBe(writes);
    expect((await readStateVersioned(store)).state()).toEqual(after);
  });
});

describe('readStateShared', () => {
  it('parses a stored text once: the same text gives the same document, frozen so no reader changes it; another text is parsed anew', async () => {
    const store = countingStore(kv);
    await store.putJson(STATE_KEY, { version: 1, sources: { 'cho-don': failing } });
    const first = await readStateShared(store);
    expect(first?.sources['cho-don']).toEqual(failing);
    const again = await readStateShared(store);
    expect(again).toBe(first);
    expect(store.counts.reads).toBe(2); // the store is asked every time: another run may have written
    expect(() => {
      (again!.sources['cho-don'] as { failures: number }).failures = 0;
    }).toThrow(TypeError);
    expect(() => {
      again!.sources['pac-nam'] = { failures: 0 };
    }).toThrow(TypeError);

    await store.putJson(STATE_KEY, { version: 1, sources: { 'cho-don': { ...failing, failures: 5 } } });
    const changed = await readStateShared(store);
    expect(changed).not.toBe(first);
    expect(changed?.sources['cho-don'].failures).toBe(5);
    await kv.delete(STATE_KEY);
    expect(await readStateShared(store)).toBeNull();
  });

  it('keeps the entries a new text did not change as the very objects it had, and reads the changed ones anew', async () => {
    const store = countingStore(kv);
    const quiet = { failures: 0, lastSuccess: '2026-12-07T01:00:00.000Z', imageHosts: ['a.vn', 'b.vn'], listing: { kind: 'inferred' } };
    await store.putJson(STATE_KEY, { version: 1, sources: { 'cho-don': failing, 'pac-nam': quiet } });
    const first = (await readStateShared(store))!;
    // Another writer's text: the same entries, keys in another order, and one changed.
    const reordered = { listing: { kind: 'inferred' }, imageHosts: ['a.vn', 'b.vn'], lastSuccess: '2026-12-07T01:00:00.000Z', failures: 0 };
    await store.putJson(STATE_KEY, { version: 1, sources: { 'pac-nam': reordered, 'cho-don': { ...failing, failures: 5 }, 'ba-be': { failures: 0 } } });
    const second = (await readStateShared(store))!;
    expect(second).not.toBe(first);
    expect(second.sources['pac-nam']).toBe(first.sources['pac-nam']);
    expect(second.sources['cho-don']).not.toBe(first.sources['cho-don']);
    expect(second.sources['cho-don'].failures).toBe(5);
    expect(second.sources['ba-be']).toEqual({ failures: 0 });
    expect(Object.isFrozen(second.sources['ba-be'])).toBe(true);
    // A changed list or a nested field is a change.
    await store.putJson(STATE_KEY, { version: 1, sources: { 'pac-nam': { ...quiet, imageHosts: ['a.vn'] } } });
    const third = (await readStateShared(store))!;
    expect(third.sources['pac-nam']).not.toBe(second.sources['pac-nam']);
    expect(third.sources['pac-nam'].imageHosts).toEqual(['a.vn']);
  });
});
