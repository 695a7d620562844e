import { describe, expect, it } from 'vitest';
import { ingestSource, type IngestDeps } from '../../src/ingest/ingest-source';
import { IngestError } from '../../src/ingest/types';
import { sourceSchema, type SourceInput } from '../../src/sources/schema';
import cp1258 from '../fixtures/charset/listing-windows-1258.html.b64?raw';
import nfdPage from '../fixtures/charset/listing-nfd.html?raw';
import liferayFeed from '../fixtures/liferay/rss.xml?raw';
import pngB64 from '../fixtures/broken/not-a-feed.png.b64?raw';
import nukevietListing from '../fixtures/nukeviet/listing.html?raw';
import nukevietRss from '../fixtures/nukeviet/rss.xml?raw';
import storyListing from '../fixtures/story/listing.html?raw';
import tandanListing from '../fixtures/tandan/listing.html?raw';

const now = new Date('2026-11-27T03:00:00Z');
const bytes = (b64: string) => Uint8Array.from(atob(b64.replace(/\s+/g, '')), (c) => c.charCodeAt(0));

/** A fake web: URL → body (and type); records what was asked. */
function web(pages: Record<string, { body: string | Uint8Array; type: string; etag?: string }>) {
  const asked: string[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    asked.push(url);
    const page = pages[url];
    if (!page) return new Response('not found', { status: 404 });
    const inm = new Headers(init?.headers).get('if-none-match');
    if (page.etag && inm === page.etag) return new Response(null, { status: 304 });
    return new Response(page.body, { headers: { 'content-type': page.type, ...(page.etag ? { etag: page.etag } : {}) } });
  }) as typeof globalThis.fetch;
  return { fetch, asked };
}
const deps = (fetch: typeof globalThis.fetch): IngestDeps => ({ fetch, allowPrivate: false, now });
const source = (s: Partial<SourceInput>) => sourceSchema.parse({ id: 'src', name: 'Nguồn', url: 'https://x.gov.vn/', region: { province: 'bac-kan' }, ...s });

