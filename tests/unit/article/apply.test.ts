import { describe, expect, it } from 'vitest';
import { applyPage } from '../../../src/article/apply';
import type { Article } from '../../../src/model';
import { mergeBucket } from '../../../src/store/bucket';

const at = new Date('2026-11-30T03:00:00Z');
const listed: Article = {
  id: 'a1', url: 'https://xa.gov.vn/tin/1.html', title: 'Họp dân', summary: 'Tóm tắt.', image: 'https://xa.gov.vn/thumb/1.jpg',
  published: '2026-11-28T17:00:00.000Z', firstSeen: '2026-11-30T02:00:00.000Z', sourceId: 'xa',
};
const page = { contentHtml: '<p>Toàn văn.</p>', published: '2026-11-29T01:30:00.000Z', hasTime: true, author: 'Lý Thị Hoa', image: 'https://xa.gov.vn/anh/1-lon.jpg' };

describe('applyPage', () => {
  it('takes the page\'s body, exact time, author and full-size image', () => {
    expect(applyPage(listed, page, at)).toEqual({ ...listed, contentHtml: '<p>Toàn văn.</p>', published: '2026-11-29T01:30:00.000Z', author: 'Lý Thị Hoa', image: 'https://xa.gov.vn/anh/1-lon.jpg', pageRead: at.toISOString() });
  });

  it('keeps a listing\'s time when the page gives only the day', () => {
    const timed = { ...listed, published: '2026-11-29T02:15:00.000Z' };
    expect(applyPage(timed, { ...page, published: '2026-11-28T17:00:00.000Z', hasTime: false }, at).published).toBe('2026-11-29T02:15:00.000Z');
  });

  it('with enrich only fills what is missing', () => {
    const undated = { ...listed, dateEstimated: true as const };
    const r = applyPage(undated, page, at, true);
    expect(r).toMatchObject({ published: page.published, image: listed.image });
    expect(r.contentHtml).toBeUndefined();
    expect(r.dateEstimated).toBeUndefined();
  });

  it('survives the listing being read again (bucket merge keeps what the page gave)', () => {
    const stored = applyPage(listed, page, at);
    const again = { ...listed, summary: 'Tóm tắt đã sửa.', firstSeen: at.toISOString() };
    const merge = mergeBucket([stored], [again], at);
    expect(merge.articles[0]).toMatchObject({ summary: 'Tóm tắt đã sửa.', contentHtml: '<p>Toàn văn.</p>', published: page.published, author: 'Lý Thị Hoa', image: page.image });
    expect(mergeBucket([stored], [listed], at).changed).toBe(false);
  });
});
