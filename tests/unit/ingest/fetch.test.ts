import { describe, expect, it } from 'vitest';
import { DEFAULT_ACCEPT, DEFAULT_USER_AGENT, fetchBody } from '../../../src/ingest/fetch';
import { sha256Hex } from '../../../src/normalize/id';
import { IngestError, type FetchOptions } from '../../../src/ingest/types';
import { INWARD_URLS } from '../../helpers/inward-urls';
import { watchedStream } from '../../helpers/streams';

// Every fetch here is a fake: a function from URL to Response. No sockets.

type Handler = (url: string, init: RequestInit) => Response | Promise<Response>;

interface Fake {
  fetch: typeof fetch;
  calls: Array<{ url: string; headers: Headers; init: RequestInit }>;
}

function fakeFetch(routes: Record<string, Handler>): Fake {
  const calls: Fake['calls'] = [];
  const fn = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    calls.push({ url, headers: new Headers(init.headers), init });
    const handler = routes[url];
    if (!handler) return new Response('not found', { status: 404, statusText: 'Not Found' });
    return handler(url, init);
  };
  return { fetch: fn as unknown as typeof fetch, calls };
}

const opts = (fake: Fake, extra: Partial<FetchOptions> = {}): FetchOptions => ({
  fetch: fake.fetch,
  allowPrivate: false,
  ...extra,
});

const redirect = (location: string, status = 301): Handler => () =>
  new Response(null, { status, headers: { Location: location } });

