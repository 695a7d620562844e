import { describe, expect, it } from 'vitest';
import catalogText from '../fixtures/catalog.json?raw';
import { call, loadCatalog, runCron } from '../helpers/worker';
import { attrs, texts } from '../helpers/html';

describe('what a browser, an uptime check and a reader meet around the feeds', () => {
  it('an empty home page says why it is empty and links to /sources', async () => {
    const html = await (await call('/')).text();
    const [empty] = await texts(html, 'p.empty');
    expect(empty).toMatch(/^Chưa có bài nào: bantin chưa lấy được tin từ nguồn nào của trang này\. Có thể lần cập nhật đầu tiên chưa chạy/);
    expect(await attrs(html, 'p.empty a', 'href')).toEqual(['/sources']);
  });

  it('/health says no refresh has run yet (503), then when the last one ran and how it went', async () => {
    const before = await call('/health');
    expect(before.status).toBe(503);
    expect(await before.json()).toEqual({ status: 'never', lastRun: null });

    await loadCatalog(catalogText);
    await runCron();
    const after = await call('/health');
    expect(after.status).toBe(200);
    expect(after.headers.get('cache-control')).toBe('no-store');
    const body = (await after.json()) as { status: string; lastRun: { at: string; fetched: number; failed: number; ageSeconds: number } };
    expect(body.status).toBe('ok');
    expect(body.lastRun.fetched).toBe((JSON.parse(catalogText) as unknown[]).length);
    expect(body.lastRun.failed).toBe(0);
    expect(Date.now() - Date.parse(body.lastRun.at)).toBeLessThan(60_000);
    // Nothing of the configuration: no token, no bindings.
    expect(JSON.stringify(body)).not.toMatch(/token|ADMIN|ALLOW_PRIVATE/i);
  });

  it('answers an unknown path with a Vietnamese page to a browser, and JSON to a program', async () => {
    const page = await call('/khong-co-trang-nay', { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(await texts(html, 'h1')).toEqual(['Không có trang này']);
    expect(await attrs(html, 'main p a', 'href')).toEqual(['/', '/sources']);
    const api = await call('/api/khong-co', { headers: { accept: 'application/json' } });
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ error: 'not found' });
    expect((await call('/khong-co')).headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('has a favicon, linked from every page and where browsers look for it', async () => {
    for (const path of ['/favicon.svg', '/favicon.ico']) {
      const res = await call(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/svg+xml');
      expect(await res.text()).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    }
    expect(await attrs(await (await call('/')).text(), 'link[rel=icon]', 'href')).toEqual(['/favicon.svg']);
  });
});
