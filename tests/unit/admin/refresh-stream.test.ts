import { describe, expect, it } from 'vitest';
import { streamRefresh, wantsProgress } from '../../../src/admin/refresh-stream';
import type { RunSummary } from '../../../src/refresh/run';

const summary: RunSummary = { startedAt: '2026-12-07T05:00:00.000Z', durationMs: 5, due: 1, sources: [], kv: { reads: 2, writes: 1 }, subrequests: 1, snapshotsWritten: [] };
const linesOf = async (res: Response) => (await res.text()).trim().split('\n').map((l) => JSON.parse(l));

describe('wantsProgress', () => {
  it('is asked for by Accept: application/x-ndjson only', () => {
    expect(wantsProgress('application/x-ndjson')).toBe(true);
    expect(wantsProgress('application/json;q=0.5, application/x-ndjson; charset=utf-8')).toBe(true);
    expect(wantsProgress('application/json')).toBe(false);
    expect(wantsProgress('*/*')).toBe(false);
    expect(wantsProgress(undefined)).toBe(false);
  });
});

describe('streamRefresh', () => {
  it('sends each progress event as a line, then the summary, and holds the run with waitUntil', async () => {
    const held: Promise<unknown>[] = [];
    const res = streamRefresh(async (progress) => {
      progress({ event: 'started', due: 1, sources: 1 });
      progress({ event: 'source', done: 1, sources: 1, report: { id: 'cho-don', outcome: 'updated', newArticles: 3, updatedArticles: 0 } });
      progress({ event: 'storing' });
      return summary;
    }, (p) => held.push(p));
    expect(held).toHaveLength(1);
    expect(await linesOf(res)).toEqual([
      { event: 'started', due: 1, sources: 1 },
      { event: 'source', done: 1, sources: 1, report: { id: 'cho-don', outcome: 'updated', newArticles: 3, updatedArticles: 0 } },
      { event: 'storing' },
      { event: 'finished', summary },
    ]);
  });

  it('ends with why when the run throws, instead of breaking off', async () => {
    const res = streamRefresh(async () => {
      throw new Error('KV unavailable');
    }, () => {});
    expect(await linesOf(res)).toEqual([{ event: 'failed', error: 'KV unavailable' }]);
  });
});
