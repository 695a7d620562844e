import { describe, expect, it } from 'vitest';
import { ingestSource, type IngestDeps } from '../../../src/ingest/ingest-source';
import type { Article } from '../../../src/model';
import { sourceSchema } from '../../../src/sources/schema';
import rss091 from '../../fixtures/feeds/odd/rss091-ngay.xml?raw';
import ngayViet from '../../fixtures/feeds/odd/rss-ngay-viet.xml?raw';
import gmtLocal from '../../fixtures/feeds/odd/rss-gmt-local.xml?raw';
import atomXhtml from '../../fixtures/feeds/odd/atom-xhtml-base.xml?raw';
import bomAsHtml from '../../fixtures/feeds/odd/rss-bom-as-html.xml?raw';
import cp1258B64 from '../../fixtures/feeds/odd/rss-windows-1258.xml.b64?raw';
import guidImages from '../../fixtures/feeds/odd/rss-guid-images.xml?raw';
import duplicates from '../../fixtures/feeds/odd/rss-duplicates.xml?raw';
import jsonLocal from '../../fixtures/feeds/odd/jsonfeed-1.0-local.json?raw';
import homeAlternates from '../../fixtures/feeds/odd/home-alternates.html?raw';
import homeRssLink from '../../fixtures/feeds/odd/home-rss-link.html?raw';
import rssListPage from '../../fixtures/feeds/odd/rss-list-page.html?raw';
import relativeFeed from '../../fixtures/feeds/odd/page-relative-feed.html?raw';
import privateFeed from '../../fixtures/feeds/odd/page-private-feed.html?raw';
import dotnetUs from '../../fixtures/feeds/odd/rss-dotnet-us.xml?raw';
import jsDates from '../../fixtures/feeds/odd/rss-js-dates.xml?raw';

/**
 * Odd feeds and feed discovery, end to end (fetch → detect → parse → normalize): each fixture with
 * what a reader should get. `check` lists every field that differs, so a failure says all of them.
 */
const now = new Date('2026-12-07T06:00:00Z'); // 13:00 in Vietnam
const bytes = (b64: string) => Uint8Array.from(atob(b64.replace(/\s+/g, '')), (c) => c.charCodeAt(0));

type Page = { body: string | Uint8Array; type: string };
function web(pages: Record<string, Page>) {
  const asked: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    const url = String(input instanceof Request ? input.url : input);
    asked.push(url);
    const page = pages[url];
    if (!page) return new Response('not found', { status: 404 });
    return new Response(page.body, { headers: { 'content-type': page.type } });
  }) as typeof globalThis.fetch;
  return { fetch, asked };
}
const deps = (fetch: typeof globalThis.fetch): IngestDeps => ({ fetch, allowPrivate: false, now });
const source = (url: string) => sourceSchema.parse({ id: 'src', name: 'Nguồn', url, region: { province: 'thai-nguyen' } });

/** A small feed whose titles name it, to tell which of a site's feeds was followed. */
const miniFeed = (site: string, name: string): Page => ({
  type: 'application/rss+xml',
  body: `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${name}</title><link>${site}</link>
<item><title>${name}: tin thứ nhất</title><link>${site}tin/${encodeURIComponent(name)}-1.html</link><pubDate>Mon, 07 Dec 2026 08:00:00 +0700</pubDate></item>
<item><title>${name}: tin thứ hai</title><link>${site}tin/${encodeURIComponent(name)}-2.html</link><pubDate>Sun, 06 Dec 2026 08:00:00 +0700</pubDate></item>
</channel></rss>`,
});

type Want = Partial<Pick<Article, 'title' | 'url' | 'published' | 'image' | 'dateOnly' | 'dateEstimated'>> & { summary?: string | RegExp; content?: string };
interface Case {
  name: string;
  url: string;
  pages: Record<string, Page>;
  feedUrl?: string;
  format?: string;
  count?: number;
  items?: Want[];
  never?: string[];
}

