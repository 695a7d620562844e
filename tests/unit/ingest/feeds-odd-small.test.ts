import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../../src/ingest/charset';
import { ingestSource } from '../../../src/ingest/ingest-source';
import { readPageHead } from '../../../src/ingest/html-listing';
import { datelineOf, gmtMeansVietnam, provenDayOrder, zeroZoneAsVietnam } from '../../../src/normalize/date';
import { sourceSchema } from '../../../src/sources/schema';

/** Smaller odd shapes, each checked on what a reader gets (fetch → detect → parse → normalize). */
const now = new Date('2026-12-07T06:00:00Z'); // 13:00 in Vietnam
type Page = { body: string | Uint8Array; type: string };
const item = (t: string, extra = '') => `<item><title>${t}</title><link>https://a.gov.vn/${t.replace(/\s/g, '-')}.html</link>${extra}</item>`;
const rss = (inner: string) => `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Xã A</title>${inner}</channel></rss>`;

async function read(pages: Record<string, Page>) {
  const url = Object.keys(pages)[0];
  const asked: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    const u = String(input instanceof Request ? input.url : input);
    asked.push(u);
    const p = pages[u];
    return p ? new Response(p.body, { headers: { 'content-type': p.type } }) : new Response('không thấy', { status: 404 });
  }) as typeof globalThis.fetch;
  const r = await ingestSource({ source: sourceSchema.parse({ id: 's', name: 'Xã A', url, region: { province: 'thai-nguyen' } }), validators: {} }, { fetch, allowPrivate: false, now });
  if (r.status !== 'parsed') throw new Error(r.status);
  return { ...r, asked, got: r.articles.map((a) => ({ title: a.title, published: a.published, ...(a.dateEstimated ? { estimated: true } : {}) })) };
}

const page = (head: string) => ({ type: 'text/html', body: `<!DOCTYPE html><html><head>${head}</head><body><p>Trang chủ</p></body></html>` });
const feedAt = (t: string): Page => ({ type: 'text/xml', body: rss(item(t, '<pubDate>Mon, 07 Dec 2026 08:00:00 +0700</pubDate>')) });

describe('feed links a page announces loosely', () => {
  it.each([
    ['type text/xml, the address naming a feed', '<link rel="alternate" type="text/xml" title="RSS" href="/rss.xml">', 'https://a.gov.vn/rss.xml'],
    ['rel="feed" without a type', '<link rel="feed" href="/rss.xml">', 'https://a.gov.vn/rss.xml'],
    ['a feed:// address', '<link rel="alternate" type="application/rss+xml" href="feed://a.gov.vn/rss.xml">', 'http://a.gov.vn/rss.xml'],
  ])('%s', async (_name, link, feedUrl) => {
    const r = await read({ 'https://a.gov.vn/': page(link), [feedUrl]: feedAt('Tin một') });
    expect(r.feedUrl).toBe(feedUrl);
    expect(r.got).toEqual([{ title: 'Tin một', published: '2026-12-07T01:00:00.000Z' }]);
  });

  it('text/xml without a feed-like address is no feed link', () => {
    expect(readPageHead('<link rel="alternate" type="text/xml" href="/sitemap-pages.xml">', 'https://a.gov.vn/').feed).toBeUndefined();
  });

  it('a category page announcing the site feed and its own: its own', () => {
    const head = readPageHead(
      `<link rel="alternate" type="application/rss+xml" href="/feed/"><link rel="alternate" type="application/rss+xml" href="/comments/feed/">
       <link rel="alternate" type="application/rss+xml" href="/chuyen-muc/nong-nghiep/feed/">`,
      'https://a.gov.vn/chuyen-muc/nong-nghiep/',
    );
    expect(head.feed).toBe('https://a.gov.vn/chuyen-muc/nong-nghiep/feed/');
    expect(head.feedLinks).toHaveLength(3); // still as announced, in order
  });

  it('links to feed files of another site are not the page\'s feed', () => {
    const head = readPageHead('<a href="https://baomoi.example/rss/trang-chu.rss">Báo Mới</a><a href="/gioi-thieu.html">Giới thiệu</a>', 'https://a.gov.vn/');
    expect(head.feed).toBeUndefined();
  });

  it('an RSS page naming no feed: the page itself is read, and the RSS page remembered as dead', async () => {
    const listing = `<!DOCTYPE html><html><body><a href="/rss.html">RSS</a><div class="list">${[1, 2, 3]
      .map((n) => `<div class="item"><h3><a href="/tin-tuc/tin-so-${n}.html">Tin tức số ${n} của xã A về nông thôn mới</a></h3><span>0${n}/12/2026</span></div>`)
      .join('')}</div></body></html>`;
    const r = await read({ 'https://a.gov.vn/': { type: 'text/html', body: listing }, 'https://a.gov.vn/rss.html': page('') });
    expect(r.format).toBe('html');
    expect(r.listing?.deadFeed).toBe('https://a.gov.vn/rss.html');
    expect(r.got).toHaveLength(3);
  });
});

