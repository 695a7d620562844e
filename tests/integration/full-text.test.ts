/// <reference types="vite/client" />
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Env } from '../../src/env';
import { runRefresh, type RunSummary } from '../../src/refresh/run';
import { bucketKey, CATALOG_KEY, IMAGE_HOSTS_KEY, PAGE_QUEUE_KEY } from '../../src/store/keys';
import type { PageQueue } from '../../src/store/page-queue';
import type { Bucket } from '../../src/store/types';
import corpus from '../fixtures/xss/corpus-feed.json';
import { call, origin, override } from '../helpers/worker';
import { child, children, parseXml } from '../helpers/xml';
import { activeHtml } from '../helpers/xss';

// Full text through the whole house, in workerd with the real local KV and the fixture origin on
// 127.0.0.1: a portal publishes more new articles than one run may fetch pages for; the pages
// are read over the next runs, oldest first, each once, a failing page waits and leaves its
// article as it was, and a listing answering 304 does not hold the waiting pages back.

const testEnv = env as unknown as Env;
const pages = import.meta.glob('../fixtures/articles/*.html', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const bodies = Object.values(pages);
const ARTICLES = 20;
const BUDGET = 8;
const MINUTE = 60_000;
const base = () => `${origin()}/ft`;

/** An RSS feed of ARTICLES items dated by day only (midnight), as many portal feeds are. */
function feed(): string {
  const items = Array.from({ length: ARTICLES }, (_, i) => {
    const n = i + 1;
    const day = String(1 + (i % 28)).padStart(2, '0');
    return `<item><title>Bài số ${n} của cổng xã</title><link>${base()}/a${n}.html</link><pubDate>${day} Nov 2026 00:00:00 +0700</pubDate><description>Tóm tắt bài số ${n}.</description></item>`;
  }).join('');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Cổng xã</title><link>${base()}/</link><description>x</description>${items}</channel></rss>`;
}

let clock = Date.parse('2026-11-30T03:00:00Z');
const deps = () => ({
  kv: testEnv.KV,
  fetch: globalThis.fetch.bind(globalThis),
  now: () => new Date(clock),
  random: Math.random,
  allowPrivate: true,
  maxSubrequests: BUDGET,
});
const hits = async (): Promise<Record<string, number>> => (await fetch(`${origin()}/__hits`)).json();
const bucket = async () => (await testEnv.KV.get<Bucket>(bucketKey('ft'), 'json'))!;
const queue = async () => (await testEnv.KV.get<PageQueue>(PAGE_QUEUE_KEY, 'json')) ?? { version: 1, pages: [] };

describe('full text: every new article page read over the next runs, each once', () => {
  const runs: RunSummary[] = [];
  /** The image route's allowlist after each run. */
  const allowlists: (string | null)[] = [];
  beforeAll(async () => {
    await override({ path: '/ft/feed.xml', body: feed(), headers: { 'content-type': 'application/rss+xml' } });
    for (let n = 1; n <= ARTICLES; n++) await override({ path: `/ft/a${n}.html`, body: bodies[n % bodies.length], headers: { 'content-type': 'text/html; charset=utf-8' } });
    // Article 7's page is down for now.
    await override({ path: '/ft/a7.html', status: 503, body: 'Dịch vụ tạm ngừng', headers: { 'content-type': 'text/html' } });
    const source = { id: 'ft', name: 'Cổng xã', url: `${base()}/feed.xml`, kind: 'feed', fullText: true, intervalMinutes: 15, region: { province: 'thai-nguyen' } };
    await testEnv.KV.put(CATALOG_KEY, JSON.stringify([source]));
    for (let i = 0; i < 5; i++) {
      runs.push(await runRefresh(deps()));
      allowlists.push(await testEnv.KV.get(IMAGE_HOSTS_KEY));
      clock += 15 * MINUTE;
    }
  });

  it('spends the first run\'s budget and queues the rest; later runs read the queue though the listing answers 304', () => {
    expect(runs[0].sources[0]).toMatchObject({ outcome: 'updated', newArticles: ARTICLES });
    expect(runs[0].subrequests).toBe(BUDGET);
    // Oldest first, in the feed's order: a1…a7 (a7 fails and waits again).
    expect(runs[0].pages).toEqual({ read: BUDGET - 2, failed: 1, waiting: ARTICLES - (BUDGET - 2) });
    expect(runs[1].sources[0].outcome).toBe('not-modified');
    expect(runs[1].pages!.read).toBeGreaterThan(0);
    for (const r of runs) expect(r.subrequests).toBeLessThanOrEqual(BUDGET);
  });

  it('reads every page exactly once, and the failing one again only after its backoff', async () => {
    const h = await hits();
    for (let n = 1; n <= ARTICLES; n++) if (n !== 7) expect(h[`/ft/a${n}.html`], `a${n}`).toBe(1);
    // Failed at 0 min, waited 30, failed again at 30 min, now waits 60: two tries in five runs.
    expect(h['/ft/a7.html']).toBe(2);
    const q = await queue();
    expect(q.pages.map((p) => p.url)).toEqual([`${base()}/a7.html`]);
    expect(q.pages[0]).toMatchObject({ tries: 2 });
  });

  it('writes each changed key once a run, the queue being the one extra', () => {
    // A run that read pages: the bucket once (listing and pages together), snap:all, the
    // province's snapshot, the queue, the state. A run with nothing to read: the state. And the
    // image route's allowlist, in the runs whose pages brought lead images from new hosts only.
    const writes = runs.map((r) => r.kv.writes);
    const hostsChanged = (i: number) => (allowlists[i] !== (allowlists[i - 1] ?? null) ? 1 : 0);
    runs.forEach((r, i) => expect(writes[i], `run ${i + 1}`).toBe((r.pages!.read ? 5 : r.pages!.failed ? 2 : 1) + hostsChanged(i)));
    expect(hostsChanged(0)).toBe(1);
    expect(writes[4]).toBe(1);
  });

  it('completes each article from its page; the failing page leaves its article as the listing gave it', async () => {
    const b = await bucket();
    expect(b.articles).toHaveLength(ARTICLES);
    for (const a of b.articles) {
      if (a.url.endsWith('/a7.html')) {
        expect(a.contentHtml).toBeUndefined();
        expect(a.pageRead).toBeUndefined();
        expect(a.summary).toBe('Tóm tắt bài số 7.');
      } else {
        expect(a.pageRead, a.url).toBeDefined();
        expect(a.contentHtml!.length, a.url).toBeGreaterThan(200);
        expect(a.published.endsWith('T17:00:00.000Z'), `${a.url} keeps the listing's midnight`).toBe(false);
      }
    }
  });

  it('reads the failed page after its backoff, when it is back', async () => {
    await override({ path: '/ft/a7.html', body: bodies[7 % bodies.length], headers: { 'content-type': 'text/html; charset=utf-8' } });
    clock += 60 * MINUTE;
    const r = await runRefresh(deps());
    expect(r.pages).toMatchObject({ read: 1, failed: 0, waiting: 0 });
    expect((await hits())['/ft/a7.html']).toBe(3);
    expect((await bucket()).articles.find((a) => a.url.endsWith('/a7.html'))!.contentHtml).toBeTruthy();
  });

  it('keeps the full text when the listing is read again', async () => {
    await override({ path: '/ft/feed.xml', body: feed().replace('Tóm tắt bài số 3.', 'Tóm tắt bài số 3, sửa lại.'), headers: { 'content-type': 'application/rss+xml' } });
    clock += 60 * MINUTE;
    const r = await runRefresh(deps());
    expect(r.sources[0].outcome).toBe('updated');
    const a3 = (await bucket()).articles.find((a) => a.url.endsWith('/a3.html'))!;
    expect(a3.summary).toBe('Tóm tắt bài số 3, sửa lại.');
    expect(a3.contentHtml).toBeTruthy();
    expect(a3.pageRead).toBeDefined();
    const h = await hits();
    for (let n = 1; n <= ARTICLES; n++) expect(h[`/ft/a${n}.html`]).toBe(n === 7 ? 3 : 1);
  });

  it('serves the full text in every format', async () => {
    const one = (await bucket()).articles[0];
    const api = (await (await call(`/api/articles/${one.id}`)).json()) as { content_html?: string };
    expect(api.content_html).toBe(one.contentHtml);
    const rss = await (await call('/s/ft/feed.rss')).text();
    expect(rss).toContain('<content:encoded>');
    const atom = await (await call('/s/ft/feed.atom')).text();
    expect(atom).toContain('<content type="html">');
    const json = (await (await call('/s/ft/feed.json')).json()) as { items: Array<{ content_html?: string; content_text?: string }> };
    expect(json.items.filter((i) => i.content_html).length).toBe(ARTICLES);
    const combined = (await (await call('/feed.json')).json()) as { items: Array<{ content_html?: string }> };
    expect(combined.items.filter((i) => i.content_html).length).toBe(ARTICLES);
  });
});

