/// <reference types="vite/client" />
import { decodeHTML } from 'entities';
import { describe, expect, it } from 'vitest';
import { extractFeedLinks, extractListing } from '../../../src/ingest/html-listing';
import { IngestError } from '../../../src/ingest/types';
import { PRESETS, resolveSelectors } from '../../../src/sources/presets';
import type { PresetName } from '../../../src/sources/schema';
import broken from '../../fixtures/broken/unclosed.html?raw';
import liferay from '../../fixtures/liferay/listing.html?raw';
import newsitem from '../../fixtures/newsitem/listing.html?raw';
import nukeviet from '../../fixtures/nukeviet/listing.html?raw';
import postdate from '../../fixtures/postdate/listing.html?raw';
import story from '../../fixtures/story/listing.html?raw';
import tandan from '../../fixtures/tandan/listing.html?raw';
import wordpress from '../../fixtures/wordpress/listing.html?raw';

interface Case {
  preset: PresetName;
  html: string;
  base: string;
  count: number;
  first: { title: string; link: string; date: string; image: string };
  /** Links of page chrome (menus, sidebars, pagers) that must not become items. */
  chrome: string[];
}

const cases: Case[] = [
  {
    preset: 'tandan',
    html: tandan,
    base: 'https://chodon.backan.gov.vn/portal/Pages/Tin-tuc-su-kien.aspx',
    count: 10,
    first: {
      title: 'Hội nghị tổng kết công tác dân vận năm 2019',
      link: 'https://chodon.backan.gov.vn/portal/Pages/2019-11-26/Hoi-nghi-tong-ket-cong-tac-dan-van-nam-2019-ab12cd9x.aspx',
      date: '26 - 11 - 2019',
      image: 'https://chodon.backan.gov.vn/portal/PublishingImages/2019-11/hoi-nghi-dan-van.jpg',
    },
    chrome: [
      'https://chodon.backan.gov.vn/portal/Pages/2019-10-02/Le-hoi-Long-tong-xa-Dong-Lac-aa11bb22.aspx',
      'https://chodon.backan.gov.vn/portal/Pages/Tin-tuc-su-kien.aspx?PageIndex=2',
      'https://chodon.backan.gov.vn/portal/Pages/default.aspx',
    ],
  },
  {
    preset: 'newsitem',
    html: newsitem,
    base: 'https://backan.gov.vn/Pages/tin-tuc-su-kien.aspx',
    count: 9,
    first: {
      title: 'Khai mạc Kỳ họp thứ 12, HĐND tỉnh khóa IX',
      // `&amp;` in the href decoded; utm_ parameters are the normalize stage's to drop.
      link: 'https://backan.gov.vn/Pages/tin-tuc-su-kien/ky-hop-thu-12-hdnd-tinh-khoa-ix-7c1e.aspx?utm_source=zalo&utm_medium=share',
      date: '26/11/2019',
      // data-src, not the blank.gif placeholder in src
      image: 'https://backan.gov.vn/PictureLibrary/2019/11/ky-hop-hdnd.jpg',
    },
    chrome: [
      'https://backan.gov.vn/Pages/chi-dao-dieu-hanh/cong-van-so-4512-ubnd-8a9b.aspx',
      'https://backan.gov.vn/Pages/tin-tuc-su-kien.aspx?Page=2',
    ],
  },
  {
    preset: 'liferay',
    html: liferay,
    base: 'https://thainguyen.gov.vn/tin-hoat-dong',
    count: 8,
    first: {
      title: 'Ủy ban nhân dân tỉnh họp phiên thường kỳ tháng 3/2020',
      link: 'https://thainguyen.gov.vn/-/view_content/3150123-uy-ban-nhan-dan-tinh-hop-phien-thuong-ky-thang-3-2020.html',
      date: '03/04/2020 | 10:36 PM',
      // the summary's small image, not the icon inside the title link
      image: 'https://thainguyen.gov.vn/image/journal/article?img_id=3150145&t=1585927012345',
    },
    chrome: [
      'https://thainguyen.gov.vn/-/view_content/3100001-thong-bao-tuyen-dung-cong-chuc.html',
      'https://thainguyen.gov.vn/tin-hoat-dong?p_p_id=101_INSTANCE_Xq7bLr2Wn8Ke&p_p_lifecycle=0&_101_INSTANCE_Xq7bLr2Wn8Ke_cur=2',
    ],
  },
  {
    preset: 'nukeviet',
    html: nukeviet,
    base: 'https://pacnam.backan.gov.vn/news/tin-tuc-su-kien/',
    count: 8,
    first: {
      title: 'Xã Pắc Nặm ra quân làm đường giao thông nông thôn',
      link: 'https://pacnam.backan.gov.vn/news/tin-tuc-su-kien/xa-pac-nam-ra-quan-lam-duong-giao-thong-nong-thon-70.html',
      date: '&nbsp;26/11/2019 08:30:00 AM',
      image: 'https://pacnam.backan.gov.vn/assets/news/2019_11/lam-duong-gtnt.jpg',
    },
    chrome: [
      'https://pacnam.backan.gov.vn/news/thong-bao/thong-bao-lich-tiep-dan-62.html',
      'https://backan.gov.vn/',
      'https://pacnam.backan.gov.vn/news/tin-tuc-su-kien/page-2/',
    ],
  },
  {
    preset: 'wordpress',
    html: wordpress,
    base: 'https://khuyennong.backan.gov.vn/category/tin-tuc/',
    count: 9,
    first: {
      title: 'Hội thảo đánh giá mô hình lúa chất lượng cao',
      link: 'https://khuyennong.backan.gov.vn/2025/06/25/hoi-thao-danh-gia-mo-hinh-lua-chat-luong-cao/',
      // the machine-readable datetime attribute, not "25 Tháng 6, 2025"
      date: '2025-06-25T08:15:30+07:00',
      image: 'https://khuyennong.backan.gov.vn/wp-content/uploads/2025/06/hoi-thao-lua-218x150.jpg',
    },
    chrome: [
      'https://khuyennong.backan.gov.vn/2025/04/10/ky-thuat-trong-na-dai/',
      'https://khuyennong.backan.gov.vn/category/tin-tuc/page/2/',
    ],
  },
  {
    preset: 'story',
    html: story,
    base: 'https://baobackan.com.vn/thoi-su/',
    count: 9,
    first: {
      title: 'Tổng kết công tác năm 2023, triển khai nhiệm vụ năm 2024',
      link: 'https://baobackan.com.vn/thoi-su/tong-ket-cong-tac-nam-2023-trien-khai-nhiem-vu-nam-2024-post62311.html?utm_source=home&utm_medium=featured',
      date: '2024-02-02T08:30:00+0700',
      image: 'https://image.baobackan.com.vn/w660/Uploaded/2024/tong-ket-2023.jpg',
    },
    chrome: [
      'https://baobackan.com.vn/van-hoa-xa-hoi/le-hoi-long-tong-ba-be-post61900.html',
      'https://baobackan.com.vn/thoi-su/trang-2.html',
    ],
  },
  {
    preset: 'postdate',
    html: postdate,
    base: 'https://snnptnt.backan.gov.vn/News.aspx?CategoryID=4',
    count: 8,
    first: {
      title: 'Chủ động phòng, chống đói, rét cho đàn vật nuôi',
      // a path-relative href resolved against the page
      link: 'https://snnptnt.backan.gov.vn/NewsDetail.aspx?ItemID=1523&CategoryID=4',
      date: '26/11/2019',
      image: 'https://snnptnt.backan.gov.vn/Upload/News/2019/11/phong-chong-ret.jpg',
    },
    chrome: [
      'https://snnptnt.backan.gov.vn/NewsDetail.aspx?ItemID=1400&CategoryID=4',
      'https://snnptnt.backan.gov.vn/News.aspx?CategoryID=1',
    ],
  },
];

