import { describe, expect, it } from 'vitest';
import { newItemsSeen, rememberSeen } from '../../../src/refresh/seen-items';

describe('the item keys an isolate remembers', () => {
  it('keeps the last two bodies of each source, the newest first, one entry a body', () => {
    const seen = newItemsSeen();
    rememberSeen(seen, 'xa-mot', { itemsHash: 'h1', keys: ['a'] });
    rememberSeen(seen, 'xa-mot', { itemsHash: 'h2', keys: ['b', 'a'] });
    rememberSeen(seen, 'xa-hai', { itemsHash: 'k1', keys: ['x'] });
    // The same body read again (state still names it: its news is stored over several runs).
    rememberSeen(seen, 'xa-mot', { itemsHash: 'h2', keys: ['b', 'a'] });
    expect(seen.get('xa-mot')!.map((s) => s.itemsHash)).toEqual(['h2', 'h1']);
    rememberSeen(seen, 'xa-mot', { itemsHash: 'h3', keys: ['c', 'b', 'a'] });
    expect(seen.get('xa-mot')!.map((s) => s.itemsHash)).toEqual(['h3', 'h2']);
    expect(seen.get('xa-hai')).toEqual([{ itemsHash: 'k1', keys: ['x'] }]);
  });
});