const RSS = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Tin tức Thái Nguyên</title></channel></rss>`;
const FEED_URL = 'https://thainguyen.gov.vn/rss/tin-tuc.rss';

async function failure(p: Promise<unknown>): Promise<IngestError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(IngestError);
    return err as IngestError;
  }
  throw new Error('expected the fetch to fail');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a plain fetch', () => {
  it('returns the decoded body, its hash and validators', async () => {
    const fake = fakeFetch({
      [FEED_URL]: () =>
        new Response(RSS, {
          headers: {
            'Content-Type': 'application/rss+xml; charset=utf-8',
            ETag: '"abc123"',
            'Last-Modified': 'Tue, 26 Nov 2019 01:30:00 GMT',
          },
        }),
    });
    const r = await fetchBody(FEED_URL, {}, opts(fake));
    expect(r).toMatchObject({
      status: 'ok',
      url: FEED_URL,
      body: RSS,
      contentType: 'application/rss+xml; charset=utf-8',
      charset: 'utf-8',
      unchanged: false,
      etag: '"abc123"',
      lastModified: 'Tue, 26 Nov 2019 01:30:00 GMT',
    });
    expect(fake.calls).toHaveLength(1);
  });

  it('hashes the raw bytes with SHA-256 and tells when they are unchanged', async () => {
    const abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'; // SHA-256("abc")
    const fake = fakeFetch({ [FEED_URL]: () => new Response('abc') });
    const first = await fetchBody(FEED_URL, {}, opts(fake));
    expect(first).toMatchObject({ status: 'ok', hash: abc, unchanged: false });
    const again = await fetchBody(FEED_URL, { hash: abc }, opts(fake));
    expect(again).toMatchObject({ status: 'ok', hash: abc, unchanged: true });
  });

  it('decodes a legacy charset', async () => {
    // "Chợ Đồn" in windows-1258: ơ F5, nặng F2, Đ D0, ô F4, huyền CC.
    const bytes = new Uint8Array([0x43, 0x68, 0xf5, 0xf2, 0x20, 0xd0, 0xf4, 0xcc, 0x6e]);
    const fake = fakeFetch({ [FEED_URL]: () => new Response(bytes, { headers: { 'Content-Type': 'text/html; charset=windows-1258' } }) });
    expect(await fetchBody(FEED_URL, {}, opts(fake))).toMatchObject({ body: 'Chợ Đồn', charset: 'windows-1258' });
  });

  it('accepts an empty body', async () => {
    const fake = fakeFetch({ [FEED_URL]: () => new Response(null, { status: 200 }) });
    expect(await fetchBody(FEED_URL, {}, opts(fake))).toMatchObject({ status: 'ok', body: '', contentType: '' });
  });
});

describe('request headers', () => {
  it('sends an honest User-Agent, a feed-first Accept and manual redirects', async () => {
    const fake = fakeFetch({ [FEED_URL]: () => new Response(RSS) });
    await fetchBody(FEED_URL, {}, opts(fake));
    const [call] = fake.calls;
    expect(call.headers.get('user-agent')).toBe(DEFAULT_USER_AGENT);
    expect(DEFAULT_USER_AGENT).toMatch(/^bantin\/0\.1 \(\+https:\/\/github\.com\/bantin-vn\/bantin;/);
    expect(call.headers.get('accept')).toBe(DEFAULT_ACCEPT);
    expect(call.init.redirect).toBe('manual');
    expect(call.headers.has('if-none-match')).toBe(false);
    expect(call.headers.has('if-modified-since')).toBe(false);
  });

  it('uses the User-Agent and Accept it is given', async () => {
    const fake = fakeFetch({ [FEED_URL]: () => new Response(RSS) });
    await fetchBody(FEED_URL, {}, opts(fake, { userAgent: 'test-agent', accept: 'text/html' }));
    expect(fake.calls[0].headers.get('user-agent')).toBe('test-agent');
    expect(fake.calls[0].headers.get('accept')).toBe('text/html');
  });

  it('makes the request conditional and reports 304 as not modified', async () => {
    const fake = fakeFetch({ [FEED_URL]: () => new Response(null, { status: 304 }) });
    const r = await fetchBody(FEED_URL, { etag: 'W/"v7"', lastModified: 'Wed, 01 Jan 2025 00:00:00 GMT' }, opts(fake));
    expect(r).toEqual({ status: 'not-modified' });
    expect(fake.calls[0].headers.get('if-none-match')).toBe('W/"v7"');
    expect(fake.calls[0].headers.get('if-modified-since')).toBe('Wed, 01 Jan 2025 00:00:00 GMT');
  });
});

describe('HTTP and network errors', () => {
  it('names the status and the URL', async () => {
    const fake = fakeFetch({ [FEED_URL]: () => new Response('down', { status: 503, statusText: 'Service Unavailable' }) });
    const err = await failure(fetchBody(FEED_URL, {}, opts(fake)));
    expect(err.code).toBe('http');
    expect(err.status).toBe(503);
    expect(err.message).toBe(`HTTP 503 Service Unavailable from ${FEED_URL}`);
    expect(fake.calls).toHaveLength(1);
  });

  it('fills in a missing reason phrase (HTTP/2 has none)', async () => {
    const fake = fakeFetch({ [FEED_URL]: () => new Response('', { status: 404 }) });
    expect((await failure(fetchBody(FEED_URL, {}, opts(fake)))).message).toBe(`HTTP 404 Not Found from ${FEED_URL}`);
  });

  it('reports a refused connection with its own code, keeping the original as its cause', async () => {
    const lost = new TypeError('Network connection lost.');
    const fake = fakeFetch({
      [FEED_URL]: () => {
        throw lost;
      },
    });
    const err = await failure(fetchBody(FEED_URL, {}, opts(fake)));
    expect(err.code).toBe('refused');
    expect(err.message).toContain('Network connection lost.');
    expect(err.message).toContain(FEED_URL);
    expect(err.cause).toBe(lost);
  });

  it('says "refused" for a real refused connection on loopback, and "dns" for a Cloudflare 530', async () => {
    const real = await failure(fetchBody('http://127.0.0.1:1/rss', {}, { fetch: (i, init) => fetch(i, init), allowPrivate: true }));
    expect(real.code).toBe('refused');
    const fake = fakeFetch({ [FEED_URL]: () => new Response('error code: 1016', { status: 530 }) });
    const cf = await failure(fetchBody(FEED_URL, {}, opts(fake)));
    expect({ code: cf.code, status: cf.status }).toEqual({ code: 'dns', status: 530 });
  });

  it('reports a body that breaks off as a network error', async () => {
    let sent = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        if (!sent) {
          sent = true;
          c.enqueue(new TextEncoder().encode('<rss>'));
        } else c.error(new Error('connection reset'));
      },
    });
    const fake = fakeFetch({ [FEED_URL]: () => new Response(stream) });
    const err = await failure(fetchBody(FEED_URL, {}, opts(fake)));
    expect(err.code).toBe('network');
    expect(err.message).toContain('connection reset');
    expect((err.cause as Error).message).toBe('connection reset');
  });
});

describe('redirects', () => {
  it('follows relative and absolute Locations, counting each hop', async () => {
    const fake = fakeFetch({
      'http://backan.gov.vn/rss': redirect('https://backan.gov.vn/rss'),
      'https://backan.gov.vn/rss': redirect('/Pages/rss.aspx?cat=1', 302),
      'https://backan.gov.vn/Pages/rss.aspx?cat=1': redirect('feed.xml', 307),
      'https://backan.gov.vn/Pages/feed.xml': () => new Response(RSS),
    });
    const r = await fetchBody('http://backan.gov.vn/rss', {}, opts(fake));
    expect(r).toMatchObject({ status: 'ok', url: 'https://backan.gov.vn/Pages/feed.xml', body: RSS });
    expect(fake.calls.map((c) => c.url)).toEqual([
      'http://backan.gov.vn/rss',
      'https://backan.gov.vn/rss',
      'https://backan.gov.vn/Pages/rss.aspx?cat=1',
      'https://backan.gov.vn/Pages/feed.xml',
    ]);
  });

  const chain = (n: number): Record<string, Handler> => {
    const routes: Record<string, Handler> = {};
    for (let i = 0; i < n; i++) routes[`https://a.gov.vn/${i}`] = redirect(`/${i + 1}`);
    routes[`https://a.gov.vn/${n}`] = () => new Response(RSS);
    return routes;
  };

  it('follows five redirects', async () => {
    const fake = fakeFetch(chain(5));
    const r = await fetchBody('https://a.gov.vn/0', {}, opts(fake));
    expect(r).toMatchObject({ status: 'ok', url: 'https://a.gov.vn/5' });
    expect(fake.calls).toHaveLength(6);
  });

  it('gives up at the sixth', async () => {
    const fake = fakeFetch(chain(6));
    const err = await failure(fetchBody('https://a.gov.vn/0', {}, opts(fake)));
    expect(err.code).toBe('redirects');
    expect(err.message).toMatch(/^6 redirects \(limit 5\)/);
    expect(fake.calls).toHaveLength(6);
  });

  it('honours a lower limit', async () => {
    const err = await failure(fetchBody('https://a.gov.vn/0', {}, opts(fakeFetch(chain(2)), { maxRedirects: 1 })));
    expect(err.message).toMatch(/^2 redirects \(limit 1\)/);
  });

  it('detects a loop', async () => {
    const fake = fakeFetch({
      'https://a.gov.vn/x': redirect('https://a.gov.vn/y'),
      'https://a.gov.vn/y': redirect('/x'),
    });
    const err = await failure(fetchBody('https://a.gov.vn/x', {}, opts(fake)));
    expect(err.code).toBe('redirects');
    expect(err.message).toBe('redirect loop at https://a.gov.vn/x');
    expect(fake.calls).toHaveLength(2);
  });

  it('checks every hop against the address guard', async () => {
    const fake = fakeFetch({ [FEED_URL]: redirect('http://10.0.0.1/admin') });
    const err = await failure(fetchBody(FEED_URL, {}, opts(fake)));
    expect(err.code).toBe('blocked');
    expect(err.message).toBe('blocked: 10.0.0.1 is a private address');
    expect(fake.calls.map((c) => c.url)).toEqual([FEED_URL]);
  });

  it('blocks a redirect to the metadata address written in decimal', async () => {
    const fake = fakeFetch({ [FEED_URL]: redirect('http://2852039166/latest/meta-data/') });
    const err = await failure(fetchBody(FEED_URL, {}, opts(fake)));
    expect(err.message).toMatch(/^blocked: 169\.254\.169\.254 is a link-local address/);
    expect(fake.calls).toHaveLength(1);
  });

  it('treats a redirect without Location as an HTTP error', async () => {
    const fake = fakeFetch({ [FEED_URL]: () => new Response(null, { status: 302 }) });
    const err = await failure(fetchBody(FEED_URL, {}, opts(fake)));
    expect(err.code).toBe('http');
    expect(err.status).toBe(302);
  });
});

