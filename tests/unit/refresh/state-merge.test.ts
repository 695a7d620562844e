import { describe, expect, it } from 'vitest';
import { mergeState } from '../../../src/refresh/state-merge';
import type { SourceState, StateDoc } from '../../../src/store/types';

// The pieces that make overlapping runs harmless (see tests/integration/faults.test.ts for the runs).

const now = new Date('2026-11-27T03:00:00Z');
const ok = (at: string, extra: Partial<SourceState> = {}): SourceState => ({ failures: 0, lastAttempt: at, lastSuccess: at, etag: `"${at}"`, hash: `h-${at}`, nextDue: '2026-11-27T03:30:00.000Z', ...extra });
const lastRun = { at: now.toISOString(), durationMs: 10, fetched: 1, failed: 0 };

describe('mergeState', () => {
  const started: StateDoc = { version: 1, sources: { a: ok('t0'), b: ok('t0'), c: ok('t0') }, pending: ['c'] };

  it('keeps what another run stored for sources this run did not attempt', () => {
    const current: StateDoc = { version: 1, sources: { a: ok('t0'), b: ok('t1'), c: ok('t0'), d: ok('t1') }, pending: ['c', 'd'] };
    const { state, conflicts } = mergeState({ started, current, attempted: new Map([['a', ok('t2')]]), pending: new Set(), confirmed: new Set(), lastRun, now });
    expect(conflicts).toEqual([]);
    expect(state.sources).toEqual({ a: ok('t2'), b: ok('t1'), c: ok('t0'), d: ok('t1') });
    expect(state.pending).toEqual(['c', 'd']);
  });

  it('treats a source both runs attempted as a conflict: no validators, due now, pending', () => {
    const current: StateDoc = { version: 1, sources: { ...started.sources, a: ok('t1') } };
    const { state, conflicts } = mergeState({ started, current, attempted: new Map([['a', ok('t2', { articleCount: 7, itemsHash: 'i-t2' })]]), pending: new Set(), confirmed: new Set(), lastRun, now });
    expect(conflicts).toEqual(['a']);
    expect(state.sources.a).toEqual({ failures: 0, lastAttempt: 't2', lastSuccess: 't2', articleCount: 7, nextDue: now.toISOString() });
    expect(state.pending).toEqual(['a']);
  });

  it('does not count one failure twice when both runs saw it', () => {
    const failed = (at: string): SourceState => ({ failures: 3, lastAttempt: at, lastError: 'HTTP 503', nextDue: 'x' });
    const s0: StateDoc = { version: 1, sources: { a: { failures: 2, lastAttempt: 't0' } } };
    const { state } = mergeState({ started: s0, current: { version: 1, sources: { a: failed('t1') } }, attempted: new Map([['a', failed('t2')]]), pending: new Set(), confirmed: new Set(), lastRun, now });
    expect(state.sources.a.failures).toBe(3);
  });

  it('drops from pending only what this run set out to check and confirmed', () => {
    const current: StateDoc = { version: 1, sources: started.sources, pending: ['c', 'e'] };
    const { state } = mergeState({ started, current, attempted: new Map(), pending: new Set(['f']), confirmed: new Set(['c', 'e']), lastRun, now });
    expect(state.pending).toEqual(['e', 'f']); // e was added by another run after this one began
  });

  it('writes no pending list when nothing is pending', () => {
    const { state } = mergeState({ started, current: null, attempted: new Map(), pending: new Set(), confirmed: new Set(['c']), lastRun, now });
    expect(state.pending).toBeUndefined();
    expect(state.lastRun).toEqual(lastRun);
  });
});