describe('odd feed bodies', () => {
  it('Atom 0.3: issued and modified', async () => {
    const body = `<?xml version="1.0"?><feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>X</title><entry><title>Tin A</title><link rel="alternate" type="text/html" href="https://a.gov.vn/a.html"/><id>a</id><issued>2026-12-07T08:00:00+07:00</issued><modified>2026-12-07T09:00:00+07:00</modified></entry></feed>`;
    expect((await read({ 'https://a.gov.vn/atom.xml': { type: 'application/xml', body } })).got).toEqual([{ title: 'Tin A', published: '2026-12-07T01:00:00.000Z' }]);
  });

  it('RSS items after </channel>, dated by <pubdate>, <date> or <published>', async () => {
    const body = `<rss version="2.0"><channel><title>t</title></channel>${item('Tin F', '<pubdate>07/12/2026 08:00</pubdate>')}${item('Tin G', '<date>2026-12-06 08:15:00</date>')}${item('Tin H', '<published>2026-12-05T08:15:00+07:00</published>')}</rss>`;
    expect((await read({ 'https://a.gov.vn/rss': { type: 'text/xml', body } })).got).toEqual([
      { title: 'Tin F', published: '2026-12-07T01:00:00.000Z' },
      { title: 'Tin G', published: '2026-12-06T01:15:00.000Z' },
      { title: 'Tin H', published: '2026-12-05T01:15:00.000Z' },
    ]);
  });

  it('UTF-16 XML without a byte order mark', () => {
    const s = '<?xml version="1.0" encoding="utf-16"?><rss><channel><title>Thông báo</title></channel></rss>';
    const le = new Uint8Array(s.length * 2);
    for (let i = 0; i < s.length; i++) le[2 * i] = s.charCodeAt(i) & 255, le[2 * i + 1] = s.charCodeAt(i) >> 8;
    expect(decodeBody(le, 'text/xml; charset=utf-8')).toEqual({ text: s, charset: 'utf-16le' });
    const be = new Uint8Array(le.length);
    for (let i = 0; i < le.length; i += 2) be[i] = le[i + 1], be[i + 1] = le[i];
    expect(decodeBody(be, null).text).toBe(s);
  });

  it('a feed of true UTC is read as written: its newest item is past, or too far ahead to be Vietnam time', async () => {
    const utc = rss(item('Tin một', '<pubDate>Mon, 07 Dec 2026 05:40:00 +0000</pubDate>') + item('Tin hai', '<pubDate>Mon, 07 Dec 2026 01:00:00 GMT</pubDate>'));
    expect((await read({ 'https://a.gov.vn/rss': { type: 'text/xml', body: utc } })).got.map((g) => g.published)).toEqual(['2026-12-07T05:40:00.000Z', '2026-12-07T01:00:00.000Z']);
    expect(gmtMeansVietnam(['Mon, 07 Dec 2026 20:00:00 +0000'], now)).toBe(false); // 14 h ahead: something else
    expect(gmtMeansVietnam(['Mon, 07 Dec 2026 06:05:00 GMT'], now)).toBe(false); // 5 min: clocks
    expect(gmtMeansVietnam(['Mon, 07 Dec 2026 08:00:00 +0700', 'Mon, 07 Dec 2026 12:00:00 +0700'], now)).toBe(false); // no zero offset
    expect(gmtMeansVietnam(['Mon, 07 Dec 2026 02:00:00 +0000', '2026-12-07T12:30:00Z'], now)).toBe(true);
    // A day-old static file: its newest date 7 hours after the Last-Modified the server wrote in true GMT.
    expect(gmtMeansVietnam(['Sun, 06 Dec 2026 10:00:00 +0000', 'Sun, 06 Dec 2026 09:00:00 +0000'], now, 'Sun, 06 Dec 2026 03:02:11 GMT')).toBe(true);
    expect(gmtMeansVietnam(['Sun, 06 Dec 2026 10:00:00 +0000'], now, 'Sun, 06 Dec 2026 10:02:11 GMT')).toBe(false);
    expect(gmtMeansVietnam(['Sun, 06 Dec 2026 10:00:00 +0000'], now)).toBe(false);
    expect(zeroZoneAsVietnam('2026-12-07T12:30:00Z')).toBe('2026-12-07T12:30:00+07:00');
    expect(zeroZoneAsVietnam('Mon, 07 Dec 2026 02:00:00 GMT')).toBe('Mon, 07 Dec 2026 02:00:00 +0700');
    expect(zeroZoneAsVietnam('Mon, 07 Dec 2026 02:00:00 +0700')).toBe('Mon, 07 Dec 2026 02:00:00 +0700');
  });

  it('the dateline a description opens with, and only that', () => {
    expect(datelineOf('Ngày 07/12/2026, UBND xã họp')).toBe('Ngày 07/12/2026');
    expect(datelineOf('<p><strong>(Cập nhật lúc 15:30 ngày 05/12/2026)</strong> Ban Chỉ đạo')).toBe('(Cập nhật lúc 15:30 ngày 05/12/2026');
    expect(datelineOf('Thứ hai, 07/12/2026 - 08:15 Sáng nay')).toBe('Thứ hai, 07/12/2026 - 08:15');
    expect(datelineOf('Chủ tịch UBND xã tiếp công dân vào ngày 15/12/2026')).toBeUndefined();
    expect(datelineOf('Năm 2026, xã trồng 20 ha rừng')).toBeUndefined();
  });

  it('the order of a/b/yyyy a feed proves', () => {
    expect(provenDayOrder(['12/7/2026 8:15:00 AM', '11/28/2026 9:00:00 AM'])).toBe('mdy');
    expect(provenDayOrder(['07/12/2026 08:15', '28/11/2026 09:00'])).toBe('dmy');
    expect(provenDayOrder(['07/12/2026 08:15', '01/11/2026 09:00'])).toBeUndefined();
    expect(provenDayOrder(['12/28/2026', '28/12/2026'])).toBeUndefined();
  });
});