describe('every redirect hop is checked before it is requested', () => {
  const START = 'https://thainguyen.gov.vn/rss/tin-tuc.rss';
  const asked = (fake: Fake) => fake.calls.map((c) => c.url);

  it.each([
    ['a protocol-relative loopback', '//127.0.0.1/admin', /127\.0\.0\.1 is a loopback/],
    ['loopback in hex', 'http://0x7f.1/', /127\.0\.0\.1 is a loopback/],
    ['IPv4-mapped metadata', 'http://[::ffff:a9fe:a9fe]/latest/meta-data/', /IPv4-mapped/],
    ['IPv4-translated loopback', 'http://[::ffff:0:7f00:1]/', /IPv4-translated/],
    ['another scheme', 'file:///etc/passwd', /only http and https/],
    ['a gopher smuggle', 'gopher://127.0.0.1:6379/_FLUSHALL', /only http and https/],
  ])('refuses a redirect to %s', async (_what, location, why) => {
    const fake = fakeFetch({ [START]: redirect(location, 302) });
    const err = await failure(fetchBody(START, {}, opts(fake)));
    expect(err.code).toBe('blocked');
    expect(err.message).toMatch(why);
    expect(asked(fake)).toEqual([START]);
  });

  it.each(INWARD_URLS)('refuses a redirect to %s, a host a resolver reads as inward', async (location, why) => {
    const fake = fakeFetch({ [START]: redirect(location, 302) });
    const err = await failure(fetchBody(START, {}, opts(fake)));
    expect(err.code).toBe('blocked');
    expect(err.message.replace(/^blocked: /, '')).toMatch(why);
    expect(asked(fake)).toEqual([START]);
  });

  it('refuses a redirect to a URL with a user name and password, and does not repeat them', async () => {
    const fake = fakeFetch({ [START]: redirect('https://reader:hunter2@thainguyen.gov.vn/rss/private.rss', 302) });
    const err = await failure(fetchBody(START, {}, opts(fake, { allowPrivate: true })));
    expect(err.code).toBe('blocked');
    expect(err.message).toMatch(/user name or password/);
    expect(err.message).not.toMatch(/hunter2|reader/);
    expect(asked(fake)).toEqual([START]);
  });

  it('follows a public name with trailing dots under the name it was judged by', async () => {
    const fake = fakeFetch({
      [START]: redirect('https://www.thainguyen.gov.vn../rss', 302),
      'https://www.thainguyen.gov.vn/rss': () => new Response(RSS, { headers: { 'content-type': 'application/rss+xml' } }),
    });
    const r = await fetchBody(START, {}, opts(fake));
    expect(r).toMatchObject({ status: 'ok', url: 'https://www.thainguyen.gov.vn/rss' });
    expect(asked(fake)).toEqual([START, 'https://www.thainguyen.gov.vn/rss']);
  });

  it('refuses the third hop of a chain of public redirects', async () => {
    const fake = fakeFetch({
      [START]: redirect('https://www.thainguyen.gov.vn/rss', 302),
      'https://www.thainguyen.gov.vn/rss': redirect('http://cdn.thainguyen.gov.vn/rss.xml', 302),
      'http://cdn.thainguyen.gov.vn/rss.xml': redirect('http://10.10.0.5/rss.xml', 302),
    });
    const err = await failure(fetchBody(START, {}, opts(fake)));
    expect(err.code).toBe('blocked');
    expect(asked(fake)).not.toContain('http://10.10.0.5/rss.xml');
    expect(fake.calls).toHaveLength(3);
  });
});

