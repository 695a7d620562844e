import { beforeAll, describe, expect, it } from 'vitest';
import catalogText from '../fixtures/catalog.json?raw';
import xssRss from '../fixtures/xss/rss.xml?raw';
import { WIDGET_JS } from '../../src/widget/script';
import { adminCall, call, loadCatalog, override, runCron } from '../helpers/worker';
import { attrs, select, texts } from '../helpers/html';
import { children, parseXml, type XmlNode } from '../helpers/xml';

const NAME = 'Ban Tiếp công dân <Thử> "A&B"';
const extra = (tiepDanUrl: string) => [
  // Both unverified: one refresh proves the first, the second keeps saying where its address came from.
  { id: 'tiep-dan', name: NAME, url: tiepDanUrl, kind: 'feed', region: { province: 'thai-nguyen' }, unverified: { from: 'một danh sách thử' } },
  { id: 'hong', name: 'Cổng TTĐT huyện Hòa An', url: '{{ORIGIN}}/hostile/500', kind: 'feed', unverified: { from: 'một script công khai' }, region: { province: 'cao-bang', district: 'hoa-an', districtName: 'huyện Hòa An' } },
  { id: 'tu-choi', name: 'Cổng TTĐT huyện Quảng Hòa', url: 'http://127.0.0.1:1/rss', kind: 'feed', region: { province: 'cao-bang', district: 'quang-hoa' } },
  { id: 'na-ri', name: 'Cổng TTĐT huyện Na Rì', url: '{{ORIGIN}}/xss/rss.xml', kind: 'feed', retired: true, region: { province: 'bac-kan', district: 'na-ri', districtName: 'huyện Na Rì' } },
  { id: 'ngan-son', name: 'Cổng TTĐT huyện Ngân Sơn', url: '{{ORIGIN}}/xss/rss.xml', kind: 'html', preset: 'tandan', enabled: false, region: { province: 'bac-kan', district: 'ngan-son', districtName: 'huyện Ngân Sơn' } },
];
const catalog = (tiepDanUrl = '{{ORIGIN}}/xss/rss.xml') => [...JSON.parse(catalogText), ...extra(tiepDanUrl)];

/** Status cell text of a source's row on /sources. */
async function statuses(): Promise<Record<string, string>> {
  const html = await (await call('/sources')).text();
  const rows = await select(html, 'tbody tr');
  const cells = await texts(html, 'td.status');
  return Object.fromEntries(rows.map((r, i) => [r.attrs.id.replace(/^nguon-/, ''), cells[i]]));
}

