import type { FeedDoc } from '../../src/serve/feed-doc';
import type { FeedItem } from '../../src/serve/feed-item';
import { article } from './articles';

/** One small feed document every renderer's test writes: hostile characters, an estimated date, a next page. */
export const source = { id: 'cho-don', name: 'Cổng TTĐT huyện Chợ Đồn', url: 'https://chodon.backan.gov.vn/', region: { province: 'bac-kan', district: 'cho-don' } };
export const items: FeedItem[] = [
  {
    ...article({ id: 'a1', sourceId: 'cho-don', title: 'Hội nghị <b>& "tổng kết"</b>\u0001', image: 'https://chodon.backan.gov.vn/anh/a.png', categories: ['Thời sự'] }),
    contentHtml: '<p>Nội dung &amp; ảnh</p>',
    source,
  },
  { ...article({ id: 'a2', sourceId: 'cho-don', summary: '', dateEstimated: true, published: '2026-11-19T00:00:00.000Z' }), source },
];
export const doc: FeedDoc = {
  title: 'bantin — huyện Chợ Đồn',
  description: 'Tin tức',
  homeUrl: 'https://bantin.example/?district=bac-kan/cho-don',
  selfUrl: 'https://bantin.example/feed.rss?district=bac-kan/cho-don',
  formats: { rss: 'https://bantin.example/feed.rss', atom: 'https://bantin.example/feed.atom', json: 'https://bantin.example/feed.json' },
  updated: '2026-11-27T03:00:00.000Z',
  builtAt: '2026-11-27T03:05:00.000Z',
  items,
  nextUrl: 'https://bantin.example/feed.rss?cursor=abc',
  sourceFeedUrl: (id) => `https://bantin.example/feed.rss?source=${id}`,
};