describe('the address guard', () => {
  it('makes no request to a private address', async () => {
    const fake = fakeFetch({});
    const err = await failure(fetchBody('http://127.0.0.1:8787/rss', {}, opts(fake)));
    expect(err.code).toBe('blocked');
    expect(fake.calls).toHaveLength(0);
  });

  it('lets loopback through when private sources are allowed', async () => {
    const fake = fakeFetch({ 'http://127.0.0.1:8787/rss': () => new Response(RSS) });
    expect(await fetchBody('http://127.0.0.1:8787/rss', {}, opts(fake, { allowPrivate: true }))).toMatchObject({ status: 'ok' });
  });

  it('refuses other schemes', async () => {
    const err = await failure(fetchBody('file:///etc/passwd', {}, opts(fakeFetch({}), { allowPrivate: true })));
    expect(err.code).toBe('blocked');
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
    const err = await failure(fetchBody(IMAGE, {}, opts(fake, { types: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] })));
    expect(err.code).toBe('not-a-feed');
    expect(err.message).toBe(`${type.split(';')[0] || 'no content type'} from ${IMAGE}, not image/jpeg or image/png or image/webp or image/gif`);
    expect(answer.seen.read).toBe(false);
  });

  it('takes a type given by its family, after the redirect hops', async () => {
    const fake = fakeFetch({ [FEED_URL]: redirect(IMAGE, 302), [IMAGE]: watched('IMAGE/JPEG').respond });
    const r = await fetchBody(FEED_URL, {}, opts(fake, { types: ['image/'] }));
    expect(r).toMatchObject({ status: 'ok', url: IMAGE, contentType: 'IMAGE/JPEG' });
  });

  it('still names an HTTP error as one, whatever its type', async () => {
    const err = await failure(fetchBody(IMAGE, {}, opts(fakeFetch({}), { types: ['image/'] })));
    expect(err.code).toBe('http');
    expect(err.status).toBe(404);
  });
});

