import { describe, expect, it } from 'vitest';
import { healthOf, lastRunOf } from '../../../src/serve/health';

const run = { at: '2026-11-27T03:00:00.000Z', durationMs: 1200, fetched: 12, failed: 2 };

describe('health from the stored state', () => {
  it('finds the last run wherever it sits in the state, without being fooled by text in errors', () => {
    const state = { version: 1, sources: { a: { failures: 1, lastError: 'body said "lastRun":{"at":"x"}' } }, lastRun: run, pending: ['a'] };
    expect(lastRunOf(JSON.stringify(state))).toEqual(run);
    expect(lastRunOf(JSON.stringify({ version: 1, sources: {} }))).toBeNull();
    expect(lastRunOf(null)).toBeNull();
  });
  it('is ok within the hour, stale after, never before the first run', () => {
    expect(healthOf(run, new Date('2026-11-27T03:40:00Z'))).toEqual({ status: 'ok', lastRun: { ...run, ageSeconds: 2400 } });
    expect(healthOf(run, new Date('2026-11-27T04:01:00Z')).status).toBe('stale');
    expect(healthOf(null, new Date())).toEqual({ status: 'never', lastRun: null });
  });
});
