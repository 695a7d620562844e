import { describe, expect, it } from 'vitest';
import { IMAGE_CACHE, imageUrl, serveImage, type ImageDeps } from '../../../src/images/serve-image';
import { INWARD_URLS } from '../../helpers/inward-urls';
import { watchedStream } from '../../helpers/streams';

// The image route's logic with a fake fetch (a function from URL to Response; no sockets) and a
// fake cache: what is fetched, what is refused before anything is fetched, what comes back.

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const PORTAL = 'backan.gov.vn';
const IMAGE = `http://${PORTAL}/uploads/2026/11/le-hoi-xuong-dong.png`;
const ORIGIN = 'https://bantin.test';

type Handler = (init: RequestInit) => Response | Promise<Response>;

function setup(routes: Record<string, Handler>, extra: Partial<ImageDeps> = {}) {
  const calls: { url: string; headers: Headers }[] = [];
  const asked: string[] = [];
  const stored = new Map<string, Response>();
  const pending: Promise<unknown>[] = [];
  const deps: ImageDeps = {
    fetch: (async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = String(input);
      calls.push({ url, headers: new Headers(init.headers) });
      const handler = routes[url];
      return handler ? handler(init) : new Response('không có', { status: 404 });
    }) as typeof fetch,
    allowPrivate: false,
    allowed: async (host) => {
      asked.push(host);
      return host === PORTAL || host === 'cdn.backan.gov.vn';
    },
    cache: {
      match: async (req: Request) => stored.get(req.url)?.clone(),
      put: async (req: Request, res: Response) => void stored.set(req.url, res),
    } as unknown as Cache,
    waitUntil: (p) => void pending.push(p),
    maxBytes: 1024,
    timeoutMs: 2000,
    ...extra,
  };
  const serve = async (u: string | null) => {
    const res = await serveImage(u, ORIGIN, deps);
    await Promise.all(pending);
    return res;
  };
  return { deps, calls, asked, stored, serve };
}

const png = (headers: Record<string, string> = {}): Handler => () => new Response(PNG, { headers: { 'Content-Type': 'image/png', ...headers } });
const redirect = (location: string): Handler => () => new Response(null, { status: 302, headers: { Location: location } });
const errorOf = async (res: Response) => ((await res.json()) as { error: string }).error;