describe('full text: hostile article pages come out inert in every format', () => {
  const vectors = (corpus as { items: Array<{ content_html?: string; summary?: string; title?: string }> }).items.flatMap((i) => [i.content_html ?? '', i.summary ?? '', i.title ?? '']).join('\n');
  const page = `<html><head><meta property="og:image" content="javascript:alert(1)"><script type="application/ld+json">{"author":{"name":"<img src=x onerror=alert(9)>"}}</script></head><body><div class="bodytext"><p>Bài viết có nội dung độc hại được cài vào để kiểm tra bộ lọc của bantin, từng đoạn một.</p>${vectors}</div></body></html>`;

  beforeAll(async () => {
    const rss = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>x</title><link>${origin()}/ftx/</link><description>x</description><item><title>Tin độc hại</title><link>${origin()}/ftx/a1.html</link><pubDate>02 Dec 2026 00:00:00 +0700</pubDate></item></channel></rss>`;
    await override({ path: '/ftx/feed.xml', body: rss, headers: { 'content-type': 'application/rss+xml' } });
    await override({ path: '/ftx/a1.html', body: page, headers: { 'content-type': 'text/html; charset=utf-8' } });
    const sources = [
      { id: 'ft', name: 'Cổng xã', url: `${base()}/feed.xml`, kind: 'feed', fullText: true, intervalMinutes: 15, region: { province: 'thai-nguyen' } },
      { id: 'ftx', name: 'Cổng độc hại', url: `${origin()}/ftx/feed.xml`, kind: 'feed', fullText: true, region: { province: 'thai-nguyen' } },
    ];
    await testEnv.KV.put(CATALOG_KEY, JSON.stringify(sources));
    clock += 60 * MINUTE;
    await runRefresh({ ...deps(), maxSubrequests: 45 });
  });

  it('stores the body sanitized and serves it inert through the API, RSS, Atom and JSON Feed', async () => {
    const stored = (await testEnv.KV.get<Bucket>(bucketKey('ftx'), 'json'))!.articles[0];
    expect(stored.contentHtml).toContain('Bài viết có nội dung độc hại');
    expect(stored.image ?? 'http:').toMatch(/^https?:/); // og:image javascript: refused
    expect(await activeHtml(stored.contentHtml!, 'content')).toEqual([]);
    const api = (await (await call(`/api/articles/${stored.id}`)).json()) as { content_html: string };
    expect(await activeHtml(api.content_html, 'content')).toEqual([]);
    for (const path of ['/feed.rss', '/s/ftx/feed.rss']) {
      const item = children(child(parseXml(await (await call(path)).text()), 'channel')!, 'item').find((i) => child(i, 'link')!.text.endsWith('/ftx/a1.html'))!;
      const encoded = child(item, 'content:encoded')!.text;
      expect(encoded).toContain('Bài viết có nội dung độc hại');
      expect(await activeHtml(encoded, 'content')).toEqual([]);
    }
    const entry = children(parseXml(await (await call('/feed.atom')).text()), 'entry').find((e) => child(e, 'content'))!;
    expect(await activeHtml(child(entry, 'content')!.text, 'content')).toEqual([]);
    const json = (await (await call('/feed.json')).json()) as { items: Array<{ url: string; content_html?: string; authors: Array<{ name: string }> }> };
    const item = json.items.find((i) => i.url.endsWith('/ftx/a1.html'))!;
    expect(await activeHtml(item.content_html!, 'content')).toEqual([]);
    expect(item.authors[0].name).not.toMatch(/</);
  });

  it('carries full text in the combined feeds, at most the newest 50 bodies', async () => {
    const json = (await (await call('/feed.json?limit=100')).json()) as { items: Array<{ content_html?: string }> };
    expect(json.items.filter((i) => i.content_html).length).toBe(ARTICLES + 1);
  });
});
