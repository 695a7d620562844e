import { describe, expect, it } from 'vitest';
import { checkCatalogUrls } from '../../../src/admin/url-policy';
import { checkUrl } from '../../../src/ingest/address-guard';
import { fetchBody } from '../../../src/ingest/fetch';
import { ingestSource } from '../../../src/ingest/ingest-source';
import { IngestError } from '../../../src/ingest/types';
import { sourceSchema } from '../../../src/sources/schema';
import { planImport } from '../../../src/sources/opml-import';
import { INWARD_URLS } from '../../helpers/inward-urls';

// Outbound requests (issue 5): only http(s), never an inward address in any spelling, at
// every hop. Address strings and fake fetches only: nothing here opens a connection.

/** Spellings beyond tests/unit/address-guard.test.ts, each of an address that must stay unreachable. */
const inward: Array<[url: string, why: RegExp]> = [
  // IPv4 written as one number, in octal, in hex, with padding, short forms
  ['http://0/', /0\.0\.0\.0 is a "this network"/],
  ['http://017700000001/', /127\.0\.0\.1 is a loopback/],
  ['http://0x7f.0x0.0x0.0x1/', /127\.0\.0\.1 is a loopback/],
  ['http://127.000.000.001/', /127\.0\.0\.1 is a loopback/],
  ['http://00000177.0.0.1/', /127\.0\.0\.1 is a loopback/],
  ['http://4294967295/', /broadcast/],
  ['http://2852039166/latest/meta-data/', /169\.254\.169\.254 is a link-local/],
  ['http://0251.0376.0251.0376/', /169\.254\.169\.254 is a link-local/],
  ['http://100.100.100.200/', /CGNAT/], // Alibaba Cloud metadata
  ['http://192.0.0.192/', /reserved/], // Oracle Cloud metadata
  // Full-width digits, percent-encoding, user-info and backslash tricks: URL parsing undoes them
  ['http://１２７.０.０.１/', /127\.0\.0\.1 is a loopback/],
  ['http://%31%32%37.0.0.1/', /127\.0\.0\.1 is a loopback/],
  ['http://127.0.0.1%2e/', /loopback/],
  ['http://portal.gov.vn@127.0.0.1/', /127\.0\.0\.1 is a loopback/],
  ['http://127.0.0.1:80\\@portal.gov.vn/', /127\.0\.0\.1 is a loopback/],
  ['https://ⓛⓞⓒⓐⓛⓗⓞⓢⓣ/', /localhost is a local name/],
  // IPv6 and IPv4 inside IPv6
  ['http://[0000:0000:0000:0000:0000:0000:0000:0001]/', /::1 is a loopback/],
  ['http://[0::1]/', /::1 is a loopback/],
  ['http://[::127.0.0.1]/', /loopback.*IPv4-compatible/],
  ['http://[0:0:0:0:0:ffff:7f00:0001]/', /loopback.*IPv4-mapped/],
  ['http://[::ffff:169.254.169.254]/', /link-local.*IPv4-mapped/],
  ['http://[::ffff:192.168.0.1]/', /private.*IPv4-mapped/],
  ['http://[::ffff:0.0.0.0]/', /this network.*IPv4-mapped/],
  ['http://[::ffff:0:127.0.0.1]/', /loopback.*IPv4-translated/],
  ['http://[::ffff:0:a9fe:a9fe]/', /link-local.*IPv4-translated/],
  ['http://[fd00:ec2::254]/', /unique local/], // AWS metadata over IPv6
  ['http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/', /Teredo/],
  ['http://[100::1]/', /discard-only/],
  ['http://[64:ff9b:1::a00:1]/', /local-use NAT64/],
  // Names
  ['http://metadata.google.internal./', /local name/],
  ['http://instance-data/', /local name/],
];

