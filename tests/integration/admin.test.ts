import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../../src/index';
import type { Env } from '../../src/env';
import { ADMIN_BODY_LIMIT } from '../../src/routes/admin';
import { adminCall, call, origin, TOKEN } from '../helpers/worker';

// The admin API under attack and in use: authentication that says nothing,
// bodies limited and validated, a preview that stores nothing, OPML import, and
// per-source enable / disable / retire. In workerd, with this file's own KV.

const testEnv = env as unknown as Env;
const kv = () => testEnv.KV;

/** A request against the Worker with some env values changed. */
async function callWith(over: Partial<Env>, path: string, init: RequestInit = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`https://bantin.test${path}`, init), { ...testEnv, ...over }, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}
const bearer = (token = TOKEN) => ({ authorization: `Bearer ${token}` });
const allKeys = async () => (await kv().list()).keys.map((k) => k.name).sort();
const src = (id: string, path: string, over: object = {}) => ({ id, name: `Cổng ${id}`, url: `${origin()}${path}`, region: { province: 'bac-kan' }, ...over });

describe('authentication', () => {
  const refusals: Array<[string, string, RequestInit]> = [
    ['no header', '/admin/refresh', {}],
    ['the token in ?token=', `/admin/refresh?token=${TOKEN}`, {}],
    ['the token in ?access_token=', `/admin/refresh?access_token=${TOKEN}`, {}],
    ['a wrong token', '/admin/refresh', { headers: bearer('wrong-token') }],
    ['the token with one character more', '/admin/refresh', { headers: bearer(`${TOKEN}x`) }],
    ['a prefix of the token', '/admin/refresh', { headers: bearer(TOKEN.slice(0, -1)) }],
    ['an empty bearer', '/admin/refresh', { headers: { authorization: 'Bearer ' } }],
    ['a malformed header', '/admin/refresh', { headers: { authorization: 'Bearer a b c' } }],
    ['basic auth with the token', '/admin/refresh', { headers: { authorization: `Basic ${btoa(`admin:${TOKEN}`)}` } }],
    ['the token alone', '/admin/refresh', { headers: { authorization: TOKEN } }],
    ['the token in a cookie', '/admin/refresh', { headers: { cookie: `token=${TOKEN}` } }],
  ];

  it.each(refusals)('answers %s with the one same 401', async (_what, path, init) => {
    const res = await call(path, { method: 'POST', ...init });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="bantin admin"');
    expect(await res.text()).toBe('{"error":"unauthorized"}');
  });

  it('refuses everyone when no ADMIN_TOKEN is configured, the empty token included', async () => {
    for (const headers of [bearer(''), bearer('undefined'), bearer(TOKEN)]) {
      const res = await callWith({ ADMIN_TOKEN: undefined }, '/admin/sources', { headers });
      expect(res.status).toBe(401);
      expect(await res.text()).toBe('{"error":"unauthorized"}');
    }
  });

  it('accepts the bearer token, in any case of "Bearer"', async () => {
    expect((await call('/admin/sources', { headers: { authorization: `bearer ${TOKEN}` } })).status).toBe(200);
  });

  it('does not read an unauthenticated body, however large', async () => {
    const res = await call('/admin/sources', { method: 'PUT', body: 'x'.repeat(ADMIN_BODY_LIMIT + 10) });
    expect(res.status).toBe(401);
  });
});

