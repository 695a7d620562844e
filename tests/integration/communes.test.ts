import { beforeAll, describe, expect, it } from 'vitest';
import { attrs, select, texts } from '../helpers/html';
import { call, loadCatalog, runCron } from '../helpers/worker';
import { children, parseXml, type XmlNode } from '../helpers/xml';

// Three commune portals of today, by code: two of them share the slug "van-lang" in Thái
// Nguyên (Xã Văn Lang 02143, Xã Văn Lăng 05665); one keeps a former commune as a label.
const catalog = [
  { id: 'xa-van-lang', name: 'UBND xã Văn Lang', url: '{{ORIGIN}}/wordpress/feed.xml', kind: 'feed', region: { province: 'thai-nguyen', commune: '02143' } },
  { id: 'xa-van-lang-2', name: 'UBND xã Văn Lăng', url: '{{ORIGIN}}/nukeviet/rss.xml', kind: 'auto', region: { province: 'bac-kan', commune: '05665' } },
  { id: 'phuong-ba-dinh', name: 'UBND phường Ba Đình', url: '{{ORIGIN}}/feeds/rdf.xml', kind: 'auto', region: { province: 'ha-noi', commune: '00004' } },
  { id: 'xa-bang-lang-cu', name: 'UBND xã Bằng Lãng (cũ)', url: '{{ORIGIN}}/liferay/rss.xml', kind: 'auto', region: { province: 'bac-kan', commune: 'bang-lang', communeName: 'xã Bằng Lãng' } },
];

