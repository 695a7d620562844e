import { describe, expect, it } from 'vitest';
import { throughEdgeCache } from '../../../src/serve/edge-cache';

// A real Cache API cache of workerd (the one caches.default is in production), one per test.
let n = 0;
const freshCache = () => caches.open(`edge-cache-test-${++n}`);

describe('throughEdgeCache', () => {
  const url = 'https://bantin.test/feed.rss?limit=5';
  const feed = (body: string, status = 200) =>
    new Response(body, { status, headers: { ETag: `"${body.length}"`, 'Cache-Control': 'public, max-age=900', 'Content-Type': 'application/rss+xml' } });

  it('renders once and answers later requests of the same URL from the cache, with the headers clients had', async () => {
    const cache = await freshCache();
    const waits: Promise<unknown>[] = [];
    let renders = 0;
    const render = async () => (renders++, feed('<rss>một</rss>'));
    const first = await throughEdgeCache(new Request(url), 60, cache, (w) => waits.push(w), render);
    await Promise.all(waits);
    const second = await throughEdgeCache(new Request(url), 60, cache, (w) => waits.push(w), render);
    expect(renders).toBe(1);
    expect(await second.text()).toBe(await first.text());
    expect(second.headers.get('Cache-Control')).toBe('public, max-age=900');
    expect(second.headers.get('ETag')).toBe(first.headers.get('ETag'));
    expect([...second.headers.keys()].some((k) => k.startsWith('x-bantin'))).toBe(false);
    // Another query string is another feed.
    await throughEdgeCache(new Request(`${url}&province=lang-son`), 60, cache, (w) => waits.push(w), render);
    expect(renders).toBe(2);
  });

  it('answers 304 from the kept copy when the client has its ETag', async () => {
    const cache = await freshCache();
    const waits: Promise<unknown>[] = [];
    const render = async () => feed('<rss>hai</rss>');
    const first = await throughEdgeCache(new Request(url), 60, cache, (w) => waits.push(w), render);
    await Promise.all(waits);
    const again = await throughEdgeCache(new Request(url, { headers: { 'If-None-Match': first.headers.get('ETag')! } }), 60, cache, (w) => waits.push(w), async () => {
      throw new Error('rendered again');
    });
    expect(again.status).toBe(304);
    expect(again.headers.get('ETag')).toBe(first.headers.get('ETag'));
  });

  it('never keeps an error or a 404', async () => {
    const cache = await freshCache();
    const waits: Promise<unknown>[] = [];
    let renders = 0;
    for (const status of [400, 404, 500]) {
      const render = async () => (renders++, feed('{"error":"bad parameter"}', status));
      for (let i = 0; i < 2; i++) expect((await throughEdgeCache(new Request(`${url}&s=${status}`), 60, cache, (w) => waits.push(w), render)).status).toBe(status);
    }
    await Promise.all(waits);
    expect(renders).toBe(6);
  });
});
