import { BROAD_PLACES } from './places';
import type { Fingerprint } from './types';

/**
 * Names by the slot they fill (places.ts): two texts naming different things in one slot tell
 * different news ("xã Bằng Vân" / "xã Thượng Quan", "cầu treo Khuổi Nộc" / "cầu treo Nà Làng").
 * Names are marked words between spaces, as in Fingerprint.markedText: " keo hành thiện ".
 */

/** Slots that say nothing of what a name is: a sentence's start. */
const NO_ROLE = '^';
/** The slot of administrative units (places.ts). */
const UNIT = 'unit';

function onlyAsUnit(name: string, y: Fingerprint): boolean {
  for (const [slot, names] of y.names.slots) if (slot !== UNIT && names.has(name)) return false;
  return true;
}

/**
 * Whether `name`, named by `x`, is one of a slot's names of `y`: the same, or a shorter or longer
 * form of it. A name that another extends at its end is that one only when the extra words are
 * told in the shorter one's text ("Công Thương" / "Công Thương Lạng Sơn" where the other text
 * names Lạng Sơn); otherwise it is another ("chùa Keo" / "chùa Keo Hành Thiện").
 */
function holdsName(slot: string, names: Set<string>, name: string, x: Fingerprint, y: Fingerprint): boolean {
  if (names.has(name)) return true;
  const broad = BROAD_PLACES.has(name);
  for (const n of names) {
    // A unit whose name is another unit's tail is that other unit's neighbour ("phường Đồ Sơn" / "phường Nam Đồ Sơn").
    if (slot === UNIT && !broad && (n.endsWith(name) || name.endsWith(n)) && n !== name) continue;
    // A province is held by a unit named after it ("thành phố Thái Bình" is in "tỉnh Thái Bình").
    if (broad && n.endsWith(name)) return true;
    if (n.startsWith(name)) {
      if (toldExtra(n.slice(name.length - 1), x)) return true;
    } else if (name.startsWith(n)) {
      if (toldExtra(name.slice(n.length - 1), y)) return true;
    } else if ((n.includes(name) && !broad) || (name.includes(n) && !BROAD_PLACES.has(n))) return true;
  }
  return false;
}

/** The words a longer name adds are told by the shorter one's text, or are a province's name ("Sở Công Thương Lạng Sơn"). */
const toldExtra = (extra: string, shorter: Fingerprint) => BROAD_PLACES.has(extra) || shorter.markedText.includes(extra);

/**
 * A province's name and a unit's in one role other than a unit's ("nông dân Thái Nguyên" / "nông
 * dân Tân Cương"), where the province's text names that unit: the unit, told by its province.
 */
function inItsProvince(n: string, x: Fingerprint, ny: Set<string>, y: Fingerprint): boolean {
  const xUnits = x.names.slots.get(UNIT);
  const yUnits = y.names.slots.get(UNIT);
  for (const m of ny) {
    if (BROAD_PLACES.has(n) && !BROAD_PLACES.has(m) && xUnits?.has(m)) return true;
    if (BROAD_PLACES.has(m) && !BROAD_PLACES.has(n) && yUnits?.has(n)) return true;
  }
  return false;
}

/** What a slot's names not in the other's same slot are to the other text: one absent from it, else one there but read as no name or in another role, else none. */
const NONE = 0;
const UNREAD = 1;
const ABSENT = 2;
function onlyIn(slot: string, nx: Set<string>, x: Fingerprint, ny: Set<string>, y: Fingerprint): number {
  let found = NONE;
  for (const n of nx) {
    if (holdsName(slot, ny, n, x, y) || (slot !== UNIT && inItsProvince(n, x, ny, y))) continue;
    // Named by the other text only as an administrative unit ("phường Đông Kinh" for x's "chợ Đông
    // Kinh"): a market, a school, a bridge named after their commune are not the commune, and the
    // other's different name in this slot is another one of them.
    if (y.names.named.has(n) && (slot === UNIT || slot === NO_ROLE || !onlyAsUnit(n, y))) continue;
    if (!y.markedText.includes(n) && !mayBeUntold(slot, n, x, ny, y)) return ABSENT;
    found = UNREAD;
  }
  return found;
}

/**
 * A name absent from the other text that still tells no other thing: a place a title opens
 * with, around the places the other names; a province a place or a title is prefixed with
 * ("Nghệ An: …", "xã Tam Quang, tỉnh Nghệ An") where the other names no province there, the
 * province of the place both tell or the one telling the story; or a
 * name of x's summary where y's summary was cut short by its portal or left out, which may have
 * dropped it.
 */
function mayBeUntold(slot: string, n: string, x: Fingerprint, ny: Set<string>, y: Fingerprint): boolean {
  if ((y.cut || y.summary.size === 0) && x.markedText.indexOf(n) > x.markedText.indexOf(' | ')) return true;
  // The place a title opens with ("KRÔNG PẮC: …"), where x tells every place y names there: the
  // teller's district or province, around the place both tell.
  if (slot === UNIT && x.markedText.startsWith(n) && [...ny].every((m) => x.markedText.includes(m))) return true;
  // A unit of x's title where y's title opens with its province and names no unit ("Xã Mù Cang
  // Chải khai mạc …" / "Lào Cai: Khai mạc …"): the province's portal retelling its commune's news.
  if (slot === UNIT && x.markedText.indexOf(n) < x.markedText.indexOf(' | ') && [...ny].every((m) => BROAD_PLACES.has(m) && y.markedText.startsWith(m))) return true;
  if (!BROAD_PLACES.has(n) || (slot !== UNIT && slot !== NO_ROLE)) return false;
  for (const m of ny) if (BROAD_PLACES.has(m)) return false;
  return true;
}

/**
 * One text names a thing in a slot by a single word that the other's name in that slot starts
 * with, and never tells the rest of it: "chùa Keo" / "chùa Keo Hành Thiện".
 */
function prefixNamed(x: Fingerprint, y: Fingerprint): boolean {
  for (const [slot, words] of x.names.singles) {
    const names = y.names.slots.get(slot);
    if (!names) continue;
    for (const w of words) {
      for (const n of names) if (n.startsWith(w) && !x.markedText.includes(n) && !toldExtra(n.slice(w.length - 1), x)) return true;
    }
  }
  return false;
}

/**
 * In some slot each text names what the other does not there, one of those names is nowhere in
 * the other text, and the other one is either nowhere in the first text either, or there but as
 * no name it could read (an all-capitals title: "HỒ BA BỂ" does not make "xã Ba Bể" the same as
 * "xã Chợ Rã") or in another role. A name told on one side only is no contradiction; a
 * different name in the same role is, and so is a shorter name in that role.
 */
export function slotsDiffer(a: Fingerprint, b: Fingerprint): boolean {
  for (const [slot, na] of a.names.slots) {
    const nb = b.names.slots.get(slot);
    if (!nb) continue;
    const aOnly = onlyIn(slot, na, a, nb, b);
    if (aOnly === NONE) continue;
    const bOnly = onlyIn(slot, nb, b, na, a);
    if ((aOnly === ABSENT && bOnly !== NONE) || (bOnly === ABSENT && aOnly !== NONE)) return true;
  }
  return prefixNamed(a, b) || prefixNamed(b, a);
}
