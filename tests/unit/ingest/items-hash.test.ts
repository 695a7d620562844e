import { describe, expect, it } from 'vitest';
import { itemsHash, itemsText } from '../../../src/ingest/items-hash';

const entry = (n: number, title: string) => `  <entry>
    <title>${title}</title>
    <link rel="alternate" href="https://sonoivu.langson.gov.vn/-/view_content/${n}-tin.html" />
    <id>https://sonoivu.langson.gov.vn/-/view_content/${n}-tin.html</id>
    <published>2026-11-2${n}T08:30:00Z</published>
    <summary type="html">&lt;p&gt;Sở Nội vụ hướng dẫn thực hiện chế độ, chính sách số ${n}.&lt;/p&gt;</summary>
  </entry>`;

/** A Liferay Atom feed stamped with the time of the request, as some are. */
const atom = (updated: string, entries: string[], title = 'Tin tức - Sự kiện') => `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>${title}</title>
  <updated>${updated}</updated>
${entries.join('\n')}
</feed>
`;

const rss = (buildDate: string, items: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Cổng TTĐT xã Lộc Quang</title>
<lastBuildDate>${buildDate}</lastBuildDate>
${items}
</channel></rss>`;
const item = (n: number, title: string) => `<item><title>${title}</title><link>https://locquang.langson.gov.vn/news/tin-${n}.html</link><pubDate>Thu, 26 Nov 2026 0${n}:00:00 +0700</pubDate></item>`;

/** A SharePoint (Tân Dân) listing with the per-request parts such pages carry. */
const tandan = (viewstate: string, digest: string, nonce: string, links: string) => `<!DOCTYPE html>
<html lang="vi-VN"><head><meta charset="utf-8"><title>Tin tức - Sự kiện</title>
<script nonce="${nonce}" type="text/javascript">var _spPageContextInfo = {serverTime: "${digest}", correlationId: "${viewstate.slice(0, 8)}"};</script>
</head><body>
<form method="post" action="./Tin-tuc-su-kien.aspx" id="aspnetForm">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="${viewstate}" />
<input type="hidden" name="__REQUESTDIGEST" value="0x${digest}" />
<!-- rendered in ${digest.length} ms -->
<div class="channel-news">${links}</div>
<input type="text" name="q" value="tìm kiếm" />
</form></body></html>`;
const link = (n: number, title: string) => `<label class="channel-news-title"><a href="/portal/Pages/2026-11-2${n}/tin-${n}.aspx">${title}</a></label><span class="channel-news-date">2${n} - 11 - 2026</span>`;

describe('itemsHash: the same items in other bytes hash alike', () => {
  it('an Atom feed stamped with each request\'s time: same entries, same hash; a new entry or an edited one, another', async () => {
    const entries = [entry(3, 'Hướng dẫn tuyển dụng công chức'), entry(2, 'Kết quả thi nâng ngạch')];
    const a = await itemsHash(atom('2026-11-27T08:00:00Z', entries), 'atom');
    expect(a).toMatch(/^[\w-]{22}$/);
    expect(await itemsHash(atom('2026-11-27T08:01:13Z', entries), 'atom')).toBe(a);
    // Anything in the feed's head before its first entry is left out, its title too.
    expect(await itemsHash(atom('2026-11-27T08:02:00Z', entries, 'Tin tức'), 'atom')).toBe(a);
    expect(await itemsHash(atom('2026-11-27T08:03:00Z', [entry(4, 'Thông báo mới'), ...entries]), 'atom')).not.toBe(a);
    expect(await itemsHash(atom('2026-11-27T08:04:00Z', [entry(3, 'Hướng dẫn tuyển dụng viên chức'), entries[1]]), 'atom')).not.toBe(a);
    // An entry dropped off the end is a change too (it is read again, and nothing is lost).
    expect(await itemsHash(atom('2026-11-27T08:05:00Z', entries.slice(0, 1)), 'atom')).not.toBe(a);
  });

  it('an RSS feed whose build date moves: same items, same hash', async () => {
    const items = `${item(2, 'Xã Lộc Quang ra quân làm đường')}\n${item(1, 'Họp dân thôn Nà Lừa')}`;
    const a = await itemsHash(rss('Thu, 26 Nov 2026 09:00:00 +0700', items), 'rss');
    expect(await itemsHash(rss('Thu, 26 Nov 2026 09:40:00 +0700', items), 'rss')).toBe(a);
    expect(await itemsHash(rss('Thu, 26 Nov 2026 09:40:00 +0700', `${item(3, 'Tiêm phòng cho gia súc')}\n${items}`), 'rss')).not.toBe(a);
  });

  it('RSS 1.0: the channel\'s list of item ids is not an item, the items are', () => {
    const rdf = `<rdf:RDF><channel rdf:about="https://x.gov.vn/"><title>Tin</title><items><rdf:Seq><rdf:li resource="https://x.gov.vn/1"/></rdf:Seq></items></channel>
<item rdf:about="https://x.gov.vn/1"><title>Tin một</title></item></rdf:RDF>`;
    expect(itemsText(rdf, 'rdf')).toMatch(/^<item rdf:about/);
  });

  it('a namespaced entry counts as an entry', () => {
    expect(itemsText('<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:updated>x</a:updated><a:entry><a:title>t</a:title></a:entry></a:feed>', 'atom')).toMatch(/^<a:entry>/);
  });

  it('an HTML listing whose view state, request digest, script, comment and nonce change by request: same links, same hash', async () => {
    const links = `${link(6, 'Hội nghị tổng kết năm')}${link(5, 'Tập huấn chuyển đổi số')}`;
    const a = await itemsHash(tandan('/wEPDwUBMA9kFgJmabc', '1A2B3C', 'n0nce1', links), 'html');
    expect(await itemsHash(tandan('/wEPDwUBMA9kFgJmxyzw', '9F8E7D6C', 'n0nce22', links), 'html')).toBe(a);
    expect(await itemsHash(tandan('/wEPDwUBMA9kFgJmxyzw', '9F8E7D6C', 'n0nce22', `${link(7, 'Lễ ra quân')}${links}`), 'html')).not.toBe(a);
    expect(await itemsHash(tandan('/wEPDwUBMA9kFgJmabc', '1A2B3C', 'n0nce1', links.replace('Hội nghị', 'Hội thảo')), 'html')).not.toBe(a);
  });

  it('keeps what a listing reads: visible fields and noscript images count', () => {
    const page = '<html><body><input type="text" value="a"><noscript><img src="/anh-1.jpg"></noscript><script>var t=1</script><a href="/tin-1">Tin</a></body></html>';
    const text = itemsText(page, 'html')!;
    expect(text).toContain('<input type="text" value="a">');
    expect(text).toContain('<noscript><img src="/anh-1.jpg"></noscript>');
    expect(text).toContain('<a href="/tin-1">Tin</a>');
    expect(text).not.toContain('var t=1');
  });

  it('leaves a part with no end as it is, and reads a hostile page of unclosed openers in one pass', () => {
    const page = '<html><body><a href="/tin-1">Tin</a><script>var a=1;</script><!-- x --><p>Giữa</p><script>không đóng <a href="/tin-2">Tin 2</a>';
    expect(itemsText(page, 'html')).toBe('<html><body><a href="/tin-1">Tin</a><p>Giữa</p><script>không đóng <a href="/tin-2">Tin 2</a>');
    expect(itemsText('<p>a</p><!-- mở <a href="/x">x</a>', 'html')).toBe('<p>a</p><!-- mở <a href="/x">x</a>');
    expect(itemsText('<p>a</p><input type="hidden" value="1"><input type="hidden" value="2', 'html')).toBe('<p>a</p><input type="hidden" value="2');
    // Hundreds of thousands of openers with no end: a search that went back to each would not finish.
    for (const opener of ['<script ', '<!--', '<input type=hidden ']) {
      const hostile = `<p>đầu</p>${opener.repeat(200_000)}`;
      expect(itemsText(hostile, 'html') === hostile).toBe(true);
    }
    const unquoted = `<p>đầu</p> nonce="${'<a href=x>'.repeat(200_000)}`;
    expect(itemsText(unquoted, 'html') === unquoted).toBe(true);
  });

  it('has nothing to tell apart in a JSON feed or a feed without items: no hash, so the body is parsed', async () => {
    expect(await itemsHash('{"version":"https://jsonfeed.org/version/1.1","items":[]}', 'jsonfeed')).toBeUndefined();
    expect(await itemsHash(rss('Thu, 26 Nov 2026 09:00:00 +0700', ''), 'rss')).toBeUndefined();
    expect(await itemsHash('\u0000\u0001', 'unknown')).toBeUndefined();
  });

  it('hashes the items text itself, so the hashes stored by earlier builds still match and no portal is parsed again for nothing', async () => {
    const page = `<html><head><script>var t = ${Date.now()};</script></head><body><!-- máy chủ 3 --><form><input type="hidden" name="__VIEWSTATE" value="dDwtMTA4"><input type="text" name="q"></form>
<ul class="list-news">${Array.from({ length: 40 }, (_, i) => `<li><a href="/tin/${i}">Xã Tân Lộc tổ chức hội nghị số ${i} — “Đổi mới” 🌾</a></li>`).join('')}</ul><script nonce="r4nd0m">x()</script><p>Cuối trang</p></body></html>`;
    const text = itemsText(page, 'html')!;
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)), 0, 16);
    const expected = btoa(String.fromCharCode(...digest)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect(await itemsHash(page, 'html')).toBe(expected);
    // A longer page than the last (the buffer grows), then a short one again.
    const long = page.replace('<p>Cuối trang</p>', `<p>${'Đường giao thông nông thôn. '.repeat(4000)}</p>`);
    expect(await itemsHash(long, 'html')).not.toBe(expected);
    expect(await itemsHash(page, 'html')).toBe(expected);
  });
});
