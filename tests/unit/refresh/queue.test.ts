import { describe, expect, it } from 'vitest';
import { isRefreshMessage, refreshMode } from '../../../src/refresh/queue';

const t0 = new Date('2026-11-27T03:00:00.000Z');

describe('queue messages and mode', () => {
  it('reads the mode, inline unless it says queue', () => {
    expect(refreshMode(undefined)).toBe('inline');
    expect(refreshMode('inline')).toBe('inline');
    expect(refreshMode(' Queue ')).toBe('queue');
    expect(refreshMode('queues')).toBe('inline');
  });

  it('accepts only message bodies it wrote', () => {
    expect(isRefreshMessage({ ids: ['cho-don', 'pac-nam'], enqueuedAt: t0.toISOString() })).toBe(true);
    expect(isRefreshMessage({ ids: ['Cho Don'], enqueuedAt: t0.toISOString() })).toBe(false);
    expect(isRefreshMessage({ ids: 'cho-don', enqueuedAt: t0.toISOString() })).toBe(false);
    expect(isRefreshMessage({ ids: ['cho-don'] })).toBe(false);
    expect(isRefreshMessage('cho-don')).toBe(false);
  });
});