describe('time limit', () => {
  it('gives up on an origin that never answers', async () => {
    const fake = fakeFetch({ [FEED_URL]: () => new Promise<Response>(() => {}) });
    const err = await failure(fetchBody(FEED_URL, {}, opts(fake, { timeoutMs: 1000 })));
    expect(err.code).toBe('timeout');
    expect(err.message).toBe(`no response within 1 s from ${FEED_URL}`);
  });

  it('aborts the request signal at the deadline', async () => {
    const fake = fakeFetch({
      [FEED_URL]: (_url, init) =>
        new Promise<Response>((_, reject) => {
          init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    });
    const err = await failure(fetchBody(FEED_URL, {}, opts(fake, { timeoutMs: 30 })));
    expect(err.code).toBe('timeout');
    expect(fake.calls[0].init.signal?.aborted).toBe(true);
  });

  it('gives up on a body that dribbles, and cancels it', async () => {
    const { stream, state } = watchedStream(async (c) => {
      await sleep(5);
      c.enqueue(new TextEncoder().encode(' '));
    });
    const fake = fakeFetch({ [FEED_URL]: () => new Response(stream) });
    const err = await failure(fetchBody(FEED_URL, {}, opts(fake, { timeoutMs: 60 })));
    expect(err.code).toBe('timeout');
    expect(err.message).toBe(`no complete response within 60 ms from ${FEED_URL}`);
    expect(state.pulls).toBeGreaterThan(1);
    expect(state.cancelled).toBe(true);
  });

  it('gives up on a body that stalls', async () => {
    const { stream } = watchedStream(() => new Promise<void>(() => {}));
    const fake = fakeFetch({ [FEED_URL]: () => new Response(stream) });
    expect((await failure(fetchBody(FEED_URL, {}, opts(fake, { timeoutMs: 30 })))).code).toBe('timeout');
  });
});

describe('size limit', () => {
  it('honours maxBytes: a body of exactly the limit, not one byte more', async () => {
    const body = (n: number) => fakeFetch({ [FEED_URL]: () => new Response(new Uint8Array(n).fill(0x61)) });
    expect(await fetchBody(FEED_URL, {}, opts(body(1024), { maxBytes: 1024 }))).toMatchObject({ status: 'ok' });
    expect((await failure(fetchBody(FEED_URL, {}, opts(body(1025), { maxBytes: 1024 })))).code).toBe('too-large');
  });

  it('fails on a Content-Length over the default 5 MiB before reading', async () => {
    const { stream, state } = watchedStream((c) => c.enqueue(new Uint8Array(1)));
    const fake = fakeFetch({
      [FEED_URL]: () => new Response(stream, { headers: { 'Content-Length': String(6 * 1024 * 1024) } }),
    });
    const err = await failure(fetchBody(FEED_URL, {}, opts(fake)));
    expect(err.code).toBe('too-large');
    expect(err.message).toMatch(/^body exceeds 5 MiB \(Content-Length 6291456\)/);
    expect(state.pulls).toBe(0);
    expect(state.cancelled).toBe(true);
  });
});

describe('an unchanged body', () => {
  it('is known by the hash of its bytes and not decoded', async () => {
    const page = '<html><body>' + '<p>Tin tức huyện Chợ Đồn, tỉnh Bắc Kạn.</p>'.repeat(3000) + '</body></html>';
    const bytes = new TextEncoder().encode(page);
    const hash = await sha256Hex(bytes);
    const fake = fakeFetch({ [FEED_URL]: () => new Response(bytes, { headers: { ETag: '"v2"', 'Content-Type': 'text/html' } }) });
    const r = await fetchBody(FEED_URL, { hash }, opts(fake));
    expect(r).toEqual({
      status: 'ok',
      url: FEED_URL,
      body: '',
      contentType: 'text/html',
      charset: '',
      hash,
      unchanged: true,
      etag: '"v2"',
      lastModified: undefined,
    });
  });
});