describe('a section\'s page and the site\'s page of feeds', () => {
  const section = (path: string, rssLink: string) => ({
    type: 'text/html',
    body: `<!DOCTYPE html><html><body><a href="${rssLink}">RSS</a><div class="list">${[1, 2, 3]
      .map((n) => `<div class="item"><h3><a href="${path}tin-so-${n}.html">Tin số ${n} của chuyên mục về nông thôn mới</a></h3><span>0${n}/12/2026</span></div>`)
      .join('')}</div></body></html>`,
  });
  const feeds = {
    type: 'text/html',
    body: '<html><body><a href="/rss/trang-chu.rss">Trang chủ</a><a href="/rss/kinh-te.rss">Kinh tế</a><a href="/rss/nong-nghiep.rss">Nông nghiệp</a></body></html>',
  };

  it('a section\'s page follows the feed of its section, not the main one', async () => {
    const r = await read({
      'https://a.gov.vn/nong-nghiep/': section('/nong-nghiep/', '/rss.html'),
      'https://a.gov.vn/rss.html': feeds,
      'https://a.gov.vn/rss/trang-chu.rss': feedAt('Tin trang chủ'),
      'https://a.gov.vn/rss/nong-nghiep.rss': feedAt('Tin nông nghiệp'),
    });
    expect(r.feedUrl).toBe('https://a.gov.vn/rss/nong-nghiep.rss');
    expect(r.got.map((g) => g.title)).toEqual(['Tin nông nghiệp']);
  });

  it('a section with no feed of its own: its page is read, the page of feeds remembered as dead', async () => {
    const r = await read({
      'https://a.gov.vn/van-hoa/': section('/van-hoa/', '/rss.html'),
      'https://a.gov.vn/rss.html': feeds,
      'https://a.gov.vn/rss/trang-chu.rss': feedAt('Tin trang chủ'),
    });
    expect(r.format).toBe('html');
    expect(r.listing?.deadFeed).toBe('https://a.gov.vn/rss.html');
    expect(r.asked).not.toContain('https://a.gov.vn/rss/trang-chu.rss');
    expect(r.got).toHaveLength(3);
  });
});

