import { beforeAll, describe, expect, it } from 'vitest';
import catalogText from '../fixtures/catalog.json?raw';
import { foldForSearch } from '../../src/vietnamese';
import { vnDateTime } from '../../src/pages/dates';
import { adminCall, call, loadCatalog, runCron } from '../helpers/worker';
import { attrs, select, texts } from '../helpers/html';

interface ApiPage {
  items: { id: string; url: string; title: string; summary: string; image?: string; date_published: string; date_only?: boolean; source: { id: string; name: string } }[];
  next_url: string | null;
}
const get = async <T>(path: string) => (await (await call(path)).json()) as T;
const page = async (path: string) => {
  const res = await call(path);
  expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
  return res.text();
};
const relative = (href: string) => {
  const u = new URL(href, 'https://bantin.test');
  return u.pathname + u.search;
};

// The fixture portals, plus: a portal whose titles carry HTML (double-escaped, so it is stored as
// text), one that never answers, one retired and one disabled, in a second province.
const TIEP_DAN = 'Ban Tiếp công dân <Thử> "A&B"';
const extra = [
  { id: 'tiep-dan', name: TIEP_DAN, url: '{{ORIGIN}}/xss/rss.xml', kind: 'feed', region: { province: 'thai-nguyen' } },
  { id: 'hong', name: 'Cổng TTĐT xã Hồng Việt', url: '{{ORIGIN}}/hostile/500', kind: 'feed', region: { province: 'cao-bang', district: 'hoa-an', districtName: 'huyện Hòa An' } },
  { id: 'na-ri', name: 'Cổng TTĐT huyện Na Rì', url: '{{ORIGIN}}/xss/rss.xml', kind: 'feed', retired: true, region: { province: 'bac-kan', district: 'na-ri', districtName: 'huyện Na Rì' } },
  { id: 'ngan-son', name: 'Cổng TTĐT huyện Ngân Sơn', url: '{{ORIGIN}}/xss/rss.xml', kind: 'html', preset: 'tandan', enabled: false, region: { province: 'bac-kan', district: 'ngan-son', districtName: 'huyện Ngân Sơn' } },
];
const catalog = () => [...JSON.parse(catalogText), ...extra];

