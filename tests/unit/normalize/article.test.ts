import { describe, expect, it } from 'vitest';
import type { RawItem } from '../../../src/model';
import { normalizeItem, normalizeItems, type NormalizeContext } from '../../../src/normalize/article';

const now = new Date('2025-07-10T03:00:00Z'); // 10:00 in Vietnam
const ctx: NormalizeContext = {
  source: { id: 'cho-don', dateOrder: 'dmy' },
  baseUrl: 'https://chodon.backan.gov.vn/news/tin-tuc/',
  now,
};

const nukeviet: RawItem = {
  title: 'Hội nghị tổng kết công tác năm 2024'.normalize('NFD'),
  link: '/news/tin-tuc/hoi-nghi-tong-ket-70.html?utm_source=rss&utm_medium=feed#comments',
  guid: 'news_70',
  date: '&nbsp;Thứ ba - 26/11/2019 08:30',
  summary: 'S&aacute;ng ng&agrave;y 26/11, UBND huyện Chợ Đồn tổ chức hội nghị.',
  author: ' Ban biên tập ',
  categories: ['Tin tức', ' ', 'Tin&nbsp;tức', 'Chính trị'],
};

describe('normalizeItem', () => {
  it('builds a clean article from a NukeViet feed item', async () => {
    const a = await normalizeItem(nukeviet, ctx);
    expect(a).not.toBeNull();
    expect(a!.title).toBe('Hội nghị tổng kết công tác năm 2024');
    expect(a!.title).toBe(a!.title.normalize('NFC'));
    expect(a!.url).toBe('https://chodon.backan.gov.vn/news/tin-tuc/hoi-nghi-tong-ket-70.html');
    expect(a!.guid).toBe('news_70');
    expect(a!.id).toMatch(/^[0-9a-f]{20}$/);
    expect(a!.summary).toBe('Sáng ngày 26/11, UBND huyện Chợ Đồn tổ chức hội nghị.');
    expect(a!.published).toBe('2019-11-26T01:30:00.000Z'); // 08:30 Vietnam time
    expect(a!.dateEstimated).toBeUndefined();
    expect(a!.firstSeen).toBe(now.toISOString());
    expect(a!.author).toBe('Ban biên tập');
    expect(a!.categories).toEqual(['Tin tức', 'Chính trị']);
    expect(a!.sourceId).toBe('cho-don');
    expect(a!.contentHtml).toBeUndefined();
    expect(a!.image).toBeUndefined();
  });

  it('gives the same id on every fetch, whenever it runs', async () => {
    const a = await normalizeItem(nukeviet, ctx);
    const b = await normalizeItem({ ...nukeviet, link: 'https://chodon.backan.gov.vn/news/tin-tuc/hoi-nghi-tong-ket-70.html' }, {
      ...ctx,
      now: new Date('2025-08-01T00:00:00Z'),
    });
    expect(b!.id).toBe(a!.id);
    expect(b!.firstSeen).not.toBe(a!.firstSeen);
  });

  it('uses the guid as the link when it is a URL', async () => {
    const a = await normalizeItem({ title: 'Tin', guid: 'https://baobackan.com.vn/a-post12.html?fbclid=x' }, ctx);
    expect(a!.url).toBe('https://baobackan.com.vn/a-post12.html');
  });

  it('returns null when the item cannot be linked or has nothing to call it', async () => {
    expect(await normalizeItem({ title: 'Tin', guid: 'news_71' }, ctx)).toBeNull();
    expect(await normalizeItem({ title: 'Tin', link: 'javascript:void(0)' }, ctx)).toBeNull();
    expect(await normalizeItem({ title: 'Tin', link: '#' }, ctx)).toBeNull(); // the listing itself
    expect(await normalizeItem({ link: '/a.html' }, ctx)).toBeNull();
    expect(await normalizeItem({ title: ' <b></b> ', link: '/a.html' }, ctx)).toBeNull();
  });

  it('falls back to the summary for a missing title', async () => {
    const summary = 'UBND xã Bằng Lãng thông báo lịch tiếp công dân định kỳ tháng 7 năm 2025 tại trụ sở xã, đề nghị nhân dân trong xã biết và liên hệ.';
    const a = await normalizeItem({ link: '/a.html', summary }, ctx);
    expect(a!.title.length).toBeLessThanOrEqual(120);
    expect(a!.title.endsWith('…')).toBe(true);
    expect(summary.startsWith(a!.title.slice(0, -1))).toBe(true);
    expect(a!.summary).toBe(summary);
  });

  it('sanitizes content and summarizes it when there is no summary', async () => {
    const words = Array.from({ length: 80 }, (_, i) => `từ${i}`).join(' ');
    const a = await normalizeItem(
      {
        title: 'Tin có nội dung',
        link: 'https://chodon.backan.gov.vn/a.html',
        contentHtml: `<p onclick="x()">${words}</p><script>alert(1)</script><img data-src="/anh.jpg">`,
        image: '/uploads/thumb.jpg',
      },
      ctx,
    );
    expect(a!.contentHtml).toBe(`<p>${words}</p><img src="https://chodon.backan.gov.vn/anh.jpg" alt="">`);
    expect(a!.summary.length).toBeLessThanOrEqual(300);
    expect(a!.summary.endsWith('…')).toBe(true);
    expect(a!.summary).not.toMatch(/alert|</);
    expect(a!.image).toBe('https://chodon.backan.gov.vn/uploads/thumb.jpg');
  });

  it('does not repeat the title as the summary', async () => {
    const a = await normalizeItem({ title: 'Lịch công tác tuần', link: '/lich.html', summary: '<p>Lịch công tác tuần</p>' }, ctx);
    expect(a!.summary).toBe('');
  });

  it('marks a missing or unreadable date as estimated, at the time first seen', async () => {
    for (const date of [undefined, '', 'không rõ']) {
      const a = await normalizeItem({ title: 'Tin', link: '/a.html', date }, ctx);
      expect(a!.published).toBe(now.toISOString());
      expect(a!.dateEstimated).toBe(true);
    }
  });

  it('keeps only the day when the source’s times cannot be trusted', async () => {
    const a = await normalizeItem({ ...nukeviet, date: '26/11/2019 08:11' }, { ...ctx, untrustedTimes: true });
    expect(a!.published).toBe('2019-11-25T17:00:00.000Z'); // 26/11 00:00 in Vietnam
    // 00:30 in Vietnam is still the previous day in UTC: the Vietnamese day counts
    const b = await normalizeItem({ ...nukeviet, date: '2019-11-26T00:30:00+07:00' }, { ...ctx, untrustedTimes: true });
    expect(b!.published).toBe('2019-11-25T17:00:00.000Z');
    // Said, so pages show the day and no made-up "00:00".
    expect(a!.dateOnly).toBe(true);
  });

  it('marks a day written without a time as day only, and a timed one not', async () => {
    const dayOnly = await normalizeItem({ title: 'Tin', link: '/a.html', date: '26/11/2019' }, ctx);
    expect(dayOnly).toMatchObject({ published: '2019-11-25T17:00:00.000Z', dateOnly: true });
    const timed = await normalizeItem({ title: 'Tin', link: '/b.html', date: '26/11/2019 00:00' }, ctx);
    expect(timed!.dateOnly).toBeUndefined();
    expect((await normalizeItem({ title: 'Tin', link: '/c.html' }, ctx))!.dateOnly).toBeUndefined();
  });

  it('reads the day first, or month first when the source says so', async () => {
    const item = { title: 'Tin', link: '/a.html', date: '03/04/2020' };
    expect((await normalizeItem(item, ctx))!.published).toBe('2020-04-02T17:00:00.000Z');
    const us = { ...ctx, source: { id: 'x', dateOrder: 'mdy' as const } };
    expect((await normalizeItem(item, us))!.published).toBe('2020-03-03T17:00:00.000Z');
  });

  it('does not let a date in the future through', async () => {
    const a = await normalizeItem({ title: 'Tin', link: '/a.html', date: '10/07/2026 08:00' }, ctx);
    expect(a!.published).toBe(now.toISOString());
  });
});

