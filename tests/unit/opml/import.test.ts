import { describe, expect, it } from 'vitest';
import { parseOpml } from '../../../src/opml/parse';
import { planImport, slugify } from '../../../src/opml/import';
import { sourceSchema } from '../../../src/sources/schema';
import { INWARD_URLS } from '../../helpers/inward-urls';
import portalsText from '../../fixtures/opml/portals.opml?raw';

const portals = portalsText.replaceAll('{{ORIGIN}}', 'https://tin.backan.gov.vn');
const opts = { allowPrivate: false };

function outlines(text: string) {
  const r = parseOpml(text);
  if (!r.ok) throw new Error(r.error);
  return r.outlines;
}

describe('planImport', () => {
  it('adds each feed with an id from its title and the region of its folder, and says why others were skipped', () => {
    const { catalog, report } = planImport([], outlines(portals), opts);
    expect(report.added).toEqual([
      { id: 'trung-tam-khuyen-nong-bac-kan', name: 'Trung tâm Khuyến nông Bắc Kạn', url: 'https://tin.backan.gov.vn/wordpress/feed.xml' },
      { id: 'bao-bac-kan', name: 'Báo Bắc Kạn', url: 'https://tin.backan.gov.vn/story/rss.xml' },
      { id: 'cong-ttdt-huyen-cho-don', name: 'Cổng TTĐT huyện Chợ Đồn', url: 'https://tin.backan.gov.vn/liferay/rss.xml' },
      { id: 'so-thong-tin-va-truyen-thong-thai-nguyen', name: 'Sở Thông tin và Truyền thông Thái Nguyên', url: 'https://tin.backan.gov.vn/feeds/rdf.xml' },
    ]);
    expect(catalog.find((s) => s.id === 'cong-ttdt-huyen-cho-don')).toMatchObject({ kind: 'feed', region: { province: 'bac-kan', district: 'cho-don' }, enabled: true });
    expect(catalog.find((s) => s.id === 'so-thong-tin-va-truyen-thong-thai-nguyen')!.region).toEqual({ province: 'thai-nguyen' });
    expect(report.skipped.map((s) => [s.title, s.reason])).toEqual([
      ['Báo Bắc Kạn (bản sao)', 'the same xmlUrl appears earlier in the file'],
      ['Máy chủ nội bộ', '10.0.0.8 is a private address'],
      ['Tệp trên máy', 'file: URLs are not fetched (only http and https)'],
      ['Báo Nhân Dân', expect.stringMatching(/^no region/)],
      ['Ghi chú không có địa chỉ', 'no xmlUrl'],
    ]);
    for (const s of catalog) expect(sourceSchema.safeParse(s).success).toBe(true);
  });

  it('takes the region from the request over the file', () => {
    const { report, catalog } = planImport([], outlines(portals), { ...opts, province: 'thai-nguyen', district: 'dai-tu' });
    expect(report.added.map((a) => a.id)).toContain('bao-nhan-dan');
    expect(new Set(catalog.map((s) => JSON.stringify(s.region)))).toEqual(new Set([JSON.stringify({ province: 'thai-nguyen', district: 'dai-tu' })]));
  });

  it('updates a source it already has by URL, keeps its id, and never drops the others', () => {
    const existing = [
      sourceSchema.parse({ id: 'baobackan', name: 'Báo Bắc Kạn điện tử', url: 'https://tin.backan.gov.vn/story/rss.xml', region: { province: 'bac-kan' }, intervalMinutes: 60 }),
      sourceSchema.parse({ id: 'khuyennong-backan', name: 'Trung tâm Khuyến nông Bắc Kạn', url: 'https://tin.backan.gov.vn/wordpress/feed.xml', region: { province: 'bac-kan' } }),
      sourceSchema.parse({ id: 'bao-bac-kan', name: 'Khác', url: 'https://other.gov.vn/rss', region: { province: 'bac-kan' } }),
    ];
    const { catalog, report } = planImport(existing, outlines(portals), opts);
    expect(report.updated).toEqual([{ id: 'baobackan', url: 'https://tin.backan.gov.vn/story/rss.xml', changed: ['name'] }]);
    expect(catalog.find((s) => s.id === 'baobackan')).toMatchObject({ name: 'Báo Bắc Kạn', intervalMinutes: 60 });
    expect(report.skipped[0]).toMatchObject({ title: 'Trung tâm Khuyến nông Bắc Kạn', reason: 'already in the catalog as "khuyennong-backan", unchanged' });
    expect(catalog.slice(0, 3).map((s) => s.id)).toEqual(['baobackan', 'khuyennong-backan', 'bao-bac-kan']);
  });

  it('makes a taken id unique rather than overwrite another source', () => {
    const existing = [sourceSchema.parse({ id: 'bao-bac-kan', name: 'Khác', url: 'https://other.gov.vn/rss', region: { province: 'bac-kan' } })];
    const { report } = planImport(existing, outlines(portals), opts);
    expect(report.added.find((a) => a.name === 'Báo Bắc Kạn')!.id).toBe('bao-bac-kan-2');
  });

  it('does not import bantin\'s own feeds', () => {
    const own = '<opml version="2.0"><body><outline text="bantin — Bắc Kạn" xmlUrl="https://bantin.example/p/bac-kan/feed.rss" province="bac-kan"/></body></opml>';
    const { report } = planImport([], outlines(own), { ...opts, selfHost: 'bantin.example' });
    expect(report.skipped).toEqual([expect.objectContaining({ reason: 'a feed of bantin itself' })]);
  });

  it('accepts loopback only when private sources are allowed', () => {
    const local = '<opml version="2.0"><body><outline text="Cổng thử" xmlUrl="http://127.0.0.1:8790/wordpress/feed.xml" province="bac-kan"/></body></opml>';
    expect(planImport([], outlines(local), opts).report.skipped[0].reason).toMatch(/loopback/);
    expect(planImport([], outlines(local), { allowPrivate: true }).report.added).toHaveLength(1);
  });

  it('slugs Vietnamese titles, đ included', () => {
    expect(slugify('Cổng TTĐT huyện Đại Từ')).toBe('cong-ttdt-huyen-dai-tu');
    expect(slugify('  ***  ')).toBe('');
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
