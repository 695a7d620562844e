import type { RawItem } from '../model';
import { normalizeItems } from '../normalize/article';
import { detectFormat } from './detect';
import { feedItems } from './feed-items';
import { parseJsonFeed } from './feed-json';
import { parseXmlFeed } from './feed-xml';
import { itemsText } from './items-hash';
import { readListingPage } from './listing-read';

/**
 * A cold isolate's first feed or listing with news compiles the parsers, the listing reader and
 * normalize (V8 compiles a function and a regular expression when first run, and a regular
 * expression again to machine code when run again): some 40 ms measured, which its refresh would
 * pay inside the invocation's CPU limit. Done here instead, when the script starts (limited on
 * its own, at a second), twice over, on small bodies of each kind a refresh reads: RSS 2.0 (and
 * cut at a known item), Atom, RDF, JSON Feed, a listing of a known platform and one of none.
 * Nothing is kept: every result is dropped, and no cache of the refresh is touched.
 */

const BASE = 'https://xa-mau.example.vn/';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Tin tức - UBND xã Mẫu</title><link>${BASE}</link><lastBuildDate>Fri, 27 Nov 2026 08:00:00 +0700</lastBuildDate>
<item><title><![CDATA[Xã Mẫu ra quân làm đường giao thông nông thôn &amp; kênh mương]]></title><link>${BASE}tin-tuc/ra-quan-lam-duong-101.html</link><guid isPermaLink="false">news_101</guid>
<pubDate>Fri, 27 Nov 2026 07:30:00 +0700</pubDate><dc:creator>Ban biên tập</dc:creator><category>Tin địa phương</category>
<description><![CDATA[<p><img src="/uploads/ra-quan.jpg" alt="" />Sáng 27/11, nhân dân các thôn cùng ra quân&nbsp;sửa 2,5 km đường bê tông.</p>]]></description>
<content:encoded><![CDATA[<p>Sáng 27/11, <strong>nhân dân</strong> các thôn ra quân.</p><script>x()</script><a href="/tin-khac.html">Tin khác</a>]]></content:encoded></item>
<item><title>Họp mặt kỷ niệm Ngày Nhà giáo Việt Nam 20/11</title><link>${BASE}tin-tuc/hop-mat-20-11-100.html</link><guid>${BASE}tin-tuc/hop-mat-20-11-100.html</guid>
<pubDate>Thu, 26 Nov 2026 15:05:00 +0700</pubDate><description>Trường Tiểu học xã Mẫu tổ chức họp mặt các thầy cô giáo nghỉ hưu.</description><enclosure url="${BASE}uploads/hop-mat.jpg" type="image/jpeg" length="1200" /></item>
<item><title>Thông báo lịch tiếp công dân tháng 12</title><link>${BASE}tin-tuc/lich-tiep-cong-dan-99.html</link><dc:date>2026-11-25T09:00:00+07:00</dc:date><description>Chủ tịch UBND xã tiếp công dân vào thứ Năm hằng tuần.</description></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/"><title>Tin tức - Sự kiện</title><link rel="alternate" href="${BASE}tin-tuc" /><updated>2026-11-27T08:00:00Z</updated><id>${BASE}tin-tuc</id>
<entry><title>Hội nghị sơ kết công tác 6 tháng cuối năm</title><link rel="alternate" href="${BASE}-/view_content/201-so-ket.html" /><id>${BASE}-/view_content/201</id><published>2026-11-27T01:30:00Z</published><updated>2026-11-27T02:00:00Z</updated><author><name>Văn phòng</name></author>
<summary type="html">&lt;p&gt;Đồng chí Phó Chủ tịch chủ trì hội nghị.&lt;/p&gt;</summary></entry>
<entry><title type="html">Tập huấn chuyển đổi số cho cán bộ thôn</title><link href="${BASE}-/view_content/200-tap-huan.html" /><id>${BASE}-/view_content/200</id><updated>2026-11-26T03:00:00Z</updated><content type="html">&lt;p&gt;Hơn 40 học viên tham dự.&lt;/p&gt;</content></entry>
</feed>`;

const RDF = `<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="${BASE}rss"><title>Tin mới</title><link>${BASE}</link><items><rdf:Seq><rdf:li rdf:resource="${BASE}tin/1" /></rdf:Seq></items></channel>
<item rdf:about="${BASE}tin/1"><title>Tiêm phòng cho đàn gia súc vụ đông</title><link>${BASE}tin/1</link><dc:date>2026-11-27T07:00:00+07:00</dc:date><description>Đợt tiêm phòng kéo dài đến hết tháng 12.</description></item>
</rdf:RDF>`;

const JSON_FEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Tin xã Mẫu',
  items: [
    { id: '301', url: `${BASE}tin/301`, title: 'Khánh thành nhà văn hóa thôn Nà Pàn', summary: 'Công trình có tổng vốn 1,2 tỷ đồng.', date_published: '2026-11-27T08:00:00+07:00', authors: [{ name: 'Thu Hà' }], tags: ['Văn hóa'] },
    { id: 302, url: `${BASE}tin/302`, content_html: '<p>Phát động phong trào <b>trồng cây</b>.</p>', date_published: '2026-11-26' },
  ],
});

const listingPage = (items: string, head = '') =>
  `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Tin tức - Sự kiện</title><link rel="icon" href="/favicon.ico">${head}<script>var a = 1;</script></head><body><ul class="menu"><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu">Giới thiệu</a></li><li><a href="/lien-he">Liên hệ</a></li></ul><div class="main">${items}</div><div class="footer">Cổng thông tin điện tử xã Mẫu</div></body></html>`;

