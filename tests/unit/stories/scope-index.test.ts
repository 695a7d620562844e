import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../src/stories/fingerprint';
import { indexWaiting, scopeIndex, syncIndex, type ScopeIndex, type StoredStory } from '../../../src/stories/scope-index';
import { storyStream } from '../../helpers/story-stream';

/** What a run reads of an index: each feature's articles in order, each story's articles, the articles held. */
const shape = (index: ScopeIndex) => ({
  postings: Object.fromEntries([...index.postings].map(([k, list]) => [k, list.map((e) => e.id)]).sort(([a], [b]) => (a < b ? -1 : 1))),
  groups: Object.fromEntries([...index.groups].map(([k, list]) => [k, list.map((e) => e.id).sort()]).sort(([a], [b]) => (a < b ? -1 : 1))),
  held: [...index.held.keys()].sort(),
});

/** A snapshot as the store keeps it: newest first (ties by id), capped. */
const snapshot = (articles: StoredStory[], cap: number) =>
  [...articles].sort((a, b) => (a.published !== b.published ? (a.published < b.published ? 1 : -1) : a.id < b.id ? -1 : 1)).slice(0, cap);

describe('syncIndex', () => {
  const stream = storyStream({ seed: 3, count: 260, start: Date.parse('2026-05-04T00:00:00Z') }) as StoredStory[];

  it('leaves an index synced snapshot after snapshot as building it from each snapshot would', () => {
    const kept = scopeIndex();
    let stored: StoredStory[] = [];
    let fingerprinted = 0;
    const counting = (title: string, summary: string) => (fingerprinted++, fingerprint(title, summary));
    for (let at = 0, step = 1; at < stream.length; step++) {
      let batch = stream.slice(at, (at += 1 + (step % 9)));
      // Late publishers (older than what is stored), edited articles, a story id given later, a date that does not read.
      if (step % 4 === 0) batch = batch.map((a, i) => (i === 0 ? { ...a, published: new Date(Date.parse(a.published) - 40 * 3600_000).toISOString() } : a));
      stored = [...stored, ...batch];
      if (step % 6 === 0) stored = stored.map((a, i) => (i === stored.length - 12 ? { ...a, title: `${a.title} (cập nhật)` } : a));
      if (step % 10 === 0) stored = stored.map((a, i) => (i === stored.length - 5 ? { ...a, storyId: stored[stored.length - 30].id } : a));
      if (step === 7) stored = [...stored, { ...stream[0], id: 'undated', published: 'không rõ' }];
      const now = snapshot(stored, 80);
      const before = fingerprinted;
      syncIndex(kept, now, counting);
      const anew = scopeIndex();
      syncIndex(anew, now, fingerprint);
      expect(shape(kept)).toEqual(shape(anew));
      // Only what the snapshot gained (or what changed) is fingerprinted again.
      expect(fingerprinted - before).toBeLessThanOrEqual(batch.length + 2);
    }
    // A date that does not read: no window can be checked, so the article is matched with nothing and held by no index.
    expect(kept.held.has('undated')).toBe(false);
    expect(kept.held.size).toBe(79);
  });

  it('indexes at most `limit` articles a sync, the newest first, and the rest on the next syncs', () => {
    const now = snapshot(stream.slice(0, 50), 50);
    const index = scopeIndex();
    expect(syncIndex(index, now, fingerprint, 20)).toBe(20);
    expect([...index.held.keys()].sort()).toEqual(now.slice(0, 20).map((a) => a.id).sort());
    expect(index.waiting.map((a) => a.id)).toEqual(now.slice(20).map((a) => a.id));
    expect(syncIndex(index, now, fingerprint, 20)).toBe(20);
    expect(syncIndex(index, now, fingerprint, 20)).toBe(10);
    expect(index.waiting).toEqual([]);
    const anew = scopeIndex();
    syncIndex(anew, now, fingerprint);
    expect(shape(index)).toEqual(shape(anew));
  });

  it('indexes what waits a few at a time, newest first, into the index a whole build gives', () => {
    const now = snapshot(stream.slice(0, 50), 50);
    const index = scopeIndex();
    syncIndex(index, now, fingerprint, 20);
    let fingerprinted = 0;
    const counting = (title: string, summary: string) => (fingerprinted++, fingerprint(title, summary));
    // Only what waits is fingerprinted: 7, 7, and the last 16.
    expect(indexWaiting(index, counting, 7)).toBe(7);
    expect([...index.held.keys()].sort()).toEqual(now.slice(0, 27).map((a) => a.id).sort());
    expect(index.waiting.map((a) => a.id)).toEqual(now.slice(27).map((a) => a.id));
    expect(indexWaiting(index, counting, 7)).toBe(7);
    expect(indexWaiting(index, counting)).toBe(16);
    expect(indexWaiting(index, counting, 7)).toBe(0);
    expect(fingerprinted).toBe(30);
    const anew = scopeIndex();
    syncIndex(anew, now, fingerprint);
    expect(shape(index)).toEqual(shape(anew));
  });
});