function check(c: Case, r: { articles: Article[]; feedUrl?: string; format: string }, asked: string[]): string[] {
  const bad: string[] = [];
  if (c.feedUrl !== undefined && r.feedUrl !== c.feedUrl) bad.push(`feedUrl ${r.feedUrl} ≠ ${c.feedUrl}`);
  if (c.format !== undefined && r.format !== c.format) bad.push(`format ${r.format} ≠ ${c.format}`);
  if (c.count !== undefined && r.articles.length !== c.count) bad.push(`count ${r.articles.length} ≠ ${c.count}`);
  for (const u of c.never ?? []) if (asked.some((a) => a.startsWith(u))) bad.push(`asked ${u}`);
  (c.items ?? []).forEach((want, i) => {
    const a = r.articles[i];
    if (!a) return void bad.push(`item ${i} missing`);
    for (const [k, v] of Object.entries(want)) {
      if (k === 'summary') {
        const ok = v instanceof RegExp ? v.test(a.summary) : a.summary === v;
        if (!ok) bad.push(`item ${i} summary ${JSON.stringify(a.summary)} ≠ ${v}`);
      } else if (k === 'content') {
        if (!a.contentHtml?.includes(v as string)) bad.push(`item ${i} content lacks ${v}`);
      } else if ((a as unknown as Record<string, unknown>)[k] !== v) {
        bad.push(`item ${i} ${k} ${JSON.stringify((a as unknown as Record<string, unknown>)[k])} ≠ ${JSON.stringify(v)}`);
      }
    }
  });
  return bad;
}

const PT = 'https://phuthinh.thainguyen.gov.vn/tin-tuc/';
const DT = 'https://daitu.thainguyen.gov.vn/tin-tuc/';
const SN = 'https://snnmt.thainguyen.gov.vn/tin-hoat-dong/';
const TP = 'https://sotuphap.thainguyen.gov.vn/';
const DH = 'https://donghy.thainguyen.gov.vn/';
const PY = 'https://phoyen.thainguyen.gov.vn/tin-tuc/';
const PL = 'https://phuluong.thainguyen.gov.vn/';
const BTN = 'https://baothainguyen.vn/';
/** The four feeds the portal's /rss.html lists. */
const listedFeeds = Object.fromEntries(
  [['thoi-su', 'Thời sự'], ['kinh-te', 'Kinh tế'], ['trang-chu', 'Trang chủ'], ['xa-hoi', 'Xã hội']].map(([slug, name]) => [`${BTN}rss/${slug}.rss`, miniFeed(BTN, name)]),
);