describe('address forms', () => {
  it.each(inward)('blocks %s', (url, why) => {
    const r = checkUrl(url, false);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(why);
  });

  it.each(['http://[fe80::1%25eth0]/', 'http://0x100000000/', 'http://[::ffff:127.0.0.1%25lo]/'])('refuses %s as no valid URL', (url) => {
    expect(checkUrl(url, false)).toMatchObject({ ok: false, reason: expect.stringMatching(/not a valid URL/) });
  });

  it.each(['http://[2001:4860:4860::8888]/', 'http://[2402:800::1]/', 'https://thainguyen.gov.vn/'])('lets the public %s through', (url) => {
    expect(checkUrl(url, false).ok).toBe(true);
  });
});

type Routes = Record<string, (url: string) => Response>;
/** A fake fetch that answers by URL and records every URL it was asked for. */
function fakeFetch(routes: Routes) {
  const asked: string[] = [];
  const fn = (async (input: RequestInfo | URL) => {
    const url = String(input);
    asked.push(url);
    return routes[url]?.(url) ?? new Response('not found', { status: 404 });
  }) as typeof fetch;
  return { fetch: fn, asked };
}
const to = (location: string) => () => new Response(null, { status: 302, headers: { location } });
const START = 'https://thainguyen.gov.vn/rss/tin-tuc.rss';

