/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { extractArticle, type ArticlePage } from '../../../src/article/extract';
import { MAX_CONTENT_CHARS } from '../../../src/article/size';
import { decodeBody } from '../../../src/ingest/charset';
import { decodeEntities } from '../../../src/normalize/text';
import { activeHtml } from '../../helpers/xss';
import cases from '../../fixtures/articles/cases.json';

interface Case {
  file: string;
  platform: string;
  url: string;
  contains: string[];
  absent: string[];
  published: string;
  author: string;
  image: string | null;
}

const pages = import.meta.glob('../../fixtures/articles/*.html', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const encoded = import.meta.glob('../../fixtures/articles/*.b64', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** The page as fetchBody would hand it over: legacy charsets decoded by their `<meta>`. */
function pageText(file: string): string {
  const path = `../../fixtures/articles/${file}`;
  if (pages[path]) return pages[path];
  const bytes = Uint8Array.from(atob(encoded[path].replace(/\s+/g, '')), (c) => c.charCodeAt(0));
  return decodeBody(bytes, 'text/html').text;
}

const now = new Date('2026-01-01T00:00:00Z');
/** Text a reader sees: tags dropped, entities decoded, spaces collapsed. */
const visible = (html: string) => decodeEntities(html.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ');

async function run(c: Case): Promise<{ page: ArticlePage; missing: string[]; leaks: string[] }> {
  const page = await extractArticle(pageText(c.file), { url: c.url, now });
  const html = page.contentHtml ?? '';
  const text = visible(html);
  const has = (s: string) => html.includes(s) || text.includes(s);
  return { page, missing: c.contains.filter((s) => !has(s)), leaks: c.absent.filter(has) };
}

describe('extractArticle on article pages of each platform', () => {
  for (const c of cases as Case[]) {
    it(`${c.platform}: ${c.file}`, async () => {
      const { page, missing, leaks } = await run(c);
      expect(missing, 'phrases of the body missing').toEqual([]);
      expect(leaks, 'boilerplate in the body').toEqual([]);
      expect(page.published).toBe(c.published);
      expect(page.author).toBe(c.author);
      expect(page.image).toBe(c.image ?? undefined);
      expect(await activeHtml(page.contentHtml ?? '', 'content')).toEqual([]);
    });
  }

  it('the report: full text, leaks, exact dates, authors and lead images over every fixture', async () => {
    const all = cases as Case[];
    const results = await Promise.all(all.map(run));
    const report = {
      pages: all.length,
      fullText: results.filter((r) => r.page.contentHtml && r.missing.length === 0).length,
      leaks: results.reduce((n, r) => n + r.leaks.length, 0),
      exactDates: results.filter((r, i) => r.page.published === all[i].published && r.page.hasTime).length,
      authors: results.filter((r, i) => r.page.author === all[i].author).length,
      leadImages: results.filter((r, i) => all[i].image && r.page.image === all[i].image).length,
      withLeadImage: all.filter((c) => c.image).length,
    };
    console.log('article extraction report', JSON.stringify(report));
    // tin-anh.html and dnn-easynews.html print only the day ("Ngày đăng: 5-12-2026", "Thứ Hai, 07 Tháng Mười Hai 2026") and url-date.html's address alone dates it: right days, no time.
    expect(report).toEqual({ pages: 39, fullText: 39, leaks: 0, exactDates: 36, authors: 39, leadImages: 26, withLeadImage: 26 });
  });
});

describe('extractArticle on hand-made pages', () => {
  it('caps a very long body at a block boundary and links to the rest', async () => {
    const para = `<p>${'Nội dung bài viết rất dài của cổng thông tin xã. '.repeat(20)}</p>`;
    const html = `<html><body><div class="td-post-content">${para.repeat(60)}</div></body></html>`;
    const page = await extractArticle(html, { url: 'https://xa.example/bai-dai', now });
    expect(page.contentHtml!.length).toBeLessThanOrEqual(MAX_CONTENT_CHARS);
    expect(page.contentHtml).toMatch(/<\/p><p><a href="https:\/\/xa\.example\/bai-dai"[^>]*>Đọc tiếp trên trang gốc<\/a><\/p>$/);
  });

  it('gives no body for a page without an article, and never throws on broken markup', async () => {
    const page = await extractArticle('<html><body><div class="menu"><a href="/">Trang chủ</a></div><p>Lỗi 404', { url: 'https://xa.example/x', now });
    expect(page.contentHtml).toBeUndefined();
    expect(page.published).toBeUndefined();
    await expect(extractArticle('<div class="bodytext"><p>a<table><td>b</p></div></span></em>', { url: 'https://xa.example/y', now })).resolves.toBeDefined();
  });

  it('takes the body after the title even when a long lead sits under the title in a wrapper of its own', async () => {
    const para = (n: number) => `<p>Đoạn ${n} của bài viết kể về việc xã tổ chức sửa đường, nạo vét kênh mương và trồng cây xanh, với sự tham gia của đông đảo người dân trong thôn.</p>`;
    const html = `<html><head><title>Xã An Phú ra quân sửa đường liên thôn - Cổng TTĐT</title></head><body>
      <div class="top"><h1>Xã An Phú ra quân sửa đường liên thôn</h1><p>Sáng nay, hơn ba trăm người dân cùng cán bộ xã An Phú đã ra quân sửa chữa tuyến đường liên thôn dài 4 km, nối trung tâm xã với các thôn vùng trong, mở đầu tháng cao điểm.</p></div>
      <div class="bai">${[1, 2, 3].map(para).join('')}</div></body></html>`;
    const page = await extractArticle(html, { url: 'https://anphu.example.vn/tin/1', now });
    expect(page.contentHtml).toContain('Đoạn 3 của bài viết');
  });

  it('takes a picture block just before the body as the lead image, but not a teaser linked to another page', async () => {
    const body = `<div class="noi-dung"><p>${'Nội dung bài viết của cổng thông tin xã, đủ dài để là một bài, kể về việc làm đường. '.repeat(3)}</p><p>${'Người dân góp công, góp đất, cùng chính quyền hoàn thành tuyến đường. '.repeat(3)}</p></div>`;
    const zoom = `<html><body><div class="bai"><div class="anh"><a href="/anh/lon.jpg"><img src="/anh/vua.jpg" alt=""></a><span>Chú thích ảnh</span></div>${body}</div></body></html>`;
    expect((await extractArticle(zoom, { url: 'https://xa.example/c', now })).image).toBe('https://xa.example/anh/vua.jpg');
    const teaser = `<html><body><div class="bai"><div class="anh"><a href="/tin/khac"><img src="/anh/khac.jpg" alt=""></a></div>${body}</div></body></html>`;
    expect((await extractArticle(teaser, { url: 'https://xa.example/d', now })).image).toBeUndefined();
  });

  it('gives no lead image when og:image is only the site logo and the body has no picture', async () => {
    const html = `<html><head><meta property="og:image" content="/images/logo.png"></head><body><div class="entry-content"><p>${'Nội dung bài viết của cổng thông tin xã, đủ dài để là một bài. '.repeat(3)}</p></div></body></html>`;
    const page = await extractArticle(html, { url: 'https://xa.example/a', now });
    expect(page.contentHtml).toBeDefined();
    expect(page.image).toBeUndefined();
  });

  it('does not take a time printed inside the body (a schedule) as the publication time, nor a photo credit as the author', async () => {
    const html = `<html><body><div class="entry-content"><p>Ủy ban nhân dân xã thông báo lịch tiếp công dân định kỳ của lãnh đạo xã trong tháng tới như sau.</p><p>08:00 10/12/2026</p><p>Người dân mang theo giấy tờ tùy thân khi đến liên hệ tại bộ phận một cửa của xã.</p><p><em>Ảnh: Minh Hà</em></p></div><div class="info">Ngày đăng: 05/12/2026</div></body></html>`;
    const page = await extractArticle(html, { url: 'https://xa.example/b', now });
    expect(page).toMatchObject({ published: '2026-12-04T17:00:00.000Z', hasTime: false });
    expect(page.author).toBeUndefined();
  });

  it("reads a page builder's post-content widget, not the teaser card of another article beside it", async () => {
    const para = (n: string) => `<p>${n} Hội thi thu hút các chi hội phụ nữ, với nhiều món ăn truyền thống, cách trình bày đẹp mắt và ý nghĩa.</p>`;
    const html = `<html><head><title>Hội thi nấu ăn ngon của xã - Xã A</title></head><body><div class="elementor"><div class="elementor-widget-wrap">
      <div class="elementor-widget elementor-widget-theme-post-title"><h1>Hội thi nấu ăn ngon của xã</h1></div>
      <div class="elementor-widget elementor-widget-theme-post-content"><div class="elementor-widget-container">${para('Một.')}${para('Hai.')}${para('Ba.')}</div></div>
      <div class="elementor-widget elementor-widget-posts"><article class="elementor-post"><h3><a href="/khac">Ra quân làm sạch đường làng</a></h3><p>Tóm tắt ngắn của bài khác.</p></article></div>
      </div></div></body></html>`;
    const page = await extractArticle(html, { url: 'https://xa-a.example.vn/hoi-thi', now });
    expect(page.contentHtml).toContain('Ba. Hội thi thu hút');
    expect(page.contentHtml).not.toContain('Tóm tắt ngắn');
  });

  it("leaves the printed title and date line out of a body that holds them, when the page's <h1> is the site's name", async () => {
    const para = (n: string) => `<p>${n} Lớp học được tổ chức vào buổi tối, có giáo viên tình nguyện, sách vở và đèn chiếu sáng đầy đủ.</p>`;
    const html = `<html><head><title>Khai giảng lớp xóa mù chữ ở thôn Bản Mới - Cổng thông tin điện tử xã B</title></head><body>
      <h1 class="logo">Cổng thông tin điện tử xã B</h1>
      <div class="left"><div class="box"><div class="box-title">Giới thiệu</div><p>${'Xã B có diện tích rộng, dân số đông, nhiều dân tộc cùng sinh sống, truyền thống cách mạng lâu đời. '.repeat(6)}</p></div></div>
      <div class="main"><h2 class="title">Khai giảng lớp xóa mù chữ ở thôn Bản Mới</h2><div class="date">07/12/2026 09:00</div>${para('Lớp có 30 học viên.')}${para('Học trong sáu tháng.')}</div></body></html>`;
    const page = await extractArticle(html, { url: 'https://xa-b.example.vn/tin/9', now });
    expect(page.contentHtml).toContain('Học trong sáu tháng.');
    expect(page.contentHtml).not.toMatch(/Khai giảng lớp|07\/12\/2026|truyền thống cách mạng/);
    expect(page.published).toBe('2026-12-07T02:00:00.000Z');
  });

  it('reads the signature on the last line of a block of lines apart by <br> (an ASP.NET label holding the whole body)', async () => {
    const line = 'Người dân thôn Nà Lẹng góp công, góp đất, cùng chính quyền xây dựng đường bê tông và kênh mương nội đồng.';
    const html = `<html><body><table><tr><td class="menu"><a href="/">Trang chủ</a></td><td>
      <span id="lblNgay">(07/12/2026 - 10:20)</span><br><span id="lblNoiDung">${line}<br><br>${line}<br><br><b>Hà Văn Dũng</b></span></td></tr></table></body></html>`;
    const page = await extractArticle(html, { url: 'https://xa-c.example.vn/tin/3', now });
    expect(page.author).toBe('Hà Văn Dũng');
    expect(page.published).toBe('2026-12-07T03:20:00.000Z');
    const inParagraph = await extractArticle(`<html><body><div class="content-detail"><p>${line}</p><p>${line}<br><strong>Lương Thị Hằng</strong></p></div></body></html>`, { url: 'https://xa-c.example.vn/tin/4', now });
    expect(inParagraph.author).toBe('Lương Thị Hằng');
  });

  it('counts a <div> paragraph whose text an editor wrapped in nested spans', async () => {
    const line = 'Người dân thôn Nà Lẹng góp công, góp đất, cùng chính quyền xây dựng đường bê tông, kênh mương nội đồng.';
    const html = `<html><body><div class="left"><p>Xã có diện tích 50 km vuông, dân số 5.000 người, gồm các dân tộc Tày, Nùng, Dao, Kinh sinh sống đan xen.</p></div>
      <div class="center">${[1, 2, 3, 4].map((i) => `<div><span style="font-size:14px"><span style="font-family:Arial">Đoạn ${i}. ${line}</span></span></div>`).join('')}</div></body></html>`;
    const page = await extractArticle(html, { url: 'https://xa-d.example.vn/tin/5', now });
    expect(page.contentHtml).toContain('Đoạn 4.');
    expect(page.contentHtml).not.toContain('diện tích 50 km');
  });

  it('drops a "Có thể bạn quan tâm" box and previous/next links inside the body, and reads a date written in words on a line of its own', async () => {
    const para = (n: number) => `<p>Đoạn ${n}: hội nghị bàn giải pháp giữ rừng, giao khoán bảo vệ rừng cho các hộ dân trong thôn.</p>`;
    const html = `<html><body><div class="box"><h2>Giao khoán bảo vệ rừng</h2><p><small>Ngày 07 tháng 12 năm 2026</small></p><div class="entry-content">${para(1)}${para(2)}
      <div class="box-x"><h4>Có thể bạn quan tâm</h4><p><a href="/a">Trồng rừng thay thế ở xã bên</a></p></div>${para(3)}
      <div class="nav-x"><a href="/truoc">Bài trước</a> <a href="/sau">Bài sau</a></div></div></div></body></html>`;
    const page = await extractArticle(html, { url: 'https://xa-e.example.vn/tin/6', now });
    expect(page.contentHtml).toContain('Đoạn 3:');
    expect(page.contentHtml).not.toMatch(/Có thể bạn quan tâm|Trồng rừng thay thế|Bài trước/);
    expect(page.published).toBe('2026-12-06T17:00:00.000Z');
  });

  it('takes the "Ngày đăng" line over a nearer "Cập nhật" line', async () => {
    const html = `<html><body><h2>Tiêu đề</h2><div class="info"><span class="posted">Ngày đăng: 05/12/2026 08:00</span> <span class="updated">Cập nhật: 07/12/2026 14:35</span></div>
      <div class="entry-content"><p>Nội dung bài viết của cổng thông tin xã, đủ dài để là một bài viết thật sự, có nhiều câu chữ.</p></div></body></html>`;
    const page = await extractArticle(html, { url: 'https://xa-f.example.vn/tin/7', now });
    expect(page.published).toBe('2026-12-05T01:00:00.000Z');
  });

  it('of several known containers (SharePoint rich-text boxes), takes the one under the title, not a longer sidebar text', async () => {
    const html = `<html><head><title>Thông báo lịch tiếp công dân tháng 12 năm 2026</title></head><body><form>
      <div class="left-zone"><h3>Giới thiệu chung</h3><div class="ms-rtestate-field"><p>${'Huyện nằm ở phía bắc tỉnh, diện tích tự nhiên lớn, có nhiều dân tộc cùng sinh sống, văn hóa đặc sắc. '.repeat(8)}</p></div></div>
      <div class="main-zone"><h1>Thông báo lịch tiếp công dân tháng 12 năm 2026</h1><div class="ms-rtestate-field"><p>Chủ tịch UBND huyện tiếp công dân vào ngày 15/12/2026 tại trụ sở tiếp công dân huyện, từ 7 giờ 30.</p><p>Công dân có nhu cầu đăng ký trước với Ban Tiếp công dân, mang theo giấy tờ tùy thân.</p></div></div></form></body></html>`;
    const page = await extractArticle(html, { url: 'https://huyen.example.gov.vn/thong-bao/8', now });
    expect(page.contentHtml).toContain('mang theo giấy tờ tùy thân');
    expect(page.contentHtml).not.toContain('phía bắc tỉnh');
  });

  it('links a document shown in a viewer (object, a viewer given the file, a lone embed) in place of the viewer, a body however short', async () => {
    const intro = '<p>Ngày 05/12/2026, UBND xã ban hành Quyết định số 512/QĐ-UBND.</p>';
    const page = (inner: string) => `<html><body><div class="menu"><a href="/">Trang chủ</a></div><div class="main"><h1>Quyết định phê duyệt danh sách hộ nghèo</h1><div class="noi-dung">${inner}</div></div></body></html>`;
    const object = await extractArticle(page(`${intro}<object data="/Uploads/qd-512.pdf" type="application/pdf"><p>Trình duyệt không xem được. <a href="/Uploads/qd-512.pdf">Tải về</a></p></object>`), { url: 'https://xa.example.vn/tin/1', now });
    expect(object.contentHtml).toContain('Quyết định số 512/QĐ-UBND');
    expect(object.contentHtml!.match(/href="https:\/\/xa\.example\.vn\/Uploads\/qd-512\.pdf"/g)).toHaveLength(1);
    const viewer = await extractArticle(page(`${intro}<iframe src="https://docs.google.com/viewer?url=https%3A%2F%2Fxa.example.vn%2FUploads%2Fqd-512.pdf&embedded=true"></iframe>`), { url: 'https://xa.example.vn/tin/1', now });
    expect(viewer.contentHtml).toContain('href="https://xa.example.vn/Uploads/qd-512.pdf"');
    expect(viewer.contentHtml).not.toContain('docs.google.com');
    const lone = await extractArticle(page('<embed src="/Uploads/kh-99.pdf" type="application/pdf">'), { url: 'https://xa.example.vn/tin/2', now });
    expect(lone.contentHtml).toContain('href="https://xa.example.vn/Uploads/kh-99.pdf"');
    const handler = await extractArticle(page('<p>Xem chi tiết tại file đính kèm.</p><p><a href="/DownloadFile.aspx?id=123">Tải về</a></p>'), { url: 'https://xa.example.vn/tin/3', now });
    expect(handler.contentHtml).toContain('href="https://xa.example.vn/DownloadFile.aspx?id=123"');
  });

  it("drops an ad slot's lone label inside the body, and reads the publication's part of a line that gives the update first", async () => {
    const para = (n: string) => `<p>${n} Người dân trong xã cùng chính quyền thực hiện, với nhiều hoạt động thiết thực, hiệu quả, được nhân dân đồng tình.</p>`;
    const html = `<html><body><h2>Tiêu đề</h2><div class="info">Cập nhật lúc 10:00 08/12/2026 | Đăng tải lúc 16:40 07/12/2026</div><div class="entry-content">${para('Một.')}<div id="admzone480456"><span>Quảng cáo</span><script>admicro()</script></div>${para('Hai.')}<div class="box-x"><div>ADVERTISEMENT</div></div>${para('Ba.')}</div></body></html>`;
    const page = await extractArticle(html, { url: 'https://xa.example.vn/tin/3', now });
    expect(page.contentHtml).toContain('Ba. Người dân');
    expect(page.contentHtml).not.toMatch(/Quảng cáo|ADVERTISEMENT/);
    expect(page.published).toBe('2026-12-07T09:40:00.000Z');
  });

  it("gives no lead image when og:image is a default share picture or the masthead's banner", async () => {
    const body = `<div class="entry-content"><p>${'Nội dung bài viết của cổng thông tin xã, đủ dài để là một bài. '.repeat(3)}</p></div>`;
    const named = `<html><head><meta property="og:image" content="/Uploads/og-image.jpg"></head><body>${body}</body></html>`;
    expect((await extractArticle(named, { url: 'https://xa.example/a', now })).image).toBeUndefined();
    const masthead = `<html><head><meta property="og:image" content="/Uploads/top-xa.jpg"></head><body><div class="top"><a href="/"><img src="/Uploads/top-xa.jpg"></a></div>${body}</body></html>`;
    expect((await extractArticle(masthead, { url: 'https://xa.example/a', now })).image).toBeUndefined();
    const header = `<html><head><meta property="og:image" content="/Content/bg-top.jpg"></head><body><div id="header"><img src="/Content/bg-top.jpg"></div>${body}</body></html>`;
    expect((await extractArticle(header, { url: 'https://xa.example/a', now })).image).toBeUndefined();
    for (const file of ['/img/share.jpg', 'https://cdn.xa.example/static/og.png', '/Portals/0/Images/anh-dai-dien.jpg', '/themes/xa/images/cover-xa.jpg']) {
      const html = `<html><head><meta property="og:image" content="${file}"></head><body>${body}</body></html>`;
      expect((await extractArticle(html, { url: 'https://xa.example/a', now })).image, file).toBeUndefined();
    }
  });

  it("drops another article's card set inside the body (linked picture and title, no label), and its picture is no lead image", async () => {
    const para = (n: string) => `<p>${n} Người dân trong xã cùng chính quyền thực hiện, với nhiều hoạt động thiết thực, hiệu quả, được nhân dân đồng tình.</p>`;
    const card = `<div class="VCSortableInPreviewMode" type="RelatedOneNews"><a href="/bai-khac-123.htm"><img src="/anh/khac.jpg"></a><a href="/bai-khac-123.htm">Huyện khác cũng ra quân làm đường giao thông nông thôn</a></div>`;
    const html = `<html><body><div class="entry-content">${para('Một.')}${card}${para('Hai.')}${para('Ba.')}</div></body></html>`;
    const page = await extractArticle(html, { url: 'https://xa.example.vn/tin/4', now });
    expect(page.contentHtml).toContain('Ba. Người dân');
    expect(page.contentHtml).not.toContain('Huyện khác');
    expect(page.image).toBeUndefined();
  });

  it('reads a day and a time printed in elements of their own, dublin core creation dates, and a source credited after the signed name', async () => {
    const para = (n: string) => `<p>${n} Người dân trong xã cùng chính quyền thực hiện, với nhiều hoạt động thiết thực, hiệu quả, được nhân dân đồng tình.</p>`;
    const split = `<html><body><h2>Tiêu đề</h2><div class="box-info"><span class="date">07/12/2026</span> <span class="time">14:35</span></div><div class="entry-content">${para('Một.')}${para('Hai.')}<p style="text-align:right"><strong>Minh Anh</strong> (Theo Báo Thái Nguyên)</p></div></body></html>`;
    expect(await extractArticle(split, { url: 'https://xa.example.vn/tin/5', now })).toMatchObject({ published: '2026-12-07T07:35:00.000Z', hasTime: true, author: 'Minh Anh' });
    const dc = `<html><head><meta name="DC.date.created" content="2026-12-07T16:40:00+07:00"></head><body><div class="entry-content">${para('Một.')}${para('Hai.')}</div></body></html>`;
    expect((await extractArticle(dc, { url: 'https://xa.example.vn/tin/6', now })).published).toBe('2026-12-07T09:40:00.000Z');
  });

  it('signs past a photo credit closing the body, keeps the office on its own line, and leaves the photographer out of a byline', async () => {
    const para = (n: string) => `<p>${n} Người dân trong xã cùng chính quyền thực hiện, với nhiều hoạt động thiết thực, hiệu quả, được nhân dân đồng tình.</p>`;
    const read = async (end: string) => (await extractArticle(`<html><body><div class="entry-content">${para('Một.')}${para('Hai.')}${end}</div></body></html>`, { url: 'https://xa.example.vn/tin/7', now })).author;
    expect(await read('<p style="text-align:right"><strong>Hoàng Hà</strong></p><p><em>Ảnh: Tư liệu</em></p>')).toBe('Hoàng Hà');
    expect(await read('<p style="text-align:right"><strong>Phan Anh</strong><br><em>(Trung tâm Văn hóa - Thể thao)</em></p>')).toBe('Phan Anh (Trung tâm Văn hóa - Thể thao)');
    expect(await read('<p style="text-align:right"><strong>Tin: Hà Linh - Ảnh: Minh Đức</strong></p>')).toBe('Hà Linh');
    expect(await read('<p class="has-text-align-right">Lò Văn Pọm</p><p>07/12/2026</p>')).toBe('Lò Văn Pọm');
  });

  it("keeps a table of the article's documents, drops an ad slot named so, and reads WordPress's Vietnamese month names", async () => {
    const para = (n: string) => `<p>${n} Người dân trong xã cùng chính quyền thực hiện, với nhiều hoạt động thiết thực, hiệu quả, được nhân dân đồng tình.</p>`;
    const docs = [1, 2, 3].map((i) => `<tr><td>${i}</td><td><a href="/vb/qd${i}.pdf">Quyết định số ${i}/QĐ-UBND</a></td></tr>`).join('');
    const html = `<html><body><h2>Tiêu đề</h2><div class="entry-meta"><span class="posted-on">7 Tháng Mười Hai, 2026</span></div><div class="entry-content">${para('Một.')}<table>${docs}</table><div class="ad-slot"><a href="https://shop.example.com"><img src="https://cdn.ads.example/x.jpg"></a></div>${para('Hai.')}</div></body></html>`;
    const page = await extractArticle(html, { url: 'https://xa.example.vn/tin/8', now });
    expect(page.contentHtml).toContain('Quyết định số 3/QĐ-UBND');
    expect(page.contentHtml).not.toContain('cdn.ads.example');
    expect(page.image).toBeUndefined();
    expect(page.published).toBe('2026-12-06T17:00:00.000Z');
  });

  it("leaves a print version's site name and title out of its text when no date line parts them, and reads a photo story of pictures", async () => {
    const line = (n: string) => `${n} Người dân trong xã cùng chính quyền thực hiện, với nhiều hoạt động thiết thực, hiệu quả, được nhân dân đồng tình.`;
    const print = `<html><head><title>Xã Tân Lập ra quân dọn vệ sinh môi trường</title></head><body><h3>UBND XÃ TÂN LẬP</h3><b>Xã Tân Lập ra quân dọn vệ sinh môi trường</b><br><br>${line('Một.')}<br><br>${line('Hai.')}<br><br><b>Hà Linh</b></body></html>`;
    const page = await extractArticle(print, { url: 'https://xa.example.vn/in/9', now });
    expect(page.contentHtml).toMatch(/^Một\./);
    expect(page.author).toBe('Hà Linh');
    const photos = `<html><body><h1>Hình ảnh lễ hội</h1><div class="entry-content"><figure><img src="/up/a1.jpg"><figcaption>Ảnh 1</figcaption></figure><figure><img src="/up/a2.jpg"><figcaption>Ảnh 2</figcaption></figure><p>Một số hình ảnh tại buổi lễ.</p></div></body></html>`;
    expect((await extractArticle(photos, { url: 'https://xa.example.vn/anh/1', now })).contentHtml).toContain('https://xa.example.vn/up/a2.jpg');
  });

  it('puts a line of the last edit after the others, reads "(Đăng: …)" as the publication, and "Tác giả bài viết:" as a byline', async () => {
    const para = (n: string) => `<p>${n} Người dân trong xã cùng chính quyền thực hiện, với nhiều hoạt động thiết thực, hiệu quả, được nhân dân đồng tình.</p>`;
    const page = (meta: string, after = '') => `<html><body><h2>Tiêu đề</h2>${meta}<div class="entry-content">${para('Một.')}${para('Hai.')}</div>${after}</body></html>`;
    const edited = await extractArticle(page('<div class="posted">Dec 7, 2026 2:35 PM</div><div class="upd">Last updated: Dec 8, 2026 10:05 AM</div>'), { url: 'https://xa.example.vn/tin/10', now });
    expect(edited.published).toBe('2026-12-07T07:35:00.000Z');
    const both = await extractArticle(page('<div class="meta">Cập nhật: 08/12/2026 10:05 (Đăng: 07/12/2026 16:40)</div>', '<div class="note">Tác giả bài viết: Lê Văn Hòa</div>'), { url: 'https://xa.example.vn/tin/11', now });
    expect(both).toMatchObject({ published: '2026-12-07T09:40:00.000Z', author: 'Lê Văn Hòa' });
  });

  it("leaves out a print version's masthead, title, date line and closing address when it writes them as paragraphs", async () => {
    const line = (n: string) => `<p>${n} Người dân trong xã cùng chính quyền thực hiện, với nhiều hoạt động thiết thực, hiệu quả, được nhân dân đồng tình.</p>`;
    const html = `<html><head><title>In bài viết</title></head><body><table width="650"><tr><td><p><b>CỔNG THÔNG TIN ĐIỆN TỬ XÃ TÂN LẬP</b></p><hr><p><b>Xã Tân Lập ra quân dọn vệ sinh môi trường</b></p><p><i>Ngày đăng: 07/12/2026 08:15</i></p>${line('Một.')}${line('Hai.')}<p align="right"><b>Hà Linh</b></p><hr><p>Địa chỉ: https://tanlap.example.vn/tin/1</p></td></tr></table></body></html>`;
    const page = await extractArticle(html, { url: 'https://tanlap.example.vn/tin/1?print=1', now });
    expect(page.contentHtml).toMatch(/^<p>Một\./);
    expect(page.contentHtml).not.toMatch(/CỔNG THÔNG TIN|ra quân dọn|Ngày đăng|Địa chỉ/);
    expect(page).toMatchObject({ author: 'Hà Linh', published: '2026-12-07T01:15:00.000Z' });
  });

  it("takes no icon drawn at its size as the lead image, and no editorial board as the author", async () => {
    const html = `<html><head><meta name="author" content="Ban biên tập"></head><body><div class="entry-content"><p><img src="/images/moi.gif" width="28" height="11"> ${'Nội dung bài viết của cổng thông tin xã, đủ dài để là một bài. '.repeat(3)}</p></div></body></html>`;
    const page = await extractArticle(html, { url: 'https://xa.example/e', now });
    expect(page.image).toBeUndefined();
    expect(page.author).toBeUndefined();
  });

  it("refines a labelled day with the <time> of that day's hour, and reads an author class written in camelCase", async () => {
    const para = (n: string) => `<p>${n} Người dân trong xã cùng chính quyền thực hiện, với nhiều hoạt động thiết thực, hiệu quả, được nhân dân đồng tình.</p>`;
    const html = `<html><body><h2>Tiêu đề</h2><dl class="article-info"><dd class="published"><time datetime="2026-12-07T08:15:00+07:00">Ngày đăng: 07 Tháng 12 2026</time></dd></dl><span class="edn_articleAuthor">Hà Linh</span><div class="entry-content">${para('Một.')}${para('Hai.')}</div></body></html>`;
    expect(await extractArticle(html, { url: 'https://xa.example.vn/tin/12', now })).toMatchObject({ published: '2026-12-07T01:15:00.000Z', hasTime: true, author: 'Hà Linh' });
  });

  it('keeps a date-only statement when the page prints no time, and reads a zone-less time as Vietnam time', async () => {
    const day = await extractArticle('<html><head><meta property="article:published_time" content="2025-03-24"></head><body><p>x</p></body></html>', { url: 'https://xa.example/a', now });
    expect(day).toMatchObject({ published: '2025-03-23T17:00:00.000Z', hasTime: false });
    const timed = await extractArticle('<html><head><meta property="article:published_time" content="2025-03-24"></head><body><div class="post-date">24/03/2025 07:09</div><div class="entry-content"><p>Nội dung đủ dài để là một bài viết thật sự của cổng thông tin điện tử xã.</p></div></body></html>', { url: 'https://xa.example/a', now });
    expect(timed).toMatchObject({ published: '2025-03-24T00:09:00.000Z', hasTime: true });
  });
});
