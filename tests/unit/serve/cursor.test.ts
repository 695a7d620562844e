import { describe, expect, it } from 'vitest';
import { byNewest } from '../../../src/store/bucket';
import { decodeCursor, paginate } from '../../../src/serve/cursor';

const item = (id: string, hour: number) => ({ id, published: `2026-11-27T${String(hour).padStart(2, '0')}:00:00.000Z` });

describe('cursor paging', () => {
  const items = [item('a', 10), item('b', 9), item('c', 9), item('d', 8), item('e', 7)].sort(byNewest);

  it('walks every item once, page by page', () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const r = paginate(items, cursor, 2);
      seen.push(...r.page.map((i) => i.id));
      cursor = r.next;
    } while (cursor);
    expect(seen).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('stays stable while new articles arrive between pages', () => {
    const first = paginate(items, undefined, 2);
    const grown = [item('new1', 11), item('new2', 12), ...items].sort(byNewest);
    const second = paginate(grown, first.next, 2);
    expect(second.page.map((i) => i.id)).toEqual(['c', 'd']);
  });

  it('has no next cursor on the last page and rejects forged cursors', () => {
    expect(paginate(items, undefined, 5).next).toBeUndefined();
    expect(decodeCursor('bm9wZQ')).toBeNull();
  });
});
