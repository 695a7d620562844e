import { mkdirSync } from 'node:fs';
import http from 'node:http';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openChromium } from './chromium';
import { startBantin, type Running } from './dev-server';

// Chromium on the real Worker (`wrangler dev`) and the fixture portals: article images through
// the image route on pages and in the widget, the placeholder where one fails, the XSS corpus's
// image URLs running nothing, and the widget saying why its attributes are wrong.

const ARTIFACTS = 'test-artifacts';
const CORPUS = ['xss-rss', 'xss-json', 'xss-listing'];

let bantin: Running;
let chrome: Awaited<ReturnType<typeof openChromium>> | undefined;
let browser: BrowserContext;
let host: http.Server;
let hostUrl: string;
/** What the stand-in bantin's feed answered so far (503 first, then a feed). */
let fakeFeedAnswers = 0;

/** Widgets with wrong attributes, each with what it must say. */
const WRONG: { id: string; attrs: string; code: string; says: RegExp }[] = [
  { id: 'w-source', attrs: 'data-source="khong-co-nguon"', code: 'unknown-source', says: /^Không có nguồn tin “khong-co-nguon” \(data-source\)\./ },
  { id: 'w-province', attrs: 'data-province="atlantis"', code: 'unknown-province', says: /^Không có tỉnh “atlantis” \(data-province\)/ },
  { id: 'w-district', attrs: 'data-province="bac-kan" data-district="khong-co"', code: 'unknown-district', says: /^Tỉnh “bac-kan” không có nguồn tin cấp huyện “khong-co” \(data-district\)\. Các huyện có nguồn: cho-don\.$/ },
  { id: 'w-slug', attrs: 'data-province="Thái Nguyên"', code: 'bad-province', says: /^Mã “Thái Nguyên” \(data-province\) không hợp lệ: viết thường, không dấu/ },
  { id: 'w-limit', attrs: 'data-source="quang-bach" data-limit="100"', code: 'bad-limit', says: /^Số tin \(data-limit\) phải là số nguyên từ 1 đến 50, không phải “100”\.$/ },
];

function hostPage(base: string): string {
  const widgets = [
    `<div id="anh"><script src="${base}/embed.js" data-source="quang-bach" data-limit="5"></script></div>`,
    ...CORPUS.map((s) => `<div id="${s}"><script src="${base}/embed.js" data-source="${s}" data-limit="20"></script></div>`),
    ...WRONG.map((w) => `<div id="${w.id}"><script src="${base}/embed.js" ${w.attrs} data-refresh="10"></script></div>`),
    // A bantin that answers 503 first: the widget tries again, later.
    `<div id="flaky"><script src="/fake/embed.js" data-source="quang-bach" data-refresh="60"></script></div>`,
  ];
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Cổng thông tin xã Quảng Bạch</title></head><body><h1>Tin mới</h1>${widgets.join('\n')}</body></html>`;
}

async function startHost(base: string): Promise<void> {
  const widget = await (await fetch(`${base}/embed.js`)).text();
  const feed = await (await fetch(`${base}/s/quang-bach/feed.json`)).text();
  host = http.createServer((req, res) => {
    if (req.url === '/fake/embed.js') return res.writeHead(200, { 'content-type': 'application/javascript' }).end(widget);
    if (req.url?.startsWith('/fake/s/quang-bach/feed.json')) {
      fakeFeedAnswers++;
      if (fakeFeedAnswers === 1) return res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"busy"}');
      return res.writeHead(200, { 'content-type': 'application/feed+json' }).end(feed);
    }
    if (req.url?.startsWith('/fake/')) return res.writeHead(404).end();
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `default-src 'self'; script-src 'self' ${base}; connect-src 'self' ${base}; img-src 'self' ${base}`,
    });
    res.end(hostPage(base));
  });
  await new Promise<void>((ok) => host.listen(0, '127.0.0.1', ok));
  hostUrl = `http://127.0.0.1:${(host.address() as { port: number }).port}`;
}

/** A page that records every dialog (alert, confirm…) and every script error. */
async function watchedPage(): Promise<{ page: Page; dialogs: string[]; errors: string[]; consoleErrors: string[] }> {
  const page = await browser.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  const consoleErrors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  return { page, dialogs, errors, consoleErrors };
}

