import { beforeAll, describe, expect, it } from 'vitest';
import { adminCall, call, origin, override, runCron } from '../helpers/worker';
import { attrs } from '../helpers/html';

// The image route on the real Worker (workerd, local KV, the Cache API) against the loopback
// fixture origin, after a real refresh of a commune portal whose feed has images there.

const img = (url: string, init?: RequestInit) => call(`/img?u=${encodeURIComponent(url)}`, init);
const hits = async (path: string) => ((await (await fetch(`${origin()}/__hits`)).json()) as Record<string, number>)[path] ?? 0;

beforeAll(async () => {
  const res = await adminCall('/admin/sources', 'PUT', [
    { id: 'quang-bach', name: 'Cổng TTĐT xã Quảng Bạch', url: `${origin()}/images/rss.xml`, kind: 'feed', region: { province: 'bac-kan', district: 'cho-don' } },
  ]);
  expect(res.status).toBe(200);
  await runCron();
});

describe('GET /img', () => {
  it('pages show every article image through it; the feeds keep the original URLs', async () => {
    const page = await call('/s/quang-bach');
    // A browser loads no image from a portal directly: only from bantin (and the stylesheet's data: placeholders).
    expect(page.headers.get('content-security-policy')).toContain("img-src 'self' data:;");
    const html = await page.text();
    const srcs = await attrs(html, 'li.article .thumb img', 'src');
    expect(srcs).toEqual(['le-hoi.png', 'anh-da-xoa.png', 'script.svg'].map((f) => `/img?u=${encodeURIComponent(`${origin()}/images/${f}`)}`));
    const feed = (await (await call('/s/quang-bach/feed.json')).json()) as { items: { image?: string }[] };
    expect(feed.items.map((i) => i.image)).toEqual(['le-hoi.png', 'anh-da-xoa.png', 'script.svg'].map((f) => `${origin()}/images/${f}`));
  });

  it('serves a stored article’s image with long caching, no cookie either way, and keeps it in the Cache API', async () => {
    const url = `${origin()}/images/le-hoi.png`;
    const PNG = Buffer.from(await (await fetch(url)).arrayBuffer());
    await override({ path: '/images/le-hoi.png', body: PNG.toString('base64'), base64: true, headers: { 'content-type': 'image/png', 'set-cookie': 'ASP.NET_SessionId=abc123; path=/; HttpOnly' } } as never);
    const before = await hits('/images/le-hoi.png');
    const res = await img(url, { headers: { cookie: 'bantin_session=secret', authorization: 'Bearer x' } });
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toMatch(/^public, max-age=604800\b/);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await hits('/images/le-hoi.png')).toBe(before + 1);

    // Again: from the cache, the portal not asked.
    const again = await img(url);
    expect(again.status).toBe(200);
    expect(Buffer.from(await again.arrayBuffer()).equals(PNG)).toBe(true);
    expect(again.headers.get('set-cookie')).toBeNull();
    expect(await hits('/images/le-hoi.png')).toBe(before + 1);
    await override({ reset: true });
  });

  it('refuses hosts that are no source’s and no stored image’s, without fetching', async () => {
    for (const u of ['https://example.com/anh.png', 'http://127.0.0.2/anh.png', `${origin().replace('127.0.0.1', 'localhost')}/images/le-hoi.png`]) {
      const res = await img(u);
      expect({ u, status: res.status, body: await res.json() }).toEqual({ u, status: 403, body: { error: 'not-allowed' } });
    }
  });

  it('refuses SVG (script inside) and HTML labelled as an image; a missing image is a 404', async () => {
    const svg = await img(`${origin()}/images/script.svg`);
    expect(svg.status).toBe(415);
    expect(await svg.json()).toEqual({ error: 'not-an-image' });
    const html = await img(`${origin()}/images/not-an-image.png`);
    expect(html.status).toBe(415);
    expect(html.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const gone = await img(`${origin()}/images/anh-da-xoa.png`);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toEqual({ error: 'not-found' });
  });

  it('refuses what is no http(s) URL', async () => {
    for (const u of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd']) expect((await img(u)).status).toBe(400);
    expect((await call('/img')).status).toBe(400);
  });

  it('a refresh with nothing new writes no allowlist again', async () => {
    const res = await adminCall('/admin/refresh?source=quang-bach', 'POST');
    const summary = (await res.json()) as { kv: { writes: number } };
    expect(summary.kv.writes).toBe(1); // the state alone
  });
});
