/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { readListingPage } from '../../../src/ingest/listing-read';
import { IngestError } from '../../../src/ingest/types';
import commune from '../../fixtures/inference/commune-old.html?raw';
import vnpt from '../../fixtures/inference/vnpt-portal.html?raw';
import tandan from '../../fixtures/tandan/listing.html?raw';

const VNPT = 'https://dongtam.thainguyen.gov.vn/tin-tuc-su-kien';

describe('reading a listing page the best way known', () => {
  it('a source\'s own selectors come first', () => {
    const r = readListingPage(tandan, 'https://chodon.backan.gov.vn/portal/Pages/a.aspx', { item: 'div.channel-news-item', title: 'label > a' });
    expect(r.way).toBe('selectors');
    expect(r.memory).toBeUndefined();
    expect(r.page.items).toHaveLength(10);
  });

  it('finds the platform and remembers it; next time the remembered preset reads the page', () => {
    const first = readListingPage(tandan, 'https://chodon.backan.gov.vn/portal/Pages/a.aspx', null);
    expect(first).toMatchObject({ way: 'platform', platform: 'tandan', memory: { platform: 'tandan' } });
    const again = readListingPage(tandan, 'https://chodon.backan.gov.vn/portal/Pages/a.aspx', null, first.memory);
    expect(again.way).toBe('remembered');
    expect(again.page.items).toEqual(first.page.items);
  });

  it('a platform\'s class used by chance, whose preset reads only "Xem thêm" links, is not that platform', () => {
    const item = (n: number, title: string) => `<div class="news-item"><a class="img" href="/tin/${n}.html"><img src="/anh/${n}.jpg"></a>
      <div class="content"><h3><a href="/tin/${n}.html">${title}</a></h3><span class="date">0${n}/12/2024</span></div>
      <a class="more" href="/tin/${n}.html">Xem thêm</a></div>`;
    const page = `<html><body><div class="list">${item(1, 'Nghiệm thu đề tài giống chè Shan tuyết')}${item(2, 'Hội thảo công nghệ sinh học sản xuất nấm')}${item(3, 'Kiểm định cột đo xăng dầu trên địa bàn')}</div></body></html>`;
    const r = readListingPage(page, 'https://sokhcn.example.vn/tin-hoat-dong', null);
    expect(r.platform).toBeUndefined();
    expect(r.way).toBe('inferred');
    expect(r.page.items.map((i) => i.title)).toEqual(['Nghiệm thu đề tài giống chè Shan tuyết', 'Hội thảo công nghệ sinh học sản xuất nấm', 'Kiểm định cột đo xăng dầu trên địa bàn']);
  });

  it('a title written only as a picture\'s alt, beside a "Xem chi tiết" link, is the item\'s title', () => {
    const item = (n: number, alt: string) => `<div class="tin-anh"><a href="/tin-anh/${n}.html"><img src="/anh/${n}.jpg" alt="${alt}"></a>
      <p>Cập nhật: 08:30 | 0${n}/12/2024</p><a href="/tin-anh/${n}.html">Xem chi tiết »</a></div>`;
    const banner = '<div class="lien-ket"><a href="/dich-vu-cong"><img src="/b.png" alt="Cổng dịch vụ công trực tuyến của xã"></a></div>';
    const page = `<html><body><div class="list">${item(1, 'Chợ phiên Bảo Yên ngày cuối tuần')}${item(2, 'Tiêm phòng cho đàn gia súc vụ đông')}</div>${banner}</body></html>`;
    const r = readListingPage(page, 'https://xa.example.vn/tin-anh', null);
    expect(r.page.items).toMatchObject([
      { title: 'Chợ phiên Bảo Yên ngày cuối tuần', link: 'https://xa.example.vn/tin-anh/1.html', image: 'https://xa.example.vn/anh/1.jpg' },
      { title: 'Tiêm phòng cho đàn gia súc vụ đông', link: 'https://xa.example.vn/tin-anh/2.html', image: 'https://xa.example.vn/anh/2.jpg' },
    ]);
    expect(r.page.items).toHaveLength(2);
  });

  it('bare titles whose dates stand before them, line by line, take the date of their own line', () => {
    const line = (n: number, title: string) => `<span>0${n}/12/2024 - </span><a href="/tin/${n}.html">${title}</a><br><span>Tóm tắt của tin số ${n} viết đủ dài để là một đoạn.</span>`;
    const page = `<html><body><div class="noi-dung"><p>${[line(6, 'Tổng vệ sinh đường làng cuối năm'), line(4, 'Họp tổ dân phố về quy ước mới'), line(2, 'Trao quà cho hộ khó khăn')].join('<br><br>')}</p></div></body></html>`;
    const r = readListingPage(page, 'https://xa.example.vn/tin', null);
    expect(r.page.items.map((i) => [i.link, i.date])).toEqual([6, 4, 2].map((n) => [`https://xa.example.vn/tin/${n}.html`, `0${n}/12/2024 -`]));
  });

  it('a box of documents with longer titles, under tabs rather than a heading, is not the news', () => {
    const news = ['Khởi công cầu nối hai bờ sông Luộc', 'Phố Hiến đón nhận danh hiệu đô thị loại II', 'Trao quyết định thành lập cụm công nghiệp']
      .map((t, i) => `<li><a href="/tin-${i}.html">${t}</a> <span>(0${i + 1}/12/2024)</span></li>`).join('');
    const docs = ['Quyết định số 2871/QĐ-UBND về việc phê duyệt kế hoạch lựa chọn nhà thầu dự án đường trục', 'Kế hoạch số 214/KH-UBND tổ chức các hoạt động chào mừng Tết Nguyên đán năm 2025',
      'Công văn số 3512/UBND-KT1 về việc đẩy nhanh tiến độ giải ngân vốn đầu tư công', 'Quyết định số 45/2024/QĐ-UBND ban hành quy định bảng giá đất trên địa bàn tỉnh']
      .map((t, i) => `<li><a href="/van-ban/${i}.html">${t}</a> <span>0${i + 1}/12/2024</span></li>`).join('');
    const page = `<html><body><div class="news"><ul>${news}</ul></div>
      <div class="vb"><ul class="tabs"><li><a href="#moi">Mới</a></li><li><a href="#cu">Cũ</a></li></ul><div class="pane"><ul>${docs}</ul></div></div></body></html>`;
    const r = readListingPage(page, 'https://tinh.example.vn/', null);
    expect(r.page.items.map((i) => i.link)).toEqual([0, 1, 2].map((i) => `https://tinh.example.vn/tin-${i}.html`));
  });

  it('a box whose heading is a link to its own page ("Tin xem nhiều") is left out like one headed by text', () => {
    const li = (path: string, t: string, d: string) => `<li class="tin"><a href="${path}">${t}</a> <span class="ngay">${d}</span></li>`;
    const news = ['Khánh thành nhà văn hóa xóm Nà Mè', 'Kiểm tra chuẩn bị gieo trồng vụ đông xuân', 'Tuyên truyền phòng chống ma túy trong trường học']
      .map((t, i) => li(`/tin/${i}.html`, t, `0${i + 4}/12/2024`)).join('');
    const most = ['Lịch nghỉ Tết Nguyên đán Ất Tỵ 2025 của cán bộ, công chức, viên chức', 'Danh sách điểm tiếp nhận hồ sơ cấp căn cước tại các xã, thị trấn',
      'Hướng dẫn thủ tục đăng ký kinh doanh hộ cá thể qua mạng điện tử', 'Giá vé tham quan các điểm du lịch trên địa bàn huyện từ tháng 12']
      .map((t, i) => li(`/tin/xem-nhieu-${i}.html`, t, `1${i}/11/2024`)).join('');
    const page = `<html><body><div class="main"><h2><a href="/tin-tuc">Tin tức - Sự kiện</a></h2><ul class="ds">${news}</ul></div>
      <div class="right"><h3 class="tieu-de"><a href="/xem-nhieu">Tin xem nhiều</a></h3><ul class="ds">${most}</ul></div></body></html>`;
    const r = readListingPage(page, 'https://huyen.example.vn/tin-tuc', null);
    expect(r.page.items.map((i) => i.link)).toEqual([0, 1, 2].map((i) => `https://huyen.example.vn/tin/${i}.html`));
  });

  it('on the page of notices, the list headed "Thông báo" is the page\'s own list, not a box beside the news', () => {
    const li = (n: number, t: string) => `<li><a href="/thong-bao/${n}.html">${t}</a> <span>Ngày đăng: 0${n}/12/2024</span></li>`;
    const list = `<h1>THÔNG BÁO</h1><ul>${li(1, 'Thông báo lịch tiếp công dân tháng 12')}${li(2, 'Thông báo thu quỹ phòng chống thiên tai')}${li(3, 'Thông báo tạm ngừng cấp điện thôn Nà Pàn')}</ul>`;
    const page = (title: string) => `<html><head><title>${title}</title></head><body><div class="main">${list}</div></body></html>`;
    for (const [url, title] of [['https://xa.example.vn/thong-bao', 'Cổng thông tin xã'], ['https://xa.example.vn/index.php?cat=12', 'Thông báo - Cổng thông tin xã']]) {
      expect(readListingPage(page(title), url, null).page.items).toHaveLength(3);
    }
    // Elsewhere such a box is not the news.
    expect(() => readListingPage(page('Tin tức - Cổng thông tin xã'), 'https://xa.example.vn/tin-tuc', null)).toThrow(IngestError);
  });

  it('a category label linked above each title, even a long one seen once, is not the title', () => {
    const item = (n: number, cat: string, path: string, title: string) =>
      `<article class="it"><div class="meta"><a href="/${path}">${cat}</a> <span>0${n}/12/2024 08:00</span></div><h3><a href="/${path}/bai-${n}.html">${title}</a></h3></article>`;
    const page = `<html><body><section>${[
      item(1, 'Kinh tế - Cửa khẩu', 'kinh-te', 'Xuất khẩu nông sản qua cửa khẩu tăng mạnh'),
      item(2, 'Kinh tế - Cửa khẩu', 'kinh-te', 'Khai trương tuyến xe buýt mới nối hai huyện'),
      item(3, 'Nông nghiệp - Nông thôn mới', 'nong-nghiep', 'Chi Lăng: Mùa na cuối vụ'),
    ].join('')}</section></body></html>`;
    const r = readListingPage(page, 'https://bao.example.vn/tin-moi', null);
    expect(r.page.items.map((i) => i.title)).toEqual(['Xuất khẩu nông sản qua cửa khẩu tăng mạnh', 'Khai trương tuyến xe buýt mới nối hai huyện', 'Chi Lăng: Mùa na cuối vụ']);
    expect(r.page.items.map((i) => i.link)).toEqual(['kinh-te/bai-1', 'kinh-te/bai-2', 'nong-nghiep/bai-3'].map((p) => `https://bao.example.vn/${p}.html`));
  });

  it('dates written with month names (WordPress in Vietnamese or English, the locale\'s "thg") are found beside titles', () => {
    const dates = ['Tháng Mười Hai 7, 2024', '6 Tháng Mười Hai, 2024', '05 thg 12, 2024', 'December 4, 2024', '03 Dec 2024'];
    const titles = ['Khánh thành nhà văn hóa thôn Bản Pjạc', 'Tập huấn phòng chống cháy rừng mùa khô', 'Trao học bổng cho học sinh nghèo vượt khó', 'Hội nghị đối thoại với thanh niên năm 2024', 'Ra quân làm đường giao thông nông thôn'];
    const items = titles.map((t, n) => `<li><h3><a href="/tin/${n}.html">${t}</a></h3><span class="ngay">${dates[n]}</span></li>`).join('');
    const r = readListingPage(`<html><body><ul class="ds">${items}</ul></body></html>`, 'https://xa.example.vn/tin-tuc', null);
    expect(r.page.items.map((i) => i.date)).toEqual(dates);
  });

  it('titles written as headings before a "Chi tiết" link: the plan names the links apart and is reused as it is', () => {
    const item = (n: number, title: string) => `<div class="entry"><h3>${title}</h3><p>0${n}/12/2024</p><a class="btn" href="/hd/${n}.html">Chi tiết</a></div>`;
    const page = `<html><body><main>${item(1, 'Hội thi nấu ăn ngon chào mừng ngày thành lập Hội')}${item(2, 'Trao vốn vay ưu đãi cho hội viên khởi nghiệp')}${item(3, 'Tặng quà phụ nữ nghèo nhân dịp cuối năm')}</main></body></html>`;
    const first = readListingPage(page, 'https://hoi.example.vn/hoat-dong', null);
    expect(first.way).toBe('inferred');
    expect(first.plan?.selectors.link).toBeDefined();
    expect(first.page.items.map((i) => [i.title, i.link])).toEqual([
      ['Hội thi nấu ăn ngon chào mừng ngày thành lập Hội', 'https://hoi.example.vn/hd/1.html'],
      ['Trao vốn vay ưu đãi cho hội viên khởi nghiệp', 'https://hoi.example.vn/hd/2.html'],
      ['Tặng quà phụ nữ nghèo nhân dịp cuối năm', 'https://hoi.example.vn/hd/3.html'],
    ]);
    const again = readListingPage(page, 'https://hoi.example.vn/hoat-dong', null, first.memory);
    expect(again.way).toBe('remembered');
    expect(again.page.items).toEqual(first.page.items);
  });

  describe('other lists of the main list\'s column', () => {
    const T = ['Khánh thành nhà văn hóa thôn Bản Pjạc', 'Tuyển dụng viên chức cấp xã năm 2024', 'Trao học bổng cho học sinh nghèo vượt khó', 'Hội nghị đối thoại với thanh niên năm 2024', 'Bầu cử trưởng thôn nhiệm kỳ mới', 'Tổng kết công tác dân vận năm 2024', 'Ra quân làm đường giao thông nông thôn', 'Kiểm tra an toàn thực phẩm dịp Tết'];
    const links = (html: string) => readListingPage(html, 'https://xa.example.vn/tin-tuc', null).page.items.map((i) => i.link!.replace('https://xa.example.vn/tin/', ''));
    const li = (n: number, date: boolean) => `<li><a href="/tin/${n}.html">${T[n]}</a>${date ? ` <span>(0${n + 1}/12/2024)</span>` : ''}</li>`;

    it('a paper\'s category: the lead and the pictured sub-leads above the dated list are read with it', () => {
      const sub = (n: number) => `<div class="sub"><a href="/tin/${n}.html"><img src="/a/${n}.jpg"></a><h3><a href="/tin/${n}.html">${T[n]}</a></h3></div>`;
      const art = (n: number) => `<article class="it"><a href="/tin/${n}.html"><img src="/a/${n}.jpg"></a><h3><a href="/tin/${n}.html">${T[n]}</a></h3><time>0${n}-12-2024 08:15</time><p>Tóm tắt nội dung bài viết số ${n} của chuyên mục kinh tế.</p></article>`;
      const page = `<html><body><main><section class="top"><div class="lead"><a href="/tin/0.html"><img src="/a/0.jpg"></a><h2><a href="/tin/0.html">${T[0]}</a></h2><p>Sapo bài chính của chuyên mục với nội dung dài hơn một chút.</p></div><div class="subs">${[1, 2, 3].map(sub).join('')}</div></section><section class="list">${[4, 5, 6, 7].map(art).join('')}</section></main></body></html>`;
      expect(links(page)).toEqual(['0.html', '1.html', '2.html', '3.html', '4.html', '5.html', '6.html', '7.html']);
    });

    it('a list split in two columns without headings of their own is read whole, dated or not', () => {
      for (const dated of [false, true]) {
        const col = (ns: number[]) => `<div class="col-6"><ul class="list">${ns.map((n) => li(n, dated)).join('')}</ul></div>`;
        const page = `<html><body><div class="main"><h2>Tin tức</h2><div class="row">${col([0, 1, 2, 3])}${col([4, 5, 6, 7])}</div></div></body></html>`;
        expect(links(page)).toHaveLength(8);
      }
    });

    it('boxes with headings of their own (a home\'s categories) stay apart, dated as they are', () => {
      const box = (h: string, ns: number[]) => `<div class="box"><h3 class="box-title">${h}</h3><ul class="list">${ns.map((n) => li(n, true)).join('')}</ul></div>`;
      const page = `<html><body><div class="main">${box('Kinh tế', [0, 1, 2, 3])}${box('Xã hội', [4, 5, 6, 7])}</div></body></html>`;
      expect(links(page)).toEqual(['0.html', '1.html', '2.html', '3.html']);
    });
  });

  it('a story with its related stories listed under it is one item, titled by its own link, picture and all', () => {
    const titles = ['Khánh thành nhà văn hóa thôn Bản Pjạc', 'Tuyển dụng viên chức cấp xã năm 2024', 'Trao học bổng cho học sinh nghèo vượt khó'];
    const story = (t: string, n: number) => `<div class="story"><a href="/tin/${n}.html"><img src="/a/${n}.jpg"></a><h3><a href="/tin/${n}.html">${t}</a></h3><span>0${n + 1}/12/2024 08:00</span>
      <ul class="related"><li><a href="/tin/${n}0.html">Bài liên quan thứ nhất của tin số ${n}</a></li><li><a href="/tin/${n}1.html">Bài liên quan thứ hai của tin số ${n}</a></li></ul></div>`;
    const r = readListingPage(`<html><body><div class="list">${titles.map(story).join('')}</div></body></html>`, 'https://bao.example.vn/xa-hoi/', null);
    expect(r.page.items.map((i) => [i.title, i.image])).toEqual(titles.map((t, n) => [t, `https://bao.example.vn/a/${n}.jpg`]));
  });

  it('infers the structure of an unknown page as selectors, remembers them, and reuses them', () => {
    const first = readListingPage(vnpt, VNPT, null);
    expect(first.way).toBe('inferred');
    expect(first.expressible).toBe(true);
    expect(first.memory?.plan?.selectors).toEqual(first.plan?.selectors);
    const again = readListingPage(vnpt, VNPT, null, first.memory);
    expect(again.way).toBe('remembered');
    expect(again.page.items).toEqual(first.page.items);
  });

  it('infers again when the remembered way finds nothing (the portal changed its markup)', () => {
    const old = readListingPage(vnpt, VNPT, null).memory!;
    const redesigned = readListingPage(commune, 'https://xaquanchu.thainguyen.gov.vn/tin-tuc.html', null, old);
    expect(redesigned.way).toBe('inferred');
    expect(redesigned.page.items).toHaveLength(5);
    expect(redesigned.memory?.plan).not.toEqual(old.plan);
  });

  it('remembers how many articles the way read, and looks again when it reads far fewer', () => {
    const first = readListingPage(vnpt, VNPT, null);
    expect(first.memory?.count).toBe(first.page.items.length);
    // The same selectors now find a third of what they found: the page is not the one remembered.
    const shrunk = { ...first.memory!, count: first.page.items.length * 3 };
    expect(readListingPage(vnpt, VNPT, null, shrunk).way).toBe('inferred');
    const platform = readListingPage(tandan, 'https://chodon.backan.gov.vn/portal/Pages/a.aspx', null).memory!;
    expect(platform.count).toBe(10);
    expect(readListingPage(tandan, 'https://chodon.backan.gov.vn/portal/Pages/a.aspx', null, { ...platform, count: 30 }).way).toBe('platform');
  });

  it('says so when a page holds no list of articles', () => {
    const page = '<html><body><ul class="menu"><li><a href="/">Trang chủ</a></li><li><a href="/lien-he">Liên hệ</a></li></ul></body></html>';
    expect(() => readListingPage(page, 'https://xa.example.vn/', null)).toThrow(IngestError);
  });
});
