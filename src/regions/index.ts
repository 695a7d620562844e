/**
 * Lookups over the province table (provinces.ts): which province a slug names, where a former
 * province went in 2025, which source regions a province feed covers, and titles in Vietnamese.
 */
import {
  CURRENT_PROVINCES,
  FORMER_PROVINCES,
  RENAMED_PROVINCES,
  type ProvinceKind,
} from './provinces';

export type { ProvinceKind } from './provinces';
export { CURRENT_PROVINCES, FORMER_PROVINCES, RENAMED_PROVINCES } from './provinces';

export interface ProvinceInfo {
  slug: string;
  /** Vietnamese name without the kind word, NFC: "Bắc Kạn". */
  name: string;
  /** Its kind under this slug: today's for a current province, the old one for a former. */
  kind: ProvinceKind;
  /** True for the 34 provinces since 1 July 2025. */
  current: boolean;
  /** Today's province this slug belongs to: itself when current. */
  mergedInto: string;
  /** How a former slug reached today's province: merged into it, or renamed to it. */
  change?: 'merged' | 'renamed';
  /** For a current province, the former provinces merged into it (not itself); else []. */
  formerProvinces: string[];
  /** A current province's kind change since 1 July 2025 (Đồng Nai, 2026-04-30). */
  kindChange?: { on: string; before: ProvinceKind };
}

function buildIndex(): Map<string, ProvinceInfo> {
  const bySlug = new Map<string, ProvinceInfo>();
  for (const p of CURRENT_PROVINCES) {
    bySlug.set(p.slug, {
      slug: p.slug,
      name: p.name,
      kind: p.kind,
      current: true,
      mergedInto: p.slug,
      formerProvinces: [...p.absorbed],
      ...(p.kindChange ? { kindChange: p.kindChange } : {}),
    });
  }
  // A former province that shares its slug with a current one (the namesake or an unchanged
  // province) is the current one: the slug means today's province.
  for (const p of FORMER_PROVINCES) {
    if (bySlug.has(p.slug)) continue;
    bySlug.set(p.slug, {
      slug: p.slug,
      name: p.name,
      kind: p.kind,
      current: false,
      mergedInto: p.mergedInto,
      change: 'merged',
      formerProvinces: [],
    });
  }
  for (const p of RENAMED_PROVINCES) {
    const target = FORMER_PROVINCES.find((f) => f.slug === p.renamedTo);
    bySlug.set(p.slug, {
      slug: p.slug,
      name: p.name,
      kind: p.kind,
      current: false,
      mergedInto: target?.mergedInto ?? p.renamedTo,
      change: 'renamed',
      formerProvinces: [],
    });
  }
  return bySlug;
}

const BY_SLUG = buildIndex();

/** Today's province, a former one (merged in 2025), or an older name; undefined when unknown. */
export function findProvince(slug: string): ProvinceInfo | undefined {
  return BY_SLUG.get(slug);
}

/** The current province a slug belongs to: "bac-kan" → "thai-nguyen", "thai-nguyen" → itself. */
export function currentProvinceOf(slug: string): string | undefined {
  return BY_SLUG.get(slug)?.mergedInto;
}

/** Former provinces merged into a current one ("thai-nguyen" → ["bac-kan"]); [] otherwise. */
export function formerProvincesOf(slug: string): string[] {
  return [...(BY_SLUG.get(slug)?.formerProvinces ?? [])];
}

/**
 * The `region.province` values a province feed covers: a current province's own slug, the
 * former provinces merged into it and its older names ("hue" → ["hue", "thua-thien-hue"]);
 * a former province covers only itself. [] for an unknown slug.
 */
export function provinceSlugsFor(slug: string): string[] {
  const info = BY_SLUG.get(slug);
  if (!info) return [];
  if (!info.current) return [slug];
  const covered = [slug, ...info.formerProvinces];
  for (const r of RENAMED_PROVINCES) {
    if (covered.includes(r.renamedTo)) covered.push(r.slug);
  }
  return covered;
}