describe('/sources, /sources.opml and the embed', () => {
  beforeAll(async () => {
    await loadCatalog(JSON.stringify(catalog()));
    await runCron();
  });

  it('tells each source’s health in words, grouped by today’s province', async () => {
    const html = await (await call('/sources')).text();
    expect(await texts(html, 'section.group h2')).toEqual(['Tỉnh Cao Bằng (2 nguồn)', 'Tỉnh Thái Nguyên (11 nguồn)']);
    // Bắc Kạn's portals sit with Thái Nguyên, which it joined in 2025.
    expect(await attrs(html, '#tinh-thai-nguyen tbody tr', 'id')).toContain('nguon-cho-don');
    const s = await statuses();
    expect(s.backan).toBe('Hoạt động');
    expect(s['tiep-dan']).toBe('Hoạt động');
    // Errors in Vietnamese, never the runtime's English.
    expect(s.hong).toBe('Chưa kiểm chứng (địa chỉ lấy từ một script công khai) · Lỗi: Máy chủ của cổng đang lỗi (HTTP 500). (1 lần)');
    expect(s['tu-choi']).toBe('Chưa kiểm chứng · Lỗi: Máy chủ của cổng từ chối hoặc cắt kết nối. (1 lần)');
    // The summary counts what the rows say.
    const unverifiedRows = Object.values(s).filter((t) => t.includes('Chưa kiểm chứng')).length;
    expect(unverifiedRows).toBe(2);
    expect((await texts(html, 'p.lead'))[0]).toContain(`${unverifiedRows} chưa kiểm chứng`);
    // The API keeps the machine codes.
    const api = (await (await call('/api/sources')).json()) as { sources: { id: string; health: { lastErrorCode: string | null; lastErrorStatus: number | null } }[] };
    const health = Object.fromEntries(api.sources.map((x) => [x.id, x.health]));
    expect(health.hong).toMatchObject({ lastErrorCode: 'http', lastErrorStatus: 500 });
    expect(health['tu-choi']).toMatchObject({ lastErrorCode: 'refused', lastErrorStatus: null });
    expect(s['na-ri']).toBe('Đã ngừng');
    expect(s['ngan-son']).toBe('Tắt');
    const row = (await select(html, 'tr#nguon-backan td')).map((c) => c.text);
    expect(row[1]).toBe('Tỉnh Bắc Kạn (cũ, nay thuộc tỉnh Thái Nguyên)');
    expect(row[4]).toMatch(/^vừa xong\d\d:\d\d \d\d\/\d\d\/\d{4}$/);
    expect(Number(row[6])).toBeGreaterThan(0);
    expect(row[7]).toMatch(/phút nữa/);
    expect((await select(html, 'tr#nguon-hong td'))[4].text).toBe('Chưa lần nào');
    expect((await select(html, 'tr#nguon-ngan-son td'))[2].text).toBe('Trang HTML (mẫu tandan)');
    expect(html).toContain('Ban Tiếp công dân &lt;Thử&gt; &quot;A&amp;B&quot;');
  });

  it('says when a source that worked starts failing, and how many times in a row', async () => {
    // An address of its own on the origin, made to fail and then to work again where it is.
    const path = '/tiep-dan/rss.xml';
    const works = () => override({ path, body: xssRss, headers: { 'content-type': 'application/rss+xml; charset=utf-8' } });
    await works();
    await loadCatalog(JSON.stringify(catalog(`{{ORIGIN}}${path}`)));
    await adminCall('/admin/refresh?source=tiep-dan', 'POST');
    await override({ path, status: 500 });
    await adminCall('/admin/refresh?source=tiep-dan', 'POST');
    await adminCall('/admin/refresh?source=tiep-dan', 'POST');
    expect((await statuses())['tiep-dan']).toBe('Lỗi: Máy chủ của cổng đang lỗi (HTTP 500). (2 lần liên tiếp)');
    const html = await (await call('/sources')).text();
    const cells = (await select(html, 'tr#nguon-tiep-dan td')).map((c) => c.text);
    expect(cells[4]).toMatch(/^vừa xong/); // it last worked a moment ago
    expect(cells[5]).toMatch(/^vừa xong\d\d:\d\d /); // when it failed; the status says why
    // Its stored articles are still served.
    expect((await texts(await (await call('/s/tiep-dan')).text(), 'li.article h2 a')).length).toBe(2);
    // Working again: the error is shown as past.
    await works();
    await adminCall('/admin/refresh?source=tiep-dan', 'POST');
    expect((await statuses())['tiep-dan']).toBe('Hoạt động');
    const after = (await select(await (await call('/sources')).text(), 'tr#nguon-tiep-dan td')).map((c) => c.text);
    expect(after[5]).toMatch(/^Trước đây: Máy chủ của cổng đang lỗi \(HTTP 500\)\./);
    // A new address starts afresh: the old one's error is not its own.
    await loadCatalog(JSON.stringify(catalog()));
    await adminCall('/admin/refresh?source=tiep-dan', 'POST');
    expect((await statuses())['tiep-dan']).toBe('Hoạt động');
    const moved = (await select(await (await call('/sources')).text(), 'tr#nguon-tiep-dan td')).map((c) => c.text);
    expect(moved[5]).not.toMatch(/HTTP 500/);
  });

  it('lists every source and region feed as OPML 2.0, one folder per province', async () => {
    const res = await call('/sources.opml');
    expect(res.headers.get('content-type')).toBe('text/x-opml; charset=utf-8');
    const opml = parseXml(await res.text());
    expect(opml.name).toBe('opml');
    expect(opml.attrs.version).toBe('2.0');
    const head = children(opml, 'head')[0];
    expect(children(head, 'title')[0].text).toBe('bantin — Nguồn tin chính quyền địa phương');
    expect(Number.isNaN(Date.parse(children(head, 'dateCreated')[0].text))).toBe(false);
    const body = children(opml, 'body')[0];
    const top = children(body, 'outline');
    expect(top[0].attrs).toMatchObject({ type: 'rss', xmlUrl: 'https://bantin.test/feed.rss' });
    const folders = top.filter((o) => !o.attrs.xmlUrl);
    expect(folders.map((f) => f.attrs.text)).toEqual(['Tỉnh Cao Bằng', 'Tỉnh Thái Nguyên']);
    const urls = (f: XmlNode) => children(f, 'outline').map((o) => o.attrs.xmlUrl);
    const tn = folders[1];
    expect(urls(tn).slice(0, 2)).toEqual(['https://bantin.test/p/thai-nguyen/feed.rss', 'https://bantin.test/p/bac-kan/feed.rss']);
    expect(urls(tn)).toContain('https://bantin.test/p/bac-kan/cho-don/feed.rss');
    expect(urls(folders[0])).toEqual(['https://bantin.test/p/cao-bang/feed.rss', 'https://bantin.test/p/cao-bang/hoa-an/feed.rss', 'https://bantin.test/p/cao-bang/quang-hoa/feed.rss', 'https://bantin.test/s/hong/feed.rss', 'https://bantin.test/s/tu-choi/feed.rss']);
    // Every source exactly once, as a feed with its portal as htmlUrl; names read back as written.
    const feeds = folders.flatMap((f) => children(f, 'outline')).filter((o) => o.attrs.xmlUrl.includes('/s/'));
    expect(feeds.map((o) => o.attrs.xmlUrl.split('/')[4]).sort()).toEqual(catalog().map((s) => s.id).sort());
    for (const o of feeds) {
      expect(o.attrs.type).toBe('rss');
      expect(o.attrs.htmlUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    }
    expect(feeds.find((o) => o.attrs.xmlUrl.endsWith('/s/tiep-dan/feed.rss'))!.attrs.text).toBe(NAME);
    expect(feeds.find((o) => o.attrs.xmlUrl.endsWith('/s/na-ri/feed.rss'))!.attrs.text).toBe('Cổng TTĐT huyện Na Rì (đã ngừng)');
    // The region feeds it lists exist.
    for (const u of urls(tn).slice(0, 3)) expect((await call(new URL(u).pathname)).status).toBe(200);
  });

  it('builds the embed snippet from a GET form, with a live preview', async () => {
    const html = await (await call('/embed?province=thai-nguyen&district=cho-don&limit=5')).text();
    expect(await texts(html, 'pre.snippet code')).toEqual(['<script src="https://bantin.test/embed.js" data-province="thai-nguyen" data-district="cho-don" data-limit="5" async></script>']);
    const preview = (await select(html, '.preview script'))[0];
    expect(preview.attrs).toMatchObject({ src: '/embed.js', 'data-province': 'thai-nguyen', 'data-district': 'cho-don', 'data-limit': '5' });
    expect(await attrs(html, 'select[name=district] option[selected]', 'value')).toEqual(['cho-don']);
    // What it does not know it leaves out, rather than writing it into a snippet.
    const odd = await (await call('/embed?province=atlantis&district=x&limit=999')).text();
    expect(await texts(odd, 'pre.snippet code')).toEqual(['<script src="https://bantin.test/embed.js" data-province="" data-district="" data-limit="10" async></script>']);
  });

  it('serves /embed.js small, cacheable and free of HTML sinks', async () => {
    const res = await call('/embed.js');
    expect(res.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const body = await res.text();
    expect(body).toBe(WIDGET_JS);
    const gz = await new Response(new Blob([body]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
    expect(gz.byteLength).toBeLessThan(5 * 1024);
    expect(body).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/);
  });
});
