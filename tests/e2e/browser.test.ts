import { mkdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openChromium } from './chromium';
import { startBantin, type Running } from './dev-server';

// A real browser (Debian's chromium, installed by .ci/run) on the real Worker (`wrangler dev`):
// the home page and its filters, and the widget embedded in someone else's page.

const ARTIFACTS = 'test-artifacts';
// A time only where the portal wrote one (a day alone shows no "00:00").
const DATE = /^(Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ nhật), \d\d\/\d\d\/\d{4}( \d\d:\d\d)?$/;
const XSS_TITLE = '<img src=x onerror="window.__xss=1"> Thông báo lịch tiếp công dân tháng 12/2026';

/** Folds diacritics and đ for comparing what a search found (the test's own, simpler than the Worker's). */
const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();

let bantin: Running;
let browser: BrowserContext;
let chrome: Awaited<ReturnType<typeof openChromium>> | undefined;
let host: http.Server;
let hostUrl: string;

/** A portal's page that embeds two widgets, with its own CSS that must not reach them and a CSP without 'unsafe-inline'. */
function hostPage(base: string): string {
  return `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Cổng thông tin xã Bằng Lãng</title>
<link rel="stylesheet" href="/host.css"></head>
<body>
<h1>Ủy ban nhân dân xã Bằng Lãng</h1>
<div id="region"><h2>Tin Bắc Kạn</h2><script src="${base}/embed.js" data-province="bac-kan" data-limit="5"></script><p id="after">Nội dung của cổng tiếp tục ở đây.</p></div>
<div id="portal"><h2>Tin Ban Tiếp công dân</h2><script src="${base}/embed.js" data-source="tiep-dan" data-limit="10" data-refresh="10"></script></div>
</body></html>`;
}

const HOST_CSS = `body{font-family:serif;color:rgb(255,0,0);background:#fafafa;max-width:40rem;margin:1rem auto}
li{font-size:40px!important;color:rgb(255,0,0)!important}a{text-transform:uppercase}.title{display:none}`;

async function startHost(base: string): Promise<void> {
  host = http.createServer((req, res) => {
    if (req.url === '/host.css') return res.writeHead(200, { 'content-type': 'text/css' }).end(HOST_CSS);
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      // No inline script or style allowed: the widget must style itself without either.
      'content-security-policy': `default-src 'self'; script-src ${base}; connect-src ${base}; style-src 'self'; img-src 'self'`,
    });
    res.end(hostPage(base));
  });
  await new Promise<void>((ok) => host.listen(0, '127.0.0.1', ok));
  hostUrl = `http://127.0.0.1:${(host.address() as { port: number }).port}`;
}

async function newPage(): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  return page;
}

/** The widget's rendered items under a container, read through its shadow root. */
const widgetItems = (page: Page, container: string) =>
  page.evaluate((sel) => {
    const root = document.querySelector(`${sel} .bantin-embed`)?.shadowRoot;
    return Array.from(root?.querySelectorAll('li.item') ?? []).map((li) => {
      const a = li.querySelector('.title') as HTMLAnchorElement;
      return { title: a.textContent, tag: a.tagName, href: a.getAttribute('href'), meta: li.querySelector('.meta')!.textContent! };
    });
  }, container);