const KIND_WORD: Record<ProvinceKind, string> = { tinh: 'tỉnh', 'thanh-pho': 'thành phố' };

/**
 * A province's kind on a day (ISO date, Vietnam time; absent = today's kind): Đồng Nai is
 * "thanh-pho" from 2026-04-30 and "tinh" before. Undefined for an unknown slug.
 */
export function provinceKindOn(slug: string, day?: string): ProvinceKind | undefined {
  const info = BY_SLUG.get(slug);
  if (!info) return undefined;
  return typeof day === 'string' && info.kindChange && day < info.kindChange.on ? info.kindChange.before : info.kind;
}

function plainTitle(info: ProvinceInfo, day?: string): string {
  return `${KIND_WORD[provinceKindOn(info.slug, day) ?? info.kind]} ${info.name}`;
}

/**
 * Title for feeds and pages: "tỉnh Thái Nguyên", "thành phố Hà Nội", "thành phố Đồng Nai"
 * (on a `day` before 2026-04-30: "tỉnh Đồng Nai");
 * a former province says where it went: "tỉnh Bắc Kạn (cũ, nay thuộc tỉnh Thái Nguyên)",
 * "tỉnh Thừa Thiên Huế (cũ, nay là thành phố Huế)". An unknown slug is title-cased as is.
 * Lowercase kind word, as inside a sentence; callers capitalize at the start of a title.
 */
export function provinceTitle(slug: string, day?: string): string {
  const info = BY_SLUG.get(slug);
  if (!info) return titleCaseSlug(slug);
  if (info.current) return plainTitle(info, day);
  const today = BY_SLUG.get(info.mergedInto);
  const now = today ? plainTitle(today, day) : info.mergedInto;
  const link = info.change === 'renamed' ? 'nay là' : 'nay thuộc';
  return `${plainTitle(info)} (cũ, ${link} ${now})`;
}

/** Every province slug a source or a route may use, current and former, A to Z. */
export function knownProvinceSlugs(): string[] {
  return [...BY_SLUG.keys()].sort();
}

/** The 34 current province slugs, A to Z. */
export function currentProvinceSlugs(): string[] {
  return CURRENT_PROVINCES.map((p) => p.slug).sort();
}

/** Kinds of the district level (abolished 1 July 2025; archives still carry it). */
export type DistrictKind = 'huyen' | 'quan' | 'thi-xa' | 'thanh-pho';

const DISTRICT_WORD: Record<DistrictKind, string> = {
  huyen: 'huyện',
  quan: 'quận',
  'thi-xa': 'thị xã',
  'thanh-pho': 'thành phố',
};

/** "cho-don" → "Cho Don": the best a diacritic-free slug allows. */
export function titleCaseSlug(slug: string): string {
  return slug
    .split('-')
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/**
 * Title of a district: "huyện Chợ Đồn" given the display name and kind. Slugs carry no
 * diacritics, so without a name the slug is title-cased ("Cho Don"); without a kind there
 * is no kind word (a district may be a huyện, quận, thị xã or thành phố).
 */
export function districtTitle(slug: string, display: { name?: string; kind?: DistrictKind } = {}): string {
  const name = display.name?.trim().normalize('NFC') || titleCaseSlug(slug);
  if (!display.kind) return name;
  const word = DISTRICT_WORD[display.kind];
  // The name may already carry its kind word ("Huyện Chợ Đồn").
  if (name.toLowerCase().startsWith(`${word} `)) return word + name.slice(word.length);
  return `${word} ${name}`;
}

export {
  allCommunes,
  communesOf,
  communeTitle,
  describeCommune,
  findCommune,
  isCommuneCode,
  nearestCommunes,
  provinceCodeOf,
  resolveCommune,
  searchCommunes,
  type Commune,
  type CommuneKind,
  type CommuneLookup,
} from './communes';
export { UNITS_SOURCE } from './units.generated';
