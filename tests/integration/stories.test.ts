import { beforeAll, describe, expect, it } from 'vitest';
import catalogText from '../fixtures/stories-catalog.json?raw';
import { adminCall, call, loadCatalog, override, runCron } from '../helpers/worker';
import { child, children, parseXml } from '../helpers/xml';

type GroupedBy = { similarity: number; shared_title_words: string[]; shared_names: string[]; shared_numbers: string[] };
type JsonFeed = { items: { title: string; url: string; _bantin: { source: { id: string }; alternates?: { url: string; source: { id: string }; grouped_by: GroupedBy }[] } }[] };
const json = async (path: string) => (await (await call(path)).json()) as JsonFeed;
const catalog = () => JSON.parse(catalogText) as { id: string; retired?: boolean }[];

// The same press release from the province party committee and a district portal,
// with a reworded title and a day apart: one story, not two copies.
describe('stories, not copies', () => {
  beforeAll(async () => {
    await override({ reset: true });
    await loadCatalog(catalogText);
    await runCron();
  });

  it('shows one item per story in combined and region feeds, the province copy first, with the other as alternate', async () => {
    for (const path of ['/feed.json', '/p/bac-kan/feed.json', '/p/thai-nguyen/feed.json']) {
      const feed = await json(path);
      const meetings = feed.items.filter((i) => /lần thứ 15/.test(i.title));
      expect(meetings, path).toHaveLength(1);
      expect(meetings[0]._bantin.source.id).toBe('tinh-uy-backan');
      expect(meetings[0]._bantin.alternates).toEqual([expect.objectContaining({ source: expect.objectContaining({ id: 'cho-moi' }), url: expect.stringContaining('chomoi.backan.gov.vn') })]);
      expect(feed.items).toHaveLength(3);
    }
  });

  it('says in JSON Feed why a copy was grouped: the similarity, shared title words, places and numbers', async () => {
    const meeting = (await json('/feed.json')).items.find((i) => /lần thứ 15/.test(i.title))!;
    const why = meeting._bantin.alternates![0].grouped_by;
    expect(why.similarity).toBeGreaterThanOrEqual(0.5);
    expect(why.similarity).toBeLessThanOrEqual(1);
    expect(why.shared_title_words).toEqual(expect.arrayContaining(['bac', 'kan', '15']));
    expect(why.shared_names).toContain('bắc kạn');
    expect(why.shared_numbers).toEqual(expect.arrayContaining(['lan 15', 'nam 2026']));
  });

  it('lists the alternates in Atom and RSS too', async () => {
    const entry = children(parseXml(await (await call('/feed.atom')).text()), 'entry').find((e) => /lần thứ 15/.test(child(e, 'title')!.text))!;
    expect(children(entry, 'link').find((l) => l.attrs.rel === 'related')!.attrs.href).toContain('chomoi.backan.gov.vn');
    const item = children(child(parseXml(await (await call('/feed.rss')).text()), 'channel')!, 'item').find((i) => /lần thứ 15/.test(child(i, 'title')!.text))!;
    expect(child(item, 'description')!.text).toContain('Cũng đăng trên: Cổng TTĐT huyện Chợ Mới');
  });

  it('shows every copy with dedupe=0, and never collapses a source feed', async () => {
    expect((await json('/feed.json?dedupe=0')).items.filter((i) => /lần thứ 15/.test(i.title))).toHaveLength(2);
    const district = await json('/s/cho-moi/feed.json');
    expect(district.items).toHaveLength(2);
    expect(district.items.every((i) => !i._bantin.alternates)).toBe(true);
  });

  it('keeps a retired source\'s articles in the feeds without fetching it', async () => {
    const retired = catalog().map((s) => (s.id === 'cho-moi' ? { ...s, retired: true } : s));
    const put = await adminCall('/admin/sources', 'PUT', JSON.parse(JSON.stringify(retired).replaceAll('{{ORIGIN}}', 'http://127.0.0.1:9')));
    expect(put.status).toBe(200);
    // A retired portal is not fetched, not even on request...
    expect((await adminCall('/admin/refresh?source=cho-moi', 'POST')).status).toBe(400);
    expect(((await (await adminCall('/admin/refresh?source=tinh-uy-backan', 'POST')).json()) as { sources: { id: string }[] }).sources.map((s) => s.id)).toEqual(['tinh-uy-backan']);
    // ...and what it published stays served.
    expect((await json('/s/cho-moi/feed.json')).items).toHaveLength(2);
    expect((await json('/feed.json?dedupe=0')).items.filter((i) => i._bantin.source.id === 'cho-moi')).toHaveLength(2);
    const sources = ((await (await call('/api/sources')).json()) as { sources: { id: string; retired: boolean }[] }).sources;
    expect(sources.find((s) => s.id === 'cho-moi')!.retired).toBe(true);
  });
});