describe('request bodies', () => {
  it('refuses a body over 1 MiB with 413, by Content-Length', async () => {
    const res = await call('/admin/sources', { method: 'PUT', headers: bearer(), body: `[${' '.repeat(ADMIN_BODY_LIMIT)}]` });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: 'body too large', limitBytes: ADMIN_BODY_LIMIT });
  });

  it('refuses a streamed 2 MiB body with 413 having read no more than the limit, and cancels the rest', async () => {
    const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
    let sent = 0;
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent >= 2 * ADMIN_BODY_LIMIT) return c.close();
        sent += chunk.length;
        c.enqueue(chunk);
      },
      cancel() {
        cancelled = true;
      },
    });
    const res = await call('/admin/sources/import', { method: 'POST', headers: bearer(), body, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: 'body too large', limitBytes: ADMIN_BODY_LIMIT });
    // The stream may run a little ahead of the reader (its queue), never to the end.
    expect(sent).toBeLessThan(2 * ADMIN_BODY_LIMIT);
    expect(cancelled).toBe(true);
  });

  it('passes a streamed body under the limit on whole', async () => {
    // Invalid on purpose (nothing is stored): the answer names a field from the body's end.
    const text = JSON.stringify([{ id: 'mot', name: 'Một', url: 'https://mot.example.vn/rss', region: { province: 'khong-co-tinh' } }]);
    const bytes = new TextEncoder().encode(text);
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < bytes.length; i += 7) c.enqueue(bytes.slice(i, i + 7));
        c.close();
      },
    });
    const res = await call('/admin/sources', { method: 'PUT', headers: bearer(), body, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid sources', errors: [{ field: '[0].region.province' }] });
  });

  it('answers bad JSON with 400 naming the body', async () => {
    const res = await call('/admin/sources', { method: 'PUT', headers: bearer(), body: '[{"id": "a",' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'body is not JSON', errors: [{ field: '(body)' }] });
  });

  it('names every invalid field of a catalog', async () => {
    const res = await adminCall('/admin/sources', 'PUT', [src('ok', '/wordpress/feed.xml'), { id: 'Sai', name: '', url: 'javascript:alert(1)', region: { province: 'Bắc Kạn' }, extra: 1 }]);
    expect(res.status).toBe(400);
    const fields = ((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['[1].id', '[1].name', '[1].url', '[1].region.province', '[1]']));
  });

  it('refuses inward catalog URLs unless ALLOW_PRIVATE_SOURCES is "true", naming the field', async () => {
    const catalog = [
      { id: 'a', name: 'A', url: 'https://backan.gov.vn/rss', region: { province: 'bac-kan' } },
      { id: 'b', name: 'B', url: 'http://0x7f.1:8787/rss', region: { province: 'bac-kan' } },
      { id: 'c', name: 'C', url: 'http://[::ffff:169.254.169.254]/latest', region: { province: 'bac-kan' } },
    ];
    for (const value of ['false', 'TRUE', '1', undefined]) {
      const res = await callWith({ ALLOW_PRIVATE_SOURCES: value }, '/admin/sources', { method: 'PUT', headers: { ...bearer(), 'content-type': 'application/json' }, body: JSON.stringify(catalog) });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { errors: { field: string; message: string }[] }).errors).toEqual([
        { field: '[1].url', message: '127.0.0.1 is a loopback address' },
        { field: '[2].url', message: expect.stringMatching(/link-local.*IPv4-mapped/) },
      ]);
    }
    expect(await kv().get('catalog')).toBeNull();
  });

  it('refuses selectors HTMLRewriter cannot run, naming the field', async () => {
    const res = await adminCall('/admin/sources', 'PUT', [src('x', '/tandan/listing.html', { kind: 'html', selectors: { item: 'div.news:has(a)', date: 'span + time' } })]);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['[0].selectors.item']);
  });
});

interface Preview {
  articleCount: number;
  articles: { title: string; url: string; published: string; dateEstimated?: true; image?: string; summary: string; missing?: Record<string, string> }[];
  problems: { severity: string; code: string; message: string; field?: string }[];
  format?: string;
  selectors?: Record<string, string> | null;
  reading?: { platform: string; way: string; feed: { followed: boolean; url?: string; dead?: string }; inferred?: Record<string, string>; expressible?: boolean };
}
const preview = async (definition: unknown) => {
  const res = await adminCall('/admin/sources/preview', 'POST', definition);
  return { status: res.status, body: (await res.json()) as Preview & { errors?: { field: string; message: string }[] } };
};

