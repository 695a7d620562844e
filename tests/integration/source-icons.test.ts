import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Env } from '../../src/env';
import { runRefresh, type RunSummary } from '../../src/refresh/run';
import { bucketKey, CATALOG_KEY, IMAGE_HOSTS_KEY, STATE_KEY } from '../../src/store/keys';
import type { Bucket, StateDoc } from '../../src/store/types';
import { attrs } from '../helpers/html';
import { call, origin } from '../helpers/worker';

// Each source's icon, found at refresh from what its page or feed names, else from its site's
// /favicon.ico when that answers as an image; kept in its state, written with its articles,
// shown beside its name on pages through the image route, and given in the JSON Feed.

const testEnv = env as unknown as Env;
const ICO = Uint8Array.from([0, 0, 1, 0, 1, 0, 16, 16, 0, 0, 1, 0, 32, 0, 4, 0, 0, 0, 22, 0, 0, 0, 1, 2, 3, 4]);
const favicons: string[] = [];

/** The fixture origin, except that one site answers /favicon.ico with an icon (the origin has none). */
const fetchWithFavicon = (async (input: RequestInfo | URL, init?: RequestInit) => {
  const url = new URL(String(input));
  if (url.pathname === '/favicon.ico') {
    favicons.push(url.href);
    return new Response(ICO, { headers: { 'content-type': 'image/vnd.microsoft.icon' } });
  }
  return fetch(input, init);
}) as typeof fetch;

let clock = Date.parse('2026-11-30T03:00:00Z');
const refresh = () =>
  runRefresh({ kv: testEnv.KV, fetch: fetchWithFavicon, now: () => new Date(clock), random: Math.random, allowPrivate: true });
const state = async () => (await testEnv.KV.get<StateDoc>(STATE_KEY, 'json'))!;
const bucket = async (id: string) => (await testEnv.KV.get<Bucket>(bucketKey(id), 'json'))!;

const catalog = () => [
  { id: 'quang-bach', name: 'Cổng TTĐT xã Quảng Bạch', url: `${origin()}/images/rss.xml`, kind: 'feed', region: { province: 'bac-kan' } },
  {
    id: 'na-phac',
    name: 'UBND xã Nà Phặc',
    url: `${origin()}/images/listing.html`,
    kind: 'html',
    selectors: { item: 'div.tin', title: 'h3 > a', link: 'h3 > a', date: 'span.ngay' },
    region: { province: 'bac-kan' },
  },
  { id: 'bang-van', name: 'Báo điện tử xã Bằng Vân', url: `${origin()}/images/feed.json`, kind: 'feed', region: { province: 'bac-kan' } },
];

describe('source icons', () => {
  let first: RunSummary;
  beforeAll(async () => {
    await testEnv.KV.put(CATALOG_KEY, JSON.stringify(catalog()));
    first = await refresh();
  });

  it('are found at refresh: a feed’s channel image, a page’s icon link (not its SVG), else /favicon.ico once for the site', async () => {
    expect(first.sources.map((s) => s.outcome)).toEqual(['updated', 'updated', 'updated']);
    const s = (await state()).sources;
    expect(s['quang-bach'].icon).toBe(`${origin()}/images/icon.png`);
    expect(s['na-phac'].icon).toBe(`${origin()}/images/icon.png`);
    expect(s['bang-van'].icon).toBe(`${origin()}/favicon.ico`);
    // Asked once for the one source that named none, and noted so it is not asked every run.
    expect(favicons).toEqual([`${origin()}/favicon.ico`]);
    expect(s['bang-van'].iconChecked).toBe(new Date(clock).toISOString());
    for (const id of ['quang-bach', 'na-phac', 'bang-van']) expect((await bucket(id)).source?.icon, id).toBe(s[id].icon);
    expect(JSON.parse((await testEnv.KV.get(IMAGE_HOSTS_KEY))!)).toContain(new URL(origin()).host);
  });

  it('are not looked for again on every run', async () => {
    clock += 60 * 60_000;
    await refresh();
    expect(favicons).toHaveLength(1);
  });

  it('show beside the source name on pages and in /sources through the image route, and the JSON Feed names them', async () => {
    const through = (u: string) => `/img?u=${encodeURIComponent(u)}`;
    const home = await (await call('/?province=bac-kan')).text();
    const icons = await attrs(home, 'li.article .meta .source-icon img', 'src');
    expect(new Set(icons)).toEqual(new Set([through(`${origin()}/images/icon.png`), through(`${origin()}/favicon.ico`)]));
    const sources = await (await call('/sources')).text();
    expect(await attrs(sources, '#nguon-bang-van .source-icon img', 'src')).toEqual([through(`${origin()}/favicon.ico`)]);
    const feed = (await (await call('/s/quang-bach/feed.json')).json()) as { items: { _bantin: { source: { icon?: string } } }[] };
    expect(feed.items[0]._bantin.source.icon).toBe(`${origin()}/images/icon.png`);
    // The icon itself comes through the route.
    const icon = await call(through(`${origin()}/images/icon.png`));
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/png');
  });
});
