import { describe, expect, it } from 'vitest';
import { feedItems } from '../../../src/ingest/feed-items';
import { parseXmlFeed } from '../../../src/ingest/feed-xml';
import { timesLookWrong } from '../../../src/normalize/article';
import { IngestError } from '../../../src/ingest/types';
import wordpress from '../../fixtures/wordpress/feed.xml?raw';
import nukeviet from '../../fixtures/nukeviet/rss.xml?raw';
import liferay from '../../fixtures/liferay/rss.xml?raw';
import newsitem from '../../fixtures/newsitem/rss.xml?raw';
import story from '../../fixtures/story/rss.xml?raw';
import rdf from '../../fixtures/feeds/rdf.xml?raw';
import nfd from '../../fixtures/feeds/nfd.xml?raw';
import malformed from '../../fixtures/broken/malformed.xml?raw';
import truncated from '../../fixtures/broken/truncated.xml?raw';
import pngBase64 from '../../fixtures/broken/not-a-feed.png.b64?raw';

async function ingestError(promise: Promise<unknown>): Promise<IngestError> {
  const e = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(IngestError);
  return e as IngestError;
}

describe('parseXmlFeed: platform feeds', () => {
  it('WordPress /feed/: raw +0000 dates, content:encoded kept whole, dc:creator, categories, media:content', async () => {
    const page = await parseXmlFeed(wordpress);
    expect(page.format).toBe('rss');
    expect(page.title).toBe('Trung tâm Dịch vụ Nông nghiệp tỉnh Bắc Kạn');
    expect(page.partial).toBeUndefined();
    expect(page.items).toHaveLength(10);
    const [first] = page.items;
    expect(first.title).toBe('Hội nghị tổng kết mô hình trồng cây quế hữu cơ tại xã Quảng Bạch');
    expect(first.link).toBe('https://khuyennong.backan.gov.vn/hoi-nghi-tong-ket-mo-hinh-trong-cay-que-huu-co-tai-xa-quang-bach/');
    expect(first.guid).toBe('https://khuyennong.backan.gov.vn/?p=4821');
    expect(first.date).toBe('Wed, 25 Jun 2025 02:15:32 +0000');
    expect(first.image).toBe('https://khuyennong.backan.gov.vn/wp-content/uploads/2025/06/hoi-nghi-que-quang-bach.jpg');
    expect(first.author).toBe('Hoàng Thị Thu');
    expect(first.categories).toEqual(['Tin tức - Sự kiện', 'Mô hình khuyến nông']);
    expect(first.summary).toMatch(/^<p>Ngày 24\/6\/2025, Trung tâm/);
    // Sanitizing is the normalize stage's job: the parser hands the HTML over untouched.
    expect(first.contentHtml).toContain('<img fetchpriority="high"');
    expect(first.contentHtml).toContain('<script type="text/javascript">');
    expect(page.items[3].image).toBeUndefined(); // no media:content; images only inside the HTML
  });

  it('NukeViet /news/rss/: guid news_70 is no permalink, dates kept exactly as written', async () => {
    const page = await parseXmlFeed(nukeviet);
    expect(page.format).toBe('rss');
    expect(page.items).toHaveLength(8);
    const [first] = page.items;
    expect(first.title).toBe('Hội nghị triển khai nhiệm vụ phát triển kinh tế - xã hội năm 2020');
    expect(first.link).toBe(
      'https://bachthong.backan.gov.vn/news/tin-tuc-su-kien/hoi-nghi-trien-khai-nhiem-vu-phat-trien-kinh-te-xa-hoi-nam-2020-70.html',
    );
    expect(first.guid).toBe('news_70');
    // No enclosure: the lead image NukeViet puts first in the description.
    expect(first.image).toBe('https://bachthong.backan.gov.vn/assets/news/2019_11/hoi-nghi-ktxh-2020.jpg');
    expect(first.summary).toMatch(/^<img src="https:\/\/bachthong\.backan\.gov\.vn\/assets\/news\/2019_11\/hoi-nghi-ktxh-2020\.jpg"/);
    expect(first.contentHtml).toBeUndefined();
    // The generator's minutes-are-the-month bug must reach normalize intact.
    expect(page.items.map((i) => i.date)).toEqual([
      'Tue, 26 Nov 2019 08:11:00 +0700',
      'Fri, 22 Nov 2019 15:11:00 +0700',
      'Fri, 15 Nov 2019 09:11:00 +0700',
      'Wed, 30 Oct 2019 10:10:00 +0700',
      'Fri, 18 Oct 2019 14:10:00 +0700',
      'Fri, 27 Sep 2019 08:09:00 +0700',
      'Thu, 12 Sep 2019 16:09:00 +0700',
      'Thu, 29 Aug 2019 07:08:00 +0700',
    ]);
  });

  it('Liferay asset publisher Atom: alternate link, id, raw published, enclosure image, author name', async () => {
    const page = await parseXmlFeed(liferay);
    expect(page.format).toBe('atom');
    expect(page.title).toBe('Tin tức - Sự kiện');
    expect(page.items).toHaveLength(6);
    const [first] = page.items;
    const url =
      'https://chodon.backan.gov.vn/-/view_content/2841307-cho-don-trien-khai-cac-bien-phap-cap-bach-phong-chong-dich-covid-19.html';
    expect(first.title).toBe('Chợ Đồn triển khai các biện pháp cấp bách phòng, chống dịch COVID-19');
    expect(first.link).toBe(url);
    expect(first.guid).toBe(url);
    expect(first.date).toBe('2020-04-03T15:36:00Z');
    expect(first.image).toBe('https://chodon.backan.gov.vn/image/journal/article?img_id=2841322&t=1585928160000');
    expect(first.author).toBe('Văn phòng HĐND và UBND huyện');
    expect(first.summary).toBe(
      '<p>Ban Chỉ đạo phòng, chống dịch COVID-19 huyện yêu cầu các xã, thị trấn thực hiện nghiêm việc cách ly toàn xã hội theo Chỉ thị 16/CT-TTg.</p>',
    );
    expect(first.contentHtml).toBeUndefined();
    expect(page.items[1].image).toBeUndefined();
  });

  it('ASP.NET /rss/...aspx: zone-less day-first dates and relative links stay raw', async () => {
    const page = await parseXmlFeed(newsitem);
    expect(page.format).toBe('rss');
    expect(page.items).toHaveLength(7);
    const [first] = page.items;
    expect(first.title).toBe('UBND tỉnh họp phiên thường kỳ tháng 11 năm 2019');
    expect(first.link).toBe('/Pages/tin-tuc-su-kien-3/ubnd-tinh-hop-phien-thuong-ky-thang-11-nam-2019-7a3f.aspx');
    expect(first.guid).toBeUndefined();
    expect(first.date).toBe('26/11/2019 08:30:00');
    expect(first.image).toBe('/PictureLibrary/2019/11/26/hop-thuong-ky-t11.jpg');
    expect(first.summary).toMatch(/^<img src="\/PictureLibrary\/2019\/11\/26\/hop-thuong-ky-t11\.jpg" alt="" \/>Sáng 26\/11/);
    expect(page.items[6].date).toBe('01/11/2019 17:45:00');
  });

  it('story CMS /rss/home.rss: enclosure image, CDATA description with <img>, guid as link when <link> is missing', async () => {
    const page = await parseXmlFeed(story);
    expect(page.title).toBe('Báo Bắc Kạn điện tử - Trang chủ');
    expect(page.items).toHaveLength(5);
    const [first] = page.items;
    const url = 'https://baobackan.com.vn/tinh-bac-kan-gap-mat-doanh-nghiep-nha-dau-tu-nhan-dip-xuan-giap-thin-2024-post64012.html';
    expect(first.title).toBe('Tỉnh Bắc Kạn gặp mặt doanh nghiệp, nhà đầu tư nhân dịp Xuân Giáp Thìn 2024');
    expect(first.link).toBe(url);
    expect(first.guid).toBe(url);
    expect(first.date).toBe('Fri, 02 Feb 2024 08:30:00 +0700');
    expect(first.image).toBe('https://cdn.baobackan.com.vn/images/2024/02/02/gap-mat-doanh-nghiep.jpg');
    expect(first.summary).toContain('<img src="https://cdn.baobackan.com.vn/images/thumbnail/2024/02/02/gap-mat-doanh-nghiep.jpg" width="200" />');
    expect(page.items[4].link).toBe('https://baobackan.com.vn/cho-don-phat-trien-cay-duoc-lieu-duoi-tan-rung-post63981.html');
  });

  it('RSS 1.0 (RDF): dc:date, dc:creator, dc:subject, rdf:about as guid, content:encoded', async () => {
    const page = await parseXmlFeed(rdf);
    expect(page.format).toBe('rdf');
    expect(page.title).toBe('Sở Tài nguyên và Môi trường tỉnh Bắc Kạn');
    expect(page.items).toHaveLength(3);
    const [first] = page.items;
    const url = 'https://sotnmt.backan.gov.vn/tin-hoat-dong/tap-huan-nghiep-vu-do-dac-ban-do-nam-2019-412.html';
    expect(first.title).toBe('Tập huấn nghiệp vụ đo đạc, bản đồ năm 2019');
    expect(first.link).toBe(url);
    expect(first.guid).toBe(url);
    expect(first.date).toBe('2019-11-26T08:30:00+07:00');
    expect(first.author).toBe('Phòng Đo đạc, Bản đồ và Viễn thám');
    expect(first.categories).toEqual(['Đo đạc bản đồ']);
    expect(first.image).toBeUndefined();
    expect(first.contentHtml).toContain('<p>Lớp tập huấn diễn ra trong 3 ngày tại thành phố Bắc Kạn.</p>');
  });

  it('an NFD feed parses; its text comes through unchanged for normalize to compose', async () => {
    const page = await parseXmlFeed(nfd);
    expect(page.items).toHaveLength(3);
    const [first] = page.items;
    const title = 'Thông báo lịch tiếp công dân của Chủ tịch Ủy ban nhân dân huyện tháng 12';
    expect(first.title).not.toBe(title);
    expect(first.title?.normalize('NFC')).toBe(title);
    expect(page.title?.normalize('NFC')).toBe('Cổng thông tin điện tử huyện Na Rì');
    expect(first.image).toBe('https://nari.backan.gov.vn/uploads/tin-tuc/2019_12/tiep-cong-dan.jpg');
    expect(first.date).toBe('Mon, 02 Dec 2019 09:00:00 +0700');
    expect(first.categories?.map((c) => c.normalize('NFC'))).toEqual(['Thông báo']);
  });
});