describe('POST /admin/sources/preview', () => {
  it('shows the articles an HTML listing would yield with a preset, and stores nothing', async () => {
    const before = await allKeys();
    const { status, body } = await preview({ url: `${origin()}/tandan/listing.html`, kind: 'html', preset: 'tandan' });
    expect(status).toBe(200);
    expect(body.format).toBe('html');
    expect(body.articleCount).toBeGreaterThan(2);
    for (const a of body.articles) {
      expect(a.title).not.toBe('');
      expect(a.url).toMatch(/^https?:\/\//);
    }
    expect(body.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(await allKeys()).toEqual(before);
  });

  it('says when the item selector matches nothing, naming it', async () => {
    const { body } = await preview({ url: `${origin()}/tandan/listing.html`, kind: 'html', selectors: { item: 'div.khong-co-gi', title: 'a' } });
    expect(body.articleCount).toBe(0);
    expect(body.problems).toEqual([{ severity: 'error', code: 'no-items', message: expect.stringMatching(/matched no article \(item: "div\.khong-co-gi"\)/), field: 'selectors.item' }]);
  });

  it('with only a URL, names the platform it detected', async () => {
    const { body } = await preview({ url: `${origin()}/tandan/listing.html` });
    expect(body.reading).toMatchObject({ platform: 'tandan', way: 'platform', feed: { followed: false } });
    expect(body.articleCount).toBe(10);
    expect(body.selectors).toMatchObject({ item: 'div.channel-news-item' });
  });

  it('with only a URL on a page of no known platform, shows the selectors it inferred and why fields are missing', async () => {
    const { body } = await preview({ url: `${origin()}/inference/vnpt-portal.html` });
    expect(body.reading).toMatchObject({ platform: 'unknown', way: 'inferred', expressible: true, feed: { followed: false } });
    expect(body.reading!.inferred).toMatchObject({ item: expect.stringContaining('li.item'), title: expect.any(String), date: expect.any(String) });
    expect(body.articleCount).toBe(7);
    expect(body.articles[0]).toMatchObject({ title: expect.any(String), image: expect.stringContaining('/Upload/NewsImages/'), summary: expect.any(String) });
    expect(body.articles[0].missing).toBeUndefined();
    // The same selectors, pinned into the source, read the same articles.
    const pinned = await preview({ url: `${origin()}/inference/vnpt-portal.html`, kind: 'html', selectors: body.reading!.inferred });
    expect(pinned.body.articles.map((a) => a.url)).toEqual(body.articles.map((a) => a.url));
    const list = await preview({ url: `${origin()}/inference/commune-old.html` });
    expect(list.body.articles[0].missing).toEqual({ image: expect.stringMatching(/image selector "img" matched nothing/), summary: 'there is no summary selector' });
  });

  it('reads the page when the feed it announces is gone, and says so', async () => {
    const { body } = await preview({ url: `${origin()}/inference/joomla-blog.html` });
    expect(body.reading).toMatchObject({ way: 'inferred', feed: { followed: false, dead: expect.stringContaining('format=feed') } });
    expect(body.articleCount).toBe(5);
  });

  it('blames the field selector that matched nothing, not the item', async () => {
    const { body } = await preview({ url: `${origin()}/tandan/listing.html`, kind: 'html', selectors: { item: 'div.channel-news-item', title: 'h3.khong-co > a' } });
    expect(body.problems).toEqual([
      { severity: 'error', code: 'no-items', message: expect.stringMatching(/the title selector "h3\.khong-co > a" matches nothing inside the 10 items/), field: 'selectors.title' },
    ]);
  });

  it('says when dates were not found and would be estimated', async () => {
    // Items taken as the title labels alone: no date stands in them for the reader to fall back on.
    const { body } = await preview({ url: `${origin()}/tandan/listing.html`, kind: 'html', selectors: { item: 'label.channel-news-title', title: 'a', date: 'span.khong-co-ngay' } });
    expect(body.articleCount).toBeGreaterThan(0);
    expect(body.articles.every((a) => a.dateEstimated)).toBe(true);
    expect(body.problems).toContainEqual({
      severity: 'warning',
      code: 'dates-estimated',
      message: expect.stringMatching(/^\d+ of \d+ articles have no date: the date selector "span\.khong-co-ngay" matched nothing/),
      field: 'selectors.date',
    });
  });

  it('reports missing images', async () => {
    const { body } = await preview({ url: `${origin()}/tandan/listing.html`, kind: 'html', preset: 'tandan', selectors: { image: 'img.khong-co-anh' } });
    expect(body.problems).toContainEqual(expect.objectContaining({ code: 'images-missing', field: 'selectors.image' }));
  });

  it('reports a damaged feed, and a feed that cannot be read at all with its reason', async () => {
    const damaged = await preview({ url: `${origin()}/broken/truncated.xml`, kind: 'feed' });
    expect(damaged.body.problems).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'damaged-feed' }));
    const png = await preview({ url: `${origin()}/hostile/png`, kind: 'feed' });
    expect(png.body.problems).toEqual([expect.objectContaining({ severity: 'error', code: 'not-a-feed' })]);
    const down = await preview({ url: `${origin()}/hostile/500` });
    expect(down.body.problems).toEqual([{ severity: 'error', code: 'http', message: expect.stringMatching(/^HTTP 500/), field: 'url' }]);
  });

  it('validates the definition and the address before fetching anything', async () => {
    const bad = await preview({ url: `${origin()}/tandan/listing.html`, kind: 'rss', selectors: { item: 'li + li' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors!.map((e) => e.field)).toEqual(['kind']);
    const res = await callWith({ ALLOW_PRIVATE_SOURCES: 'false' }, '/admin/sources/preview', {
      method: 'POST',
      headers: bearer(),
      body: JSON.stringify({ url: 'http://169.254.169.254/latest/meta-data/' }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ errors: [{ field: 'url', message: expect.stringMatching(/link-local/) }] });
    const notObject = await preview(['a']);
    expect(notObject.body.errors).toEqual([{ field: '(body)', message: expect.any(String) }]);
  });
});

const opml = (outlines: string) => `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>Nguồn tin Bắc Kạn</title></head><body>${outlines}</body></opml>`;
const importOpml = async (text: string, query = '') => {
  const res = await call(`/admin/sources/import${query}`, { method: 'POST', headers: { ...bearer(), 'content-type': 'text/x-opml' }, body: text });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { added: { id: string }[]; skipped: { reason: string }[]; updated: { id: string }[] } };
};

describe('POST /admin/sources/import', () => {
  it('adds each feed of an OPML file, reports what it skipped, and the sources refresh', async () => {
    await adminCall('/admin/sources', 'PUT', [src('baobackan', '/story/rss.xml')]);
    const text = opml(`
      <outline text="Bắc Kạn" province="bac-kan">
        <outline type="rss" text="Trung tâm Khuyến nông Bắc Kạn" xmlUrl="${origin()}/wordpress/feed.xml"/>
        <outline type="rss" text="Báo Bắc Kạn" xmlUrl="${origin()}/story/rss.xml"/>
        <outline type="rss" text="Cổng TTĐT huyện Chợ Đồn" xmlUrl="${origin()}/liferay/rss.xml" district="cho-don"/>
      </outline>
      <outline type="rss" text="Không rõ vùng" xmlUrl="${origin()}/feeds/rdf.xml"/>
      <outline type="rss" text="Tự tham chiếu" xmlUrl="https://bantin.test/feed.rss" province="bac-kan"/>`);
    const { status, body } = await importOpml(text);
    expect(status).toBe(200);
    expect(body.added.map((a) => a.id)).toEqual(['trung-tam-khuyen-nong-bac-kan', 'cong-ttdt-huyen-cho-don']);
    expect(body.updated).toEqual([{ id: 'baobackan', url: `${origin()}/story/rss.xml`, changed: ['name'] }]);
    expect(body.skipped.map((s) => s.reason)).toEqual([expect.stringMatching(/^no region/), 'a feed of bantin itself']);
    const catalog = (await (await adminCall('/admin/sources', 'GET')).json()) as { sources: { id: string; region: object }[] };
    expect(catalog.sources.map((s) => s.id)).toEqual(['baobackan', 'trung-tam-khuyen-nong-bac-kan', 'cong-ttdt-huyen-cho-don']);
    expect(catalog.sources[2].region).toEqual({ province: 'bac-kan', district: 'cho-don' });
    const summary = (await (await adminCall('/admin/refresh?source=cong-ttdt-huyen-cho-don', 'POST')).json()) as { sources: { outcome: string }[] };
    expect(summary.sources).toEqual([expect.objectContaining({ outcome: 'updated' })]);
  });

  it('takes the region from the query, validated', async () => {
    const text = opml(`<outline type="rss" text="Sở TT&amp;TT Thái Nguyên" xmlUrl="${origin()}/feeds/rdf.xml"/>`);
    const bad = await importOpml(text, '?province=Thái Nguyên');
    expect(bad.status).toBe(400);
    expect((bad.body.errors as { field: string }[]).map((e) => e.field)).toContain('province');
    const good = await importOpml(text, '?province=thai-nguyen&district=dai-tu');
    expect(good.body.added).toEqual([{ id: 'so-tt-tt-thai-nguyen', name: 'Sở TT&TT Thái Nguyên', url: `${origin()}/feeds/rdf.xml` }]);
  });

  it('refuses a file that is not well-formed OPML, or declares entities, and changes nothing', async () => {
    const before = await kv().get('catalog');
    for (const text of ['<opml><body><outline text="a"', '<!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]><opml><body/></opml>', '<html><body>OPML</body></html>']) {
      const { status, body } = await importOpml(text);
      expect(status).toBe(400);
      expect(body).toMatchObject({ error: 'invalid OPML', errors: [{ field: '(body)' }] });
    }
    expect(await kv().get('catalog')).toBe(before);
  });
});

describe('per-source enable, disable, retire', () => {
  it('edits the bundled catalog into a stored one when none is stored', async () => {
    await kv().delete('catalog');
    const res = await adminCall('/admin/sources/backan/disable', 'POST');
    expect(await res.json()).toEqual({ ok: true, id: 'backan', enabled: false, retired: false, changed: true });
    const stored = JSON.parse((await kv().get('catalog'))!) as { id: string; enabled: boolean }[];
    expect(stored.length).toBeGreaterThan(3);
    expect(stored.filter((s) => !s.enabled).map((s) => s.id)).toEqual(['backan']);
  });

  it('stops refreshing a disabled or retired source and says so, and shows it in /api/sources', async () => {
    await adminCall('/admin/sources', 'PUT', [src('cho-don', '/liferay/rss.xml'), src('pac-nam', '/nukeviet/rss.xml')]);
    expect((await adminCall('/admin/sources/cho-don/retire', 'POST')).status).toBe(200);
    expect((await adminCall('/admin/sources/pac-nam/disable', 'POST')).status).toBe(200);
    const refused = await adminCall('/admin/refresh?source=cho-don', 'POST');
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ errors: [{ field: 'source', message: expect.stringMatching(/disabled or retired.*cho-don/) }] });
    const run = (await (await adminCall('/admin/refresh', 'POST')).json()) as { due: number };
    expect(run.due).toBe(0);
    const api = (await (await call('/api/sources')).json()) as { sources: { id: string; enabled: boolean; retired: boolean }[] };
    expect(api.sources.map(({ id, enabled, retired }) => ({ id, enabled, retired }))).toEqual([
      { id: 'cho-don', enabled: true, retired: true },
      { id: 'pac-nam', enabled: false, retired: false },
    ]);
    await adminCall('/admin/sources/cho-don/unretire', 'POST');
    await adminCall('/admin/sources/pac-nam/enable', 'POST');
    const again = (await (await adminCall('/admin/refresh', 'POST')).json()) as { due: number; sources: { outcome: string }[] };
    expect(again.due).toBe(2);
    expect(again.sources.map((s) => s.outcome)).toEqual(['updated', 'updated']);
  });

  it('answers an unknown source or action with 404, and an unknown ?source= with 400', async () => {
    expect((await adminCall('/admin/sources/khong-co/disable', 'POST')).status).toBe(404);
    expect((await adminCall('/admin/sources/backan/delete', 'POST')).status).toBe(404);
    const res = await adminCall('/admin/refresh?source=khong-co', 'POST');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ errors: [{ field: 'source', message: 'no such source: khong-co' }] });
  });
});

