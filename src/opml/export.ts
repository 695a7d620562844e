import { communeTitle, currentProvinceOf, districtTitle, findCommune, findProvince, provinceTitle } from '../regions';
import type { Source } from '../sources/schema';
import { esc } from '../serve/xml';
import { capitalize, vietnameseOrder } from '../vietnamese';
import { withoutUserinfo } from '../normalize/url';

/** One feed a reader subscribes to. */
export interface OpmlFeed {
  title: string;
  xmlUrl: string;
  htmlUrl: string;
}

/** A folder in the reader: one of today's provinces, and in it one per commune of today with sources. */
export interface OpmlFolder {
  title: string;
  feeds: OpmlFeed[];
  folders?: OpmlFolder[];
}

export interface OpmlDoc {
  title: string;
  dateCreated: Date;
  /** Feeds outside any folder (the combined feed). */
  feeds: OpmlFeed[];
  folders: OpmlFolder[];
}


/** A portal's home for htmlUrl: the page itself for an HTML source, the site for a feed address. */
function portalUrl(s: Source): string {
  if (s.kind === 'html') return withoutUserinfo(s.url);
  try {
    return `${new URL(s.url).origin}/`;
  } catch {
    return s.url;
  }
}

/**
 * Every source feed and every region feed on bantin, one folder per province of today: its
 * own feed, the feeds of former provinces merged into it, of districts, then of each portal.
 */
export function catalogOpml(catalog: Source[], origin: string, now: Date): OpmlDoc {
  const byProvince = new Map<string, Source[]>();
  for (const s of catalog) {
    const today = currentProvinceOf(s.region.province) ?? s.region.province;
    byProvince.set(today, [...(byProvince.get(today) ?? []), s]);
  }
  const regionFeed = (path: string, title: string): OpmlFeed => ({ title: `Tin ${title}`, xmlUrl: `${origin}${path}/feed.rss`, htmlUrl: `${origin}${path}` });
  const name = (slug: string) => findProvince(slug)?.name ?? slug;

  const folders: OpmlFolder[] = [...byProvince.keys()]
    .sort((a, b) => vietnameseOrder.compare(name(a), name(b)))
    .map((province) => {
      const sources = byProvince.get(province)!;
      const feeds: OpmlFeed[] = [regionFeed(`/p/${province}`, provinceTitle(province))];
      const former = [...new Set(sources.map((s) => s.region.province).filter((p) => p !== province))].sort();
      for (const p of former) feeds.push(regionFeed(`/p/${p}`, provinceTitle(p)));
      const districts = new Map<string, OpmlFeed>();
      for (const s of sources) {
        const { province: p, district, districtName } = s.region;
        if (!district || districts.has(`${p}/${district}`)) continue;
        districts.set(`${p}/${district}`, regionFeed(`/p/${p}/${district}`, `${districtTitle(district, { name: districtName })}, ${provinceTitle(p)}`));
      }
      feeds.push(...[...districts.values()].sort((a, b) => vietnameseOrder.compare(a.title, b.title)));
      const portalFeed = (s: Source): OpmlFeed => ({ title: s.retired ? `${s.name} (đã ngừng)` : s.name, xmlUrl: `${origin}/s/${s.id}/feed.rss`, htmlUrl: portalUrl(s) });
      // Portals of a commune of today go in its folder, with the commune's feed first.
      const byCommune = new Map<string, Source[]>();
      for (const s of sources) {
        const c = s.region.commune ? findCommune(s.region.commune) : undefined;
        if (c) byCommune.set(c.code, [...(byCommune.get(c.code) ?? []), s]);
      }
      const communeFolders = [...byCommune].map(([code, members]): OpmlFolder => {
        const c = findCommune(code)!;
        const title = capitalize(communeTitle(c));
        return { title, feeds: [regionFeed(`/c/${code}`, `${communeTitle(c)}, ${provinceTitle(c.province)}`), ...[...members].sort((a, b) => vietnameseOrder.compare(a.name, b.name)).map(portalFeed)] };
      });
      const portals = sources.filter((s) => !(s.region.commune && findCommune(s.region.commune))).sort((a, b) => vietnameseOrder.compare(a.name, b.name));
      feeds.push(...portals.map(portalFeed));
      const folders = communeFolders.sort((a, b) => vietnameseOrder.compare(a.title, b.title));
      return { title: capitalize(provinceTitle(province)), feeds, ...(folders.length ? { folders } : {}) };
    });
  return {
    title: 'bantin — Nguồn tin chính quyền địa phương',
    dateCreated: now,
    feeds: [{ title: 'bantin — Tất cả tin', xmlUrl: `${origin}/feed.rss`, htmlUrl: `${origin}/` }],
    folders,
  };
}

const outline = (f: OpmlFeed, indent: string) =>
  `${indent}<outline type="rss" text="${esc(f.title)}" title="${esc(f.title)}" xmlUrl="${esc(f.xmlUrl)}" htmlUrl="${esc(f.htmlUrl)}"/>`;

/** OPML 2.0 (http://opml.org/spec2.opml): folders are outlines holding feed outlines. */
export function renderOpml(doc: OpmlDoc): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '<head>',
    `<title>${esc(doc.title)}</title>`,
    `<dateCreated>${doc.dateCreated.toUTCString()}</dateCreated>`,
    '<docs>http://opml.org/spec2.opml</docs>',
    '</head>',
    '<body>',
    ...doc.feeds.map((f) => outline(f, '  ')),
  ];
  const folder = (f: OpmlFolder, indent: string): string[] => [
    `${indent}<outline text="${esc(f.title)}" title="${esc(f.title)}">`,
    ...f.feeds.map((feed) => outline(feed, `${indent}  `)),
    ...(f.folders ?? []).flatMap((sub) => folder(sub, `${indent}  `)),
    `${indent}</outline>`,
  ];
  for (const f of doc.folders) out.push(...folder(f, '  '));
  out.push('</body>', '</opml>');
  return out.join('\n');
}
