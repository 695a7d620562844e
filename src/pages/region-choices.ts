import { CURRENT_PROVINCES, FORMER_PROVINCES, RENAMED_PROVINCES, findProvince, provinceSlugsFor, titleCaseSlug } from '../regions';
import type { Region } from '../model';
import { capitalize, vietnameseOrder } from '../vietnamese';

/** One <option>: what is sent and what a person reads. */
export interface Choice {
  value: string;
  label: string;
}

const byLabel = (a: Choice, b: Choice) => vietnameseOrder.compare(a.label, b.label);

/** Today's 34 provinces A to Z, and the former ones ("Bắc Kạn (cũ, nay thuộc Thái Nguyên)"). */
export function provinceChoices(): { current: Choice[]; former: Choice[] } {
  const current = CURRENT_PROVINCES.map((p) => ({ value: p.slug, label: p.name })).sort(byLabel);
  const former: Choice[] = [];
  for (const p of [...FORMER_PROVINCES, ...RENAMED_PROVINCES]) {
    const info = findProvince(p.slug);
    if (!info || info.current) continue;
    const today = findProvince(info.mergedInto)?.name ?? info.mergedInto;
    former.push({ value: p.slug, label: `${p.name} (cũ, nay ${info.change === 'renamed' ? 'là' : 'thuộc'} ${today})` });
  }
  return { current, former: former.sort(byLabel) };
}


/**
 * The districts a province page can narrow to: those some source was published under,
 * including the former provinces merged into it ("Huyện Chợ Đồn (Bắc Kạn cũ)").
 */
export function districtChoices(regions: Region[], province: string): Choice[] {
  const covered = provinceSlugsFor(province);
  const out = new Map<string, Choice>();
  for (const r of regions) {
    if (!r.district || !covered.includes(r.province) || out.has(r.district)) continue;
    const name = capitalize(r.districtName?.trim() || titleCaseSlug(r.district));
    const former = r.province !== province ? ` (${findProvince(r.province)?.name ?? r.province} cũ)` : '';
    out.set(r.district, { value: r.district, label: `${name}${former}` });
  }
  // A to Z by the name itself, not by its kind word ("Huyện Chợ Đồn" sorts under C).
  const key = (c: Choice) => c.label.replace(/^(huyện|quận|thị xã|thành phố)\s+/i, '');
  return [...out.values()].sort((a, b) => vietnameseOrder.compare(key(a), key(b)));
}