describe('errors and headers', () => {
  const brokenKv = {
    get: () => Promise.reject(new Error('KV exploded at /srv/secret/path.ts:12:34')),
    put: () => Promise.reject(new Error('KV exploded')),
    list: () => Promise.reject(new Error('KV exploded')),
  } as unknown as KVNamespace;

  it.each([
    ['/api/sources', {}],
    ['/feed.rss', {}],
    ['/feed.json?province=bac-kan', {}],
    ['/admin/sources', { headers: bearer() }],
    ['/admin/sources/backan/retire', { method: 'POST', headers: bearer() }],
  ])('answers an internal failure of %s with a bare 500, no stack or message', async (path, init) => {
    const res = await callWith({ KV: brokenKv }, path, init);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).toBe('{"error":"internal error"}');
  });

  it('reports a refresh that could not read its state in the summary, not as a crash', async () => {
    const res = await callWith({ KV: brokenKv }, '/admin/refresh', { method: 'POST', headers: bearer() });
    expect(res.status).toBe(200);
    const summary = (await res.json()) as { error: string; kv: { writes: number } };
    expect(summary.error).toMatch(/^catalog or state not read/);
    expect(summary.kv.writes).toBe(0);
  });

  it.each([
    ['a feed', '/feed.rss', {}],
    ['the JSON feed', '/feed.json', {}],
    ['the API', '/api/sources', {}],
    ['a 404', '/nothing-here', {}],
    ['a 400', '/feed.atom?limit=-1', {}],
    ['a 401', '/admin/sources', {}],
    ['an admin answer', '/admin/sources', { headers: bearer() }],
  ])('puts the security headers on %s', async (_what, path, init) => {
    const res = await call(path, init);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).toMatch(/base-uri 'none'/);
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });
});
