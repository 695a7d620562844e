import { describe, expect, it } from 'vitest';
import { applyChange, duePages, emptyQueue, MAX_TRIES, type QueuedPage } from '../../../src/store/page-queue';

const t0 = new Date('2026-11-30T03:00:00Z');
const page = (id: string, since: string, extra: Partial<QueuedPage> = {}): QueuedPage => ({ id, sourceId: id.startsWith('a') ? 'a' : 'b', url: `https://x.gov.vn/${id}`, since, ...extra });

describe('the page queue', () => {
  it('gives the due pages oldest first, optionally of some sources only', () => {
    const q = { version: 1 as const, pages: [page('a2', '2026-11-30T02:00:00Z'), page('b1', '2026-11-29T00:00:00Z'), page('a1', '2026-11-30T01:00:00Z'), page('a3', '2026-11-28T00:00:00Z', { notBefore: '2026-11-30T04:00:00.000Z' })] };
    expect(duePages(q, t0).map((p) => p.id)).toEqual(['b1', 'a1', 'a2']);
    expect(duePages(q, t0, new Set(['a'])).map((p) => p.id)).toEqual(['a1', 'a2']);
    expect(duePages(q, new Date('2026-11-30T04:00:00Z')).map((p) => p.id)).toEqual(['a3', 'b1', 'a1', 'a2']);
  });

  it('adds new pages once, removes read ones, and backs off failing ones until it gives up', () => {
    let q = applyChange(emptyQueue(), { added: [page('a1', t0.toISOString()), page('a2', t0.toISOString())], done: [], failed: [] }, t0).queue;
    q = applyChange(q, { added: [page('a1', t0.toISOString())], done: ['a2'], failed: ['a1'] }, t0).queue;
    expect(q.pages).toEqual([{ ...page('a1', t0.toISOString()), tries: 1, notBefore: '2026-11-30T03:30:00.000Z' }]);
    q = applyChange(q, { added: [], done: [], failed: ['a1'] }, t0).queue;
    expect(q.pages[0]).toMatchObject({ tries: 2, notBefore: '2026-11-30T04:00:00.000Z' });
    let givenUp: QueuedPage[] = [];
    for (let i = 2; i < MAX_TRIES; i++) ({ queue: q, givenUp } = applyChange(q, { added: [], done: [], failed: ['a1'] }, t0));
    expect(q.pages).toEqual([]);
    expect(givenUp.map((p) => p.id)).toEqual(['a1']);
  });
});
