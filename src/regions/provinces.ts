/**
 * Vietnam's provinces before and after Resolution 202/2025/QH15 (in force 1 July 2025):
 * 63 provinces and centrally-run cities merged into 34. Data only; lookups live in index.ts.
 *
 * Slugs are ASCII: lowercase, diacritics dropped, đ → d, words joined by hyphens, as in
 * sources' `region.province` ("bac-kan", "ba-ria-vung-tau", "ho-chi-minh").
 */

/** 'tinh' = tỉnh (province), 'thanh-pho' = thành phố trực thuộc trung ương (centrally-run city). */
export type ProvinceKind = 'tinh' | 'thanh-pho';

export interface CurrentProvince {
  slug: string;
  /** Vietnamese name without the kind word, NFC: "Thái Nguyên", "Hồ Chí Minh". */
  name: string;
  kind: ProvinceKind;
  /** Slugs of the former provinces merged into this one, other than its own namesake. */
  absorbed: string[];
  /** When its kind changed since 1 July 2025: `kind` holds from `on` (ISO date), `before` until then. */
  kindChange?: { on: string; before: ProvinceKind };
}

export interface FormerProvince {
  slug: string;
  name: string;
  /** Its kind before 1 July 2025. */
  kind: ProvinceKind;
  /** Slug of the province it is part of since 1 July 2025 (itself when unchanged or the namesake). */
  mergedInto: string;
}

/** A name a province went by before the 63 of June 2025: resolves to that province. */
export interface RenamedProvince {
  slug: string;
  name: string;
  kind: ProvinceKind;
  /** Slug it was renamed to (a member of FORMER_PROVINCES). */
  renamedTo: string;
  /** Day the new name took effect (ISO date). */
  since: string;
}

/**
 * The 34 since 1 July 2025, north to south, with today's kind; the 11 unchanged have `absorbed: []`.
 * Their GSO codes and communes are in units.generated.ts.
 */
export const CURRENT_PROVINCES: readonly CurrentProvince[] = [
  { slug: 'ha-noi', name: 'Hà Nội', kind: 'thanh-pho', absorbed: [] },
  { slug: 'hue', name: 'Huế', kind: 'thanh-pho', absorbed: [] },
  { slug: 'lai-chau', name: 'Lai Châu', kind: 'tinh', absorbed: [] },
  { slug: 'dien-bien', name: 'Điện Biên', kind: 'tinh', absorbed: [] },
  { slug: 'son-la', name: 'Sơn La', kind: 'tinh', absorbed: [] },
  { slug: 'lang-son', name: 'Lạng Sơn', kind: 'tinh', absorbed: [] },
  { slug: 'quang-ninh', name: 'Quảng Ninh', kind: 'tinh', absorbed: [] },
  { slug: 'thanh-hoa', name: 'Thanh Hóa', kind: 'tinh', absorbed: [] },
  { slug: 'nghe-an', name: 'Nghệ An', kind: 'tinh', absorbed: [] },
  { slug: 'ha-tinh', name: 'Hà Tĩnh', kind: 'tinh', absorbed: [] },
  { slug: 'cao-bang', name: 'Cao Bằng', kind: 'tinh', absorbed: [] },
  { slug: 'tuyen-quang', name: 'Tuyên Quang', kind: 'tinh', absorbed: ['ha-giang'] },
  { slug: 'lao-cai', name: 'Lào Cai', kind: 'tinh', absorbed: ['yen-bai'] },
  { slug: 'thai-nguyen', name: 'Thái Nguyên', kind: 'tinh', absorbed: ['bac-kan'] },
  { slug: 'phu-tho', name: 'Phú Thọ', kind: 'tinh', absorbed: ['vinh-phuc', 'hoa-binh'] },
  { slug: 'bac-ninh', name: 'Bắc Ninh', kind: 'tinh', absorbed: ['bac-giang'] },
  { slug: 'hung-yen', name: 'Hưng Yên', kind: 'tinh', absorbed: ['thai-binh'] },
  { slug: 'hai-phong', name: 'Hải Phòng', kind: 'thanh-pho', absorbed: ['hai-duong'] },
  { slug: 'ninh-binh', name: 'Ninh Bình', kind: 'tinh', absorbed: ['ha-nam', 'nam-dinh'] },
  { slug: 'quang-tri', name: 'Quảng Trị', kind: 'tinh', absorbed: ['quang-binh'] },
  { slug: 'da-nang', name: 'Đà Nẵng', kind: 'thanh-pho', absorbed: ['quang-nam'] },
  { slug: 'quang-ngai', name: 'Quảng Ngãi', kind: 'tinh', absorbed: ['kon-tum'] },
  { slug: 'gia-lai', name: 'Gia Lai', kind: 'tinh', absorbed: ['binh-dinh'] },
  { slug: 'khanh-hoa', name: 'Khánh Hòa', kind: 'tinh', absorbed: ['ninh-thuan'] },
  { slug: 'lam-dong', name: 'Lâm Đồng', kind: 'tinh', absorbed: ['dak-nong', 'binh-thuan'] },
  { slug: 'dak-lak', name: 'Đắk Lắk', kind: 'tinh', absorbed: ['phu-yen'] },
  { slug: 'ho-chi-minh', name: 'Hồ Chí Minh', kind: 'thanh-pho', absorbed: ['binh-duong', 'ba-ria-vung-tau'] },
  // Resolution 30/2026/QH16: a centrally-run city from 30 April 2026.
  { slug: 'dong-nai', name: 'Đồng Nai', kind: 'thanh-pho', absorbed: ['binh-phuoc'], kindChange: { on: '2026-04-30', before: 'tinh' } },
  { slug: 'tay-ninh', name: 'Tây Ninh', kind: 'tinh', absorbed: ['long-an'] },
  { slug: 'can-tho', name: 'Cần Thơ', kind: 'thanh-pho', absorbed: ['soc-trang', 'hau-giang'] },
  { slug: 'vinh-long', name: 'Vĩnh Long', kind: 'tinh', absorbed: ['ben-tre', 'tra-vinh'] },
  { slug: 'dong-thap', name: 'Đồng Tháp', kind: 'tinh', absorbed: ['tien-giang'] },
  { slug: 'ca-mau', name: 'Cà Mau', kind: 'tinh', absorbed: ['bac-lieu'] },
  { slug: 'an-giang', name: 'An Giang', kind: 'tinh', absorbed: ['kien-giang'] },
];

