import { describe, expect, it } from 'vitest';
import { peekMembers } from '../../../src/store/snapshot-read';

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
