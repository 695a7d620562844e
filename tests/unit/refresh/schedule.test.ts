import { describe, expect, it } from 'vitest';
import { dueSources, MAX_BACKOFF_MS, nextDue } from '../../../src/refresh/schedule';
import { sourceSchema } from '../../../src/sources/schema';

const now = new Date('2026-11-27T03:00:00Z');
const src = (id: string, extra: object = {}) => sourceSchema.parse({ id, name: id, url: `https://${id}.gov.vn/`, region: { province: 'bac-kan' }, ...extra });

describe('schedule', () => {
  it('picks due sources, the longest waiting first, and skips retired and disabled ones', () => {
    const sources = [src('a'), src('b'), src('c'), src('old', { retired: true }), src('off', { enabled: false })];
    const state = {
      a: { failures: 0, nextDue: '2026-11-27T02:30:00.000Z' },
      b: { failures: 0, nextDue: '2026-11-27T04:00:00.000Z' },
    };
    expect(dueSources(sources, state, now).map((s) => s.id)).toEqual(['c', 'a']);
  });

  it('keeps a 30-minute source on a 30-minute cadence under a quarter-hour cron', () => {
    // Fetched 40 s after the 02:30 cron: due 03:00:40, so the 03:00 cron takes it, not 03:15.
    const fetched = new Date('2026-11-27T02:30:40Z');
    const state = {
      a: { failures: 0, nextDue: nextDue(src('a'), 0, fetched, () => 0.5).toISOString() },
      b: { failures: 0, nextDue: '2026-11-27T03:10:00.000Z' },
    };
    expect(dueSources([src('a'), src('b')], state, now).map((s) => s.id)).toEqual(['a']);
    expect(dueSources([src('a'), src('b')], state, now, 0).map((s) => s.id)).toEqual([]);
  });

  it('waits the interval after a success', () => {
    expect(nextDue(src('a', { intervalMinutes: 30 }), 0, now, () => 0.5).toISOString()).toBe('2026-11-27T03:30:00.000Z');
  });

  it('backs off exponentially with jitter, capped at 6 hours, never giving up', () => {
    const delay = (failures: number, r: number) => nextDue(src('a'), failures, now, () => r).getTime() - now.getTime();
    expect(delay(1, 0.5)).toBe(30 * 60_000);
    expect(delay(3, 0.5)).toBe(120 * 60_000);
    expect(delay(2, 0)).toBe(60 * 60_000 * 0.8);
    expect(delay(2, 1)).toBe(60 * 60_000 * 1.2);
    expect(delay(50, 1)).toBe(MAX_BACKOFF_MS);
    expect(delay(1000, 0.5)).toBeGreaterThan(0);
  });
});