describe('the image route', () => {
  it('passes an allowed image on with its sniffed type, long caching and nothing that could run', async () => {
    const { serve, calls } = setup({ [IMAGE]: png({ 'Content-Type': 'application/octet-stream' }) });
    const res = await serve(IMAGE);
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PNG);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe(IMAGE_CACHE);
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(calls.map((c) => c.url)).toEqual([IMAGE]);
  });

  it('sends no cookie, credentials or referrer, and passes no Set-Cookie back', async () => {
    const { serve, calls } = setup({ [IMAGE]: png({ 'Set-Cookie': 'PHPSESSID=abc; path=/', 'X-Powered-By': 'ASP.NET' }) });
    const res = await serve(IMAGE);
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('x-powered-by')).toBeNull();
    const sent = [...calls[0].headers.keys()].sort();
    expect(sent).toEqual(['accept', 'user-agent']);
    expect(calls[0].headers.get('accept')).toMatch(/^image\//);
  });

  it('refuses a host bantin does not read before fetching anything', async () => {
    const { serve, calls } = setup({});
    const res = await serve('https://example.com/anh.png');
    expect(res.status).toBe(403);
    expect(await errorOf(res)).toBe('not-allowed');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(calls).toEqual([]);
  });

  it('refuses what is no http(s) URL: javascript:, data:, relative, too long, missing', async () => {
    const { serve, calls, asked } = setup({});
    for (const u of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'data:image/svg+xml,<svg onload=alert(1)>', '/uploads/a.png', `http://${PORTAL}/${'a'.repeat(2100)}.png`, '', null]) {
      const res = await serve(u);
      expect({ u, status: res.status }).toEqual({ u, status: 400 });
    }
    expect(calls).toEqual([]);
    expect(asked).toEqual([]);
  });

  it('checks every redirect hop: an allowed portal redirecting inward is refused, the inward address never asked', async () => {
    for (const [inward] of INWARD_URLS) {
      const { serve, calls } = setup({ [IMAGE]: redirect(inward) });
      const res = await serve(IMAGE);
      expect({ inward, status: res.status, error: await errorOf(res) }).toEqual({ inward, status: 403, error: 'blocked' });
      expect(calls.map((c) => c.url)).toEqual([IMAGE]);
    }
  });

  it('follows a redirect to a public host (a portal moving its images to a CDN)', async () => {
    const cdn = 'https://cdn.backan.gov.vn/le-hoi.png';
    const { serve } = setup({ [IMAGE]: redirect(cdn), [cdn]: png() });
    expect((await serve(IMAGE)).status).toBe(200);
  });

  it('refuses credentials in the image URL', async () => {
    const { serve, calls } = setup({});
    const res = await serve(`http://user:secret@${PORTAL}/a.png`);
    expect(res.status).toBe(403);
    expect(await errorOf(res)).toBe('blocked');
    expect(calls).toEqual([]);
  });

  it('refuses a non-image media type before reading its body', async () => {
    const { stream, state } = watchedStream((c) => c.enqueue(new TextEncoder().encode('<html>')));
    const { serve } = setup({ [IMAGE]: () => new Response(stream, { headers: { 'Content-Type': 'text/html' } }) });
    const res = await serve(IMAGE);
    expect(res.status).toBe(415);
    expect(await errorOf(res)).toBe('not-an-image');
    expect(state.pulls).toBe(0);
  });

  it('refuses bytes that are no raster image whatever their label: SVG with script, HTML', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>';
    for (const [body, type] of [[svg, 'image/svg+xml'], [svg, 'image/png'], ['<!DOCTYPE html><script>alert(1)</script>', 'image/jpeg'], ['', 'image/png']]) {
      const { serve } = setup({ [IMAGE]: () => new Response(body, { headers: { 'Content-Type': type } }) });
      const res = await serve(IMAGE);
      expect({ type, status: res.status }).toEqual({ type, status: 415 });
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    }
  });

  it('stops at the size cap: a declared length over it, and a stream that keeps going', async () => {
    const declared = setup({ [IMAGE]: () => new Response(new Uint8Array(2048), { headers: { 'Content-Type': 'image/png', 'Content-Length': '2048' } }) });
    const a = await declared.serve(IMAGE);
    expect(a.status).toBe(502);
    expect(await errorOf(a)).toBe('too-large');

    const { stream, state } = watchedStream((c) => c.enqueue(new Uint8Array(256).fill(0xff)));
    const streamed = setup({ [IMAGE]: () => new Response(stream, { headers: { 'Content-Type': 'image/jpeg' } }) });
    const b = await streamed.serve(IMAGE);
    expect(await errorOf(b)).toBe('too-large');
    expect(state.pulls).toBeLessThanOrEqual(6);
    expect(state.cancelled).toBe(true);
  });

  it('keeps answers in the cache: a second request asks neither the portal nor the allowlist', async () => {
    const { serve, calls, asked, stored } = setup({ [IMAGE]: png() });
    await serve(IMAGE);
    const again = await serve(`${IMAGE}#khung`);
    expect(again.status).toBe(200);
    expect(new Uint8Array(await again.arrayBuffer())).toEqual(PNG);
    expect(calls).toHaveLength(1);
    expect(asked).toEqual([PORTAL]);
    expect([...stored.keys()]).toEqual([`${ORIGIN}/img?u=${encodeURIComponent(IMAGE)}`]);
  });

  it('keeps a portal’s 404 for ten minutes, but not a refusal of its own or a network failure', async () => {
    const gone = setup({});
    const res = await gone.serve(IMAGE);
    expect(res.status).toBe(404);
    expect(res.headers.get('cache-control')).toBe('public, max-age=600');
    expect(gone.stored.size).toBe(1);

    const down = setup({ [IMAGE]: () => Promise.reject(new TypeError('Network connection lost.')) });
    const failed = await down.serve(IMAGE);
    expect(failed.status).toBe(502);
    expect(await errorOf(failed)).toBe('upstream');
    expect(down.stored.size).toBe(0);
  });
});

describe('imageUrl', () => {
  it('takes absolute http(s) URLs without their fragment, and nothing else', () => {
    expect(imageUrl('HTTP://BacKan.gov.vn/a b.png#x')).toBe('http://backan.gov.vn/a%20b.png');
    expect(imageUrl('ftp://backan.gov.vn/a.png')).toBeNull();
    expect(imageUrl('javascript:alert(1)//http://x')).toBeNull();
  });
});