/**
 * The 63 as they stood in June 2025 (Huế already a city since 1 January 2025), by the
 * former official order; `mergedInto` is where each is since 1 July 2025.
 */
export const FORMER_PROVINCES: readonly FormerProvince[] = [
  { slug: 'ha-noi', name: 'Hà Nội', kind: 'thanh-pho', mergedInto: 'ha-noi' },
  { slug: 'ha-giang', name: 'Hà Giang', kind: 'tinh', mergedInto: 'tuyen-quang' },
  { slug: 'cao-bang', name: 'Cao Bằng', kind: 'tinh', mergedInto: 'cao-bang' },
  { slug: 'bac-kan', name: 'Bắc Kạn', kind: 'tinh', mergedInto: 'thai-nguyen' },
  { slug: 'tuyen-quang', name: 'Tuyên Quang', kind: 'tinh', mergedInto: 'tuyen-quang' },
  { slug: 'lao-cai', name: 'Lào Cai', kind: 'tinh', mergedInto: 'lao-cai' },
  { slug: 'dien-bien', name: 'Điện Biên', kind: 'tinh', mergedInto: 'dien-bien' },
  { slug: 'lai-chau', name: 'Lai Châu', kind: 'tinh', mergedInto: 'lai-chau' },
  { slug: 'son-la', name: 'Sơn La', kind: 'tinh', mergedInto: 'son-la' },
  { slug: 'yen-bai', name: 'Yên Bái', kind: 'tinh', mergedInto: 'lao-cai' },
  { slug: 'hoa-binh', name: 'Hòa Bình', kind: 'tinh', mergedInto: 'phu-tho' },
  { slug: 'thai-nguyen', name: 'Thái Nguyên', kind: 'tinh', mergedInto: 'thai-nguyen' },
  { slug: 'lang-son', name: 'Lạng Sơn', kind: 'tinh', mergedInto: 'lang-son' },
  { slug: 'quang-ninh', name: 'Quảng Ninh', kind: 'tinh', mergedInto: 'quang-ninh' },
  { slug: 'bac-giang', name: 'Bắc Giang', kind: 'tinh', mergedInto: 'bac-ninh' },
  { slug: 'phu-tho', name: 'Phú Thọ', kind: 'tinh', mergedInto: 'phu-tho' },
  { slug: 'vinh-phuc', name: 'Vĩnh Phúc', kind: 'tinh', mergedInto: 'phu-tho' },
  { slug: 'bac-ninh', name: 'Bắc Ninh', kind: 'tinh', mergedInto: 'bac-ninh' },
  { slug: 'hai-duong', name: 'Hải Dương', kind: 'tinh', mergedInto: 'hai-phong' },
  { slug: 'hai-phong', name: 'Hải Phòng', kind: 'thanh-pho', mergedInto: 'hai-phong' },
  { slug: 'hung-yen', name: 'Hưng Yên', kind: 'tinh', mergedInto: 'hung-yen' },
  { slug: 'thai-binh', name: 'Thái Bình', kind: 'tinh', mergedInto: 'hung-yen' },
  { slug: 'ha-nam', name: 'Hà Nam', kind: 'tinh', mergedInto: 'ninh-binh' },
  { slug: 'nam-dinh', name: 'Nam Định', kind: 'tinh', mergedInto: 'ninh-binh' },
  { slug: 'ninh-binh', name: 'Ninh Bình', kind: 'tinh', mergedInto: 'ninh-binh' },
  { slug: 'thanh-hoa', name: 'Thanh Hóa', kind: 'tinh', mergedInto: 'thanh-hoa' },
  { slug: 'nghe-an', name: 'Nghệ An', kind: 'tinh', mergedInto: 'nghe-an' },
  { slug: 'ha-tinh', name: 'Hà Tĩnh', kind: 'tinh', mergedInto: 'ha-tinh' },
  { slug: 'quang-binh', name: 'Quảng Bình', kind: 'tinh', mergedInto: 'quang-tri' },
  { slug: 'quang-tri', name: 'Quảng Trị', kind: 'tinh', mergedInto: 'quang-tri' },
  { slug: 'hue', name: 'Huế', kind: 'thanh-pho', mergedInto: 'hue' },
  { slug: 'da-nang', name: 'Đà Nẵng', kind: 'thanh-pho', mergedInto: 'da-nang' },
  { slug: 'quang-nam', name: 'Quảng Nam', kind: 'tinh', mergedInto: 'da-nang' },
  { slug: 'quang-ngai', name: 'Quảng Ngãi', kind: 'tinh', mergedInto: 'quang-ngai' },
  { slug: 'binh-dinh', name: 'Bình Định', kind: 'tinh', mergedInto: 'gia-lai' },
  { slug: 'phu-yen', name: 'Phú Yên', kind: 'tinh', mergedInto: 'dak-lak' },
  { slug: 'khanh-hoa', name: 'Khánh Hòa', kind: 'tinh', mergedInto: 'khanh-hoa' },
  { slug: 'ninh-thuan', name: 'Ninh Thuận', kind: 'tinh', mergedInto: 'khanh-hoa' },
  { slug: 'binh-thuan', name: 'Bình Thuận', kind: 'tinh', mergedInto: 'lam-dong' },
  { slug: 'kon-tum', name: 'Kon Tum', kind: 'tinh', mergedInto: 'quang-ngai' },
  { slug: 'gia-lai', name: 'Gia Lai', kind: 'tinh', mergedInto: 'gia-lai' },
  { slug: 'dak-lak', name: 'Đắk Lắk', kind: 'tinh', mergedInto: 'dak-lak' },
  { slug: 'dak-nong', name: 'Đắk Nông', kind: 'tinh', mergedInto: 'lam-dong' },
  { slug: 'lam-dong', name: 'Lâm Đồng', kind: 'tinh', mergedInto: 'lam-dong' },
  { slug: 'binh-phuoc', name: 'Bình Phước', kind: 'tinh', mergedInto: 'dong-nai' },
  { slug: 'tay-ninh', name: 'Tây Ninh', kind: 'tinh', mergedInto: 'tay-ninh' },
  { slug: 'binh-duong', name: 'Bình Dương', kind: 'tinh', mergedInto: 'ho-chi-minh' },
  { slug: 'dong-nai', name: 'Đồng Nai', kind: 'tinh', mergedInto: 'dong-nai' },
  { slug: 'ba-ria-vung-tau', name: 'Bà Rịa - Vũng Tàu', kind: 'tinh', mergedInto: 'ho-chi-minh' },
  { slug: 'ho-chi-minh', name: 'Hồ Chí Minh', kind: 'thanh-pho', mergedInto: 'ho-chi-minh' },
  { slug: 'long-an', name: 'Long An', kind: 'tinh', mergedInto: 'tay-ninh' },
  { slug: 'tien-giang', name: 'Tiền Giang', kind: 'tinh', mergedInto: 'dong-thap' },
  { slug: 'ben-tre', name: 'Bến Tre', kind: 'tinh', mergedInto: 'vinh-long' },
  { slug: 'tra-vinh', name: 'Trà Vinh', kind: 'tinh', mergedInto: 'vinh-long' },
  { slug: 'vinh-long', name: 'Vĩnh Long', kind: 'tinh', mergedInto: 'vinh-long' },
  { slug: 'dong-thap', name: 'Đồng Tháp', kind: 'tinh', mergedInto: 'dong-thap' },
  { slug: 'an-giang', name: 'An Giang', kind: 'tinh', mergedInto: 'an-giang' },
  { slug: 'kien-giang', name: 'Kiên Giang', kind: 'tinh', mergedInto: 'an-giang' },
  { slug: 'can-tho', name: 'Cần Thơ', kind: 'thanh-pho', mergedInto: 'can-tho' },
  { slug: 'hau-giang', name: 'Hậu Giang', kind: 'tinh', mergedInto: 'can-tho' },
  { slug: 'soc-trang', name: 'Sóc Trăng', kind: 'tinh', mergedInto: 'can-tho' },
  { slug: 'bac-lieu', name: 'Bạc Liêu', kind: 'tinh', mergedInto: 'ca-mau' },
  { slug: 'ca-mau', name: 'Cà Mau', kind: 'tinh', mergedInto: 'ca-mau' },
];

/**
 * Thừa Thiên Huế became thành phố Huế (same territory) on 1 January 2025, by a resolution of
 * the National Assembly Standing Committee (November 2024), before the merger. Its portals and
 * years of archives carry the old name, so a source may still say "thua-thien-hue".
 */
export const RENAMED_PROVINCES: readonly RenamedProvince[] = [
  { slug: 'thua-thien-hue', name: 'Thừa Thiên Huế', kind: 'tinh', renamedTo: 'hue', since: '2025-01-01' },
];
