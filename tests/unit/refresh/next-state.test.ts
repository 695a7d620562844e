import { describe, expect, it } from 'vitest';
import { nextState, RECENT_FAILURES } from '../../../src/refresh/next-state';
import type { Processed } from '../../../src/refresh/types';
import { validateSource } from '../../../src/sources/schema';
import type { SourceState } from '../../../src/store/types';

const v = validateSource({ id: 'cho-don', name: 'Cổng Chợ Đồn', url: 'https://chodon.backan.gov.vn/rss', region: { province: 'bac-kan' } });
if (!v.ok) throw new Error('fixture source invalid');
const source = v.value;

const failed = (code: string, status?: number): Processed => ({
  source,
  report: { id: source.id, outcome: 'failed', newArticles: 0, updatedArticles: 0, error: `failed: ${code}`, code, ...(status ? { status } : {}) },
});
const succeeded: Processed = {
  source,
  report: { id: source.id, outcome: 'updated', newArticles: 2, updatedArticles: 0 },
  result: { status: 'not-modified', validators: { etag: '"v2"' } } as unknown as Processed['result'],
};

const at = (hour: number, day = 7) => new Date(Date.UTC(2026, 11, day, hour));
const half = () => 0.5;

describe('nextState', () => {
  it('keeps the last few failures with their code and status, oldest first, after a success too', () => {
    let s: SourceState | undefined;
    const codes = ['dns', 'refused', 'tls', 'timeout', 'http', 'dns', 'refused'];
    codes.forEach((code, i) => {
      s = nextState(s, failed(code, code === 'http' ? 503 : undefined), at(i), half);
    });
    expect(s!.failures).toBe(codes.length);
    expect(s!.recentFailures).toHaveLength(RECENT_FAILURES);
    expect(s!.recentFailures!.map((f) => f.code)).toEqual(codes.slice(-RECENT_FAILURES));
    expect(s!.recentFailures![2]).toEqual({ at: at(4).toISOString(), code: 'http', status: 503 });
    expect(s!.lastErrorCode).toBe('refused');

    const after = nextState(s, succeeded, at(8), half);
    expect(after.failures).toBe(0);
    expect(after.recentFailures).toEqual(s!.recentFailures);
  });

  it('forgets failures older than a month when a new one comes', () => {
    const old = nextState(undefined, failed('dns'), at(1, 1), half);
    const next = nextState(old, failed('refused'), new Date(Date.UTC(2027, 0, 15)), half);
    expect(next.recentFailures!.map((f) => f.code)).toEqual(['refused']);
  });

  it('keeps the validators a success gives, the items\' hash too, and a failure leaves them for the next full fetch', () => {
    const parsed: Processed = {
      source,
      report: { id: source.id, outcome: 'unchanged', newArticles: 0, updatedArticles: 0 },
      result: { status: 'unchanged', validators: { hash: 'h2', itemsHash: 'i1' } },
    };
    const s = nextState({ failures: 0, hash: 'h1', itemsHash: 'i1' }, parsed, at(1), half);
    expect(s).toMatchObject({ hash: 'h2', itemsHash: 'i1', lastOutcome: 'unchanged' });
    expect(nextState(s, failed('http', 503), at(2), half)).toMatchObject({ hash: 'h2', itemsHash: 'i1', failures: 1 });
  });

  it('keeps the validators and the due time when new articles of the fetch were left for the next run, so a lost isolate fetches them again at once', () => {
    const prev: SourceState = { failures: 0, etag: '"v1"', hash: 'h1', itemsHash: 'i1', nextDue: at(1).toISOString() };
    const bucket = { version: 'b2', sourceId: source.id, articles: [] };
    const part: Processed = {
      source,
      report: { id: source.id, outcome: 'updated', newArticles: 2, updatedArticles: 0 },
      result: { status: 'parsed', articles: [], partial: false, format: 'rss', icon: {}, validators: { etag: '"v2"', hash: 'h2', itemsHash: 'i2' } } as unknown as Processed['result'],
      bucket,
      later: 3,
    };
    const s = nextState(prev, part, at(2), half);
    expect(s).toMatchObject({ etag: '"v1"', hash: 'h1', itemsHash: 'i1', nextDue: at(1).toISOString(), bucketVersion: 'b2', lastOutcome: 'updated' });
    // The rest stored: the fetch's validators, and the source's next interval.
    const whole = nextState(s, { ...part, later: undefined }, at(3), half);
    expect(whole).toMatchObject({ etag: '"v2"', hash: 'h2', itemsHash: 'i2' });
    expect(Date.parse(whole.nextDue!)).toBeGreaterThan(at(3).getTime());
  });
});