describe('extractListing through each platform preset', () => {
  for (const c of cases) {
    describe(c.preset, () => {
      it('finds every article of the listing, the first one complete', async () => {
        const page = await extractListing(c.html, PRESETS[c.preset], c.base);
        expect(page.format).toBe('html');
        expect(page.items).toHaveLength(c.count);
        const [first] = page.items;
        expect(first.title).toBe(c.first.title);
        expect(first.link).toBe(c.first.link);
        expect(first.date).toBe(c.first.date);
        expect(first.image).toBe(c.first.image);
      });

      it('takes no menu, sidebar or pager link for an article', async () => {
        const page = await extractListing(c.html, PRESETS[c.preset], c.base);
        const links = page.items.map((i) => i.link);
        for (const url of c.chrome) expect(links).not.toContain(url);
        expect(new Set(links).size).toBe(links.length);
        for (const item of page.items) expect(item.title).toBeTruthy();
      });
    });
  }

  it('keeps text raw for the normalize stage: entities decode to the Vietnamese title', async () => {
    const page = await extractListing(tandan, PRESETS.tandan, cases[0].base);
    const item = page.items[3];
    expect(item.title).toContain('&agrave;');
    expect(decodeHTML(item.title!)).toBe('Kỷ niệm 37 năm Ngày Nhà giáo Việt Nam 20/11');
  });

  it('reads summaries, and leaves date and image out where the item has none', async () => {
    const page = await extractListing(story, PRESETS.story, 'https://baobackan.com.vn/thoi-su/');
    expect(page.items[0].summary).toBe('Sáng 2/2, UBND tỉnh tổ chức hội nghị tổng kết công tác năm 2023, triển khai nhiệm vụ năm 2024.');
    const noDate = page.items[2];
    expect(noDate.title).toBe('Chăm lo Tết cho người nghèo, đối tượng chính sách');
    expect(noDate.date).toBeUndefined();

    const tan = await extractListing(tandan, PRESETS.tandan, cases[0].base);
    const noImage = tan.items[4];
    expect(noImage.title).toBe('Thông báo lịch tiếp công dân tháng 12/2019');
    expect(noImage.image).toBeUndefined();
    expect(noImage.date).toBe('Đăng ngày 20/11/2019');
  });

  it('reads the page title and announced feeds in the same pass', async () => {
    const page = await extractListing(nukeviet, PRESETS.nukeviet, 'https://pacnam.backan.gov.vn/news/tin-tuc-su-kien/');
    expect(page.title).toBe('Tin tức sự kiện - Tin Tức - Cổng thông tin điện tử xã Pắc Nặm');
    expect(page.feedLinks).toEqual([
      'https://pacnam.backan.gov.vn/news/rss/',
      'https://pacnam.backan.gov.vn/news/rss/tin-tuc-su-kien/',
    ]);
  });

  it('accepts a Response as well as a string', async () => {
    const res = new Response(postdate, { headers: { 'content-type': 'text/html; charset=utf-8' } });
    const page = await extractListing(res, PRESETS.postdate, 'https://snnptnt.backan.gov.vn/News.aspx?CategoryID=4');
    expect(page.items).toHaveLength(8);
  });
});