describe('parseXmlFeed: damaged and foreign bodies', () => {
  it('a body cut in the 7th item gives the 6 complete items, marked partial', async () => {
    const page = await parseXmlFeed(truncated);
    expect(page.partial).toBe(true);
    expect(page.format).toBe('rss');
    expect(page.title).toBe('Cổng thông tin điện tử huyện Ngân Sơn');
    expect(page.items).toHaveLength(6);
    expect(page.items[0].title).toBe('Ngân Sơn: Ra quân xây dựng nông thôn mới năm 2022');
    expect(page.items[5].title).toBe('Tiêm vắc xin phòng COVID-19 mũi 3 cho người dân');
    expect(page.items[5].date).toBe('Fri, 17 Dec 2021 15:45:00 +0700');
  });

  it('a mismatched close tag in the 4th item keeps the 3 items before it, marked partial', async () => {
    const page = await parseXmlFeed(malformed);
    expect(page.partial).toBe(true);
    expect(page.items.map((i) => i.title)).toEqual([
      'Ngân Sơn: Ra quân xây dựng nông thôn mới năm 2022',
      'Hội nghị triển khai công tác tuyển quân năm 2022',
      'Thông báo lịch trực Tết Nguyên đán Nhâm Dần',
    ]);
  });

  it('damage before the first complete item is a parse error quoting the parser', async () => {
    const body = '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Huyện Pác Nặm</titel><item><title>A</title></item></channel></rss>';
    const e = await ingestError(parseXmlFeed(body));
    expect(e.code).toBe('parse');
    expect(e.message).toBe('malformed XML: Unexpected close tag');
  });

  it('HTML entities and bare ampersands of hand-written feeds are mended, not fatal', async () => {
    const body = `<rss version="2.0"><channel><title>Xã Nam Cường</title>
      <item><title>Họp dân thôn Nà Ngò&nbsp;&ndash; tháng 3</title>
        <link>https://namcuong.backan.gov.vn/Pages/tin.aspx?ItemID=12&CategoryID=3</link>
        <description>Nội dung &amp; kết quả &foo; cuộc họp</description></item>
      <item><title>Tin thứ hai</title><link>https://namcuong.backan.gov.vn/Pages/tin.aspx?ItemID=13&amp;CategoryID=3</link></item>
    </channel></rss>`;
    const page = await parseXmlFeed(body);
    expect(page.partial).toBeUndefined();
    expect(page.items).toHaveLength(2);
    expect(page.items[0].title).toBe('Họp dân thôn Nà Ngò\u00a0\u2013 tháng 3');
    expect(page.items[0].link).toBe('https://namcuong.backan.gov.vn/Pages/tin.aspx?ItemID=12&CategoryID=3');
    expect(page.items[0].summary).toBe('Nội dung & kết quả &foo; cuộc họp');
    expect(page.items[1].link).toBe('https://namcuong.backan.gov.vn/Pages/tin.aspx?ItemID=13&CategoryID=3');
  });

  it('a PNG is not a feed', async () => {
    const bytes = Uint8Array.from(atob(pngBase64.trim()), (c) => c.charCodeAt(0));
    const body = new TextDecoder().decode(bytes);
    const e = await ingestError(parseXmlFeed(body));
    expect(e.code).toBe('not-a-feed');
    expect(e.message).toMatch(/^not XML/);
  });

  it('an HTML page is not a feed, and says which root it found', async () => {
    const e = await ingestError(parseXmlFeed('<!DOCTYPE html>\n<html lang="vi"><head><title>Trang chủ</title></head><body></body></html>'));
    expect(e.code).toBe('not-a-feed');
    expect(e.message).toContain('<html>');
  });

  it('a JSON body is not an XML feed', async () => {
    expect((await ingestError(parseXmlFeed('{"version":"https://jsonfeed.org/version/1.1","items":[]}'))).code).toBe('not-a-feed');
  });

  it('an <rss> without a <channel> is a parse error, not a crash', async () => {
    const e = await ingestError(parseXmlFeed('<rss version="2.0"><item><title>A</title></item></rss>'));
    expect(e.code).toBe('parse');
  });
});

