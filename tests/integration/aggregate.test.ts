import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import catalogText from '../fixtures/catalog.json?raw';
import { adminCall, call, loadCatalog, override, runCron } from '../helpers/worker';
import { child, children, parseXml } from '../helpers/xml';

interface Summary {
  sources: { id: string; outcome: string; newArticles: number; error?: string }[];
  kv: { reads: number; writes: number };
  subrequests: number;
}
const ids = (JSON.parse(catalogText) as { id: string }[]).map((s) => s.id);
const refreshAll = async (): Promise<Summary> => (await adminCall(`/admin/refresh?${ids.map((id) => `source=${id}`).join('&')}`, 'POST')).json();
const rssItems = async (query = '') => children(child(parseXml(await (await call(`/feed.rss${query}`)).text()), 'channel')!, 'item');

// One story through the whole house: catalog → cron refresh against the fixture
// portals on 127.0.0.1 → KV → the three feeds, their filters, 304s and KV costs.
describe('refresh and serve, end to end in workerd', () => {
  beforeAll(async () => {
    await override({ reset: true });
    await loadCatalog(catalogText);
    await runCron();
  });
  afterAll(() => override({ reset: true }));

  it('refreshes every fixture portal and reports its health', async () => {
    const { sources } = (await (await call('/api/sources')).json()) as { sources: { id: string; verified: boolean; health: { lastError: string | null; articleCount: number } }[] };
    for (const s of sources) {
      expect({ id: s.id, error: s.health.lastError }).toEqual({ id: s.id, error: null });
      expect(s.verified).toBe(true);
      expect(s.health.articleCount).toBeGreaterThan(0);
    }
  });

  it('serves a combined RSS feed, newest first, naming each item\'s portal', async () => {
    const res = await call('/feed.rss?limit=500');
    expect(res.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    const items = children(child(parseXml(await res.text()), 'channel')!, 'item');
    const dates = items.map((i) => Date.parse(child(i, 'pubDate')!.text));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    const portals = new Set(items.map((i) => child(i, 'source')!.text));
    expect(portals.size).toBe(ids.length);
    for (const i of items) expect(child(i, 'link')!.text).toMatch(/^https?:\/\//);
  });

  it('serves Atom and JSON Feed with the same items', async () => {
    const atom = parseXml(await (await call('/feed.atom?limit=20')).text());
    const json = (await (await call('/feed.json?limit=20')).json()) as { version: string; items: { id: string }[] };
    const rss = await rssItems('?limit=20');
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(children(atom, 'entry').map((e) => child(e, 'id')!.text)).toEqual(json.items.map((i) => i.id));
    expect(rss.map((i) => child(i, 'guid')!.text)).toEqual(json.items.map((i) => i.id));
  });

  it('filters by province, district and source, and limits', async () => {
    const sourceOf = (items: Awaited<ReturnType<typeof rssItems>>) => new Set(items.map((i) => child(i, 'source')!.text));
    const bacKan = sourceOf(await rssItems('?province=bac-kan&limit=500'));
    expect(bacKan.has('Báo Thái Nguyên')).toBe(false);
    expect(bacKan.size).toBe(6);
    // Bắc Kạn merged into Thái Nguyên in 2025: Thái Nguyên's feed carries both.
    expect(sourceOf(await rssItems('?province=thai-nguyen&limit=500')).size).toBe(8);
    expect(sourceOf(await rssItems('?province=bac-kan&district=cho-don'))).toEqual(new Set(['Cổng TTĐT huyện Chợ Đồn']));
    expect(sourceOf(await rssItems('?source=baobackan&source=pac-nam&limit=500'))).toEqual(new Set(['Báo Bắc Kạn', 'Cổng TTĐT huyện Pác Nặm']));
    expect(await rssItems('?limit=3')).toHaveLength(3);
    const bad = await call('/feed.json?limit=9999');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ parameters: [{ parameter: 'limit' }] });
  });

  it('answers 304 to a reader that has the current version', async () => {
    const first = await call('/feed.atom?province=bac-kan');
    const etag = first.headers.get('etag')!;
    expect(first.headers.get('cache-control')).toMatch(/max-age=\d+/);
    expect(first.headers.get('last-modified')).toBeTruthy();
    const again = await call('/feed.atom?province=bac-kan', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    const other = await call('/feed.atom?province=thai-nguyen', { headers: { 'if-none-match': etag } });
    expect(other.status).toBe(200);
  });

  it('answers 304 to a reader that sends If-Modified-Since the feed\'s Last-Modified or later, and the feed to an older one', async () => {
    const lastModified = (await call('/feed.rss')).headers.get('last-modified')!;
    const since = (date: string, extra: Record<string, string> = {}) => call('/feed.rss', { headers: { 'if-modified-since': date, ...extra } });
    const same = await since(lastModified);
    expect(same.status).toBe(304);
    expect(same.headers.get('last-modified')).toBe(lastModified);
    expect((await since(new Date(Date.parse(lastModified) + 60_000).toUTCString())).status).toBe(304);
    const older = await since(new Date(Date.parse(lastModified) - 1000).toUTCString());
    expect(older.status).toBe(200);
    expect(await older.text()).toContain('<item>');
    expect((await since('not a date')).status).toBe(200);
    // If-None-Match wins over If-Modified-Since (RFC 9110).
    expect((await since(lastModified, { 'if-none-match': '"stale"' })).status).toBe(200);
  });

  it('refreshes every active source now with ?all=1, due or not', async () => {
    const dueOnly = (await (await adminCall('/admin/refresh', 'POST')).json()) as Summary;
    expect(dueOnly.sources).toHaveLength(0); // all were refreshed a moment ago
    const all = (await (await adminCall('/admin/refresh?all=1', 'POST')).json()) as Summary;
    expect(all.sources.map((s) => s.id).sort()).toEqual([...ids].sort());
    expect(all.sources.every((s) => s.outcome !== 'failed')).toBe(true);
    expect((await adminCall('/admin/refresh?all=yes', 'POST')).status).toBe(400);
    expect((await adminCall(`/admin/refresh?all=1&source=${ids[0]}`, 'POST')).status).toBe(400);
  });

  it('writes exactly one KV key when a refresh finds nothing changed', async () => {
    const summary = await refreshAll();
    expect(summary.sources.every((s) => s.outcome === 'not-modified' || s.outcome === 'unchanged')).toBe(true);
    expect(summary.kv.writes).toBe(1);
    expect(summary.subrequests).toBe(ids.length);
  });

  it('keeps a source\'s articles when it fails after succeeding', async () => {
    const before = (await rssItems('?source=baobackan&limit=500')).length;
    expect(before).toBeGreaterThan(0);
    await override({ path: '/story/rss.xml', status: 503 });
    const summary = (await (await adminCall('/admin/refresh?source=baobackan', 'POST')).json()) as Summary;
    expect(summary.sources[0]).toMatchObject({ id: 'baobackan', outcome: 'failed' });
    expect(summary.sources[0].error).toMatch(/503/);
    expect((await rssItems('?source=baobackan&limit=500')).length).toBe(before);
    const health = ((await (await call('/api/sources')).json()) as { sources: { id: string; health: { consecutiveFailures: number; lastError: string } }[] }).sources.find((s) => s.id === 'baobackan')!;
    expect(health.health.consecutiveFailures).toBe(1);
    expect(health.health.lastError).toMatch(/503/);
  });

  it('refuses admin routes without the token', async () => {
    expect((await call('/admin/refresh', { method: 'POST' })).status).toBe(401);
    expect((await call('/admin/refresh', { method: 'POST', headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const bad = await adminCall('/admin/sources', 'PUT', [{ id: 'X Y', name: '', url: 'ftp://x', region: {} }]);
    expect(bad.status).toBe(400);
    const fields = ((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['[0].id', '[0].name', '[0].url', '[0].region.province']));
  });
});