describe('what a found feed and its bytes say', () => {
  it('an empty feed found on the page: the page is read instead, the feed remembered as dead', async () => {
    const listing = `<!DOCTYPE html><html><head><link rel="alternate" type="application/rss+xml" href="/rss/tin-tuc.rss"></head><body><div class="list">${[1, 2, 3]
      .map((n) => `<div class="item"><h3><a href="/tin-tuc/tin-so-${n}.html">Tin số ${n} của xã A về xây dựng nông thôn mới</a></h3><span>0${n}/12/2026</span></div>`)
      .join('')}</div></body></html>`;
    const r = await read({ 'https://a.gov.vn/': { type: 'text/html', body: listing }, 'https://a.gov.vn/rss/tin-tuc.rss': { type: 'application/rss+xml', body: rss('') } });
    expect(r.format).toBe('html');
    expect(r.listing?.deadFeed).toBe('https://a.gov.vn/rss/tin-tuc.rss');
    expect(r.got).toHaveLength(3);
  });

  it('a UTF-8 header over windows-1258 bytes that say so in their prolog: the prolog', () => {
    // "Hội" in windows-1258: H, ô (F4), combining dot below (F2), i.
    const bytes = new Uint8Array([...new TextEncoder().encode('<?xml version="1.0" encoding="windows-1258"?><title>H'), 0xf4, 0xf2, ...new TextEncoder().encode('i</title>')]);
    expect(decodeBody(bytes, 'text/xml; charset=utf-8')).toEqual({ text: '<?xml version="1.0" encoding="windows-1258"?><title>Hội</title>', charset: 'windows-1258' });
    // UTF-8 bytes with one stray byte keep the header's UTF-8 when nothing else is declared.
    expect(decodeBody(new Uint8Array([...new TextEncoder().encode('Hội nghị '), 0xff]), 'text/html; charset=utf-8').charset).toBe('utf-8');
  });
});

describe('items written oddly', () => {
  it('HTML escaped twice, and an image only in an element of the generator\'s own', async () => {
    const body = rss(
      item('Tin hai', '<pubDate>Mon, 07 Dec 2026 08:00:00 +0700</pubDate><description><![CDATA[&lt;p&gt;Nội dung &lt;b&gt;đậm&lt;/b&gt;&lt;/p&gt;]]></description>') +
        item('Tin bốn', '<pubDate>Mon, 07 Dec 2026 07:00:00 +0700</pubDate><image>https://a.gov.vn/uploads/b.jpg</image>') +
        item('Tin năm', '<pubDate>Mon, 07 Dec 2026 06:00:00 +0700</pubDate><thumb>/uploads/c.jpg</thumb>') +
        item('Tin sáu', '<pubDate>Mon, 07 Dec 2026 05:00:00 +0700</pubDate><image>không có ảnh</image>'),
    );
    const r = await read({ 'https://a.gov.vn/rss': { type: 'application/rss+xml', body } });
    expect(r.articles.map((a) => [a.summary, a.image])).toEqual([
      ['Nội dung đậm', undefined],
      ['', 'https://a.gov.vn/uploads/b.jpg'],
      ['', 'https://a.gov.vn/uploads/c.jpg'],
      ['', undefined],
    ]);
  });
});