describe('feed autodiscovery', () => {
  it('finds the NukeViet RSS link, absolute, and ignores other <link rel=alternate>', async () => {
    const links = await extractFeedLinks(nukeviet, 'https://pacnam.backan.gov.vn/news/tin-tuc-su-kien/');
    expect(links[0]).toBe('https://pacnam.backan.gov.vn/news/rss/');
    expect(links).not.toContain('https://pacnam.backan.gov.vn/en/');
  });

  it('knows Atom and JSON Feed links, and a page without any', async () => {
    const html = `<html><head>
      <link rel="alternate" type="application/atom+xml" href="/atom.xml">
      <link rel="Alternate" type="application/feed+json; charset=utf-8" href="feed.json">
      <link rel="stylesheet" type="text/css" href="/a.css">
      </head><body></body></html>`;
    expect(await extractFeedLinks(html, 'https://xa.example/tin/')).toEqual(['https://xa.example/atom.xml', 'https://xa.example/tin/feed.json']);
    expect(await extractFeedLinks(postdate, 'https://snnptnt.backan.gov.vn/')).toEqual([]);
  });
});

describe('selectors', () => {
  const base = 'https://xa.example/tin-tuc/';

  it('explicit selectors override the preset field by field', async () => {
    // This portal shows the date in a <span class="ngay">, not in .news-date.
    const html = newsitem.replace('<span class="news-date">26/11/2019</span>', '<span class="ngay">Thứ ba, 26/11/2019 08:00</span>');
    const selectors = resolveSelectors({ preset: 'newsitem', selectors: { date: '.ngay, .news-date' } });
    const page = await extractListing(html, selectors!, 'https://backan.gov.vn/');
    expect(page.items).toHaveLength(9);
    expect(page.items[0].date).toBe('Thứ ba, 26/11/2019 08:00');
    expect(page.items[1].date).toBe('25/11/2019');
    expect(page.items[0].title).toBe('Khai mạc Kỳ họp thứ 12, HĐND tỉnh khóa IX');
  });

  it('refuses an unsupported selector with a clear error naming it', async () => {
    const attempt = extractListing(newsitem, { item: 'div.news-item', title: 'a + a' }, base);
    await expect(attempt).rejects.toBeInstanceOf(IngestError);
    await expect(attempt).rejects.toMatchObject({ code: 'parse' });
    await expect(attempt).rejects.toThrow(/title selector "a \+ a"/);
  });

  it.each([
    ['item', { item: 'div.news-item:has(img)' }, ':has'],
    ['date', { item: 'div.news-item', date: 'a ~ span' }, '~'],
    ['summary', { item: 'div.news-item', summary: 'p:last-child' }, ':last-child'],
    ['image', { item: 'div.news-item', image: 'a:hover img' }, 'a:hover img'],
  ])('names the %s selector it cannot run', async (field, selectors, fragment) => {
    const attempt = extractListing(newsitem, selectors, base);
    await expect(attempt).rejects.toMatchObject({ code: 'parse' });
    await expect(attempt).rejects.toThrow(field);
    await expect(attempt).rejects.toThrow(fragment);
  });

  it('without a title selector takes the first link with text, and its href', async () => {
    const html = `<ul class="tin">
      <li><a href="/tin/1.html"><img data-original="/anh/1.jpg" src="/blank.gif"></a> <a href="/tin/1.html?from=list">Họp báo quý IV</a></li>
      <li><a href="/tin/2.html" title="Chỉ có ảnh"><img srcset="/anh/2-300.jpg 300w, /anh/2-600.jpg 600w"></a></li>
      <li><span>Không có liên kết</span></li>
    </ul>`;
    const page = await extractListing(html, { item: 'ul.tin > li' }, base);
    expect(page.items).toEqual([
      { title: 'Họp báo quý IV', link: 'https://xa.example/tin/1.html?from=list', image: 'https://xa.example/anh/1.jpg' },
      // no text anywhere: the link's title attribute; srcset's first candidate
      { title: 'Chỉ có ảnh', link: 'https://xa.example/tin/2.html', image: 'https://xa.example/anh/2-300.jpg' },
    ]);
  });

  it('a datetime attribute that names only the day keeps the time shown beside it', async () => {
    const html = `<article><h2><a href="/a.html">Một</a></h2><time datetime="2024-12-08">08/12/2024 09:15</time></article>
      <article><h2><a href="/b.html">Hai</a></h2><time datetime="2024-12-07T01:40:00Z">07/12/2024 08:40</time></article>`;
    const page = await extractListing(html, { item: 'article', title: 'h2 a', date: 'time' }, base);
    expect(page.items.map((i) => i.date)).toEqual(['2024-12-08 08/12/2024 09:15', '2024-12-07T01:40:00Z']);
  });

  it('a title cut short with "..." is read whole from the link\'s title attribute', async () => {
    const html = `<div class="it"><h3><a href="/a.html" title="Khởi công đường cao tốc nối với Hà Giang đoạn qua Hàm Yên">Khởi công đường cao tốc nối với Hà...</a></h3></div>
      <div class="it"><h3><a href="/b.html" title="Một bài khác hẳn">Chợ phiên vùng cao đón khách...</a></h3></div>`;
    const page = await extractListing(html, { item: 'div.it', title: 'h3 a' }, base);
    expect(page.items.map((i) => i.title)).toEqual(['Khởi công đường cao tốc nối với Hà Giang đoạn qua Hàm Yên', 'Chợ phiên vùng cao đón khách...']);
  });

  it('a time alone, under no day heading, is read as today\'s', async () => {
    const html = `<div class="it"><a href="/a.html">Một</a><span class="t">09:15</span></div><div class="it"><a href="/b.html">Hai</a><span class="t">08/12/2024 21:30</span></div>`;
    const page = await extractListing(html, { item: 'div.it', date: '.t' }, base);
    expect(page.items.map((i) => i.date)).toEqual(['hôm nay 09:15', '08/12/2024 21:30']);
  });

  it('an explicit link selector is used instead of the title element', async () => {
    const html = `<div class="bai"><h4>Lịch tiếp công dân</h4><a class="xem" href="/lich.html">Xem</a><a href="/khac.html">Khác</a></div>`;
    const page = await extractListing(html, { item: 'div.bai', title: 'h4', link: 'a.xem' }, base);
    expect(page.items).toEqual([{ title: 'Lịch tiếp công dân', link: 'https://xa.example/lich.html' }]);
  });

  it('a title element without href lends the link inside it; fields may be direct children (>)', async () => {
    const html = `<div class="bai"><h4><span>Mới</span> <a href="tin-3.html">Thông báo tuyển dụng</a></h4><p>Tóm tắt</p><div><p>Không phải tóm tắt</p></div></div>`;
    const page = await extractListing(html, { item: 'div.bai', title: 'h4', summary: '> p' }, base);
    expect(page.items).toEqual([{ title: 'Mới Thông báo tuyển dụng', link: 'https://xa.example/tin-tuc/tin-3.html', summary: 'Tóm tắt' }]);
  });

  it('a match nested inside an item does not start another item', async () => {
    const html = `<div class="item"><div class="item"><h3><a href="/1.html">Một</a></h3></div><span class="ngay">01/02/2024</span></div>
      <div class="item"><h3><a href="/2.html">Hai</a></h3><span class="ngay">02/02/2024</span></div>`;
    const page = await extractListing(html, { item: 'div.item', title: 'h3 a', date: '.ngay' }, base);
    expect(page.items).toEqual([
      { title: 'Một', link: 'https://xa.example/1.html', date: '01/02/2024' },
      { title: 'Hai', link: 'https://xa.example/2.html', date: '02/02/2024' },
    ]);
  });

  it('resolves links against <base href> and skips javascript:/# links', async () => {
    const html = `<html><head><base href="https://cdn.xa.example/portal/"></head><body>
      <div class="it"><a href="javascript:void(0)">Mở</a><a href="#top">Lên đầu</a></div>
      <div class="it"><a href="tin/5.aspx">Tin năm</a></div></body></html>`;
    const page = await extractListing(html, { item: 'div.it' }, base);
    expect(page.items).toEqual([{ title: 'Tin năm', link: 'https://cdn.xa.example/portal/tin/5.aspx' }]);
  });
});