describe('normalizeItems', () => {
  it('keeps the first of duplicates by canonical URL or guid and drops unusable items', async () => {
    const items: RawItem[] = [
      { title: 'Một', link: '/mot.html?utm_source=zalo', guid: 'news_1' },
      { title: 'Một (lặp)', link: 'https://chodon.backan.gov.vn/mot.html#top' },
      { title: 'Hai', link: '/hai.html', guid: 'news_2' },
      { title: 'Hai (đổi link)', link: '/hai-moi.html', guid: 'news_2' },
      { title: 'Không link' },
      { title: 'Ba', link: '/ba.html' },
    ];
    const out = await normalizeItems(items, ctx);
    expect(out.map((a) => a.title)).toEqual(['Một', 'Hai', 'Ba']);
    expect(new Set(out.map((a) => a.id)).size).toBe(3);
  });
});

describe('a generator that writes the month as minutes', () => {
  it('is recognized from the feed itself, and only the days are kept', async () => {
    const raws = [
      { title: 'Tin một', link: '/news/a-1.html', date: 'Tue, 26 Nov 2019 08:11:00 +0700' },
      { title: 'Tin hai', link: '/news/b-2.html', date: 'Mon, 14 Oct 2019 15:10:00 +0700' },
      { title: 'Tin ba', link: '/news/c-3.html', date: 'Fri, 20 Sep 2019 09:09:00 +0700' },
    ];
    const out = await normalizeItems(raws, { source: { id: 'nv', dateOrder: 'dmy' }, baseUrl: 'https://pacnam.backan.gov.vn/news/rss/', now: new Date('2026-11-27T03:00:00Z') });
    expect(out.map((a) => a.published)).toEqual(['2019-11-25T17:00:00.000Z', '2019-10-13T17:00:00.000Z', '2019-09-19T17:00:00.000Z']);
  });

  it('leaves ordinary times alone', async () => {
    const raws = [
      { title: 'Tin một', link: '/news/a-1.html', date: 'Tue, 26 Nov 2019 08:30:00 +0700' },
      { title: 'Tin hai', link: '/news/b-2.html', date: 'Mon, 14 Oct 2019 15:10:00 +0700' },
      { title: 'Tin ba', link: '/news/c-3.html', date: 'Fri, 20 Sep 2019 09:45:00 +0700' },
    ];
    const out = await normalizeItems(raws, { source: { id: 'nv', dateOrder: 'dmy' }, baseUrl: 'https://pacnam.backan.gov.vn/news/rss/', now: new Date('2026-11-27T03:00:00Z') });
    expect(out[0].published).toBe('2019-11-26T01:30:00.000Z');
  });
});

describe('feed footers', () => {
  it('drops the WordPress "appeared first on" line from summaries, in English and Vietnamese', async () => {
    const ctx = { source: { id: 'kn', dateOrder: 'dmy' as const }, baseUrl: 'https://khuyennong.backan.gov.vn/feed/', now: new Date('2026-11-27T03:00:00Z') };
    const en = await normalizeItem({ title: 'Tập huấn nuôi ong', link: '/a/', summary: '<p>Ngày 23/6, 40 hội viên được tập huấn.</p><p>The post <a href="/a/">Tập huấn nuôi ong</a> appeared first on <a href="/">Trung tâm Khuyến nông</a>.</p>' }, ctx);
    expect(en!.summary).toBe('Ngày 23/6, 40 hội viên được tập huấn.');
    const vi = await normalizeItem({ title: 'Tập huấn nuôi ong', link: '/b/', summary: 'Ngày 23/6, 40 hội viên được tập huấn. Bài viết Tập huấn nuôi ong xuất hiện đầu tiên tại Trung tâm Khuyến nông.' }, ctx);
    expect(vi!.summary).toBe('Ngày 23/6, 40 hội viên được tập huấn.');
  });
});
