import { CURRENT_PROVINCES, FORMER_PROVINCES, RENAMED_PROVINCES } from '../regions';
import { marked } from './tokens';
import type { Fingerprint } from './types';

/**
 * Which provinces a text tells of: a commune, a ward or a market town of one name is in many
 * provinces ("phường Long Bình" of Đồng Nai and of Hồ Chí Minh City, "xã Tam Nông" of Phú Thọ and
 * of Đồng Tháp), and a portal names its province beside it ("phường Long Bình (Đồng Nai)"). Two
 * texts each naming provinces, none the other names, tell of two places however alike their
 * words. A former province is read as the one it is part of now (a former province's paper
 * names it), and a province's name after a unit's kind word is that unit ("xã Quảng Ninh" of
 * Thanh Hóa), not the province.
 */

const written = (name: string) => name.normalize('NFC').split(' ').map(marked).join(' ');

/** Marked names → the current province's slug. */
const CURRENT = new Map<string, string>();
for (const p of CURRENT_PROVINCES) CURRENT.set(written(p.name), p.slug);
for (const p of FORMER_PROVINCES) if (!CURRENT.has(written(p.name))) CURRENT.set(written(p.name), p.mergedInto);
for (const p of RENAMED_PROVINCES) CURRENT.set(written(p.name), p.renamedTo);
// Hồ Chí Minh City as portals shorten it ("TP.HCM", "TPHCM").
for (const short of ['tp hcm', 'tphcm', 'hcm']) CURRENT.set(short, CURRENT.get(written('Hồ Chí Minh')) ?? 'ho-chi-minh');

/** A province's name after one of these is a unit's (or a street's) of that name. */
const UNIT_BEFORE = '(?<!(?:xã|phường|huyện|quận|thị trấn|thị xã|đặc khu|đường|(?<!thành )phố|cầu|chợ|bến|ấp|thôn|bản|khu|vực|trường) )';
const NAMES = [...CURRENT.keys()].sort((x, y) => y.length - x.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
const PROVINCE = new RegExp(`${UNIT_BEFORE}(?<= )(${NAMES.join('|')})(?= )`, 'gu');

const told = new WeakMap<Fingerprint, Set<string>>();

/** The current provinces a text names (slugs). */
export function provincesOf(x: Fingerprint): Set<string> {
  let out = told.get(x);
  if (!out) {
    out = new Set();
    for (const m of x.markedText.matchAll(PROVINCE)) out.add(CURRENT.get(m[1])!);
    told.set(x, out);
  }
  return out;
}

/**
 * Both texts name provinces, and none that one names is named by the other. Not where a summary
 * was cut short or left out: it may have dropped the province the other names.
 */
export function provincesDiffer(a: Fingerprint, b: Fingerprint): boolean {
  if (a.cut || b.cut || !a.summary.size || !b.summary.size) return false;
  const pa = provincesOf(a);
  const pb = provincesOf(b);
  if (!pa.size || !pb.size) return false;
  for (const p of pa) if (pb.has(p)) return false;
  return true;
}