describe('ingestSource: one source, start to finish', () => {
  it('reads the page when the feed it announces answers 404, and remembers not to ask again', async () => {
    const w = web({ 'https://pacnam.backan.gov.vn/news/tin-tuc-su-kien/': { body: nukevietListing, type: 'text/html; charset=utf-8' } });
    const s = source({ url: 'https://pacnam.backan.gov.vn/news/tin-tuc-su-kien/' });
    const first = await ingestSource({ source: s, validators: {} }, deps(w.fetch));
    if (first.status !== 'parsed') throw new Error(first.status);
    expect(first.format).toBe('html');
    expect(first.articles).toHaveLength(8);
    expect(first.listing).toMatchObject({ way: 'platform', platform: 'nukeviet', deadFeed: 'https://pacnam.backan.gov.vn/news/rss/' });
    expect(w.asked).toEqual(['https://pacnam.backan.gov.vn/news/tin-tuc-su-kien/', 'https://pacnam.backan.gov.vn/news/rss/']);
    w.asked.length = 0;
    const again = await ingestSource({ source: s, validators: {}, listing: first.listing!.memory }, deps(w.fetch));
    expect(w.asked).toEqual(['https://pacnam.backan.gov.vn/news/tin-tuc-su-kien/']);
    expect(again.status === 'parsed' && again.listing?.way).toBe('remembered');
  });


  it('follows an HTML page\'s own feed link and remembers it', async () => {
    const w = web({
      'https://pacnam.backan.gov.vn/': { body: nukevietListing, type: 'text/html; charset=utf-8' },
      'https://pacnam.backan.gov.vn/news/rss/': { body: nukevietRss, type: 'application/rss+xml' },
    });
    const r = await ingestSource({ source: source({ url: 'https://pacnam.backan.gov.vn/', preset: 'nukeviet' }), validators: {} }, deps(w.fetch));
    expect(r.status).toBe('parsed');
    if (r.status !== 'parsed') return;
    expect(r.feedUrl).toBe('https://pacnam.backan.gov.vn/news/rss/');
    expect(r.format).toBe('rss');
    expect(r.articles.length).toBeGreaterThan(3);
    // Next time the remembered feed is fetched directly.
    w.asked.length = 0;
    await ingestSource({ source: source({ url: 'https://pacnam.backan.gov.vn/', preset: 'nukeviet' }), validators: {}, feedUrl: r.feedUrl }, deps(w.fetch));
    expect(w.asked).toEqual(['https://pacnam.backan.gov.vn/news/rss/']);
  });

  it('reads a listing page through its preset when kind is html', async () => {
    const w = web({ 'https://chodon.backan.gov.vn/portal/Pages/Tin-tuc-su-kien.aspx': { body: tandanListing, type: 'text/html' } });
    const r = await ingestSource({ source: source({ url: 'https://chodon.backan.gov.vn/portal/Pages/Tin-tuc-su-kien.aspx', kind: 'html', preset: 'tandan' }), validators: {} }, deps(w.fetch));
    if (r.status !== 'parsed') throw new Error(r.status);
    expect(r.articles.length).toBe(10);
    for (const a of r.articles) {
      expect(a.url).toMatch(/^https:\/\/chodon\.backan\.gov\.vn\/portal\/Pages\//);
      expect(a.dateEstimated).toBeUndefined();
      expect(a.published.endsWith('T17:00:00.000Z')).toBe(true); // a day only: 00:00 in Vietnam
    }
  });

  it('decodes a windows-1258 page and an NFD page to the same NFC text', async () => {
    const w = web({
      'https://nari.backan.gov.vn/a': { body: bytes(cp1258), type: 'text/html' },
      'https://nari.backan.gov.vn/b': { body: nfdPage, type: 'text/html; charset=utf-8' },
    });
    const titles = async (url: string) => {
      const r = await ingestSource({ source: source({ url, kind: 'html', preset: 'tandan' }), validators: {} }, deps(w.fetch));
      if (r.status !== 'parsed') throw new Error(r.status);
      return r.articles.map((a) => [a.title, a.summary]);
    };
    const a = await titles('https://nari.backan.gov.vn/a');
    expect(a[0][0]).toBe('Huyện Na Rì tổ chức hội nghị tổng kết công tác dân vận');
    expect(a[1][1]).toContain('Chợ Đồn, Bạch Thông và Na Rì');
    expect(a[0][0]).toBe(a[0][0].normalize('NFC'));
    expect(await titles('https://nari.backan.gov.vn/b')).toEqual(a);
  });

  it('reads only the listing, even with enrich: article pages are the run\'s page stage', async () => {
    // A listing that shows no dates: the articles' own pages would give them, and are not read here.
    const undated = storyListing.replace(/<time\b[^>]*>[\s\S]*?<\/time>/g, '');
    const w = web({ 'https://baobackan.com.vn/thoi-su/': { body: undated, type: 'text/html' } });
    const r = await ingestSource(
      { source: source({ url: 'https://baobackan.com.vn/thoi-su/', kind: 'html', selectors: { item: 'article.story', title: '.story__heading > a', image: '.no-image' }, enrich: true }), validators: {} },
      deps(w.fetch),
    );
    if (r.status !== 'parsed') throw new Error(r.status);
    expect(w.asked).toEqual(['https://baobackan.com.vn/thoi-su/']);
    expect(r.articles.every((a) => a.dateEstimated)).toBe(true);
  });

  it('skips parsing when the body is the same, and says not-modified on 304', async () => {
    const w = web({ 'https://pacnam.backan.gov.vn/news/rss/': { body: nukevietRss, type: 'application/rss+xml', etag: '"v1"' } });
    const s = source({ url: 'https://pacnam.backan.gov.vn/news/rss/', kind: 'feed' });
    const first = await ingestSource({ source: s, validators: {} }, deps(w.fetch));
    expect(first.validators.etag).toBe('"v1"');
    expect((await ingestSource({ source: s, validators: { hash: first.validators.hash } }, deps(w.fetch))).status).toBe('unchanged');
    expect((await ingestSource({ source: s, validators: first.validators }, deps(w.fetch))).status).toBe('not-modified');
  });

  it('does not parse a feed whose bytes change on every request while its entries stay the same; a new entry is read', async () => {
    // Some Liferay feeds stamp the feed itself with the time of the request.
    const stamped = (at: string, extra = '') => liferayFeed.replace('<subtitle>', `<updated>${at}</updated>\n  <subtitle>`).replace('  <entry>', `${extra}  <entry>`);
    const url = 'https://chodon.backan.gov.vn/rss/-/asset_publisher/tin-tuc/rss';
    const s = source({ url, kind: 'feed' });
    const pages: Parameters<typeof web>[0] = { [url]: { body: stamped('2026-11-27T08:00:00Z'), type: 'application/atom+xml' } };
    const w = web(pages);
    const first = await ingestSource({ source: s, validators: {} }, deps(w.fetch));
    if (first.status !== 'parsed') throw new Error(first.status);
    expect(first.validators.itemsHash).toMatch(/^[\w-]{22}$/);

    pages[url].body = stamped('2026-11-27T08:40:00Z');
    const again = await ingestSource({ source: s, validators: first.validators }, deps(w.fetch));
    expect(again.status).toBe('unchanged');
    // The bytes' hash moves on; the items' stays.
    expect(again.validators.hash).not.toBe(first.validators.hash);
    expect(again.validators.itemsHash).toBe(first.validators.itemsHash);

    const entry = `  <entry>\n    <title>Chợ Đồn ra quân vệ sinh môi trường</title>\n    <link rel="alternate" href="https://chodon.backan.gov.vn/-/view_content/2900001-ra-quan.html" />\n    <id>https://chodon.backan.gov.vn/-/view_content/2900001-ra-quan.html</id>\n    <published>2026-11-27T08:50:00Z</published>\n    <summary type="html">Toàn huyện ra quân.</summary>\n  </entry>\n`;
    pages[url].body = stamped('2026-11-27T09:20:00Z', entry);
    const news = await ingestSource({ source: s, validators: again.validators }, deps(w.fetch));
    if (news.status !== 'parsed') throw new Error(news.status);
    expect(news.articles.map((a) => a.title)).toContain('Chợ Đồn ra quân vệ sinh môi trường');
    expect(news.validators.itemsHash).not.toBe(first.validators.itemsHash);
  });

  it('does not parse a listing page whose view state changes on every request while its links stay the same', async () => {
    const withState = (state: string) => tandanListing.replace(/(id="__VIEWSTATE" value=")[^"]*/, `$1${state}`);
    const url = 'https://chodon.backan.gov.vn/portal/Pages/Tin-tuc-su-kien.aspx';
    const s = source({ url, kind: 'html', preset: 'tandan' });
    const pages: Parameters<typeof web>[0] = { [url]: { body: withState('/wEPDwUBMA9kFgJmAAA='), type: 'text/html' } };
    const w = web(pages);
    const first = await ingestSource({ source: s, validators: {} }, deps(w.fetch));
    expect(first.status).toBe('parsed');
    pages[url].body = withState('/wEPDwUBMA9kFgJmBBB=');
    const again = await ingestSource({ source: s, validators: first.validators }, deps(w.fetch));
    expect(again.status).toBe('unchanged');
    // A fresh deployment's state without the items' hash parses, as before.
    expect((await ingestSource({ source: s, validators: { hash: first.validators.hash } }, deps(w.fetch))).status).toBe('parsed');
  });

  it('keeps the items\' hash through a 304 and a body with the same bytes, and forgets it once a page leads to its feed', async () => {
    const w = web({ 'https://pacnam.backan.gov.vn/news/rss/': { body: nukevietRss, type: 'application/rss+xml', etag: '"v1"' } });
    const s = source({ url: 'https://pacnam.backan.gov.vn/news/rss/', kind: 'feed' });
    const first = await ingestSource({ source: s, validators: {} }, deps(w.fetch));
    expect(first.validators.itemsHash).toBeDefined();
    expect((await ingestSource({ source: s, validators: first.validators }, deps(w.fetch))).validators.itemsHash).toBe(first.validators.itemsHash);
    const same = await ingestSource({ source: s, validators: { hash: first.validators.hash, itemsHash: first.validators.itemsHash } }, deps(w.fetch));
    expect(same).toMatchObject({ status: 'unchanged', validators: { itemsHash: first.validators.itemsHash } });

    const site = web({
      'https://pacnam.backan.gov.vn/': { body: nukevietListing, type: 'text/html; charset=utf-8' },
      'https://pacnam.backan.gov.vn/news/rss/': { body: nukevietRss, type: 'application/rss+xml' },
    });
    const found = await ingestSource({ source: source({ url: 'https://pacnam.backan.gov.vn/', preset: 'nukeviet' }), validators: {} }, deps(site.fetch));
    expect(found).toMatchObject({ status: 'parsed', feedUrl: 'https://pacnam.backan.gov.vn/news/rss/' });
    expect(found.validators.itemsHash).toBeUndefined();
  });

  it('fails with a typed error that names the source and says what happened', async () => {
    const w = web({
      'https://x.gov.vn/logo': { body: bytes(pngB64), type: 'application/rss+xml' },
      'https://x.gov.vn/page': { body: '<html><body><p>Trang chủ</p></body></html>', type: 'text/html' },
    });
    const fail = async (s: Partial<SourceInput>) => {
      try {
        await ingestSource({ source: source(s), validators: {} }, deps(w.fetch));
      } catch (e) {
        return e as IngestError;
      }
      throw new Error('no error');
    };
    expect(await fail({ url: 'https://x.gov.vn/logo' })).toMatchObject({ code: 'not-a-feed', sourceId: 'src' });
    expect(await fail({ url: 'https://x.gov.vn/page', kind: 'feed' })).toMatchObject({ code: 'not-a-feed', message: expect.stringContaining('no feed link') });
    expect(await fail({ url: 'https://x.gov.vn/page' })).toMatchObject({ code: 'no-items', message: expect.stringContaining('no list of articles') });
    expect(await fail({ url: 'https://x.gov.vn/page', kind: 'html', selectors: { item: 'div.news' } })).toMatchObject({ code: 'no-items' });
    expect(await fail({ url: 'https://x.gov.vn/missing' })).toMatchObject({ code: 'http', status: 404 });
    expect(await fail({ url: 'http://10.0.0.1/feed' })).toMatchObject({ code: 'blocked' });
  });

  it('keeps the error it re-throws with the source id as its cause, down to the original', async () => {
    const lost = new TypeError('Network connection lost.');
    const fetch = (async () => {
      throw lost;
    }) as unknown as typeof globalThis.fetch;
    const err = (await ingestSource({ source: source({}), validators: {} }, deps(fetch)).catch((e: unknown) => e)) as IngestError;
    expect(err).toMatchObject({ code: 'refused', sourceId: 'src' });
    expect(err.cause).toBeInstanceOf(IngestError);
    expect((err.cause as IngestError).cause).toBe(lost);
  });

  it('keeps an unexpected error as the cause of the parse failure it reports', async () => {
    const w = web({ 'https://x.gov.vn/rss': { body: nukevietRss, type: 'application/rss+xml' } });
    // An invalid clock makes normalizing throw a RangeError: nothing ingest expects.
    const err = (await ingestSource({ source: source({ url: 'https://x.gov.vn/rss' }), validators: {} }, { ...deps(w.fetch), now: new Date(NaN) }).catch(
      (e: unknown) => e,
    )) as IngestError;
    expect(err).toMatchObject({ code: 'parse', sourceId: 'src', message: expect.stringMatching(/^unexpected /) });
    expect(err.cause).toBeInstanceOf(RangeError);
  });
});

describe('links found in fetched pages pass the guard too', () => {
  const tn = (over: Partial<SourceInput> = {}) =>
    source({ id: 'tn', name: 'Thái Nguyên', url: 'https://thainguyen.gov.vn/tin-tuc', region: { province: 'thai-nguyen' }, ...over });
  const pageLinking = (href: string) => ({
    body: `<html><head><link rel="alternate" type="application/rss+xml" href="${href}"></head><body></body></html>`,
    type: 'text/html',
  });

  it('does not follow an autodiscovered feed link to a private address', async () => {
    const w = web({ 'https://thainguyen.gov.vn/tin-tuc': pageLinking('http://192.168.1.10/rss.xml') });
    const err = (await ingestSource({ source: tn(), validators: {} }, deps(w.fetch)).catch((e: unknown) => e)) as IngestError;
    expect(err.code).toBe('blocked');
    expect(w.asked).toEqual(['https://thainguyen.gov.vn/tin-tuc']);
  });

  it.each(['http://localhost../rss.xml', 'http://127.0.0.1../rss.xml', 'http://admin:secret@thainguyen.gov.vn/rss.xml'])(
    'does not follow an autodiscovered feed link to %s',
    async (href) => {
      const w = web({ 'https://thainguyen.gov.vn/tin-tuc': pageLinking(href) });
      const err = (await ingestSource({ source: tn(), validators: {} }, deps(w.fetch)).catch((e: unknown) => e)) as IngestError;
      expect(err.code).toBe('blocked');
      expect(err.message).not.toMatch(/secret/);
      expect(w.asked).toEqual(['https://thainguyen.gov.vn/tin-tuc']);
    },
  );
});
