import { capitalize } from '../vietnamese';
import type { FeedQuery } from './query';

/** Feed titles in Vietnamese that say which region or portal a feed covers. */
export const SITE_TITLE = 'bantin — Tin chính quyền địa phương Việt Nam';
export const SITE_DESCRIPTION = 'Tin tức tổng hợp từ cổng thông tin điện tử của tỉnh, huyện, xã (bantin).';

export interface TitleParts {
  provinceTitle: (slug: string) => string;
  districtTitle: (slug: string) => string;
  sourceName: (id: string) => string;
}

export function selectionTitle(query: Pick<FeedQuery, 'provinces' | 'districts' | 'sources'>, names: TitleParts): string {
  const parts = [
    ...query.sources.map(names.sourceName),
    ...query.districts.map((d) => {
      const p = d.province ?? query.provinces[0];
      return `${names.districtTitle(d.district)}${p ? `, ${names.provinceTitle(p)}` : ''}`;
    }),
    ...(query.districts.length ? [] : query.provinces.map(names.provinceTitle)),
  ];
  const title = parts.join(' · ');
  return title ? `${capitalize(title)} — bantin` : SITE_TITLE;
}
