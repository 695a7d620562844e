import http from 'node:http';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loopbackOnly, openChromium } from './chromium';
import { startBantin, type Running } from './dev-server';

// Picking one of 3,321 communes in a real browser on the real Worker: on a phone, and with
// JavaScript off; and the widget of one commune in someone else's page.

let bantin: Running;
let browser: BrowserContext;
let chrome: Awaited<ReturnType<typeof openChromium>> | undefined;
let host: http.Server;
let hostUrl: string;

describe('communes in a browser', () => {
  beforeAll(async () => {
    bantin = await startBantin('tests/fixtures/communes-catalog.json');
    expect((await fetch(`${bantin.base}/__scheduled?cron=*/15+*+*+*+*`)).status).toBe(200);
    for (let i = 0; i < 100; i++) {
      const { lastRun } = (await (await fetch(`${bantin.base}/api/sources`)).json()) as { lastRun: unknown };
      if (lastRun) break;
      await new Promise((ok) => setTimeout(ok, 200));
    }
    host = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Xã Văn Lang</title></head><body><h1>UBND xã Văn Lang</h1><div id="xa"><script src="${bantin.base}/embed.js" data-commune="02143" data-limit="5"></script></div></body></html>`);
    });
    await new Promise<void>((ok) => host.listen(0, '127.0.0.1', ok));
    hostUrl = `http://127.0.0.1:${(host.address() as { port: number }).port}`;
    chrome = await openChromium({ width: 390, height: 844 });
    browser = chrome.browser;
  });

  afterAll(async () => {
    await chrome?.close();
    await new Promise((ok) => (host ? host.close(ok) : ok(undefined)));
    await bantin?.stop();
  });

  it('on a phone: province page → its communes → one commune’s news, nothing wider than the screen', async () => {
    const page = await browser.newPage();
    await page.goto(`${bantin.base}/p/thai-nguyen`);
    expect(await page.locator('.province-communes ul.communes a').allTextContents()).toEqual(['xã Văn Lang', 'xã Văn Lăng']);
    await page.click('text=Tất cả 92 xã, phường, đặc khu');
    await page.waitForURL(/\/c\?province=thai-nguyen$/);
    expect(await page.locator('ul.communes a').count()).toBe(92);
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
    await page.click('ul.communes a[href="/c/05665"]');
    await page.waitForURL(/\/c\/05665$/);
    expect(await page.textContent('h1')).toBe('Xã Văn Lăng, tỉnh Thái Nguyên');
    expect(new Set(await page.locator('li.article .meta a').allTextContents())).toEqual(new Set(['UBND xã Văn Lăng']));
    expect(await page.getAttribute('link[rel=alternate][type="application/rss+xml"]', 'href')).toBe(`${bantin.base}/c/05665/feed.rss`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
    await page.close();
  });

  it('without JavaScript: the search form finds both “van lang”, and a code goes straight to the commune', async () => {
    const noJs = await browser.browser()!.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    await noJs.route('**/*', loopbackOnly);
    const page = await noJs.newPage();
    await page.goto(`${bantin.base}/p/thai-nguyen`);
    await page.fill('.province-communes input[name=q]', 'van lang');
    await page.click('.province-communes button[type=submit]');
    await page.waitForURL(/\/c\?province=thai-nguyen&q=van\+lang/);
    expect(await page.locator('ul.communes a').allTextContents()).toEqual(['xã Văn Lang', 'xã Văn Lăng']);
    await page.fill('input[name=q]', 'Văn Lang (02143)');
    await page.click('button[type=submit]');
    await page.waitForURL(/\/c\/02143$/);
    expect(await page.textContent('h1')).toBe('Xã Văn Lang, tỉnh Thái Nguyên');
    await noJs.close();
  });

  it('runs the widget of one commune (data-commune)', async () => {
    const page = await browser.newPage();
    await page.goto(`${hostUrl}/`);
    await page.waitForFunction(() => document.querySelector('.bantin-embed')?.shadowRoot?.querySelector('li.item'));
    const shown = await page.evaluate(() => Array.from(document.querySelector('.bantin-embed')!.shadowRoot!.querySelectorAll('li.item .title')).map((a) => a.textContent));
    const feed = (await (await fetch(`${bantin.base}/c/02143/feed.json?limit=5`)).json()) as { items: { title: string }[] };
    expect(feed.items.length).toBeGreaterThan(0);
    expect(shown).toEqual(feed.items.map((i) => i.title));
    await page.close();
  });
});
