import { describe, expect, it } from 'vitest';
import { mergeBucket } from '../../../src/store/bucket';
import { article } from '../../helpers/articles';

const now = new Date('2026-11-27T03:00:00Z');

describe('mergeBucket', () => {
  it('adds new articles newest first and counts them', () => {
    const r = mergeBucket([article({ id: 'a', published: '2026-11-20T00:00:00Z' })], [article({ id: 'b', published: '2026-11-21T00:00:00Z' })], now);
    expect(r.articles.map((a) => a.id)).toEqual(['b', 'a']);
    expect(r).toMatchObject({ changed: true, added: 1, updated: 0 });
  });

  it('changes nothing when the same articles come again', () => {
    const stored = [article({ id: 'a' }), article({ id: 'b' })];
    const again = [article({ id: 'a', firstSeen: now.toISOString() }), article({ id: 'b', firstSeen: now.toISOString() })];
    const r = mergeBucket(stored, again, now);
    expect(r.changed).toBe(false);
    expect(r.articles[0].firstSeen).toBe('2026-11-20T02:00:00.000Z');
  });

  it('updates an article whose content changed, keeping its first-seen time', () => {
    const r = mergeBucket([article({ id: 'a' })], [article({ id: 'a', title: 'Tiêu đề đã sửa', firstSeen: now.toISOString() })], now);
    expect(r).toMatchObject({ changed: true, added: 0, updated: 1 });
    expect(r.articles[0]).toMatchObject({ title: 'Tiêu đề đã sửa', firstSeen: '2026-11-20T02:00:00.000Z', updated: now.toISOString() });
  });

  it('keeps articles that a later fetch no longer lists, and keeps all on an empty fetch', () => {
    const stored = [article({ id: 'a' }), article({ id: 'b' })];
    expect(mergeBucket(stored, [article({ id: 'a' })], now).articles).toHaveLength(2);
    const empty = mergeBucket(stored, [], now);
    expect(empty.changed).toBe(false);
    expect(empty.articles).toHaveLength(2);
  });

  it('does not move an estimated date on later fetches', () => {
    const first = article({ id: 'a', published: '2026-11-20T02:00:00.000Z', dateEstimated: true });
    const later = article({ id: 'a', published: now.toISOString(), firstSeen: now.toISOString(), dateEstimated: true });
    const r = mergeBucket([first], [later], now);
    expect(r.changed).toBe(false);
    expect(r.articles[0].published).toBe('2026-11-20T02:00:00.000Z');
  });

  it('treats the same guid under a new URL as the same article', () => {
    const stored = [article({ id: 'old', guid: 'news_70', url: 'https://x.gov.vn/news/a-70.html' })];
    const r = mergeBucket(stored, [article({ id: 'new', guid: 'news_70', url: 'https://x.gov.vn/news/b-70.html' })], now);
    expect(r.articles.map((a) => a.id)).toEqual(['old']);
    expect(r.articles[0].url).toBe('https://x.gov.vn/news/b-70.html');
  });

  it('makes duplicates within one fetch one article', () => {
    const r = mergeBucket([], [article({ id: 'a' }), article({ id: 'a', title: 'bản sao' })], now);
    expect(r.articles).toHaveLength(1);
    expect(r.articles[0].title).toBe('Tin a');
  });

  it('keeps only the newest N', () => {
    const many = Array.from({ length: 10 }, (_, i) => article({ id: `a${i}`, published: `2026-11-${String(10 + i).padStart(2, '0')}T00:00:00Z` }));
    const r = mergeBucket([], many, now, 3);
    expect(r.articles.map((a) => a.id)).toEqual(['a9', 'a8', 'a7']);
  });
});
