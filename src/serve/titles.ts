import { capitalize } from '../vietnamese';
import { communeTitle, findCommune } from '../regions';
import type { FeedQuery } from './query';

/** Feed titles in Vietnamese that say which region or portal a feed covers. */
export const SITE_TITLE = 'bantin — Tin chính quyền địa phương Việt Nam';
export const SITE_DESCRIPTION = 'Tin tức tổng hợp từ cổng thông tin điện tử của tỉnh, huyện, xã (bantin).';

export interface TitleParts {
  provinceTitle: (slug: string) => string;
  districtTitle: (slug: string) => string;
  sourceName: (id: string) => string;
}

/** "xã Văn Lang, tỉnh Thái Nguyên": a commune of today with its province. */
const communeWithProvince = (code: string, names: TitleParts) => {
  const c = findCommune(code);
  return c ? `${communeTitle(c)}, ${names.provinceTitle(c.province)}` : code;
};

export function selectionTitle(query: Pick<FeedQuery, 'provinces' | 'districts' | 'sources'> & { communes?: string[] }, names: TitleParts): string {
  const communes = query.communes ?? [];
  const parts = [
    ...query.sources.map(names.sourceName),
    ...communes.map((code) => communeWithProvince(code, names)),
    ...query.districts.map((d) => {
      const p = d.province ?? query.provinces[0];
      return `${names.districtTitle(d.district)}${p ? `, ${names.provinceTitle(p)}` : ''}`;
    }),
    ...(query.districts.length || communes.length ? [] : query.provinces.map((p) => names.provinceTitle(p))),
  ];
  const title = parts.join(' · ');
  return title ? `${capitalize(title)} — bantin` : SITE_TITLE;
}