describe('in a browser', () => {
  beforeAll(async () => {
    bantin = await startBantin();
    // The fixture portals plus one whose titles carry HTML (tests/fixtures/xss/rss.xml).
    const catalog = JSON.parse(readFileSync('tests/fixtures/catalog.json', 'utf8').replaceAll('{{ORIGIN}}', bantin.origin));
    catalog.push({ id: 'tiep-dan', name: 'Ban Tiếp công dân tỉnh', url: `${bantin.origin}/xss/rss.xml`, kind: 'feed', region: { province: 'thai-nguyen' } });
    // And one that fails, for /sources to explain.
    catalog.push({ id: 'hoa-an', name: 'Cổng TTĐT huyện Hòa An', url: `${bantin.origin}/hostile/500`, kind: 'feed', region: { province: 'cao-bang', district: 'hoa-an', districtName: 'huyện Hòa An' } });
    const put = await bantin.admin('PUT', '/admin/sources', catalog);
    expect(put.status).toBe(200);
    expect((await fetch(`${bantin.base}/__scheduled?cron=*/15+*+*+*+*`)).status).toBe(200);
    for (let i = 0; i < 100; i++) {
      const { lastRun } = (await (await fetch(`${bantin.base}/api/sources`)).json()) as { lastRun: unknown };
      if (lastRun) break;
      await new Promise((ok) => setTimeout(ok, 200));
    }
    await startHost(bantin.base);
    mkdirSync(ARTIFACTS, { recursive: true });
    chrome = await openChromium({ width: 1000, height: 900 });
    browser = chrome.browser;
  });

  afterAll(async () => {
    await chrome?.close();
    await new Promise((ok) => (host ? host.close(ok) : ok(undefined)));
    await bantin?.stop();
  });

  it('shows the home page, and its province, district, search and paging work', async () => {
    const page = await newPage();
    await page.goto(`${bantin.base}/`);
    expect(await page.textContent('h1')).toBe('Tin mới nhất');
    const titles = await page.locator('li.article h2 a').allTextContents();
    expect(titles.length).toBe(20);
    for (const d of await page.locator('li.article time').allTextContents()) expect(d).toMatch(DATE);
    // The stored title with a tag is shown as text, and nothing ran.
    expect(titles).toContain(XSS_TITLE);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await page.screenshot({ path: `${ARTIFACTS}/home.png`, fullPage: true });

    // Next page: different articles, and a way back.
    await page.click('text=Trang sau »');
    await page.waitForURL(/cursor=/);
    const second = await page.locator('li.article h2 a').allTextContents();
    expect(second.length).toBeGreaterThan(0);
    expect(second.filter((t) => titles.includes(t))).toEqual([]);
    expect(await page.locator('.pager a', { hasText: 'Trang đầu' }).count()).toBe(1);

    // A province: its own and its former provinces' sources only.
    await page.goto(`${bantin.base}/`);
    await page.selectOption('select[name=province]', 'bac-kan');
    await page.click('button[type=submit]');
    await page.waitForURL(/province=bac-kan/);
    expect(await page.textContent('h1')).toBe('Tỉnh Bắc Kạn (cũ, nay thuộc tỉnh Thái Nguyên)');
    const bacKan = ['Trung tâm Khuyến nông Bắc Kạn', 'Cổng TTĐT tỉnh Bắc Kạn', 'Báo Bắc Kạn', 'Cổng TTĐT huyện Chợ Đồn', 'Cổng TTĐT huyện Bạch Thông', 'Cổng TTĐT huyện Pác Nặm'];
    for (const s of await page.locator('li.article .meta a').allTextContents()) expect(bacKan).toContain(s);

    // Its districts are offered now; choose one.
    await page.selectOption('select[name=district]', 'cho-don');
    await page.click('button[type=submit]');
    await page.waitForURL(/district=cho-don/);
    expect(await page.textContent('h1')).toBe('Huyện Chợ Đồn, tỉnh Bắc Kạn (cũ, nay thuộc tỉnh Thái Nguyên)');
    expect(new Set(await page.locator('li.article .meta a').allTextContents())).toEqual(new Set(['Cổng TTĐT huyện Chợ Đồn']));
    expect(await page.getAttribute('link[rel=alternate][type="application/rss+xml"]', 'href')).toBe(`${bantin.base}/p/bac-kan/cho-don/feed.rss`);

    // Words without diacritics.
    await page.fill('input[name=q]', 'nong thon moi');
    await page.click('button[type=submit]');
    await page.waitForURL(/q=nong\+thon\+moi/);
    const found = await page.locator('li.article .body').allTextContents();
    expect(found.length).toBeGreaterThan(0);
    for (const text of found) expect(fold(text)).toMatch(/nong thon moi/);
    expect(await page.getAttribute('link[rel=alternate][type="application/feed+json"]', 'href')).toBe(`${bantin.base}/p/bac-kan/cho-don/feed.json?q=nong+thon+moi`);

    // On a phone.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${bantin.base}/?province=thai-nguyen`);
    await page.screenshot({ path: `${ARTIFACTS}/home-phone.png` });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
    await page.goto(`${bantin.base}/sources`);
    await page.screenshot({ path: `${ARTIFACTS}/sources-phone.png`, fullPage: true });
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.goto(`${bantin.base}/sources`);
    expect(await page.textContent('#nguon-hoa-an .status')).toMatch(/^Chưa kiểm chứng · Lỗi: Máy chủ của cổng đang lỗi \(HTTP 500\)\. /);
    await page.screenshot({ path: `${ARTIFACTS}/sources.png`, fullPage: true });
    await page.close();
  });

  it('runs the widget in a plain HTML page: articles shown, HTML in titles shown as text, styles kept apart, kept up to date', async () => {
    const page = await newPage();
    await page.goto(`${hostUrl}/`);
    await page.waitForFunction(() => document.querySelectorAll('.bantin-embed').length === 2 && Array.from(document.querySelectorAll('.bantin-embed')).every((h) => h.shadowRoot?.querySelector('li.item')));

    // Right after its own script tag.
    expect(await page.evaluate(() => document.querySelector('#region script')!.nextElementSibling!.className)).toBe('bantin-embed');
    const region = await widgetItems(page, '#region');
    const feed = (await (await fetch(`${bantin.base}/feed.json?province=bac-kan&limit=5`)).json()) as { items: { title: string; url: string; _bantin: { date_only?: boolean } }[] };
    expect(region.map((i) => i.title)).toEqual(feed.items.map((i) => i.title));
    expect(region.map((i) => i.href)).toEqual(feed.items.map((i) => i.url));
    for (const [n, i] of region.entries()) {
      const time = feed.items[n]._bantin.date_only ? '' : ' \\d\\d:\\d\\d';
      expect(i.meta).toMatch(new RegExp(`^(Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ nhật), \\d\\d/\\d\\d/\\d{4}${time} · .+$`));
    }

    // The title with an <img onerror> is text: no element made from it, nothing ran.
    const portal = await widgetItems(page, '#portal');
    expect(portal[0]).toMatchObject({ title: XSS_TITLE, tag: 'A' });
    expect(portal[0].meta).toBe('Thứ Năm, 26/11/2026 09:00 · Ban Tiếp công dân tỉnh');
    expect(await page.evaluate(() => document.querySelector('#portal .bantin-embed')!.shadowRoot!.querySelectorAll('img, script').length)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

    // The page's CSS does not reach inside, and the widget's own styles apply despite the page's CSP.
    const look = await page.evaluate(() => {
      const root = document.querySelector('#region .bantin-embed')!.shadowRoot!;
      const li = getComputedStyle(root.querySelector('li.item')!);
      const title = getComputedStyle(root.querySelector('.title')!);
      const box = getComputedStyle(root.querySelector('.box')!);
      return { size: li.fontSize, color: li.color, transform: title.textTransform, display: title.display, border: box.borderTopWidth, font: li.fontFamily };
    });
    expect(look).toMatchObject({ size: '15px', transform: 'none', display: 'block', border: '1px' });
    expect(look.color).not.toBe('rgb(255, 0, 0)');
    expect(look.font).not.toBe('serif');
    await page.screenshot({ path: `${ARTIFACTS}/widget.png`, fullPage: true });

    // It polls with the ETag it has (a 304 while nothing changed) ...
    const poll = await page.waitForResponse((r) => r.url().includes('/s/tiep-dan/feed.json') && r.request().method() === 'GET' && Boolean(r.request().headers()['if-none-match']), { timeout: 30_000 });
    expect(poll.status()).toBe(304);
    // ... and shows a new article once the portal has one.
    const next = readFileSync('tests/fixtures/xss/rss.xml', 'utf8').replace(
      '<item>',
      '<item><title>Lịch tiếp công dân bổ sung ngày 30/11/2026</title><link>https://tiepdan.example.vn/tin/lich-tiep-cong-dan-bo-sung-30-11-2026.html</link><pubDate>Fri, 27 Nov 2026 01:00:00 GMT</pubDate><guid isPermaLink="false">tiepdan-1205</guid></item><item>',
    );
    await fetch(`${bantin.origin}/__override`, { method: 'POST', body: JSON.stringify({ path: '/xss/rss.xml', body: next, headers: { 'content-type': 'application/rss+xml; charset=utf-8' } }) });
    expect((await bantin.admin('POST', '/admin/refresh?source=tiep-dan')).status).toBe(200);
    await page.waitForFunction(() => document.querySelector('#portal .bantin-embed')!.shadowRoot!.querySelector('li.item .title')!.textContent === 'Lịch tiếp công dân bổ sung ngày 30/11/2026', undefined, { timeout: 30_000 });
    expect((await widgetItems(page, '#portal')).length).toBe(3);
    await page.close();
  });
});
