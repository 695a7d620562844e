import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import worker from '../../src/index';
import type { Env } from '../../src/env';
import { INWARD_URLS } from '../helpers/inward-urls';
import { adminCall, call, origin, override, TOKEN } from '../helpers/worker';

// Catalog URLs through the admin API: inward hosts in every spelling a resolver accepts, and
// user names / passwords, which must never be fetched nor shown. In workerd, this file's own KV;
// the only origin reached is the loopback fixture origin.

const testEnv = env as unknown as Env;
const SECRET = 'matkhau123';

async function callWith(over: Partial<Env>, path: string, init: RequestInit = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`https://bantin.test${path}`, init), { ...testEnv, ...over }, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}
const put = (catalog: unknown, allowPrivate = 'false') =>
  callWith({ ALLOW_PRIVATE_SOURCES: allowPrivate }, '/admin/sources', {
    method: 'PUT',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(catalog),
  });
const entry = (id: string, url: string) => ({ id, name: `Cổng ${id}`, url, kind: 'feed', region: { province: 'cao-bang' } });
/** The fixture origin's URL with a user name and password written in. */
const withCredentials = (path: string, user = 'quantri') => `${origin().replace('://', `://${user}:${SECRET}@`)}${path}`;
type Errors = { errors: { field: string; message: string }[] };

describe('PUT /admin/sources refuses hosts a resolver reads as inward', () => {
  it.each(INWARD_URLS)('refuses %s, naming the field', async (url, why) => {
    const res = await put([entry('cong-tinh', 'https://caobang.gov.vn/rss'), entry('cong-xa', url)]);
    expect(res.status).toBe(400);
    expect(((await res.json()) as Errors).errors).toEqual([{ field: '[1].url', message: expect.stringMatching(why) }]);
    expect(await testEnv.KV.get('catalog')).toBeNull();
  });
});

describe('a user name or password in a source URL', () => {
  it('is refused at PUT, even with private sources allowed, and the refusal does not repeat it', async () => {
    for (const url of [withCredentials('/credentials/rss.xml'), `https://bientap:${SECRET}@caobang.gov.vn/rss`, 'https://bientap@caobang.gov.vn/rss']) {
      const res = await put([entry('cong-xa', url)], 'true');
      expect(res.status).toBe(400);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({ error: 'invalid sources', errors: [{ field: '[0].url', message: expect.stringMatching(/user name or password/) }] });
      expect(text).not.toContain(SECRET);
    }
    expect(await testEnv.KV.get('catalog')).toBeNull();
  });

  it('is refused by the preview and skipped by an OPML import', async () => {
    const preview = await adminCall('/admin/sources/preview', 'POST', { url: withCredentials('/credentials/rss.xml'), region: { province: 'cao-bang' } });
    expect(preview.status).toBe(400);
    expect(((await preview.json()) as Errors).errors).toEqual([{ field: 'url', message: expect.stringMatching(/user name or password/) }]);

    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>Cao Bằng</title></head><body>
      <outline type="rss" text="Xã có mật khẩu" xmlUrl="${withCredentials('/credentials/rss.xml')}" province="cao-bang"/></body></opml>`;
    const res = await call('/admin/sources/import', { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/x-opml' }, body: opml });
    const text = await res.text();
    const body = JSON.parse(text) as { added: unknown[]; skipped: { url: string; reason: string }[] };
    expect(body.added).toEqual([]);
    expect(body.skipped).toEqual([expect.objectContaining({ url: `${origin()}/credentials/rss.xml`, reason: expect.stringMatching(/user name or password/) })]);
    expect(text).not.toContain(SECRET);
  });
});

describe('a stored catalog written with one, and feeds whose links carry them', () => {
  const outputs = ['/', '/p/cao-bang', '/s/ha-quang', '/s/xa-co-mat-khau', '/sources', '/sources.opml', '/api/sources', '/api/articles', '/feed.rss', '/feed.atom', '/feed.json', '/s/ha-quang/feed.atom', '/p/cao-bang/feed.rss', '/p/cao-bang/feed.json'];
  type Health = { id: string; url: string; health: { lastOutcome: string | null; lastError: string | null; articleCount: number } };
  let sources: Health[];

  beforeAll(async () => {
    // Written as an older version (or a hand edit) might have left it: the schema itself accepts it.
    await testEnv.KV.put(
      'catalog',
      JSON.stringify([
        entry('xa-co-mat-khau', withCredentials('/credentials/rss.xml')),
        entry('ha-quang', `${origin()}/credentials/rss.xml`),
        entry('chuyen-huong', `${origin()}/credentials/moved`),
      ]),
    );
    await override({ path: '/credentials/moved', status: 302, headers: { location: withCredentials('/credentials/rss.xml', 'chuyenhuong') } });
    const run = await adminCall('/admin/refresh', 'POST');
    expect(run.status).toBe(200);
    sources = ((await (await call('/api/sources')).json()) as { sources: Health[] }).sources;
  });

  it('fails that source with a clear reason, and the others go on', () => {
    const byId = Object.fromEntries(sources.map((s) => [s.id, s]));
    expect(byId['xa-co-mat-khau'].health).toMatchObject({ lastOutcome: 'failed', lastError: expect.stringMatching(/user name or password/), articleCount: 0 });
    expect(byId['chuyen-huong'].health).toMatchObject({ lastOutcome: 'failed', lastError: expect.stringMatching(/user name or password/) });
    expect(byId['ha-quang'].health).toMatchObject({ lastOutcome: 'updated', articleCount: 2 });
    expect(byId['xa-co-mat-khau'].url).toBe(`${origin()}/credentials/rss.xml`);
  });

  it('keeps article links, images and links in the content, without the credentials', async () => {
    const { items: articles } = (await (await call('/api/articles?source=ha-quang')).json()) as { items: { id: string; url: string; image?: string }[] };
    expect(articles.map((a) => a.url)).toEqual([
      'http://haquang.caobang.gov.vn/tin-tuc/hoi-nghi-tiep-xuc-cu-tri-cuoi-nam.html',
      `${origin()}/tin-tuc/ra-quan-lam-duong-na-ma.html`,
    ]);
    expect(articles.map((a) => a.image)).toEqual(['https://haquang.caobang.gov.vn/anh/tiep-xuc-cu-tri-lon.jpg', 'http://haquang.caobang.gov.vn/anh/na-ma.jpg']);
    const one = (await (await call(`/api/articles/${articles[0].id}?source=ha-quang`)).json()) as { content_html: string };
    expect(one.content_html).toContain('href="https://haquang.caobang.gov.vn/van-ban/ke-hoach.pdf"');
    expect(one.content_html).toContain('src="http://haquang.caobang.gov.vn/anh/tiep-xuc-cu-tri.jpg"');
  });

  it.each(outputs)('%s shows no user name or password', async (path) => {
    const res = await call(path);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(SECRET);
    expect(text).not.toMatch(/quantri|bientap|chuyenhuong/);
  });
});
