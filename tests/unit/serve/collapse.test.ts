import { describe, expect, it } from 'vitest';
import { collapseStories } from '../../../src/serve/collapse';
import type { FeedItem } from '../../../src/serve/feed-item';
import { article } from '../../helpers/articles';

const item = (id: string, sourceId: string, published: string, region: FeedItem['source']['region'], storyId?: string): FeedItem => ({
  ...article({ id, sourceId, published, ...(storyId ? { storyId } : {}) }),
  source: { id: sourceId, name: `Cổng ${sourceId}`, url: `https://${sourceId}.gov.vn/`, region },
});

describe('collapseStories', () => {
  const province = { province: 'bac-kan' };
  const district = { province: 'bac-kan', district: 'cho-don' };
  const commune = { province: 'bac-kan', district: 'cho-don', commune: 'bang-lang' };

  it('folds copies into the highest-level portal\'s copy, keeping newest-first order', () => {
    const items = [
      item('c', 'xa', '2026-11-26T00:00:00Z', commune, 'p'),
      item('x', 'other', '2026-11-25T12:00:00Z', district),
      item('d', 'huyen', '2026-11-25T00:00:00Z', district, 'p'),
      item('p', 'tinh', '2026-11-24T00:00:00Z', province),
    ];
    const out = collapseStories(items);
    expect(out.map((i) => i.id)).toEqual(['x', 'p']);
    expect(out[1].alternates!.map((a) => a.id)).toEqual(['c', 'd']);
  });

  it('picks the earliest copy among portals of one level, and leaves single items alone', () => {
    const out = collapseStories([item('b', 'b', '2026-11-25T00:00:00Z', district, 'a'), item('a', 'a', '2026-11-24T00:00:00Z', district)]);
    expect(out.map((i) => i.id)).toEqual(['a']);
    const single = item('s', 's', '2026-11-25T00:00:00Z', district);
    expect(collapseStories([single])[0]).toBe(single);
  });

  it('shows a copy when the copy that would stand for it is not in the selection', () => {
    const out = collapseStories([item('d', 'huyen', '2026-11-25T00:00:00Z', district, 'p')]);
    expect(out.map((i) => i.id)).toEqual(['d']);
  });
});