describe('parseXmlFeed: variants seen in the wild', () => {
  it('a PHP warning printed before the XML is skipped', async () => {
    const body =
      '<br />\n<b>Warning</b>:  session_start(): Cannot send session cookie in <b>/var/www/html/includes/mainfile.php</b> on line <b>42</b><br />\n' +
      '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Huyện Ba Bể</title><item><title>Tin A</title><guid isPermaLink="false">news_12</guid></item></channel></rss>';
    const page = await parseXmlFeed(body);
    expect(page.items).toEqual([{ title: 'Tin A', guid: 'news_12' }]);
  });

  it('<rss> with no version and a BOM is read as RSS 2.0', async () => {
    const page = await parseXmlFeed('\uFEFF<rss><channel><title>T</title><item><title>Tin B</title><pubDate>26/11/2019</pubDate></item></channel></rss>');
    expect(page.items).toEqual([{ title: 'Tin B', date: '26/11/2019' }]);
  });

  it('an Atom entry with an unparseable date keeps the feed and the date text', async () => {
    const body = `<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
      <entry><title>Tin C</title><link href="https://babe.backan.gov.vn/tin-c.html"/><id>urn:tin-c</id>
        <published>26/11/2019 08:30</published><updated>2019-11-26T08:30:00+07:00</updated></entry>
      <entry><title>Tin D</title><link>https://babe.backan.gov.vn/tin-d.html</link><updated>2019-11-25T08:00:00+07:00</updated>
        <content type="html">&lt;p&gt;Nội dung&lt;/p&gt;</content></entry>
    </feed>`;
    const page = await parseXmlFeed(body);
    expect(page.items[0]).toMatchObject({ title: 'Tin C', link: 'https://babe.backan.gov.vn/tin-c.html', guid: 'urn:tin-c', date: '26/11/2019 08:30' });
    expect(page.items[1]).toMatchObject({
      title: 'Tin D',
      link: 'https://babe.backan.gov.vn/tin-d.html',
      date: '2019-11-25T08:00:00+07:00',
      contentHtml: '<p>Nội dung</p>',
    });
  });

  it('image from the first image enclosure, a media:thumbnail or itunes:image', async () => {
    const body = `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>T</title>
      <item><title>1</title><enclosure url="https://x.vn/a.mp3" type="audio/mpeg"/><enclosure url="https://x.vn/a.jpg" type="image/jpeg"/></item>
      <item><title>2</title><media:content url="https://x.vn/v.mp4" medium="video"/><media:thumbnail url="https://x.vn/t.jpg"/></item>
      <item><title>3</title><itunes:image href="https://x.vn/i.png"/></item>
      <item><title>4</title><enclosure url="https://x.vn/file.pdf" type="application/pdf"/></item>
    </channel></rss>`;
    const page = await parseXmlFeed(body);
    expect(page.items.map((i) => i.image)).toEqual(['https://x.vn/a.jpg', 'https://x.vn/t.jpg', 'https://x.vn/i.png', undefined]);
  });
});

