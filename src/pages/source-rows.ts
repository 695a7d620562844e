import { currentProvinceOf, districtTitle, findProvince, provinceTitle } from '../regions';
import type { Source } from '../sources/schema';
import type { SourceState, StateDoc } from '../store/types';
import { hostOf } from './safe-url';
import { sourceKindText, sourceStatus, type SourceStatus } from './source-status';
import { capitalize, vietnameseOrder } from '../vietnamese';
import { withoutUserinfo } from '../normalize/url';

/** One row of /sources: a source and its health, ready to show. */
export interface SourceRow {
  id: string;
  name: string;
  url: string;
  host: string;
  region: string;
  kind: string;
  status: SourceStatus;
  state?: SourceState;
  /** Not fetched (retired or disabled): no "next due". */
  idle: boolean;
}

/** Sources of one of today's provinces (a former province's go with the one it joined). */
export interface SourceGroup {
  province: string;
  title: string;
  rows: SourceRow[];
}


/** Where a source publishes, in words: "Huyện Chợ Đồn, tỉnh Bắc Kạn (cũ…)". */
export function regionText(s: Pick<Source, 'region'>): string {
  const province = provinceTitle(s.region.province);
  return capitalize(s.region.district ? `${districtTitle(s.region.district, { name: s.region.districtName })}, ${province}` : province);
}

/** Every source with its state, grouped by today's province, province-level portals first. */
export function sourceGroups(catalog: Source[], state: StateDoc | null): SourceGroup[] {
  const groups = new Map<string, SourceGroup>();
  for (const s of catalog) {
    const province = currentProvinceOf(s.region.province) ?? s.region.province;
    let g = groups.get(province);
    if (!g) groups.set(province, (g = { province, title: capitalize(provinceTitle(province)), rows: [] }));
    const st = state?.sources[s.id];
    g.rows.push({
      id: s.id,
      name: s.name,
      url: withoutUserinfo(s.url),
      host: hostOf(s.url),
      region: regionText(s),
      kind: sourceKindText(s),
      status: sourceStatus(s, st),
      state: st,
      idle: s.retired || !s.enabled,
    });
  }
  const byId = new Map(catalog.map((s) => [s.id, s]));
  const level = (r: SourceRow) => (byId.get(r.id)?.region.district ? 1 : 0);
  for (const g of groups.values()) {
    g.rows.sort((a, b) => level(a) - level(b) || vietnameseOrder.compare(a.region, b.region) || vietnameseOrder.compare(a.name, b.name));
  }
  const name = (slug: string) => findProvince(slug)?.name ?? slug;
  return [...groups.values()].sort((a, b) => vietnameseOrder.compare(name(a.province), name(b.province)));
}