const ran = (page: Page) => page.evaluate(() => (window as unknown as { __xss?: number }).__xss);

describe('images and the widget in a browser', () => {
  beforeAll(async () => {
    bantin = await startBantin('tests/fixtures/images-catalog.json');
    const refresh = await bantin.admin('POST', '/admin/refresh');
    expect(refresh.status).toBe(200);
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

  it('a page shows the portal’s http image through /img, and the placeholder where an image fails', async () => {
    const { page, errors } = await watchedPage();
    const served = page.waitForResponse((r) => r.url().includes('/img?u=') && r.url().includes('le-hoi.png'));
    await page.goto(`${bantin.base}/s/quang-bach`);
    const image = await served;
    expect(image.status()).toBe(200);
    expect(image.headers()['content-type']).toBe('image/png');
    await page.waitForFunction(() => document.querySelectorAll('.thumb img.broken').length === 2);
    const thumbs = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLImageElement>('li.article .thumb img')).map((img) => ({
        src: img.getAttribute('src'),
        width: img.naturalWidth,
        broken: img.classList.contains('broken'),
        visible: getComputedStyle(img).visibility === 'visible',
        frame: getComputedStyle(img.parentElement!).backgroundImage,
        frameWidth: img.parentElement!.getBoundingClientRect().width,
      })),
    );
    const through = (file: string) => `/img?u=${encodeURIComponent(`${bantin.origin}/images/${file}`)}`;
    expect(thumbs.map((t) => t.src)).toEqual([through('le-hoi.png'), through('anh-da-xoa.png'), through('script.svg')]);
    // The image shows (40 × 30 pixels read); the missing one and the SVG leave the neutral placeholder.
    expect(thumbs[0]).toMatchObject({ width: 40, broken: false, visible: true });
    for (const t of thumbs.slice(1)) {
      expect(t).toMatchObject({ width: 0, broken: true, visible: false });
      expect(t.frame).toMatch(/^url\("data:image\/svg\+xml/);
      expect(t.frameWidth).toBeGreaterThan(50);
    }
    // The portal's icon beside its name on every item, read through the route.
    await page.waitForFunction(() => Array.from(document.querySelectorAll<HTMLImageElement>('.source-icon img')).every((i) => i.complete));
    const icons = await page.evaluate(() => Array.from(document.querySelectorAll<HTMLImageElement>('li.article .meta .source-icon img')).map((i) => [i.getAttribute('src'), i.naturalWidth]));
    expect(icons).toEqual(Array(3).fill([through('icon.png'), 16]));
    expect(await ran(page)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/images-page.png`, fullPage: true });
    await page.close();
  });

  it('the XSS corpus’s image URLs run nothing on any page, nor opened through the route', async () => {
    const { page, dialogs, errors } = await watchedPage();
    for (const path of ['/', '/p/bac-kan', '/p/bac-kan/cho-don', ...CORPUS.map((s) => `/s/${s}`), '/sources']) {
      await page.goto(`${bantin.base}${path}`);
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForLoadState('networkidle');
      // Every image the page shows goes through the route.
      const srcs = await page.evaluate(() => Array.from(document.images).map((i) => i.getAttribute('src') ?? ''));
      for (const src of srcs) expect(src, path).toMatch(/^\/img\?u=https?%3A%2F%2F/);
    }
    // The SVG with script and the HTML labelled image/png, opened as documents: refused, nothing runs.
    for (const file of ['script.svg', 'not-an-image.png']) {
      const res = await page.goto(`${bantin.base}/img?u=${encodeURIComponent(`${bantin.origin}/images/${file}`)}`);
      expect(res!.status()).toBe(415);
      expect(await ran(page)).toBeUndefined();
    }
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the widget shows article images through /img with the placeholder for failures, and the corpus runs nothing in it', async () => {
    const { page, dialogs, errors } = await watchedPage();
    await page.goto(`${hostUrl}/`);
    await page.waitForFunction(() => document.querySelector('#anh .bantin-embed')?.shadowRoot?.querySelectorAll('img.broken').length === 2, undefined, { timeout: 20_000 });
    await page.waitForFunction(() => Array.from(document.querySelector('#anh .bantin-embed')!.shadowRoot!.querySelectorAll<HTMLImageElement>('.icon img')).every((i) => i.complete));
    const shown = await page.evaluate(() =>
      Array.from(document.querySelector('#anh .bantin-embed')!.shadowRoot!.querySelectorAll('li.item .frame img')).map((i) => {
        const img = i as HTMLImageElement;
        return { src: img.src, width: img.naturalWidth, broken: img.classList.contains('broken'), frame: getComputedStyle(img.parentElement!).backgroundColor };
      }),
    );
    const through = (file: string) => `${bantin.base}/img?u=${encodeURIComponent(`${bantin.origin}/images/${file}`)}`;
    expect(shown.map((s) => s.src)).toEqual([through('le-hoi.png'), through('anh-da-xoa.png'), through('script.svg')]);
    expect(shown[0]).toMatchObject({ width: 40, broken: false });
    expect(shown.slice(1).map((s) => s.broken)).toEqual([true, true]);
    expect(shown[1].frame).toBe('rgb(233, 236, 239)');
    // The portal's icon beside its name, through the route too.
    const icons = await page.evaluate(() =>
      Array.from(document.querySelector('#anh .bantin-embed')!.shadowRoot!.querySelectorAll<HTMLImageElement>('li.item .meta .icon img')).map((i) => ({ src: i.src, width: i.naturalWidth })),
    );
    expect(icons).toEqual(Array(3).fill({ src: through('icon.png'), width: 16 }));

    // The corpus's widgets: their items shown, their images only ever through the route, nothing run.
    for (const s of CORPUS) {
      await page.waitForFunction((id) => document.querySelector(`#${id} .bantin-embed`)?.shadowRoot?.querySelector('li.item'), s);
      const srcs = await page.evaluate((id) => Array.from(document.querySelector(`#${id} .bantin-embed`)!.shadowRoot!.querySelectorAll('img')).map((i) => i.getAttribute('src')!), s);
      for (const src of srcs) expect(src.startsWith(`${bantin.base}/img?u=http`), src).toBe(true);
    }
    expect(await ran(page)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/images-widget.png`, fullPage: true });
    await page.close();
  });

  it('the widget says in Vietnamese why its attributes are wrong, logs the code, and does not ask again; a 5xx is retried', async () => {
    const { page, consoleErrors } = await watchedPage();
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('feed.json')) asked.push(r.url());
    });
    await page.goto(`${hostUrl}/`);
    for (const w of WRONG) {
      await page.waitForFunction((id) => document.querySelector(`#${id} .bantin-embed`)?.shadowRoot?.querySelector('.status.wrong'), w.id);
      const said = await page.evaluate((id) => document.querySelector(`#${id} .bantin-embed`)!.shadowRoot!.querySelector('.status')!.textContent, w.id);
      expect(said, w.id).toMatch(w.says);
      expect(consoleErrors.some((m) => m.startsWith(`bantin: ${w.code} `)), `${w.id} logs ${w.code}`).toBe(true);
    }
    // The flaky bantin answered 503, and the widget asked again after a few seconds and shows the news.
    await page.waitForFunction(() => document.querySelector('#flaky .bantin-embed')?.shadowRoot?.querySelector('li.item'), undefined, { timeout: 20_000 });
    expect(fakeFeedAnswers).toBe(2);
    // Past the poll interval (10 s) nothing wrong was asked again: one request each for those bantin answered 4xx, none for those it never asked.
    await page.waitForTimeout(12_000);
    const count = (part: string) => asked.filter((u) => u.includes(part)).length;
    expect(count('/s/khong-co-nguon/feed.json')).toBe(1);
    expect(count('province=atlantis')).toBe(1);
    expect(count('/p/bac-kan/khong-co/feed.json')).toBe(1);
    expect(count('Th%C3%A1i')).toBe(0);
    expect(count('limit=100')).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}/widget-wrong.png`, fullPage: true });
    await page.close();
  });
});
