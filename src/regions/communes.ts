/**
 * Lookups over the commune-level units of today (units.generated.ts): by GSO code (the
 * identity), by ASCII slug (not unique: "van-lang" is both Xã Văn Lang 02143 and Xã Văn Lăng
 * 05665 in Thái Nguyên), by words without diacritics, and the nearest units to a wrong one.
 */
import { foldForSearch } from '../vietnamese';
import { CURRENT_PROVINCES } from './provinces';
import type { CommuneKind } from './unit-types';
import { PROVINCE_UNITS } from './units.generated';

export type { CommuneKind } from './unit-types';

export interface Commune {
  /** Five-digit GSO code: "02143". */
  code: string;
  /** Vietnamese name without the kind word, NFC: "Văn Lang". */
  name: string;
  kind: CommuneKind;
  /** ASCII slug, unique only with the code: "van-lang". */
  slug: string;
  /** Slug of today's province it belongs to. */
  province: string;
}

/** A five-digit value names a commune of today by its code; anything else is a label. */
export const isCommuneCode = (value: string): boolean => /^\d{5}$/.test(value);

interface Index {
  byCode: Map<string, Commune>;
  byProvince: Map<string, Commune[]>;
  /** Folded names, "van lang", for word search. */
  folded: Map<string, string>;
  provinceCode: Map<string, string>;
}

let index: Index | null = null;

/** Built on first use: a request that never asks about communes pays nothing. */
function units(): Index {
  if (index) return index;
  const byCode = new Map<string, Commune>();
  const byProvince = new Map<string, Commune[]>();
  const folded = new Map<string, string>();
  const provinceCode = new Map<string, string>();
  for (const p of PROVINCE_UNITS) {
    provinceCode.set(p.slug, p.code);
    const list: Commune[] = [];
    for (const [code, kind, name, slug] of p.communes) {
      const c: Commune = { code, name, kind, slug, province: p.slug };
      byCode.set(code, c);
      folded.set(code, foldForSearch(name));
      list.push(c);
    }
    byProvince.set(p.slug, list);
  }
  index = { byCode, byProvince, folded, provinceCode };
  return index;
}

/** The two-digit GSO code of a province of today ("thai-nguyen" → "19"); undefined otherwise. */
export function provinceCodeOf(province: string): string | undefined {
  return units().provinceCode.get(province);
}

export function findCommune(code: string): Commune | undefined {
  return units().byCode.get(code);
}

/** Every commune of today, by province of today then code. */
export function allCommunes(): Commune[] {
  return [...units().byCode.values()];
}

/**
 * The communes of a province of today, in code order; a former province's slug gives the
 * communes of the province it is part of now ("bac-kan" → Thái Nguyên's). [] when unknown.
 */
export function communesOf(province: string): Commune[] {
  const today = CURRENT_PROVINCES.some((p) => p.slug === province)
    ? province
    : PROVINCE_FORMER_TO_CURRENT.get(province);
  return [...((today && units().byProvince.get(today)) || [])];
}

// Former province → today's, without importing index.ts (which re-exports this module).
const PROVINCE_FORMER_TO_CURRENT = new Map<string, string>(
  CURRENT_PROVINCES.flatMap((p) => p.absorbed.map((f): [string, string] => [f, p.slug])),
);

const KIND_WORD: Record<CommuneKind, string> = { xa: 'xã', phuong: 'phường', 'dac-khu': 'đặc khu' };

/** "xã Văn Lang", "phường Ba Đình", "đặc khu Phú Quốc": lowercase kind word, as inside a sentence. */
export function communeTitle(c: Pick<Commune, 'kind' | 'name'>): string {
  return `${KIND_WORD[c.kind]} ${c.name}`;
}

/**
 * Communes whose names hold every word of `text` at a word start, diacritics and case ignored
 * ("van lang" finds Văn Lang and Văn Lăng; "02143" finds that code), within a province when
 * given (a former province's slug searches today's), in code order.
 */
export function searchCommunes(text: string, province?: string): Commune[] {
  const words = foldForSearch(text).split(' ').filter(Boolean);
  if (!words.length) return [];
  const pool = province ? communesOf(province) : allCommunes();
  const { folded } = units();
  return pool.filter((c) => {
    if (words.length === 1 && c.code === words[0]) return true;
    const name = ` ${folded.get(c.code)}`;
    return words.every((w) => name.includes(` ${w}`));
  });
}

/** Edit distance between two short strings (suggestions only, never on a hot path). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}

/**
 * The known units nearest to a wrong value, best first: by code distance for a code, by
 * spelling for a name or slug; within a province when given.
 */
export function nearestCommunes(value: string, province?: string, n = 3): Commune[] {
  const pool = province ? communesOf(province) : allCommunes();
  const score = isCommuneCode(value)
    ? (c: Commune) => Math.abs(Number(c.code) - Number(value))
    : (() => {
        const key = foldForSearch(value.replace(/-/g, ' '));
        const { folded } = units();
        return (c: Commune) => distance(key, folded.get(c.code)!);
      })();
  return pool
    .map((c) => ({ c, s: score(c) }))
    .sort((a, b) => a.s - b.s || a.c.code.localeCompare(b.c.code))
    .slice(0, n)
    .map((x) => x.c);
}

export type CommuneLookup =
  | { ok: true; commune: Commune }
  /** unknown: nothing by that code or slug; ambiguous: a slug several communes share; elsewhere: the code is another province's. */
  | { ok: false; reason: 'unknown' | 'ambiguous' | 'elsewhere'; candidates: Commune[] };

/**
 * A commune named by its code or by an unambiguous slug, within a province when given (a
 * former province's slug stands for the province it is part of now). On failure, the
 * candidates: the communes sharing an ambiguous slug, the nearest known ones, or, for a code
 * of another province, that commune.
 */
export function resolveCommune(value: string, province?: string): CommuneLookup {
  const inProvince = province ? new Set(communesOf(province).map((c) => c.code)) : null;
  if (isCommuneCode(value)) {
    const c = findCommune(value);
    if (!c) return { ok: false, reason: 'unknown', candidates: nearestCommunes(value, province) };
    if (inProvince && !inProvince.has(c.code)) return { ok: false, reason: 'elsewhere', candidates: [c] };
    return { ok: true, commune: c };
  }
  const pool = province ? communesOf(province) : allCommunes();
  const matches = pool.filter((c) => c.slug === value);
  if (matches.length === 1) return { ok: true, commune: matches[0] };
  if (matches.length > 1) return { ok: false, reason: 'ambiguous', candidates: matches };
  return { ok: false, reason: 'unknown', candidates: nearestCommunes(value, province) };
}

/** "02143 (xã Văn Lang, thai-nguyen)": how errors and suggestions name a commune. */
export const describeCommune = (c: Commune): string => `${c.code} (${communeTitle(c)}, ${c.province})`;
