import { beforeAll, describe, expect, it } from 'vitest';
import catalogText from '../fixtures/catalog.json?raw';
import { call, loadCatalog, override, runCron } from '../helpers/worker';
import { child, children, parseXml } from '../helpers/xml';

interface ApiPage {
  items: { id: string; title: string; source: { id: string }; region: { province: string } }[];
  next_cursor: string | null;
  next_url: string | null;
}
const get = async <T>(path: string) => (await (await call(path)).json()) as T;

describe('for readers and portals', () => {
  beforeAll(async () => {
    await override({ reset: true });
    await loadCatalog(catalogText);
    await runCron();
  });

  it('pages through /api/articles by cursor without repeats or gaps', async () => {
    const all = await get<ApiPage>('/api/articles?limit=500');
    const seen: string[] = [];
    let path: string | null = '/api/articles?limit=7';
    while (path) {
      const page: ApiPage = await get<ApiPage>(path);
      seen.push(...page.items.map((i) => i.id));
      path = page.next_url ? new URL(page.next_url).pathname + new URL(page.next_url).search : null;
    }
    expect(seen).toEqual(all.items.map((i) => i.id));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('links the next page in every feed format', async () => {
    const json = await get<{ next_url: string }>('/feed.json?limit=5');
    expect(new URL(json.next_url).searchParams.get('cursor')).toBeTruthy();
    const atom = parseXml(await (await call('/feed.atom?limit=5')).text());
    expect(children(atom, 'link').find((l) => l.attrs.rel === 'next')).toBeTruthy();
    const rss = child(parseXml(await (await call('/feed.rss?limit=5')).text()), 'channel')!;
    expect(children(rss, 'atom:link').find((l) => l.attrs.rel === 'next')!.attrs.href).toContain('/feed.rss?limit=5&cursor=');
  });

  it('serves one article with its content', async () => {
    const first = (await get<ApiPage>('/api/articles?source=khuyennong-backan&limit=1')).items[0];
    const one = await get<{ id: string; content_html?: string; source: { id: string } }>(`/api/articles/${first.id}`);
    expect(one.id).toBe(first.id);
    expect(one.source.id).toBe('khuyennong-backan');
    expect(one.content_html).toBeTruthy();
    expect((await call('/api/articles/0123456789abcdef')).status).toBe(404);
  });

  it('serves one article by the urn:bantin:article: id the feeds give out', async () => {
    const feed = await get<{ items: { id: string; url: string }[] }>('/feed.json?source=khuyennong-backan&limit=1');
    expect(feed.items[0].id).toMatch(/^urn:bantin:article:[a-f0-9]+$/);
    const one = await get<{ id: string; url: string }>(`/api/articles/${feed.items[0].id}`);
    expect(one.url).toBe(feed.items[0].url);
    expect((await call('/api/articles/urn:bantin:article:0123456789abcdef')).status).toBe(404);
    expect((await call('/api/articles/urn:other:0123456789abcdef')).status).toBe(404);
  });

  it('serves readable region and source routes', async () => {
    type Feed = { title: string; items: { _bantin: { region: { province: string; district?: string }; source: { id: string } } }[] };
    const tn = await get<Feed>('/p/thai-nguyen/feed.json?limit=500');
    expect(tn.title).toBe('Tỉnh Thái Nguyên — bantin');
    expect(new Set(tn.items.map((i) => i._bantin.region.province))).toEqual(new Set(['thai-nguyen', 'bac-kan']));
    const bk = await get<Feed>('/p/bac-kan/feed.json?limit=500');
    expect(bk.title).toBe('Tỉnh Bắc Kạn (cũ, nay thuộc tỉnh Thái Nguyên) — bantin');
    expect(new Set(bk.items.map((i) => i._bantin.region.province))).toEqual(new Set(['bac-kan']));
    const d = await get<Feed>('/p/bac-kan/cho-don/feed.json');
    expect(d.title).toBe('Huyện Chợ Đồn, tỉnh Bắc Kạn (cũ, nay thuộc tỉnh Thái Nguyên) — bantin');
    expect(d.items.length).toBeGreaterThan(0);
    expect(d.items.every((i) => i._bantin.region.district === 'cho-don')).toBe(true);
    // The district is found under today's province too.
    expect((await get<Feed>('/p/thai-nguyen/cho-don/feed.json')).items.length).toBe(d.items.length);
    const s = await get<Feed>('/s/pac-nam/feed.json');
    expect(s.title).toBe('Cổng TTĐT huyện Pác Nặm — bantin');
    expect(s.items.every((i) => i._bantin.source.id === 'pac-nam')).toBe(true);
  });

  it('refuses an unknown province with the list of known ones', async () => {
    for (const path of ['/p/atlantis/feed.rss', '/feed.json?province=atlantis']) {
      const res = await call(path);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { parameters: { parameter: string; message: string }[] };
      expect(body.parameters[0].parameter).toBe('province');
      expect(body.parameters[0].message).toContain('thai-nguyen');
    }
  });

  it('answers an unknown source or district feed 404, naming the ones that exist', async () => {
    for (const f of ['rss', 'atom', 'json']) {
      const s = await call(`/s/nope/feed.${f}`);
      expect(s.status).toBe(404);
      const sb = (await s.json()) as { error: string; sources: string[] };
      expect(sb.error).toBe('unknown source');
      expect(sb.sources).toContain('pac-nam');
      const d = await call(`/p/thai-nguyen/bac-kan/feed.${f}`);
      expect(d.status).toBe(404);
      const db = (await d.json()) as { error: string; districts: string[] };
      expect(db.error).toBe('unknown district');
      expect(db.districts).toContain('cho-don');
      expect(db.districts).not.toContain('bac-kan');
    }
    // What exists still answers, a known commune with no article too.
    expect((await call('/p/thai-nguyen/cho-don/feed.rss')).status).toBe(200);
    expect((await call('/s/pac-nam/feed.atom')).status).toBe(200);
    expect((await call('/c/99999/feed.rss')).status).toBe(404);
  });

  it('answers an unknown ?source= or ?district= 404 as the paths do, in feeds, the API and pages', async () => {
    for (const path of ['/feed.rss?source=nope', '/feed.json?source=nope,khong-co', '/api/articles?source=nope']) {
      const res = await call(path);
      expect(res.status, path).toBe(404);
      const said = (await res.json()) as { error: string; source: string; sources: string[] };
      expect(said).toMatchObject({ error: 'unknown source', source: 'nope' });
      expect(said.sources).toContain('pac-nam');
    }
    for (const path of ['/feed.atom?province=thai-nguyen&district=nope', '/api/articles?district=bac-kan/nope']) {
      const res = await call(path);
      expect(res.status, path).toBe(404);
      const said = (await res.json()) as { error: string; district: string; districts: string[] };
      expect(said).toMatchObject({ error: 'unknown district', district: 'nope' });
      expect(said.districts).toContain('cho-don');
    }
    const page = await call('/?source=nope');
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('Không có nguồn tin &quot;nope&quot;');
    const district = await call('/?province=bac-kan&district=nope');
    expect(district.status).toBe(404);
    expect(await district.text()).toContain('Chợ Đồn (cho-don)');
    // What exists still answers.
    expect((await call('/feed.rss?source=pac-nam')).status).toBe(200);
    expect((await call('/api/articles?province=bac-kan&district=cho-don')).status).toBe(200);
    expect((await call('/?source=pac-nam')).status).toBe(200);
  });

  it('lets any site read the feeds (CORS, ETag exposed)', async () => {
    const res = await call('/feed.json', { headers: { origin: 'https://backan.gov.vn' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toContain('ETag');
  });

  it('wraps JSON for a safe JSONP callback and refuses an unsafe one', async () => {
    const ok = await call('/api/articles?limit=2&callback=bantin.render');
    expect(ok.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
    const text = await ok.text();
    expect(text.startsWith("/**/ typeof bantin.render === 'function' && bantin.render({")).toBe(true);
    for (const bad of ['alert(1)//', 'a;b', '<script>', 'x y', 'a'.repeat(300)]) {
      const res = await call(`/feed.json?callback=${encodeURIComponent(bad)}`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { parameters: { parameter: string }[] }).parameters[0].parameter).toBe('callback');
    }
  });
});
