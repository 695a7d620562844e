import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openChromium } from './chromium';
import { startBantin, TOKEN, type Running } from './dev-server';

// The admin page in a real browser (Debian's chromium) on the real Worker (`wrangler dev`), against
// the fixture portals: an operator signs in with the token, adds a portal by its URL after seeing
// its preview, refreshes it and sees its articles counted, deletes it with its articles, and
// refreshes everything while the page shows the progress. The token never appears in a URL, and
// the page runs under its strict Content-Security-Policy without a single violation.

const ARTIFACTS = 'test-artifacts';
let bantin: Running;
let chrome: Awaited<ReturnType<typeof openChromium>> | undefined;
let browser: BrowserContext;
const requested: string[] = [];
const violations: string[] = [];

/** A page that records every CSP violation, whether reported by the event or the console. */
async function adminPage(record = true): Promise<Page> {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __violations: string[] }).__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
    (window as unknown as { __violations: string[] }).__violations = [];
  });
  if (record) {
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    page.on('pageerror', (e) => violations.push(`page error: ${e.message}`));
  }
  await page.goto(`${bantin.base}/admin`);
  return page;
}

const pageViolations = (page: Page) => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
const row = (page: Page, id: string) => page.locator(`#source-table tr[data-id="${id}"]`);

describe('the admin page', () => {
  beforeAll(async () => {
    bantin = await startBantin();
    mkdirSync(ARTIFACTS, { recursive: true });
    chrome = await openChromium({ width: 1200, height: 900 });
    browser = chrome.browser;
    browser.on('request', (r) => requested.push(r.url()));
  });

  afterAll(async () => {
    await chrome?.close();
    await bantin?.stop();
  });

  it('runs under a CSP that blocks any inline script or style (and the probe above sees it)', async () => {
    const page = await adminPage(false);
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__ran = 1';
      document.head.appendChild(s);
      document.body.setAttribute('style', 'background:red');
    });
    await expect.poll(() => pageViolations(page)).toEqual(expect.arrayContaining([expect.stringMatching(/^script-src/), expect.stringMatching(/^style-src/)]));
    expect(await page.evaluate(() => (window as unknown as { __ran?: number }).__ran)).toBeUndefined();
    await page.close();
  });

  it('refuses a wrong token in Vietnamese and shows nothing', async () => {
    const page = await adminPage();
    await page.fill('#token', 'khong-phai-ma-dung');
    await page.click('#login-form button[type=submit]');
    await expect.poll(() => page.textContent('#login-error')).toContain('Mã quản trị không đúng');
    expect(await page.isVisible('#app')).toBe(false);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(await pageViolations(page)).toEqual([]);
    await page.close();
  });

  it('adds a portal by its URL after its preview, refreshes it, sees its articles, deletes it with them', async () => {
    const page = await adminPage();
    await page.fill('#token', TOKEN);
    await page.click('#login-form button[type=submit]');
    await page.waitForSelector('#app:not([hidden])');
    // The fixture catalog's eight sources are listed.
    await expect.poll(() => page.locator('#source-table tbody tr').count()).toBe(8);
    expect(await page.textContent('#source-count')).toBe('8');

    // A portal whose titles hold HTML: previewed, shown as text, nothing runs.
    await page.fill('#f-url', `${bantin.origin}/xss/rss.xml`);
    await page.click('#preview-button');
    await page.waitForSelector('#preview:not([hidden]) .preview-articles li');
    expect(await page.locator('#preview .preview-articles .title').allTextContents()).toContainEqual(expect.stringContaining('<img src=x onerror='));
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

    // The portal to add: its preview says what bantin found before anything is saved.
    await page.fill('#f-url', `${bantin.origin}/inference/vnpt-portal.html`);
    expect(await page.isDisabled('#save-button')).toBe(true);
    await page.click('#preview-button');
    await expect.poll(() => page.textContent('#form-status')).toContain('Đọc được 7 bài');
    const facts = await page.textContent('#preview p');
    expect(facts).toContain('Cách đọc: tự suy ra cấu trúc trang');
    expect(facts).toContain('7 bài');
    expect(await page.locator('#preview .preview-articles li').count()).toBe(7);
    expect(await page.locator('#preview .preview-articles time').first().textContent()).toMatch(/^\d\d\/\d\d\/\d{4}( \d\d:\d\d)?$/);
    // A portal that gives only the day: no made-up "00:00".
    expect((await page.locator('#preview .preview-articles time').allTextContents()).filter((t) => t.endsWith('00:00'))).toEqual([]);
    expect((await bantin.admin('GET', '/admin/sources').then((r) => r.json()) as { sources: { id: string }[] }).sources.map((s) => s.id)).not.toContain('vnpt-xa');

    await page.screenshot({ path: `${ARTIFACTS}/admin-preview.png`, fullPage: true });
    await page.fill('#f-name', 'Cổng TTĐT xã Văn Lang');
    await page.fill('#f-id', 'vnpt-xa');
    await page.selectOption('#f-province', 'thai-nguyen');
    await expect.poll(() => page.locator('#f-commune option').count()).toBeGreaterThan(50);
    await page.selectOption('#f-commune', '02143');
    expect(await page.isEnabled('#save-button')).toBe(true);
    await page.click('#save-button');
    await expect.poll(() => page.textContent('#form-status')).toContain('Đã lưu nguồn “Cổng TTĐT xã Văn Lang” (vnpt-xa)');
    await expect.poll(() => row(page, 'vnpt-xa').count()).toBe(1);
    expect(await row(page, 'vnpt-xa').locator('td').nth(1).textContent()).toBe('Tỉnh Thái Nguyên');
    expect(await row(page, 'vnpt-xa').locator('td.count').textContent()).toBe('0');
    const stored = (await bantin.admin('GET', '/admin/sources').then((r) => r.json())) as { sources: { id: string; region: unknown }[] };
    expect(stored.sources.find((s) => s.id === 'vnpt-xa')?.region).toEqual({ province: 'thai-nguyen', commune: '02143' });

    // Refreshed now: the progress says so, and the row counts its articles.
    await row(page, 'vnpt-xa').locator('button', { hasText: 'Làm mới' }).click();
    await expect.poll(() => page.textContent('#refresh-status'), { timeout: 30_000 }).toMatch(/xong 1 nguồn, 0 lỗi, 7 bài mới/);
    await expect.poll(() => row(page, 'vnpt-xa').locator('td.count').textContent()).toBe('7');
    await expect.poll(() => row(page, 'vnpt-xa').locator('.row-status').textContent()).toBe('Vừa lấy: 7 bài mới.');
    expect(await row(page, 'vnpt-xa').locator('td.status').textContent()).toBe('Hoạt động');
    const api = (await (await fetch(`${bantin.base}/api/articles?source=vnpt-xa`)).json()) as { items: unknown[] };
    expect(api.items).toHaveLength(7);

    // Deleted with its articles: gone from the list, the catalog and every feed.
    await row(page, 'vnpt-xa').locator('button', { hasText: 'Xóa…' }).click();
    await row(page, 'vnpt-xa').locator('button', { hasText: 'Xóa cả 7 bài' }).click();
    await expect.poll(() => row(page, 'vnpt-xa').count()).toBe(0);
    expect(await page.textContent('#sources-status')).toBe('Đã xóa nguồn “Cổng TTĐT xã Văn Lang” và 7 bài của nó.');
    expect((await fetch(`${bantin.base}/api/articles?source=vnpt-xa`)).status).toBe(404);

    expect(await pageViolations(page)).toEqual([]);
    await page.close();
  });

  it('refreshes every source with its progress shown, and keeps the operator signed in on reload', async () => {
    const page = await adminPage();
    await page.fill('#token', TOKEN);
    await page.click('#login-form button[type=submit]');
    await page.waitForSelector('#app:not([hidden])');
    // Still signed in after a reload: the token lives in this tab's sessionStorage, not in a cookie.
    await page.reload();
    await page.waitForSelector('#app:not([hidden])');
    expect(await page.isVisible('#login')).toBe(false);
    // One portal more, that answers only when told: the page shows how far the run is meanwhile.
    const held = '/hostile/held/feeds/rdf.xml';
    const add = await bantin.admin('POST', '/admin/sources', { id: 'cham', name: 'Cổng trả lời chậm', url: `${bantin.origin}${held}`, kind: 'feed', region: { province: 'thai-nguyen' } });
    expect(add.status).toBe(201);
    await page.reload();
    await page.waitForSelector('#app:not([hidden])');
    await page.click('#refresh-all');
    await expect.poll(() => page.textContent('#refresh-status'), { timeout: 30_000 }).toMatch(/^Làm mới tất cả: 8\/9 nguồn · 0 lỗi · \d+ bài mới$/);
    expect(await page.isVisible('#refresh-progress')).toBe(true);
    expect(await page.evaluate(() => [(document.getElementById('refresh-progress') as HTMLProgressElement).value, (document.getElementById('refresh-progress') as HTMLProgressElement).max])).toEqual([8, 9]);
    expect(await page.locator('#refresh-log li').count()).toBe(8);
    await fetch(`${bantin.origin}/__release?path=${encodeURIComponent(held)}`, { method: 'POST' });
    await expect.poll(() => page.textContent('#refresh-status'), { timeout: 60_000 }).toMatch(/^Làm mới tất cả: xong 9 nguồn, 0 lỗi, \d+ bài mới/);
    expect(await page.isVisible('#refresh-progress')).toBe(false);
    expect(await page.locator('#refresh-log li').count()).toBe(9);
    // The list is read again once the run is over.
    await expect.poll(() => page.isEnabled('#refresh-all')).toBe(true);
    await row(page, 'cham').locator('button', { hasText: 'Xóa…' }).click();
    await row(page, 'cham').locator('button', { hasText: /^Xóa cả \d+ bài$/ }).click();
    await expect.poll(() => row(page, 'cham').count()).toBe(0);
    await expect.poll(() => page.locator('#source-table td.count').allTextContents()).not.toContain('0');
    await page.screenshot({ path: `${ARTIFACTS}/admin-sources.png`, fullPage: true });
    expect(await pageViolations(page)).toEqual([]);
    await page.close();
  });

  it('edits a source, disables and enables it, retires it, and deletes it keeping its articles', async () => {
    const page = await adminPage();
    await page.fill('#token', TOKEN);
    await page.click('#login-form button[type=submit]');
    await expect.poll(() => row(page, 'pac-nam').count()).toBe(1);
    const stored = async () =>
      ((await bantin.admin('GET', '/admin/sources').then((r) => r.json())) as { sources: { id: string; name: string; intervalMinutes: number; region: unknown; enabled: boolean; retired: boolean }[] }).sources.find((s) => s.id === 'pac-nam');
    const before = await stored();

    // Edit: the same address needs no new preview; a new one does.
    await row(page, 'pac-nam').locator('button', { hasText: 'Sửa' }).click();
    expect(await page.textContent('#form-title')).toBe('Sửa nguồn “Cổng TTĐT huyện Pác Nặm”');
    expect(await page.getAttribute('#f-id', 'readonly')).not.toBeNull();
    await expect.poll(() => page.isEnabled('#save-button')).toBe(true);
    const url = await page.inputValue('#f-url');
    await page.fill('#f-url', `${url}?khac=1`);
    expect(await page.isDisabled('#save-button')).toBe(true);
    await page.click('#preview-button');
    await expect.poll(() => page.textContent('#form-status')).toMatch(/^Đọc được \d+ bài/);
    expect(await page.isEnabled('#save-button')).toBe(true);
    await page.fill('#f-url', url);
    expect(await page.isEnabled('#save-button')).toBe(true);
    await page.fill('#f-name', 'Cổng TTĐT huyện Pác Nặm (cũ)');
    await page.fill('#f-interval', '60');
    await page.click('#save-button');
    await expect.poll(() => page.textContent('#form-status')).toContain('Đã lưu nguồn “Cổng TTĐT huyện Pác Nặm (cũ)” (pac-nam)');
    await expect.poll(() => row(page, 'pac-nam').locator('.name').textContent()).toBe('Cổng TTĐT huyện Pác Nặm (cũ)');
    expect(await stored()).toEqual({ ...before, name: 'Cổng TTĐT huyện Pác Nặm (cũ)', intervalMinutes: 60 });

    // Disabled: not refreshed, until enabled again.
    await row(page, 'pac-nam').locator('button', { hasText: 'Tắt' }).click();
    await expect.poll(() => row(page, 'pac-nam').locator('td.status').textContent()).toBe('Tắt');
    expect(await row(page, 'pac-nam').locator('button', { hasText: 'Làm mới' }).isDisabled()).toBe(true);
    expect((await stored())?.enabled).toBe(false);
    await row(page, 'pac-nam').locator('button', { hasText: 'Bật' }).click();
    await expect.poll(() => row(page, 'pac-nam').locator('td.status').textContent()).toBe('Hoạt động');

    // Retired, then back.
    await row(page, 'pac-nam').locator('button', { hasText: 'Lưu trữ' }).click();
    await expect.poll(() => row(page, 'pac-nam').locator('td.status').textContent()).toBe('Đã ngừng');
    await row(page, 'pac-nam').locator('button', { hasText: 'Thôi lưu trữ' }).click();
    await expect.poll(() => row(page, 'pac-nam').locator('td.status').textContent()).toBe('Hoạt động');

    // Deleted keeping its articles: a retired source whose articles stay in the feeds.
    const count = Number(await row(page, 'pac-nam').locator('td.count').textContent());
    expect(count).toBeGreaterThan(0);
    await row(page, 'pac-nam').locator('button', { hasText: 'Xóa…' }).click();
    await row(page, 'pac-nam').locator('button', { hasText: 'Xóa nguồn, giữ bài' }).click();
    await expect.poll(() => page.textContent('#sources-status')).toBe('Đã ngừng lấy tin “Cổng TTĐT huyện Pác Nặm (cũ)”; các bài đã lấy được giữ lại (nguồn lưu trữ).');
    expect(await row(page, 'pac-nam').locator('td.status').textContent()).toBe('Đã ngừng');
    expect((await stored())?.retired).toBe(true);
    const kept = (await (await fetch(`${bantin.base}/api/articles?source=pac-nam&limit=500`)).json()) as { items: unknown[] };
    expect(kept.items).toHaveLength(count);
    expect(await pageViolations(page)).toEqual([]);
    await page.close();
  });

  it('shows why a source fails, in Vietnamese, with its recent failures', async () => {
    const add = await bantin.admin('POST', '/admin/sources', { id: 'hong', name: 'Cổng đang hỏng', url: `${bantin.origin}/hostile/500`, kind: 'feed', region: { province: 'cao-bang' } });
    expect(add.status).toBe(201);
    const page = await adminPage();
    await page.fill('#token', TOKEN);
    await page.click('#login-form button[type=submit]');
    for (let i = 0; i < 2; i++) {
      await row(page, 'hong').locator('button', { hasText: 'Làm mới' }).click();
      await expect.poll(() => page.textContent('#refresh-status')).toMatch(/xong 1 nguồn, 1 lỗi, 0 bài mới/);
      // The list read again shows this run's failure.
      await expect.poll(() => row(page, 'hong').locator('td.status').textContent()).toMatch(i ? /\(2 lần liên tiếp\)$/ : /\(1 lần\)$/);
      await expect.poll(() => row(page, 'hong').locator('.row-status').textContent()).toBe('Máy chủ của cổng đang lỗi (HTTP 500).');
    }
    expect(await page.locator('#refresh-log li').allTextContents()).toEqual(['hong: Máy chủ của cổng đang lỗi (HTTP 500).']);
    expect(await row(page, 'hong').locator('td.status').textContent()).toBe('Chưa kiểm chứng · Lỗi: Máy chủ của cổng đang lỗi (HTTP 500). (2 lần liên tiếp)');
    const failures = await row(page, 'hong').locator('td.failures li').allTextContents();
    expect(failures).toHaveLength(2);
    for (const f of failures) expect(f).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d · http 500: Máy chủ của cổng đang lỗi \(HTTP 500\)\.$/);
    expect(await pageViolations(page)).toEqual([]);
    await page.close();
  });

  it('never put the token in a URL or a cookie, and saw no CSP violation', async () => {
    expect(requested.length).toBeGreaterThan(10);
    expect(requested.filter((u) => u.includes(TOKEN) || u.includes(encodeURIComponent(TOKEN)))).toEqual([]);
    expect(await browser.cookies()).toEqual([]);
    expect(violations).toEqual([]);
  });
});