describe('damaged HTML', () => {
  it('still yields the items before and after unclosed tags', async () => {
    const page = await extractListing(broken, { item: 'div.item', title: 'h3 a', date: '.date', summary: '.sapo' }, 'https://banglang.example/tin-tuc/');
    expect(page.items.map((i) => i.link)).toEqual([101, 102, 103, 104, 105, 106, 107, 108].map((n) => expect.stringMatching(new RegExp(`-${n}\\.html$`))));
    expect(page.items.map((i) => i.title)).toEqual([
      'Họp dân thôn Nà Vàng bàn kế hoạch làm đường',
      'Tiêm phòng dại cho chó, mèo',
      'Tập huấn phòng cháy rừng',
      'Ra quân vệ sinh môi trường',
      'Trao quà cho hộ nghèo',
      'Kỷ niệm Ngày Nhà giáo Việt Nam',
      'Hội nghị dân vận xã năm 2019',
      'Giải ngân vốn hỗ trợ sản xuất',
    ]);
    // an unclosed <p> ends with its item; the next item's text is not pulled in
    expect(page.items[1].summary).toBe('Đợt tiêm phòng kéo dài đến hết tháng 11.');
    // an unclosed <span> holds what follows it up to the item's end, date first
    expect(page.items[2].date).toMatch(/^22\/11\/2019/);
    // an item whose </div> is missing does not swallow the next one
    expect(page.items[3].date).toBe('20/11/2019');
    expect(page.items[4].date).toBe('18/11/2019');
    // the body ends inside the last item
    expect(page.items[7].summary).toBe('Nguồn vốn được cấp cho 40 hộ');
  });
});