describe('every redirect hop is checked before it is requested', () => {
  it.each([
    ['a protocol-relative loopback', '//127.0.0.1/admin', /127\.0\.0\.1 is a loopback/],
    ['loopback in hex', 'http://0x7f.1/', /127\.0\.0\.1 is a loopback/],
    ['IPv4-mapped metadata', 'http://[::ffff:a9fe:a9fe]/latest/meta-data/', /IPv4-mapped/],
    ['IPv4-translated loopback', 'http://[::ffff:0:7f00:1]/', /IPv4-translated/],
    ['another scheme', 'file:///etc/passwd', /only http and https/],
    ['a gopher smuggle', 'gopher://127.0.0.1:6379/_FLUSHALL', /only http and https/],
  ])('refuses a redirect to %s', async (_what, location, why) => {
    const fake = fakeFetch({ [START]: to(location) });
    const err = await fetchBody(START, {}, { fetch: fake.fetch, allowPrivate: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect((err as IngestError).code).toBe('blocked');
    expect((err as IngestError).message).toMatch(why);
    expect(fake.asked).toEqual([START]);
  });

  it.each(INWARD_URLS)('refuses a redirect to %s, a host a resolver reads as inward', async (location, why) => {
    const fake = fakeFetch({ [START]: to(location) });
    const err = await fetchBody(START, {}, { fetch: fake.fetch, allowPrivate: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect((err as IngestError).code).toBe('blocked');
    expect((err as IngestError).message.replace(/^blocked: /, '')).toMatch(why);
    expect(fake.asked).toEqual([START]);
  });

  it('refuses a redirect to a URL with a user name and password, and does not repeat them', async () => {
    const fake = fakeFetch({ [START]: to('https://reader:hunter2@thainguyen.gov.vn/rss/private.rss') });
    const err = (await fetchBody(START, {}, { fetch: fake.fetch, allowPrivate: true }).catch((e: unknown) => e)) as IngestError;
    expect(err.code).toBe('blocked');
    expect(err.message).toMatch(/user name or password/);
    expect(err.message).not.toMatch(/hunter2|reader/);
    expect(fake.asked).toEqual([START]);
  });

  it('follows a public name with trailing dots under the name it was judged by', async () => {
    const rss = '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>';
    const fake = fakeFetch({
      [START]: to('https://www.thainguyen.gov.vn../rss'),
      'https://www.thainguyen.gov.vn/rss': () => new Response(rss, { headers: { 'content-type': 'application/rss+xml' } }),
    });
    const r = await fetchBody(START, {}, { fetch: fake.fetch, allowPrivate: false });
    expect(r).toMatchObject({ status: 'ok', url: 'https://www.thainguyen.gov.vn/rss' });
    expect(fake.asked).toEqual([START, 'https://www.thainguyen.gov.vn/rss']);
  });

  it('refuses the third hop of a chain of public redirects', async () => {
    const fake = fakeFetch({
      [START]: to('https://www.thainguyen.gov.vn/rss'),
      'https://www.thainguyen.gov.vn/rss': to('http://cdn.thainguyen.gov.vn/rss.xml'),
      'http://cdn.thainguyen.gov.vn/rss.xml': to('http://10.10.0.5/rss.xml'),
    });
    const err = (await fetchBody(START, {}, { fetch: fake.fetch, allowPrivate: false }).catch((e: unknown) => e)) as IngestError;
    expect(err.code).toBe('blocked');
    expect(fake.asked).not.toContain('http://10.10.0.5/rss.xml');
    expect(fake.asked).toHaveLength(3);
  });
});

describe('links found in fetched pages pass the guard too', () => {
  const source = (over: object) =>
    sourceSchema.parse({ id: 'tn', name: 'Thái Nguyên', url: 'https://thainguyen.gov.vn/tin-tuc', region: { province: 'thai-nguyen' }, ...over });
  const deps = (f: typeof fetch) => ({ fetch: f, allowPrivate: false, now: new Date('2026-11-27T03:00:00Z') });

  it('does not follow an autodiscovered feed link to a private address', async () => {
    const page = '<html><head><link rel="alternate" type="application/rss+xml" href="http://192.168.1.10/rss.xml"></head><body></body></html>';
    const fake = fakeFetch({ 'https://thainguyen.gov.vn/tin-tuc': () => new Response(page, { headers: { 'content-type': 'text/html' } }) });
    const err = (await ingestSource({ source: source({}), validators: {} }, deps(fake.fetch)).catch((e: unknown) => e)) as IngestError;
    expect(err.code).toBe('blocked');
    expect(fake.asked).toEqual(['https://thainguyen.gov.vn/tin-tuc']);
  });

  it.each(['http://localhost../rss.xml', 'http://127.0.0.1../rss.xml', 'http://admin:secret@thainguyen.gov.vn/rss.xml'])(
    'does not follow an autodiscovered feed link to %s',
    async (href) => {
      const page = `<html><head><link rel="alternate" type="application/rss+xml" href="${href}"></head><body></body></html>`;
      const fake = fakeFetch({ 'https://thainguyen.gov.vn/tin-tuc': () => new Response(page, { headers: { 'content-type': 'text/html' } }) });
      const err = (await ingestSource({ source: source({}), validators: {} }, deps(fake.fetch)).catch((e: unknown) => e)) as IngestError;
      expect(err.code).toBe('blocked');
      expect(err.message).not.toMatch(/secret/);
      expect(fake.asked).toEqual(['https://thainguyen.gov.vn/tin-tuc']);
    },
  );

  it('does not fetch an article page on a private address to enrich it', async () => {
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
      <item><title>Tin nội bộ</title><link>http://169.254.169.254/latest/meta-data/</link></item>
      <item><title>Tin công khai</title><link>https://thainguyen.gov.vn/tin/1.html</link></item></channel></rss>`;
    const fake = fakeFetch({
      'https://thainguyen.gov.vn/rss': () => new Response(rss, { headers: { 'content-type': 'application/rss+xml' } }),
      'https://thainguyen.gov.vn/tin/1.html': () => new Response('<html><head></head><body>ok</body></html>', { headers: { 'content-type': 'text/html' } }),
    });
    const r = await ingestSource({ source: source({ url: 'https://thainguyen.gov.vn/rss', enrich: true }), validators: {} }, deps(fake.fetch));
    expect(r.status).toBe('parsed');
    expect(fake.asked).toContain('https://thainguyen.gov.vn/tin/1.html');
    expect(fake.asked.some((u) => u.includes('169.254'))).toBe(false);
  });
});

describe('catalog URLs are checked when they are set', () => {
  const entries = [
    { url: 'https://backan.gov.vn/rss' },
    { url: 'http://0x7f.1:8787/rss' },
    { url: 'http://[::ffff:10.0.0.1]/' },
  ];

  it('names the field of each inward URL', () => {
    expect(checkCatalogUrls(entries, false)).toEqual([
      { field: '[1].url', message: expect.stringMatching(/127\.0\.0\.1 is a loopback address/) },
      { field: '[2].url', message: expect.stringMatching(/private.*IPv4-mapped/) },
    ]);
  });

  it('accepts them when private sources are allowed', () => {
    expect(checkCatalogUrls(entries, true)).toEqual([]);
  });
});

describe('OPML import passes every xmlUrl through the guard', () => {
  const outline = (xmlUrl: string, line: number) => ({ line, ancestors: [], attrs: { type: 'rss', text: `Nguồn ${line}`, xmlUrl, province: 'thai-nguyen' } });

  it('skips each inward spelling and each URL with a password, saying why, and adds the public one', () => {
    const urls = [...INWARD_URLS.map(([u]) => u), 'http://editor:matkhau@thainguyen.gov.vn/rss.xml', 'https://thainguyen.gov.vn/rss.xml'];
    const plan = planImport([], urls.map(outline), { allowPrivate: false });
    expect(plan.report.added.map((a) => a.url)).toEqual(['https://thainguyen.gov.vn/rss.xml']);
    expect(plan.report.skipped.map((s) => s.reason)).toEqual([...INWARD_URLS.map(([, why]) => expect.stringMatching(why)), expect.stringMatching(/user name or password/)]);
    expect(plan.catalog.map((s) => s.url)).toEqual(['https://thainguyen.gov.vn/rss.xml']);
  });
});

describe('catalog URL spellings a resolver reads as inward', () => {
  it('names the field of each', () => {
    const errors = checkCatalogUrls(INWARD_URLS.map(([url]) => ({ url })), false);
    expect(errors).toEqual(INWARD_URLS.map(([, why], i) => ({ field: `[${i}].url`, message: expect.stringMatching(why) })));
  });
});

describe('the media types a caller reads are checked before the body is read', () => {
  const IMAGE = 'https://thainguyen.gov.vn/uploads/anh-hoi-nghi.jpg';
  /** A body that records whether anyone started reading it. */
  const watched = (type: string) => {
    const seen = { read: false };
    const pull = (c: ReadableStreamDefaultController<Uint8Array>) => {
      seen.read = true;
      c.enqueue(new Uint8Array(1024));
      c.close();
    };
    const body = new ReadableStream<Uint8Array>({ pull }, { highWaterMark: 0 });
    return { seen, respond: () => new Response(body, { headers: { 'content-type': type } }) };
  };

  it.each(['text/html; charset=utf-8', 'image/svg+xml', 'application/octet-stream', ''])('refuses %j where only raster images are read, unread', async (type) => {
    const answer = watched(type);
    const fake = fakeFetch({ [IMAGE]: answer.respond });
    const err = (await fetchBody(IMAGE, {}, { fetch: fake.fetch, allowPrivate: false, types: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] }).catch((e: unknown) => e)) as IngestError;
    expect(err).toBeInstanceOf(IngestError);
    expect(err.code).toBe('not-a-feed');
    expect(err.message).toBe(`${type.split(';')[0] || 'no content type'} from ${IMAGE}, not image/jpeg or image/png or image/webp or image/gif`);
    expect(answer.seen.read).toBe(false);
  });

  it('takes a type given by its family, after the redirect hops', async () => {
    const fake = fakeFetch({ [START]: to(IMAGE), [IMAGE]: watched('IMAGE/JPEG').respond });
    const r = await fetchBody(START, {}, { fetch: fake.fetch, allowPrivate: false, types: ['image/'] });
    expect(r).toMatchObject({ status: 'ok', url: IMAGE, contentType: 'IMAGE/JPEG' });
  });

  it('still names an HTTP error as one, whatever its type', async () => {
    const fake = fakeFetch({});
    const err = (await fetchBody(IMAGE, {}, { fetch: fake.fetch, allowPrivate: false, types: ['image/'] }).catch((e: unknown) => e)) as IngestError;
    expect(err.code).toBe('http');
    expect(err.status).toBe(404);
  });
});