/** A portal of a known platform (Tân Dân's SharePoint), read by its preset. */
const PLATFORM_PAGE = listingPage(
  [1, 2, 3]
    .map(
      (i) =>
        `<div class="channel-news-item"><div class="channel-news-img"><a href="/portal/Pages/2026-11-2${i}/tin-so-${i}.aspx"><img src="/portal/PublishingImages/anh-${i}.jpg" alt=""></a></div><div class="channel-news-content"><label class="channel-news-title"><a href="/portal/Pages/2026-11-2${i}/tin-so-${i}.aspx">Hội nghị triển khai nhiệm vụ số ${i} năm 2027</a></label><span class="channel-news-date">2${i} - 11 - 2026</span><div class="channel-news-summary">Chiều 2${i}/11, UBND xã tổ chức hội nghị.</div></div></div>`,
    )
    .join(''),
);

/** A portal of no known platform: its list of articles is inferred from the page's structure. */
const OTHER_PAGE = listingPage(
  `<div class="list-news">${[1, 2, 3, 4]
    .map((i) => `<div class="row-news"><a class="thumb" href="/tin-tuc/bai-viet-so-${i}.html"><img src="/anh/bai-${i}.jpg"></a><h4><a href="/tin-tuc/bai-viet-so-${i}.html">Kết quả thực hiện chương trình mục tiêu số ${i}</a></h4><span class="date">0${i}/11/2026 08:1${i}</span><p>Tóm tắt bài viết số ${i} về chương trình.</p></div>`)
    .join('')}</div>`,
);

const now = new Date('2026-11-27T02:00:00Z');
const source = { id: 'warm', dateOrder: 'dmy' as const };

/** Each sample read through to articles: how many it gave (none when a step failed). */
export type Warmed = Record<'rss' | 'rss-cut' | 'atom' | 'rdf' | 'jsonfeed' | 'platform' | 'inferred', number>;

/** One sample, parse to articles; a failure gives 0 (a warm-up only: the first refresh does what it could not). */
async function readSample(parse: () => Promise<{ items: RawItem[] }> | { items: RawItem[] }, body: string, contentType: string): Promise<number> {
  try {
    itemsText(body, detectFormat(body, contentType));
    const page = await parse();
    return (await normalizeItems(page.items, { source, baseUrl: BASE, now })).length;
  } catch {
    return 0;
  }
}

/**
 * Reads every sample once. Each step runs up to its first await at once, so what a pass compiles
 * is compiled while the script starts; the rest (after the id's hash) in the microtasks after it.
 */
export async function warmIngest(): Promise<Warmed> {
  const known = new Set(feedItems(RSS)?.slice(1).map((it) => it.key));
  const [rss, cut, atom, rdf, jsonfeed, platform, inferred] = await Promise.all([
    readSample(() => parseXmlFeed(RSS), RSS, 'application/rss+xml'),
    readSample(() => parseXmlFeed(RSS, known), RSS, 'application/rss+xml'),
    readSample(() => parseXmlFeed(ATOM), ATOM, 'application/atom+xml'),
    readSample(() => parseXmlFeed(RDF), RDF, 'application/rdf+xml'),
    readSample(() => parseJsonFeed(JSON_FEED), JSON_FEED, 'application/feed+json'),
    readSample(() => readListingPage(PLATFORM_PAGE, BASE, null).page, PLATFORM_PAGE, 'text/html'),
    readSample(() => readListingPage(OTHER_PAGE, BASE, null).page, OTHER_PAGE, 'text/html'),
  ]);
  return { rss, 'rss-cut': cut, atom, rdf, jsonfeed, platform, inferred };
}

// Twice over: a first run compiles each expression, a second to machine code. Not awaited (a
// script's top level does no waiting); nothing is kept.
for (let pass = 0; pass < 2; pass++) warmIngest().catch(() => {});