const cases: Case[] = [
  {
    name: 'RSS 0.91 without dates: the day the description opens with, not a day it mentions later',
    url: 'https://phuthinh.thainguyen.gov.vn/rss.xml',
    pages: { 'https://phuthinh.thainguyen.gov.vn/rss.xml': { body: rss091, type: 'application/xml' } },
    count: 3,
    items: [
      { url: `${PT}ra-quan-lam-duong-giao-thong-nong-thon-215.html`, published: '2026-12-06T17:00:00.000Z', dateOnly: true },
      { published: '2026-12-05T08:30:00.000Z', dateOnly: undefined, dateEstimated: undefined },
      { title: 'Thông báo lịch tiếp công dân tháng 12', dateEstimated: true },
    ],
  },
  {
    name: 'RSS whose pubDate is written the Vietnamese way, or with no zone (Vietnam time)',
    url: 'https://daitu.thainguyen.gov.vn/rss',
    pages: { 'https://daitu.thainguyen.gov.vn/rss': { body: ngayViet, type: 'application/rss+xml' } },
    count: 8,
    items: [
      { url: `${DT}doan-cong-tac-kiem-tra-nong-thon-moi-5101.html`, published: '2026-12-07T01:15:00.000Z' },
      { published: '2026-12-07T03:05:00.000Z' },
      { published: '2026-12-06T07:30:00.000Z' },
      { published: '2026-12-05T09:20:00.000Z' },
      { published: '2026-12-04T02:00:00.000Z' },
      { published: '2026-12-03T01:45:00.000Z' },
      { published: '2026-12-02T09:10:00.000Z' },
      { published: '2026-12-01T00:30:00.000Z' },
    ].map((w) => ({ ...w, dateEstimated: undefined, dateOnly: undefined })),
  },
  {
    name: 'RSS whose +0000 is Vietnam time written as GMT (its newest item would be hours ahead)',
    url: 'https://snnmt.thainguyen.gov.vn/rss',
    pages: { 'https://snnmt.thainguyen.gov.vn/rss': { body: gmtLocal, type: 'application/rss+xml' } },
    count: 3,
    items: [
      { url: `${SN}huong-dan-phong-chong-ret-cho-gia-suc-880.html`, published: '2026-12-07T04:40:00.000Z' },
      { published: '2026-12-07T01:00:00.000Z' },
      { published: '2026-12-06T09:30:00.000Z' },
    ],
  },
  {
    name: 'Atom with xml:base, xhtml content and summary, an html title, an image enclosure link',
    url: `${TP}feeds/atom.xml`,
    pages: { [`${TP}feeds/atom.xml`]: { body: atomXhtml, type: 'application/atom+xml' } },
    count: 2,
    items: [
      {
        title: 'Phổ biến pháp luật cho đồng bào dân tộc thiểu số',
        url: `${TP}tin-tuc/pho-bien-phap-luat-dong-bao-dan-toc-102.html`,
        published: '2026-12-07T02:00:00.000Z',
        image: `${TP}anh/2026/12/pbpl-dan-toc.jpg`,
        summary: /^Sở Tư pháp phối hợp với UBND huyện Võ Nhai tổ chức hội nghị phổ biến pháp luật cho hơn 150 người dân\./,
        content: `href="${TP}tin-tuc/van-ban/luat-dat-dai-2024.html"`,
      },
      {
        title: 'Tuyên truyền Luật Đất đai năm 2024',
        url: `${TP}tin-tuc/tuyen-truyen-luat-dat-dai-2024-101.html`,
        published: '2026-12-05T07:00:00.000Z',
        image: `${TP}anh/2026/12/luat-dat-dai.png`,
        summary: 'Cán bộ tư pháp các xã được bồi dưỡng kiến thức về Luật Đất đai năm 2024.',
      },
    ],
  },
  {
    name: 'RSS served as text/html, with a byte order mark and blank lines before the declaration',
    url: 'https://phandinhphung.thainguyen.gov.vn/rss.aspx',
    pages: { 'https://phandinhphung.thainguyen.gov.vn/rss.aspx': { body: bomAsHtml, type: 'text/html; charset=utf-8' } },
    format: 'rss',
    count: 2,
    items: [
      { title: 'Phường Phan Đình Phùng tổ chức ngày hội đại đoàn kết', published: '2026-12-05T02:30:00.000Z' },
      { published: '2026-12-04T00:00:00.000Z' },
    ],
  },
  {
    name: 'RSS in windows-1258 (tone marks combining), declared only in the XML declaration, served as text/xml',
    url: 'https://dinhhoa.thainguyen.gov.vn/rss.aspx',
    pages: { 'https://dinhhoa.thainguyen.gov.vn/rss.aspx': { body: bytes(cp1258B64), type: 'text/xml' } },
    count: 2,
    items: [
      { title: 'Định Hóa kỷ niệm ngày thành lập Quân đội nhân dân Việt Nam', summary: 'Lễ kỷ niệm diễn ra trang trọng tại Khu di tích lịch sử ATK Định Hóa.', published: '2026-12-06T03:00:00.000Z' },
      { title: 'Hợp tác xã chè Phượng Hoàng đạt chuẩn sản phẩm OCOP 4 sao', published: '2026-12-05T08:20:00.000Z' },
    ],
  },
  {
    name: 'RSS items whose link is empty (the guid is the address) and whose only image is an enclosure, a thumbnail or an <img> in the description',
    url: `${DH}rss/tin-moi.rss`,
    pages: { [`${DH}rss/tin-moi.rss`]: { body: guidImages, type: 'application/rss+xml' } },
    count: 5,
    items: [
      { url: `${DH}tin-tuc/khanh-thanh-cau-treo-ban-khe-mo-601.html`, image: `${DH}uploads/2026/12/cau-treo-khe-mo.jpg`, published: '2026-12-07T02:10:00.000Z' },
      { url: `${DH}tin-tuc/nghiem-thu-mo-hinh-nuoi-ong-lay-mat-600.html`, image: `${DH}uploads/2026/12/nuoi-ong-thumb.jpg` },
      { url: `${DH}tin-tuc/toa-dam-chuyen-doi-so-truong-hoc-599.html`, image: `${DH}uploads/2026/12/chuyen-doi-so.jpg`, summary: 'Giáo viên các trường trao đổi kinh nghiệm dạy học số.' },
      { url: `${DH}tin-tuc/hoa-trung-dat-chuan-nong-thon-moi-nang-cao-598.html`, image: `${DH}uploads/2026/12/hoa-trung-ntm.jpg`, summary: 'Xã hoàn thành 19/19 tiêu chí nông thôn mới nâng cao.' },
      { url: `${DH}tin-tuc/cong-bo-quy-hoach-chung-xa-van-han-597.html`, image: `${DH}uploads/2026/12/quy-hoach-van-han.jpg` },
    ],
  },
  {
    name: 'RSS with items repeated, their links differing only by tracking parameters',
    url: 'https://phoyen.thainguyen.gov.vn/rss',
    pages: { 'https://phoyen.thainguyen.gov.vn/rss': { body: duplicates, type: 'application/rss+xml' } },
    count: 3,
    items: [
      { url: `${PY}thu-hut-3-du-an-dau-tu-moi-1201.html`, published: '2026-12-07T03:00:00.000Z' },
      { url: `${PY}khoi-cong-truong-thcs-tan-huong-1200.html` },
      { url: `${PY}doi-thoai-voi-doanh-nghiep-1199.html` },
    ],
  },
  {
    name: 'JSON Feed 1.0: dates without a zone (Vietnam time), relative url and image, date_modified alone',
    url: `${PL}feed.json`,
    pages: { [`${PL}feed.json`]: { body: jsonLocal, type: 'application/json' } },
    count: 3,
    items: [
      { published: '2026-12-07T01:15:00.000Z', image: `${PL}uploads/2026/12/le-hoi-che.jpg`, summary: 'Lễ hội giới thiệu các sản phẩm chè đặc sản của huyện.' },
      { url: `${PL}tin-tuc/tiem-vac-xin-cho-dan-gia-cam-9901.html`, published: '2026-12-06T07:30:00.000Z', image: `${PL}uploads/2026/12/tiem-vac-xin.jpg` },
      { published: '2026-12-05T02:00:00.000Z', summary: 'Nhà văn hóa được xây dựng từ nguồn xã hội hóa.', dateEstimated: undefined },
    ],
  },
  {
    name: 'RSS from .NET in US order (12/7/2026 8:15:00 AM), proven by a day over 12 in the same feed',
    url: 'https://ttytphubinh.thainguyen.gov.vn/rss.aspx',
    pages: { 'https://ttytphubinh.thainguyen.gov.vn/rss.aspx': { body: dotnetUs, type: 'text/xml; charset=utf-8' } },
    count: 3,
    items: [{ published: '2026-12-07T01:15:00.000Z' }, { published: '2026-12-06T07:30:00.000Z' }, { published: '2026-11-28T02:00:00.000Z' }],
  },
  {
    name: 'RSS with JavaScript\'s Date text, GMT+7, an English month first and a short Vietnamese month',
    url: 'https://tinhdoan.thainguyen.gov.vn/rss',
    pages: { 'https://tinhdoan.thainguyen.gov.vn/rss': { body: jsDates, type: 'application/rss+xml' } },
    count: 4,
    items: [
      { published: '2026-12-07T01:15:00.000Z' },
      { published: '2026-12-06T07:30:00.000Z' },
      { published: '2026-12-05T02:00:00.000Z' },
      { published: '2026-12-04T09:00:00.000Z' },
    ].map((w) => ({ ...w, dateEstimated: undefined })),
  },
  {
    name: 'a home page announcing comments, category feeds and the main feed: the main one',
    url: 'https://thainguyen.gov.vn/',
    pages: {
      'https://thainguyen.gov.vn/': { body: homeAlternates, type: 'text/html; charset=utf-8' },
      'https://thainguyen.gov.vn/comments/feed/': miniFeed('https://thainguyen.gov.vn/', 'Bình luận'),
      'https://thainguyen.gov.vn/chuyen-muc/van-ban-chi-dao/feed/': miniFeed('https://thainguyen.gov.vn/', 'Văn bản'),
      'https://thainguyen.gov.vn/chuyen-muc/tin-tuc-su-kien/feed/': miniFeed('https://thainguyen.gov.vn/', 'Tin tức'),
      'https://thainguyen.gov.vn/feed/': miniFeed('https://thainguyen.gov.vn/', 'Dòng chính'),
    },
    feedUrl: 'https://thainguyen.gov.vn/feed/',
    format: 'rss',
    items: [{ title: 'Dòng chính: tin thứ nhất' }],
  },
  {
    name: 'a home page with no feed link but an "RSS" link to a page listing the feeds: the home feed',
    url: BTN,
    pages: {
      [BTN]: { body: homeRssLink, type: 'text/html; charset=utf-8' },
      [`${BTN}rss.html`]: { body: rssListPage, type: 'text/html; charset=utf-8' },
      ...listedFeeds,
    },
    feedUrl: `${BTN}rss/trang-chu.rss`,
    format: 'rss',
    items: [{ title: 'Trang chủ: tin thứ nhất' }],
  },
  {
    name: 'the operator gives the portal\'s RSS page (/rss.html): its home feed, written protocol-relative',
    url: `${BTN}rss.html`,
    pages: {
      [`${BTN}rss.html`]: { body: rssListPage, type: 'text/html; charset=utf-8' },
      ...listedFeeds,
    },
    feedUrl: `${BTN}rss/trang-chu.rss`,
    format: 'rss',
    items: [{ title: 'Trang chủ: tin thứ nhất' }],
  },
  {
    name: 'a feed link relative to the page\'s <base>, rel and type written loosely',
    url: 'https://vonhai.thainguyen.gov.vn/vi/trang-chu.html',
    pages: {
      'https://vonhai.thainguyen.gov.vn/vi/trang-chu.html': { body: relativeFeed, type: 'text/html' },
      'https://vonhai.thainguyen.gov.vn/vi/rss/tin-moi.xml': miniFeed('https://vonhai.thainguyen.gov.vn/', 'Tin mới'),
    },
    feedUrl: 'https://vonhai.thainguyen.gov.vn/vi/rss/tin-moi.xml',
    format: 'rss',
    items: [{ title: 'Tin mới: tin thứ nhất' }],
  },
  {
    name: 'a feed link to a private address is never fetched; the page is read instead',
    url: 'https://sangmoc.thainguyen.gov.vn/',
    pages: { 'https://sangmoc.thainguyen.gov.vn/': { body: privateFeed, type: 'text/html; charset=utf-8' } },
    never: ['http://192.168.10.5'],
    format: 'html',
    count: 3,
    items: [{ title: 'Họp dân xóm Bản Chu bàn kế hoạch làm đường', published: '2026-12-06T17:00:00.000Z' }],
  },
];

describe('odd feeds and feed discovery, end to end', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const w = web(c.pages);
      let bad: string[];
      try {
        const r = await ingestSource({ source: source(c.url), validators: {} }, deps(w.fetch));
        if (r.status !== 'parsed') throw new Error(r.status);
        bad = check(c, r, w.asked);
      } catch (e) {
        bad = [`threw ${String(e)}`];
      }
      expect(bad).toEqual([]);
    });
  }
});
