import { describe, expect, it } from 'vitest';
import { parseJsonFeed } from '../../../src/ingest/feed-json';
import { IngestError } from '../../../src/ingest/types';
import v11 from '../../fixtures/feeds/jsonfeed-1.1.json?raw';
import v10 from '../../fixtures/feeds/jsonfeed-1.0.json?raw';
import invalid from '../../fixtures/broken/invalid.json?raw';

function ingestError(fn: () => unknown): IngestError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(IngestError);
    return e as IngestError;
  }
  throw new Error('expected an IngestError');
}

describe('parseJsonFeed', () => {
  it('JSON Feed 1.1: fields, authors, tags, image before banner_image', () => {
    const page = parseJsonFeed(v11);
    expect(page.format).toBe('jsonfeed');
    expect(page.title).toBe('Sở Khoa học và Công nghệ tỉnh Thái Nguyên');
    expect(page.items).toHaveLength(3);
    const url = 'https://ict.thainguyen.gov.vn/tin-tuc/chuyen-doi-so-cap-xa-sau-sap-nhap-2031.html';
    expect(page.items[0]).toEqual({
      title: 'Chuyển đổi số cấp xã sau sắp xếp đơn vị hành chính',
      link: url,
      guid: url,
      date: '2025-07-03T08:30:00+07:00',
      summary: '92 xã, phường vận hành hệ thống quản lý văn bản thống nhất từ ngày 1/7/2025.',
      contentHtml:
        '<p>Từ ngày 1/7/2025, 92 xã, phường của tỉnh Thái Nguyên (mới) vận hành hệ thống quản lý văn bản thống nhất.</p><p><img src="/uploads/2025/07/chuyen-doi-so-cap-xa.jpg" alt=""></p>',
      image: 'https://ict.thainguyen.gov.vn/uploads/2025/07/chuyen-doi-so-cap-xa.jpg',
      author: 'Trung tâm Thông tin và Truyền thông',
      categories: ['Chuyển đổi số', 'Cải cách hành chính'],
    });
  });

  it('JSON Feed 1.1: content_text becomes escaped paragraphs; the feed authors stand in for the item', () => {
    const [, second, third] = parseJsonFeed(v11).items;
    expect(second.summary).toMatch(/^Hơn 400 cán bộ/);
    expect(second.contentHtml).toBe(
      '<p>Hơn 400 cán bộ, công chức các xã thuộc khu vực Bắc Kạn cũ được hướng dẫn ký số văn bản trên điện thoại.</p><p>Lớp tập huấn tổ chức theo hình thức trực tuyến.</p>',
    );
    expect(second.author).toBe('Ban biên tập Cổng thông tin');
    expect(third.date).toBe('2025-06-25T09:15:00+07:00'); // date_modified when unpublished
    expect(third.image).toBe('https://ict.thainguyen.gov.vn/uploads/2025/06/wifi-ba-be.jpg'); // banner_image
  });

  it('JSON Feed 1.0: author object, numeric id, external_url as the link when url is missing', () => {
    const page = parseJsonFeed(v10);
    expect(page.title).toBe('Tin tức - Huyện Chợ Đồn');
    expect(page.items).toHaveLength(3);
    const [first, second, third] = page.items;
    expect(first.title).toBe('Lễ ra quân huấn luyện năm 2021');
    expect(first.link).toBe('https://chodon.backan.gov.vn/-/view_content/2905518-le-ra-quan-huan-luyen-nam-2021.html');
    expect(first.guid).toBe(first.link);
    expect(first.date).toBe('2021-02-22T08:00:00+07:00');
    expect(first.image).toBe('https://chodon.backan.gov.vn/documents/20182/2905518/ra-quan-huan-luyen.jpg');
    expect(first.contentHtml).toBe('<p>Ban Chỉ huy Quân sự huyện tổ chức lễ ra quân huấn luyện, sẵn sàng chiến đấu năm 2021.</p>');
    expect(first.author).toBe('Ban Chỉ huy Quân sự huyện');
    expect(second.guid).toBe('2904471');
    expect(second.author).toBe('UBND huyện Chợ Đồn');
    expect(third.link).toBe('https://backan.gov.vn/Pages/huong-dan-phong-chong-dich-covid-19-dip-tet-tan-suu-2021-8c2a.aspx');
  });

  it('junk items are skipped and wrong-typed fields dropped, the rest of the feed kept', () => {
    const body = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: { vi: 'Tin tức' },
      items: [
        null,
        'news_70',
        [1, 2],
        {},
        { id: { nested: true }, title: ['mảng'], tags: 'Thông báo' },
        { id: 'a1', url: 'https://babe.backan.gov.vn/a1.html', title: 'Tin A', date_published: 20191126, tags: ['Tin', 7, ''] },
      ],
    });
    const page = parseJsonFeed(body);
    expect(page.title).toBeUndefined();
    expect(page.items).toEqual([
      { guid: 'a1', link: 'https://babe.backan.gov.vn/a1.html', title: 'Tin A', date: '20191126', categories: ['Tin', '7'] },
    ]);
  });

  it('invalid JSON is a parse error that says so', () => {
    const e = ingestError(() => parseJsonFeed(invalid));
    expect(e.code).toBe('parse');
    expect(e.message).toMatch(/^invalid JSON: \S/);
  });

  it('JSON without an items array is a parse error', () => {
    for (const body of ['{"version":"https://jsonfeed.org/version/1.1","title":"T"}', '{"items":{}}', '[]', '"items"', 'null']) {
      const e = ingestError(() => parseJsonFeed(body));
      expect(e.code).toBe('parse');
      expect(e.message).toContain('items');
    }
  });

  it('a byte order mark does not break parsing', () => {
    expect(parseJsonFeed('\uFEFF{"items":[{"id":"1","title":"Tin"}]}').items).toEqual([{ guid: '1', title: 'Tin' }]);
  });

  it('the site icon: favicon before the large icon', () => {
    const feed = (extra: object) => JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Xã', items: [{ id: '1', url: 'https://xa.gov.vn/1', title: 'Tin' }], ...extra });
    expect(parseJsonFeed(feed({ icon: 'https://xa.gov.vn/icon-512.png', favicon: 'https://xa.gov.vn/favicon-64.png' })).icon).toBe('https://xa.gov.vn/favicon-64.png');
    expect(parseJsonFeed(feed({ icon: 'https://xa.gov.vn/icon-512.png' })).icon).toBe('https://xa.gov.vn/icon-512.png');
    expect(parseJsonFeed(feed({ icon: 42 })).icon).toBe('42');
    expect(parseJsonFeed(feed({})).icon).toBeUndefined();
  });
});
