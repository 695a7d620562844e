import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../src/stories/fingerprint';
import { fillWaiting, forgetKept, keepWritten, keptIndex, type SnapshotScope } from '../../../src/stories/kept';
import type { StoredStory } from '../../../src/stories/scope-index';
import { storedAs } from '../../helpers/stored-as';
import { storyStream } from '../../helpers/story-stream';

const stream = storyStream({ seed: 11, count: 700, start: Date.parse('2026-06-01T00:00:00Z') }) as StoredStory[];
/** A snapshot as a run reads it, counting how often its articles are parsed. */
function read(articles: StoredStory[]) {
  const text = JSON.stringify({ version: `v${articles.length}`, articles });
  const counted = { parsed: 0 };
  const snapshot: SnapshotScope = { stored: storedAs(text), articles: () => (counted.parsed++, JSON.parse(text).articles) };
  return { snapshot, counted };
}

describe('keptIndex', () => {
  it('keeps a scope index while its snapshot is unchanged, and syncs it when the snapshot changed', () => {
    forgetKept();
    const first = read(stream.slice(0, 100));
    const a = keptIndex('snap:all', first.snapshot, fingerprint);
    expect(a.indexed).toBe(100);
    // The next run reads the same text (another string, as from another KV read): nothing parsed or indexed.
    const again = read(stream.slice(0, 100));
    const b = keptIndex('snap:all', again.snapshot, fingerprint);
    expect(b.kept).toBe(a.kept);
    expect([b.indexed, again.counted.parsed]).toEqual([0, 0]);
    // Three new articles, three old ones gone.
    const next = read(stream.slice(3, 103));
    const c = keptIndex('snap:all', next.snapshot, fingerprint);
    expect([c.indexed, next.counted.parsed]).toEqual([3, 1]);
    expect(c.kept.index.held.has(stream[0].id)).toBe(false);
    expect(c.kept.index.held.has(stream[102].id)).toBe(true);
  });

  it('takes a snapshot this isolate wrote from the articles in hand, so the next run reading it parses and indexes nothing', () => {
    forgetKept();
    // Nothing kept of a scope no run matched against: a write indexes nothing.
    expect(keepWritten('snap:p:none', read(stream.slice(0, 10)).snapshot, fingerprint)).toBe(0);
    keptIndex('snap:all', read(stream.slice(0, 100)).snapshot, fingerprint);
    // A merge wrote the snapshot with two new articles and two old ones gone: its objects, no parse.
    const written = stream.slice(2, 102);
    const text = JSON.stringify({ version: 'v-written', articles: written });
    expect(keepWritten('snap:all', { stored: storedAs(text), articles: () => written }, fingerprint)).toBe(2);
    // The next run reads that text back (another string): nothing parsed, nothing indexed.
    const next = { counted: { parsed: 0 } };
    const again = keptIndex('snap:all', { stored: storedAs(text.slice(0, -1) + text.slice(-1)), articles: () => (next.counted.parsed++, JSON.parse(text).articles) }, fingerprint);
    expect([again.indexed, next.counted.parsed]).toEqual([0, 0]);
    expect([...again.kept.index.held.keys()].sort()).toEqual(written.map((a) => a.id).sort());
  });

  it('indexes at most `limit` articles a run in a cold isolate, the newest first, then the rest run by run', () => {
    forgetKept();
    const snap = read(stream.slice(0, 120)).snapshot;
    const ids = (n: number) => [...keptIndex('snap:p:lang-son', snap, fingerprint, n).kept.index.held.keys()];
    const firstRun = ids(50);
    expect(firstRun.sort()).toEqual(stream.slice(70, 120).map((a) => a.id).sort());
    expect(ids(50)).toHaveLength(100);
    expect(ids(50)).toHaveLength(120);
    expect(keptIndex('snap:p:lang-son', snap, fingerprint, 50).indexed).toBe(0);
  });

  it('keeps 1,200 articles at most over all scopes, forgetting the longest unused scope first', () => {
    forgetKept();
    const [all, a, b] = ['snap:all', 'snap:p:a', 'snap:p:b'].map((key, i) => ({ key, snapshot: read(stream.slice(i * 125, i * 125 + 450)).snapshot }));
    for (const { key, snapshot } of [all, a, b]) keptIndex(key, snapshot, fingerprint);
    // 1,350 held: the first scope went, the two others are kept.
    expect(keptIndex(b.key, b.snapshot, fingerprint).indexed).toBe(0);
    expect(keptIndex(a.key, a.snapshot, fingerprint).indexed).toBe(0);
    expect(keptIndex(all.key, all.snapshot, fingerprint).indexed).toBe(450);
    // Indexing it again made room by forgetting the longest unused: b.
    expect(keptIndex(b.key, b.snapshot, fingerprint).indexed).toBe(450);
  });

  it('is used by its run only when one scope alone holds more than the bound', () => {
    forgetKept();
    const published = (i: number) => new Date(Date.parse('2026-06-01T00:00:00Z') + i * 60_000).toISOString();
    const many = Array.from({ length: 1250 }, (_, i) => ({ id: `n${i}`, sourceId: `s${i % 40}`, title: `Tin số ${i} của xã`, summary: '', published: published(i) }));
    const big = read(many).snapshot;
    expect(keptIndex('snap:all', big, fingerprint).indexed).toBe(1250);
    expect(keptIndex('snap:all', big, fingerprint).indexed).toBe(1250);
  });
});

describe('fillWaiting', () => {
  it('indexes what a bounded cold start left waiting, with no read, until the index is whole', () => {
    forgetKept();
    const first = read(stream.slice(0, 90));
    const { kept } = keptIndex('snap:all', first.snapshot, fingerprint, 30);
    expect(kept.index.waiting).toHaveLength(60);
    expect([fillWaiting(25, fingerprint), fillWaiting(25, fingerprint), fillWaiting(25, fingerprint)]).toEqual([25, 25, 10]);
    expect(first.counted.parsed).toBe(1);
    expect(kept.index.held.size).toBe(90);
    // Whole: a run reading the same snapshot indexes nothing.
    expect(keptIndex('snap:all', read(stream.slice(0, 90)).snapshot, fingerprint, 30).indexed).toBe(0);
  });
});