describe('an item without enclosure or media takes the first picture of its HTML', () => {
  it('Joomla: the image in the description, relative as written, skipping spacer gifs', async () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Tin địa phương</title><link>https://xa.example.vn/</link>
      <item><title>Họp dân bàn làm đường</title><link>https://xa.example.vn/tin/1</link>
        <description><![CDATA[<p><img src="/images/spacer.gif" width="1"><img src="/images/tintuc/hop-dan.jpg" alt="Họp dân"></p><p>Nhân dân thôn Nà Hin họp bàn.</p>]]></description></item>
      <item><title>Không ảnh</title><link>https://xa.example.vn/tin/2</link><description>Chỉ có chữ.</description></item>
      <item><title>Có enclosure</title><link>https://xa.example.vn/tin/3</link><enclosure url="https://xa.example.vn/anh/3.jpg" type="image/jpeg" length="1"/>
        <description><![CDATA[<img src="/khac.jpg">]]></description></item>
    </channel></rss>`;
    const page = await parseXmlFeed(xml);
    expect(page.items.map((i) => i.image)).toEqual(['/images/tintuc/hop-dan.jpg', undefined, 'https://xa.example.vn/anh/3.jpg']);
  });

  it('the site icon: Atom icon before logo, RSS channel image', async () => {
    const atom = (inner: string) => `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Xã</title>${inner}<entry><title>Tin</title><id>urn:x:1</id><link href="https://xa.gov.vn/1"/></entry></feed>`;
    expect((await parseXmlFeed(atom('<logo>/logo-rong.png</logo><icon>/icon.png</icon>'))).icon).toBe('/icon.png');
    expect((await parseXmlFeed(atom('<logo>https://xa.gov.vn/logo.png</logo>'))).icon).toBe('https://xa.gov.vn/logo.png');
    expect((await parseXmlFeed(atom(''))).icon).toBeUndefined();
    const rss = '<?xml version="1.0"?><rss version="2.0"><channel><title>Xã</title><image><url>https://xa.gov.vn/logo.gif</url><title>Xã</title><link>https://xa.gov.vn/</link></image><item><title>Tin</title><link>https://xa.gov.vn/1</link></item></channel></rss>';
    expect((await parseXmlFeed(rss)).icon).toBe('https://xa.gov.vn/logo.gif');
    expect((await parseXmlFeed(wordpress)).icon).toBeUndefined();
  });
});

describe('parseXmlFeed given the keys of a stored body: only what is new is parsed', () => {
  const keysOf = (xml: string) => new Set(feedItems(xml)!.map((it) => it.key));
  /** The body with `items` written before its first item, as the portal's next fetch lists them. */
  const withNewOnTop = (xml: string, items: string) => {
    const at = feedItems(xml)![0].start;
    return xml.slice(0, at) + items + xml.slice(at);
  };
  const newRss = (n: number) =>
    `<item><title>Xã tổ chức lễ ra quân số ${n}</title><link>https://khuyennong.backan.gov.vn/ra-quan-${n}/</link><guid isPermaLink="false">https://khuyennong.backan.gov.vn/?p=${5000 + n}</guid><pubDate>Thu, 26 Jun 2025 0${n}:00:00 +0000</pubDate><description><![CDATA[<p>Sáng nay, <b>xã</b> tổ chức lễ ra quân & tuyên truyền.</p>]]></description></item>\n`;
  const newAtom = (n: number) =>
    `<entry><title>Họp báo quý số ${n}</title><link rel="alternate" href="https://chodon.backan.gov.vn/-/view_content/300000${n}-hop-bao.html" /><id>https://chodon.backan.gov.vn/-/view_content/300000${n}-hop-bao.html</id><published>2020-04-0${n}T08:00:00Z</published><content type="html">&lt;p&gt;Huyện họp báo quý.&lt;/p&gt;</content></entry>\n`;
  const newRdf = (n: number) =>
    `<item rdf:about="https://sotnmt.backan.gov.vn/tin-hoat-dong/quan-trac-${n}.html"><title>Quan trắc không khí đợt ${n}</title><link>https://sotnmt.backan.gov.vn/tin-hoat-dong/quan-trac-${n}.html</link><dc:date>2019-12-0${n}T08:00:00+07:00</dc:date></item>\n`;

  for (const [name, stored, fresh] of [
    ['RSS 2.0 with CDATA', wordpress, newRss],
    ['Atom', liferay, newAtom],
    ['RDF', rdf, newRdf],
  ] as const) {
    it(`${name}: 2 new items are parsed as the whole body's first 2, the known ones are left out`, async () => {
      const next = withNewOnTop(stored, fresh(2) + fresh(1));
      const whole = await parseXmlFeed(next);
      const page = await parseXmlFeed(next, keysOf(stored));
      expect(page.items).toEqual(whole.items.slice(0, 2));
      expect(page.items[0].title).toMatch(/số 2|đợt 2/);
      expect(page.knownItems).toBe(whole.items.length - 2);
      expect(page.title).toBe(whole.title);
      expect(page.icon).toBe(whole.icon);
      expect(new Set(page.itemKeys)).toEqual(keysOf(next));
    });
  }

  it('a body whose first item is known: nothing parsed, the feed head still read', async () => {
    // The same items, the last one gone: other items text, nothing new.
    const items = feedItems(wordpress)!;
    const next = wordpress.slice(0, items[8].end) + wordpress.slice(items[9].end);
    const page = await parseXmlFeed(next, keysOf(wordpress));
    expect(page.items).toEqual([]);
    expect(page.knownItems).toBe(9);
    expect(page.title).toBe('Trung tâm Dịch vụ Nông nghiệp tỉnh Bắc Kạn');
  });

  it('falls back to the whole body: a new item below a known one', async () => {
    const items = feedItems(wordpress)!;
    const next = withNewOnTop(wordpress, newRss(1)).replace(wordpress.slice(items[2].start, items[2].end), newRss(2));
    const page = await parseXmlFeed(next, keysOf(wordpress));
    expect(page.items).toEqual((await parseXmlFeed(next)).items);
    expect(page.items.map((i) => i.title)).toContain('Xã tổ chức lễ ra quân số 2');
    expect(page.knownItems).toBeUndefined();
  });

  it('falls back to the whole body: an item without guid or link, and no item known', async () => {
    const bare = withNewOnTop(wordpress, '<item><title>Thông báo không có đường dẫn</title></item>\n');
    const page = await parseXmlFeed(bare, keysOf(wordpress));
    expect(page.items).toHaveLength(11);
    expect(page.itemKeys).toBeUndefined();
    const unknown = await parseXmlFeed(wordpress, keysOf(rdf));
    expect(unknown.items).toHaveLength(10);
    expect(unknown.knownItems).toBeUndefined();
  });

  it('falls back to the whole body when the cut does not parse (a bare ampersand the whole parse mends)', async () => {
    const next = withNewOnTop(wordpress, newRss(1).replace('<title>Xã', '<title>Xã & phường'));
    const page = await parseXmlFeed(next, keysOf(wordpress));
    expect(page.items).toHaveLength(11);
    expect(page.items[0].title).toBe('Xã & phường tổ chức lễ ra quân số 1');
    expect(page.knownItems).toBeUndefined();
    expect(new Set(page.itemKeys)).toEqual(keysOf(next));
  });

  it('NukeViet (month written as minutes): the items left out still count in the check of the times', async () => {
    const items = feedItems(nukeviet)!;
    const fresh = nukeviet.slice(items[0].start, items[0].end).replace(/news_70/g, 'news_71').replace(/-70\.html/g, '-71.html').replace('26 Nov 2019 08:11', '27 Nov 2019 09:11');
    const next = withNewOnTop(nukeviet, `${fresh}\n`);
    const whole = await parseXmlFeed(next);
    const page = await parseXmlFeed(next, keysOf(nukeviet));
    expect(page.items).toEqual(whole.items.slice(0, 1));
    expect(page.knownDates).toEqual(whole.items.slice(1).map((i) => i.date));
    const ctx = { source: { id: 'bach-thong', dateOrder: 'dmy' as const }, baseUrl: 'https://bachthong.backan.gov.vn/', now: new Date('2019-12-01T00:00:00Z') };
    // One item alone tells nothing; with the dates of those left out, the times are known wrong, as the whole body's are.
    expect(timesLookWrong(page.items, ctx)).toBe(false);
    expect(timesLookWrong([...page.items, ...page.knownDates!.map((date) => ({ date }))], ctx)).toBe(true);
    expect(timesLookWrong(whole.items, ctx)).toBe(true);
  });

  it('a damaged body read in part gives no keys: its items past the damage were not stored', async () => {
    const page = await parseXmlFeed(truncated, new Set());
    expect(page.partial).toBe(true);
    expect(page.itemKeys).toBeUndefined();
  });
});
