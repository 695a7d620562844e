import { describe, expect, it } from 'vitest';
import { parsedSnapshot, peekMembers, rememberSnapshot, snapshotTexts, storyScopes } from '../../../src/store/snapshot-read';
import type { Snapshot } from '../../../src/store/types';
import type { JsonStore } from '../../../src/store/kv';

const now = new Date('2026-11-27T03:00:00Z');

describe('peekMembers', () => {
  it('reads the members map of a stored snapshot without its articles', () => {
    const text = JSON.stringify({ version: 'v9', updated: now.toISOString(), members: { 'cho-don': 'mwy-1', backan: 'mwy-2' }, sources: {}, articles: [{ id: 'x', title: '}{"members":' }] });
    expect(peekMembers(text)).toEqual({ 'cho-don': 'mwy-1', backan: 'mwy-2' });
  });

  it('answers null for text of another shape, so the caller parses it all', () => {
    expect(peekMembers('{"version":"v","articles":[]}')).toBeNull();
    expect(peekMembers(`{"version":"v","updated":"${'x'.repeat(500)}","members":{}}`)).toBeNull();
    expect(peekMembers('{"version":"v","members":{"a":')).toBeNull();
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
    const store = { counts: { reads: 0, writes: 0 }, getText: async (key: string) => (reads.push(key), texts[key] ?? null) } as unknown as JsonStore;
    return { store, reads };
  }

  it('reads each snapshot once, and does not read the same articles twice from two snapshots with the same members', async () => {
    const { store, reads } = storeOf({
      'snap:all': snap({ 'tinh-lang-son': 'a1', 'bao-lang-son': 'b1' }, ['x', 'y']),
      'snap:p:lang-son': snap({ 'bao-lang-son': 'b1', 'tinh-lang-son': 'a1' }, ['x', 'y']),
    });
    const load = storyScopes(snapshotTexts(store));
    expect(ids(await load('snap:all'))).toEqual(['x', 'y']);
    expect(await load('snap:p:lang-son')).toEqual([]);
    expect(reads).toEqual(['snap:all', 'snap:p:lang-son']);
  });

  it('gives the articles of a snapshot whose members or versions differ, and none of a missing one', async () => {
    const { store } = storeOf({
      'snap:all': snap({ 'tinh-lang-son': 'a1', 'bao-lang-son': 'b1' }, ['x', 'y']),
      'snap:p:lang-son': snap({ 'tinh-lang-son': 'a2', 'bao-lang-son': 'b1' }, ['z', 'x']),
    });
    const load = storyScopes(snapshotTexts(store));
    await load('snap:all');
    const province = await load('snap:p:lang-son');
    expect(ids(province)).toEqual(['z', 'x']);
    // The text itself, so a matcher that kept this snapshot's index knows it unchanged without parsing it.
    expect(Array.isArray(province) ? null : province.text).toBe(snap({ 'tinh-lang-son': 'a2', 'bao-lang-son': 'b1' }, ['z', 'x']));
    expect(await load('snap:d:lang-son:none')).toEqual([]);
  });
});

describe('parsedSnapshot', () => {
  const text = (version: string) => JSON.stringify({ version, updated: now.toISOString(), members: { 'tinh-lang-son': version }, sources: {}, articles: [{ id: version, sourceId: 'tinh-lang-son', title: 'Tin', summary: '', published: now.toISOString() }] });

  it("parses a snapshot text once per isolate while it stays the key's text", () => {
    const first = parsedSnapshot('snap:test-a', text('v1'));
    // Read again (another string of the same text, as from another KV read): the same object.
    const again = text('v1');
    expect(parsedSnapshot('snap:test-a', again.slice(0, -1) + again.slice(-1))).toBe(first);
    // Another text is parsed anew, and is what parsing gives.
    const next = parsedSnapshot('snap:test-a', text('v2'));
    expect(next).not.toBe(first);
    expect(next).toEqual(JSON.parse(text('v2')));
  });

  it('gives a snapshot this isolate wrote as written, without parsing its text', () => {
    const written = JSON.parse(text('v3')) as Snapshot;
    rememberSnapshot('snap:test-b', text('v3'), written);
    expect(parsedSnapshot('snap:test-b', text('v3'))).toBe(written);
  });
});