describe('communes of today: feeds and pages', () => {
  beforeAll(async () => {
    await loadCatalog(JSON.stringify(catalog));
    await runCron();
  });

  it('serves a commune’s own feed in RSS, Atom and JSON Feed, titled with its name and province', async () => {
    const rss = await call('/c/02143/feed.rss');
    expect(rss.status).toBe(200);
    const xml = await rss.text();
    expect(xml).toContain('<title>Xã Văn Lang, tỉnh Thái Nguyên — bantin</title>');
    const atom = await call('/c/05665/feed.atom');
    expect(atom.status).toBe(200);
    expect(await atom.text()).toContain('Xã Văn Lăng, tỉnh Thái Nguyên');
    const json = await call('/c/00004/feed.json');
    const feed = (await json.json()) as { title: string; items: unknown[] };
    expect(feed.title).toBe('Phường Ba Đình, thành phố Hà Nội — bantin');
    expect(feed.items.length).toBeGreaterThan(0);
  });

  it('keeps the two communes that share a slug apart', async () => {
    type Api = { items: { source: { id: string }; region: { commune?: string } }[] };
    const a = (await (await call('/api/articles?commune=02143&limit=500')).json()) as Api;
    const b = (await (await call('/api/articles?commune=05665&limit=500')).json()) as Api;
    expect(a.items.length).toBeGreaterThan(0);
    expect(b.items.length).toBeGreaterThan(0);
    expect(new Set(a.items.map((x) => x.source.id))).toEqual(new Set(['xa-van-lang']));
    expect(new Set(b.items.map((x) => x.source.id))).toEqual(new Set(['xa-van-lang-2']));
    expect(b.items[0].region.commune).toBe('05665');
  });

  it('takes commune= as a code or an unambiguous slug; an ambiguous one answers 400 naming the candidates', async () => {
    expect((await call('/feed.json?commune=00004')).status).toBe(200);
    expect((await call('/feed.json?province=ha-noi&commune=ba-dinh')).status).toBe(200);
    const res = await call('/feed.rss?province=thai-nguyen&commune=van-lang');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { parameters: { parameter: string; message: string }[] };
    expect(body.parameters[0].parameter).toBe('commune');
    expect(body.parameters[0].message).toContain('02143');
    expect(body.parameters[0].message).toContain('05665');
    const wrong = await call('/api/articles?province=thai-nguyen&commune=00004');
    expect(wrong.status).toBe(400);
  });

  it('answers an unknown commune with 404 and what exists', async () => {
    const feed = await call('/c/02144/feed.json');
    expect(feed.status).toBe(404);
    const body = (await feed.json()) as { nearest: string[] };
    expect(body.nearest[0]).toMatch(/^02143 /);
    const page = await call('/c/02144');
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('xã Văn Lang (02143)');
    // The same in the query string, for feeds, the API and pages.
    for (const path of ['/feed.rss?commune=02144', '/api/articles?commune=02144', '/feed.json?province=thai-nguyen&commune=02144']) {
      const res = await call(path);
      expect(res.status).toBe(404);
      const said = (await res.json()) as { error: string; nearest: string[] };
      expect(said.error).toBe('unknown commune');
      expect(said.nearest[0]).toMatch(/^02143 /);
    }
    const queried = await call('/?commune=02144');
    expect(queried.status).toBe(404);
    expect(await queried.text()).toContain('xã Văn Lang (02143)');
  });

  it('shows a commune’s page with its feeds, and a province page listing its communes with sources', async () => {
    const page = await (await call('/c/02143')).text();
    expect((await texts(page, 'h1'))[0]).toBe('Xã Văn Lang, tỉnh Thái Nguyên');
    expect(await attrs(page, 'link[rel=alternate]', 'href')).toContain('https://bantin.test/c/02143/feed.rss');
    expect((await select(page, 'ol.articles li, ul.articles li')).length).toBeGreaterThan(0);

    const province = await (await call('/p/thai-nguyen')).text();
    const links = await attrs(province, '.province-communes ul.communes a', 'href');
    expect(links).toEqual(['/c/02143', '/c/05665']);
    // A commune label as published is no commune of today: not listed.
    expect((await texts(province, '.province-communes')).join(' ')).not.toContain('Bằng Lãng');
    // The picker: a GET form with a datalist of every commune of the province.
    expect(await attrs(province, '.province-communes form', 'action')).toEqual(['/c']);
    expect((await select(province, '#ds-xa option')).length).toBe(92);
  });

  it('finds communes without JavaScript: a search for “van lang” lists both, a code or a datalist pick goes to the commune', async () => {
    const both = await call('/c?province=thai-nguyen&q=van+lang');
    expect(both.status).toBe(200);
    expect(await attrs(await both.text(), 'ul.communes a', 'href')).toEqual(['/c/02143', '/c/05665']);
    const one = await call('/c?province=thai-nguyen&q=V%C4%83n+L%C4%83ng+(05665)', { redirect: 'manual' });
    expect(one.status).toBe(302);
    expect(one.headers.get('location')).toBe('/c/05665');
    const none = await call('/c?province=thai-nguyen&q=khong+co+xa+nay');
    expect(none.status).toBe(404);
    const list = await (await call('/c?province=thai-nguyen')).text();
    expect((await select(list, 'ul.communes a')).length).toBe(92);
    expect(await attrs(list, 'li.has-sources a', 'href')).toEqual(['/c/02143', '/c/05665']);
  });

  it('lists the communes in OPML as folders inside their province, each with its feed and portals', async () => {
    const doc = parseXml(await (await call('/sources.opml')).text());
    const body = children(doc, 'body')[0];
    const folders = children(body, 'outline').filter((o: XmlNode) => !o.attrs.xmlUrl);
    const thaiNguyen = folders.find((f: XmlNode) => f.attrs.text === 'Tỉnh Thái Nguyên')!;
    const communes = children(thaiNguyen, 'outline').filter((o: XmlNode) => !o.attrs.xmlUrl);
    expect(communes.map((c: XmlNode) => c.attrs.text)).toEqual(['Xã Văn Lang', 'Xã Văn Lăng']);
    const lang = children(communes[0], 'outline').map((o: XmlNode) => o.attrs.xmlUrl);
    expect(lang).toEqual(['https://bantin.test/c/02143/feed.rss', 'https://bantin.test/s/xa-van-lang/feed.rss']);
    // The former commune's label is no commune of today: its portal stays in the province's list.
    expect(children(thaiNguyen, 'outline').map((o: XmlNode) => o.attrs.xmlUrl)).toContain('https://bantin.test/s/xa-bang-lang-cu/feed.rss');
  });
});
