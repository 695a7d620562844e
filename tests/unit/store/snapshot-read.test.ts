import { describe, expect, it } from 'vitest';
import { parsedSnapshot, peekMembers, rememberSnapshot, snapshotReads, storedSnapshot, storyScopes } from '../../../src/store/snapshot-read';
import type { Snapshot } from '../../../src/store/types';
import type { JsonStore } from '../../../src/store/kv';

const now = new Date('2026-11-27T03:00:00Z');
const bytes = (text: string) => new TextEncoder().encode(text);

describe('peekMembers', () => {
  it('reads the members map of a stored snapshot without its articles', () => {
    const text = JSON.stringify({ version: 'v9', updated: now.toISOString(), members: { 'cho-don': 'mwy-1', backan: 'mwy-2' }, sources: {}, articles: [{ id: 'x', title: '}{"members":' }] });
    expect(peekMembers(bytes(text))).toEqual({ 'cho-don': 'mwy-1', backan: 'mwy-2' });
  });

  it('answers null for text of another shape, so the caller parses it all', () => {
    expect(peekMembers(bytes('{"version":"v","articles":[]}'))).toBeNull();
    expect(peekMembers(bytes(`{"version":"v","updated":"${'x'.repeat(500)}","members":{}}`))).toBeNull();
    expect(peekMembers(bytes('{"version":"v","members":{"a":'))).toBeNull();
  });
});

describe('storyScopes', () => {
  const snap = (members: Record<string, string>, ids: string[]) =>
    JSON.stringify({ version: 'v1', updated: now.toISOString(), members, sources: {}, articles: ids.map((id) => ({ id, sourceId: 'tinh-lang-son', title: id, summary: '', published: now.toISOString() })) });
  /** The ids of a scope as read: a snapshot's articles (parsed when asked), or none. */
  const ids = (read: Awaited<ReturnType<ReturnType<typeof storyScopes>>>) => (Array.isArray(read) ? read : read.articles()).map((a) => a.id);
  /** A store of fixed texts that counts its reads. */
  function storeOf(texts: Record<string, string>) {
    const reads: string[] = [];
    const store = { counts: { reads: 0, writes: 0 }, getBytes: async (key: string) => (reads.push(key), key in texts ? bytes(texts[key]) : null) } as unknown as JsonStore;
    return { store, reads };
  }

  it('reads each snapshot once, and does not read the same articles twice from two snapshots with the same members', async () => {
    const { store, reads } = storeOf({
      'snap:all': snap({ 'tinh-lang-son': 'a1', 'bao-lang-son': 'b1' }, ['x', 'y']),
      'snap:p:lang-son': snap({ 'bao-lang-son': 'b1', 'tinh-lang-son': 'a1' }, ['x', 'y']),
    });
    const load = storyScopes(snapshotReads(store));
    expect(ids(await load('snap:all'))).toEqual(['x', 'y']);
    expect(await load('snap:p:lang-son')).toEqual([]);
    expect(reads).toEqual(['snap:all', 'snap:p:lang-son']);
  });

  it('gives the articles of a snapshot whose members or versions differ, and none of a missing one', async () => {
    const { store } = storeOf({
      'snap:all': snap({ 'tinh-lang-son': 'a1', 'bao-lang-son': 'b1' }, ['x', 'y']),
      'snap:p:lang-son': snap({ 'tinh-lang-son': 'a2', 'bao-lang-son': 'b1' }, ['z', 'x']),
    });
    const load = storyScopes(snapshotReads(store));
    await load('snap:all');
    const province = await load('snap:p:lang-son');
    expect(ids(province)).toEqual(['z', 'x']);
    // The stored value, the same object while its bytes stay: a matcher that kept this snapshot's index knows it unchanged without parsing it.
    const again = await storyScopes(snapshotReads(store))('snap:p:lang-son');
    expect(Array.isArray(again) || Array.isArray(province) ? null : again.stored).toBe(Array.isArray(province) ? undefined : province.stored);
    expect(await load('snap:d:lang-son:none')).toEqual([]);
  });
});

describe('parsedSnapshot', () => {
  const text = (version: string) => JSON.stringify({ version, updated: now.toISOString(), members: { 'tinh-lang-son': version }, sources: {}, articles: [{ id: version, sourceId: 'tinh-lang-son', title: 'Tin', summary: '', published: now.toISOString() }] });

  it("parses a snapshot once per isolate while its bytes stay the key's value", () => {
    const first = parsedSnapshot(storedSnapshot('snap:test-a', bytes(text('v1'))));
    // Read again (other bytes of the same value, as from another KV read): the same object.
    expect(parsedSnapshot(storedSnapshot('snap:test-a', bytes(text('v1'))))).toBe(first);
    // Another value is parsed anew, and is what parsing gives.
    const next = parsedSnapshot(storedSnapshot('snap:test-a', bytes(text('v2'))));
    expect(next).not.toBe(first);
    expect(next).toEqual(JSON.parse(text('v2')));
    // Another value of the same length (another writer's, one character changed) is not taken for it.
    const other = text('v2').replace('"Tin"', '"Tim"');
    expect(parsedSnapshot(storedSnapshot('snap:test-a', bytes(other))).articles[0].title).toBe('Tim');
  });

  it('gives a snapshot this isolate wrote as written, without parsing it', () => {
    const written = JSON.parse(text('v3')) as Snapshot;
    rememberSnapshot('snap:test-b', { bytes: bytes(text('v3')), snapshot: written });
    expect(parsedSnapshot(storedSnapshot('snap:test-b', bytes(text('v3'))))).toBe(written);
    // Another key holding the same bytes is not known by this one.
    expect(parsedSnapshot(storedSnapshot('snap:test-c', bytes(text('v3'))))).not.toBe(written);
  });
});