describe('JSON Feed', () => {
  it('an image only among the attachments, the first of an image type', async () => {
    const body = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Xã A',
      items: [
        {
          id: '1',
          url: 'https://a.gov.vn/1.html',
          title: 'Tin một',
          date_published: '2026-12-07T08:00:00+07:00',
          attachments: [{ url: 'https://a.gov.vn/qd.pdf', mime_type: 'application/pdf' }, { url: '/uploads/mot.jpg', mime_type: 'image/jpeg' }],
        },
      ],
    });
    const r = await read({ 'https://a.gov.vn/feed.json': { type: 'application/feed+json', body } });
    expect(r.articles.map((a) => a.image)).toEqual(['https://a.gov.vn/uploads/mot.jpg']);
  });
});

describe('links told apart', () => {
  it('every item linking to the site\'s home page: each guid that is an address of its own is the link', async () => {
    const one = (n: number, t: string) =>
      `<item><title>${t}</title><link>https://a.gov.vn/</link><guid>https://a.gov.vn/tin-tuc/${n}.html</guid><pubDate>Mon, 07 Dec 2026 0${n}:00:00 +0700</pubDate></item>`;
    const r = await read({ 'https://a.gov.vn/rss': { type: 'application/rss+xml', body: rss(one(8, 'Tin tám') + one(7, 'Tin bảy')) } });
    expect(r.articles.map((a) => a.url)).toEqual(['https://a.gov.vn/tin-tuc/8.html', 'https://a.gov.vn/tin-tuc/7.html']);
  });

  it('an Atom entry with no alternate link: its id when it is an address', async () => {
    const body = `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><title>Tin A</title><id>https://a.gov.vn/a.html</id><link rel="self" href="https://a.gov.vn/api/a.xml"/><updated>2026-12-07T08:00:00+07:00</updated></entry></feed>`;
    const r = await read({ 'https://a.gov.vn/atom': { type: 'application/atom+xml', body } });
    expect(r.articles.map((a) => a.url)).toEqual(['https://a.gov.vn/a.html']);
  });
});

describe('which page\'s links are followed', () => {
  const links = '<a href="/rss.html">RSS</a><a href="/rss/trang-chu.rss">Trang chủ</a><a href="/rss/nong-nghiep.rss">Nông nghiệp</a>';
  it.each([
    ['https://a.gov.vn/', 'https://a.gov.vn/rss/trang-chu.rss'],
    ['https://a.gov.vn/vi/index.html', 'https://a.gov.vn/rss/trang-chu.rss'],
    ['https://a.gov.vn/nong-nghiep/', 'https://a.gov.vn/rss/nong-nghiep.rss'],
    ['https://a.gov.vn/chuyen-muc/Nong-nghiep.html', 'https://a.gov.vn/rss/nong-nghiep.rss'],
    ['https://a.gov.vn/van-hoa/', 'https://a.gov.vn/rss.html'],
    ['https://a.gov.vn/index.php?option=com_content&view=category&id=5', undefined],
  ])('%s → %s', (page, feed) => {
    expect(readPageHead(`<html><body>${links}</body></html>`, page).feed).toBe(feed);
  });
});

describe('a feed behind a PHP notice printed as HTML', () => {
  it('is read as the feed it is', async () => {
    const body = `<br />\n<b>Notice</b>:  Undefined index: cat in <b>/var/www/rss.php</b> on line <b>12</b><br />\n${rss(item('Tin một', '<pubDate>Mon, 07 Dec 2026 08:00:00 +0700</pubDate>')).replace(/^<\?xml[^>]*>/, '')}`;
    const r = await read({ 'https://a.gov.vn/rss.php': { type: 'text/html', body } });
    expect(r.format).toBe('rss');
    expect(r.got).toEqual([{ title: 'Tin một', published: '2026-12-07T01:00:00.000Z' }]);
  });
});