describe('pages', () => {
  beforeAll(async () => {
    await loadCatalog(JSON.stringify(catalog()));
    await runCron();
  });

  it('shows the newest articles, in Vietnamese, with dates in Vietnam time', async () => {
    const html = await page('/');
    expect(await texts(html, 'h1')).toEqual(['Tin mới nhất']);
    const api = await get<ApiPage>('/api/articles?limit=20');
    expect(await texts(html, 'li.article h2 a')).toEqual(api.items.map((i) => i.title));
    expect(await attrs(html, 'li.article h2 a', 'href')).toEqual(api.items.map((i) => i.url));
    expect(await texts(html, 'li.article .meta a')).toEqual(api.items.map((i) => i.source.name));
    const dates = await texts(html, 'li.article time');
    expect(dates).toEqual(api.items.map((i) => vnDateTime(i.date_published, i.date_only)));
    for (const [n, d] of dates.entries()) {
      // A time only where the portal gave one: a day alone never shows a made-up "00:00".
      expect(d).toMatch(api.items[n].date_only ? /^(Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ nhật), \d\d\/\d\d\/\d{4}$/ : /^(Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ nhật), \d\d\/\d\d\/\d{4} \d\d:\d\d$/);
    }
    const all = await get<ApiPage>('/api/articles?limit=500');
    expect(all.items.some((i) => i.date_only)).toBe(true);
    // backan's feed says "26/11/2019 08:30:00" (Vietnam time, a Tuesday): shown as written.
    expect(await texts(await page('/s/backan?limit=100'), 'li.article time')).toContain('Thứ Ba, 26/11/2019 08:30');
    // Thumbnails load lazily, through bantin's image route (the portal sees no reader's page).
    const thumbs = await select(html, 'li.article .thumb img');
    const withImages = api.items.filter((i) => i.image);
    expect(withImages.length).toBeGreaterThan(0);
    expect(thumbs.map((t) => t.attrs.src)).toEqual(withImages.map((i) => `/img?u=${encodeURIComponent(i.image!)}`));
    for (const img of thumbs) expect(img.attrs).toMatchObject({ loading: 'lazy', alt: '' });
  });

  it('offers the 34 provinces, former ones marked, and the chosen province’s districts', async () => {
    const home = await page('/');
    const groups = await select(home, 'select[name=province] optgroup');
    expect(groups.map((g) => g.attrs.label)).toEqual(['34 tỉnh, thành phố (từ 1/7/2025)', 'Tỉnh cũ (trước 1/7/2025)']);
    expect(await select(home, 'select[name=province] optgroup:nth-child(2) option')).toHaveLength(34);
    const bacKan = (await select(home, 'select[name=province] option')).find((o) => o.attrs.value === 'bac-kan')!;
    expect(bacKan.text).toBe('Bắc Kạn (cũ, nay thuộc Thái Nguyên)');
    expect((await select(home, 'select[name=district]'))[0].attrs.disabled).toBeDefined();

    const tn = await page('/?province=thai-nguyen');
    expect((await select(tn, 'select[name=province] option[selected]')).map((o) => o.attrs.value)).toEqual(['thai-nguyen']);
    const districts = await select(tn, 'select[name=district] option');
    expect(districts.map((d) => d.text)).toEqual(['Tất cả', 'Huyện Bạch Thông (Bắc Kạn cũ)', 'Huyện Chợ Đồn (Bắc Kạn cũ)', 'Huyện Na Rì (Bắc Kạn cũ)', 'Huyện Ngân Sơn (Bắc Kạn cũ)', 'Huyện Pác Nặm (Bắc Kạn cũ)']);
  });

  it('filters by province, district and words, and links the feeds of what is on screen', async () => {
    const html = await page('/?province=bac-kan&district=cho-don&q=cho+don');
    expect(await texts(html, 'h1')).toEqual(['Huyện Chợ Đồn, tỉnh Bắc Kạn (cũ, nay thuộc tỉnh Thái Nguyên)']);
    const sources = await texts(html, 'li.article .meta a');
    expect(sources.length).toBeGreaterThan(0);
    expect(new Set(sources)).toEqual(new Set(['Cổng TTĐT huyện Chợ Đồn']));
    const alternates = await select(html, 'link[rel=alternate]');
    expect(alternates.map((a) => [a.attrs.type, a.attrs.href])).toEqual([
      ['application/rss+xml', 'https://bantin.test/p/bac-kan/cho-don/feed.rss?q=cho+don'],
      ['application/atom+xml', 'https://bantin.test/p/bac-kan/cho-don/feed.atom?q=cho+don'],
      ['application/feed+json', 'https://bantin.test/p/bac-kan/cho-don/feed.json?q=cho+don'],
    ]);
    expect(await attrs(html, 'p.feeds a', 'href')).toEqual(alternates.map((a) => a.attrs.href));
    // The JSON feed linked holds what the page shows.
    const feed = await get<{ items: { url: string }[] }>(relative(alternates[2].attrs.href));
    expect(feed.items.map((i) => i.url)).toEqual(await attrs(html, 'li.article h2 a', 'href'));

    // Whole words without diacritics: "cho don" finds "Chợ Đồn", not "chợ … đông".
    const found = await page('/?q=cho+don');
    const items = await select(found, 'li.article .body');
    expect(items.length).toBeGreaterThan(0);
    for (const i of items) expect(foldForSearch(i.text)).toMatch(/\bcho\b.*\bdon\b|\bdon\b.*\bcho\b/);
    // The page says it is a search and how many matched over all pages.
    expect(await texts(found, 'p.search-count')).toEqual([`Kết quả tìm “cho don”: ${items.length} bài khớp.`]);
    expect(items.some((i) => i.text.includes('Chợ Đồn'))).toBe(true);
    expect(await attrs(found, 'link[rel=alternate]', 'href')).toContain('https://bantin.test/feed.rss?q=cho+don');
    expect(await texts(await page('/?q=khongcobainao'), 'p.empty')).toEqual(['Không có bài nào khớp với “khongcobainao”.']);
  });

  it('drops a district left over from another province instead of showing nothing', async () => {
    const html = await page('/?province=ha-noi&district=cho-don&q=');
    expect(await texts(html, 'h1')).toEqual(['Thành phố Hà Nội']);
    expect(await attrs(html, 'link[rel=alternate]', 'href')).toContain('https://bantin.test/p/ha-noi/feed.rss');
  });

  it('pages by cursor: "Trang sau" walks every article once, in order', async () => {
    const all = await get<ApiPage>('/api/articles?limit=500');
    const seen: string[] = [];
    let path: string | null = '/';
    let pages = 0;
    while (path) {
      const html = await page(path);
      seen.push(...(await attrs(html, 'li.article h2 a', 'href')));
      if (pages++ > 0) expect(await texts(html, '.pager a')).toContain('« Trang đầu');
      const next = (await select(html, '.pager a.next'))[0];
      path = next ? next.attrs.href : null;
      if (next) expect(next.text.trim()).toBe('Trang sau »');
    }
    expect(pages).toBeGreaterThan(1);
    expect(seen).toEqual(all.items.map((i) => i.url));
  });

  it('titles region and source pages, and refuses unknown ones', async () => {
    const tn = await page('/p/thai-nguyen?limit=200');
    expect(await texts(tn, 'h1')).toEqual(['Tỉnh Thái Nguyên']);
    expect((await texts(tn, 'p.lead'))[0]).toContain('tỉnh Bắc Kạn (cũ)');
    expect(await texts(tn, 'li.article .meta a')).toContain('Cổng TTĐT huyện Chợ Đồn');
    expect(await attrs(tn, 'link[rel=alternate]', 'href')).toContain('https://bantin.test/p/thai-nguyen/feed.rss?limit=200');
    const bk = await page('/p/bac-kan');
    expect(await texts(bk, 'h1')).toEqual(['Tỉnh Bắc Kạn (cũ, nay thuộc tỉnh Thái Nguyên)']);
    expect(await texts(bk, 'title')).toEqual(['Tỉnh Bắc Kạn (cũ, nay thuộc tỉnh Thái Nguyên) — bantin']);
    const cd = await page('/p/bac-kan/cho-don');
    expect(new Set(await texts(cd, 'li.article .meta a'))).toEqual(new Set(['Cổng TTĐT huyện Chợ Đồn']));
    const src = await page('/s/pac-nam');
    expect(await texts(src, 'h1')).toEqual(['Cổng TTĐT huyện Pác Nặm']);
    expect(await attrs(src, 'form.filters', 'action')).toEqual(['/s/pac-nam']);
    expect(await attrs(src, 'link[rel=alternate]', 'href')).toContain('https://bantin.test/s/pac-nam/feed.rss');

    const unknown = await call('/p/atlantis');
    expect(unknown.status).toBe(400);
    // In Vietnamese, naming the provinces there are.
    expect(await texts(await unknown.text(), 'li')).toContainEqual(expect.stringMatching(/^Không có tỉnh “atlantis”\. Các tỉnh, thành phố hiện nay: .*Thái Nguyên \(thai-nguyen\)/));
    expect((await call('/s/khong-co')).status).toBe(404);
    const district = await call('/p/bac-kan/nope');
    expect(district.status).toBe(404);
    const said = await texts(await district.text(), 'li');
    expect(said[0]).toBe('Không có huyện “nope” trong tỉnh Bắc Kạn (cũ, nay thuộc tỉnh Thái Nguyên).');
    expect(said[1]).toMatch(/^Các huyện có nguồn tin: .*Chợ Đồn \(cho-don\)/);
    const badLimit = await call('/?limit=abc');
    expect(badLimit.status).toBe(400);
    expect(await texts(await badLimit.text(), 'li')).toContain('Số bài mỗi trang (limit) phải là số nguyên từ 1 đến 500.');
  });

  it('shows stored text as text: tags in titles and names are escaped, never markup', async () => {
    const html = await page('/s/tiep-dan');
    expect(html).toContain('&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt; Thông báo lịch tiếp công dân');
    expect(html).toContain('&lt;script&gt;window.__xss=2&lt;/script&gt;');
    expect(html).not.toMatch(/<img src=x|<script>window/);
    expect((await texts(html, 'li.article h2 a'))[0]).toBe('<img src=x onerror="window.__xss=1"> Thông báo lịch tiếp công dân tháng 12/2026');
    expect(await texts(html, 'h1')).toEqual([TIEP_DAN]);
    expect(html).toContain('Ban Tiếp công dân &lt;Thử&gt; &quot;A&amp;B&quot;');
    // No inline script or style anywhere: the Content-Security-Policy allows neither.
    for (const path of ['/', '/s/tiep-dan', '/sources', '/embed?province=thai-nguyen']) {
      const text = await page(path);
      expect(text).not.toMatch(/\sstyle=|<style|<script(?![^>]*\ssrc=)/);
    }
  });

  it('answers 304 to a client that has the page, and changes the ETag when what it shows changes', async () => {
    const style = (await attrs(await page('/'), 'link[rel=stylesheet]', 'href'))[0];
    for (const path of ['/', '/?province=thai-nguyen&q=xa', '/p/bac-kan/cho-don', '/s/backan', '/sources', '/sources.opml', '/embed', '/embed.js', style]) {
      const first = await call(path);
      const etag = first.headers.get('etag');
      expect(etag, path).toBeTruthy();
      const again = await call(path, { headers: { 'if-none-match': etag! } });
      expect(again.status, path).toBe(304);
      expect(await again.text()).toBe('');
    }
    const css = await call(style);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('cache-control')).toContain('max-age=31536000');
    expect((await call('/')).headers.get('etag')).not.toBe((await call('/?q=xa')).headers.get('etag'));
    // District choices come from the catalog: a new source changes the province page.
    const before = (await call('/p/thai-nguyen')).headers.get('etag');
    await loadCatalog(JSON.stringify([...catalog(), { id: 'bang-lang', name: 'Cổng TTĐT xã Bằng Lãng', url: '{{ORIGIN}}/xss/rss.xml', region: { province: 'bac-kan', district: 'cho-don', commune: 'bang-lang' } }]));
    expect((await call('/p/thai-nguyen')).headers.get('etag')).not.toBe(before);
    await loadCatalog(JSON.stringify(catalog()));
  });
});
