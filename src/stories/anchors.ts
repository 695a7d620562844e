import { common, daysDiffer } from './figures';
import { BROAD_PLACES } from './places';
import type { Fingerprint } from './types';
import { NORMAL_WEIGHT } from './weights';

/**
 * A retelling: the same event told again in other words ("Khánh thành cầu treo bản Nà Pàn" /
 * "Người dân bản Nà Pàn hết cảnh lội suối nhờ cây cầu treo 4,5 tỷ đồng"). Its words share little,
 * but it reports the same specific figures and names the same people and places. Such anchors,
 * independent of each other, carry a pair whose words alone fall short of the bar; the
 * conflicts (different numbers, names in one slot, stages…) still keep look-alikes apart.
 */

/** Below this word similarity, anchors carry nothing: the texts tell too little alike. */
export const ANCHORED_FLOOR = 0.25;

export interface Anchors {
  /** Specific amounts both report ("86", "4.5"). */
  amounts: string[];
  /** Days both date ("19/11"). */
  days: string[];
  /** Names both tell, a province's or a country's left out (every item of a province names it). */
  names: string[];
  /** How many of those name administrative units (a commune and its district are one place). */
  units: number;
}

export function sharedNames(a: Fingerprint, b: Fingerprint): { names: string[]; units: number } {
  const names = new Set<string>();
  let units = 0;
  for (const [x, y] of [[a, b], [b, a]]) {
    const unitSlot = x.names.slots.get('unit');
    for (const n of x.names.named) {
      if (BROAD_PLACES.has(n) || names.has(n) || !y.markedText.includes(n)) continue;
      names.add(n);
      if (unitSlot?.has(n)) units++;
    }
  }
  return { names: [...names].map((n) => n.trim()), units };
}

/**
 * A name in one title that the other text never tells, whole or in part ("chợ Tết Bắc Hà" tells
 * "Bắc Hà"): "chùa Bổ Đà" / "Chùa Vĩnh Nghiêm" are two stories however alike their figures.
 */
export function titleNameUntold(x: Fingerprint, y: Fingerprint): boolean {
  const titleEnd = x.markedText.indexOf(' | ');
  for (const n of x.names.named) {
    const at = x.markedText.indexOf(n);
    if (at < 0 || at >= titleEnd || BROAD_PLACES.has(n) || y.markedText.includes(n)) continue;
    if (!tellsPart(n, y.names.named) && !(at === 0 && y.markedText.includes(withoutFirstWord(n)))) return true;
  }
  return false;
}

/**
 * A title's first word is capitalized whatever it is: "Người Khmer ở Trà Cú…" names "Khmer", and
 * a text telling " khmer " tells it (an empty rest tells nothing).
 */
function withoutFirstWord(name: string): string {
  const rest = name.slice(name.indexOf(' ', 1));
  return rest.trim() ? rest : '\u0000';
}

function tellsPart(name: string, names: Set<string>): boolean {
  for (const m of names) if (name.includes(m) || m.includes(name)) return true;
  return false;
}

export function anchorsOf(a: Fingerprint, b: Fingerprint): Anchors {
  return { amounts: common(a.figures.amounts, b.figures.amounts), days: common(a.figures.days, b.figures.days), ...sharedNames(a, b) };
}

/** An amount no template repeats by chance: three digits or more, or a decimal ("1.200", "7.5"). */
export const EXACT = /^\d{3,}$|^\d+\.\d+$/;
/**
 * Word similarity near the bar, where fewer anchors carry a retelling: two amounts and the
 * province (or nothing named on one side), or one exact figure and one name.
 */
const NEAR_FLOOR = 0.4;

/** Independent anchors a retelling needs: a figure, a name, and a third of either kind. */
const MIN_ANCHORS = 3;

/**
 * Enough independent anchors for one event: at least one reported figure (an amount or the
 * day) and one name, three in all, where the day counts once, small counts ("3 chốt", "4 thôn",
 * in many look-alikes of one template) once, and administrative units once (a commune and its
 * district are one place; many items of one commune share its name and the day); no name in
 * either title that the other text never tells; and each text telling something of what the
 * other's title says happened. Cheapest first: most pairs near the bar share no figure.
 */
export function anchored(a: Fingerprint, b: Fingerprint, score = 0): boolean {
  // Dated on different days, they conflict anyway (figures.ts daysDiffer).
  if (daysDiffer(a.figures, b.figures)) return false;
  let amounts = 0;
  let small = 0;
  let exact = false;
  for (const v of a.figures.amounts) {
    if (!b.figures.amounts.has(v)) continue;
    if (v.includes(' ')) small = 1;
    else if (++amounts && EXACT.test(v)) exact = true;
  }
  let day = 0;
  for (const d of a.figures.days) if (b.figures.days.has(d)) day = 1;
  const figures = amounts + small + day;
  const near = score >= NEAR_FLOOR;
  // Near the bar, a retelling keeping no figure is carried by three names of the event ("Côn Sơn", "Kiếp Bạc", "Nguyễn Trãi").
  if (figures < 1) return near && tellsTitleEvent(a, b) && tellsTitleEvent(b, a) && namesReach(a, b, MIN_ANCHORS, false) && !titleNameUntold(a, b) && !titleNameUntold(b, a);
  if (!tellsTitleEvent(a, b) || !tellsTitleEvent(b, a)) return false;
  // Three figures of one event are anchors enough: then its province is the name it needs, and a
  // retelling naming nothing at all ("Qua thanh tra, 25 doanh nghiệp nợ 18,6 tỷ đồng") needs none.
  const twoAmounts = amounts >= 2 && near;
  if ((twoAmounts || (figures >= MIN_ANCHORS && amounts >= 2)) && (a.names.named.size === 0 || b.names.named.size === 0)) return !titleNameUntold(a, b) && !titleNameUntold(b, a);
  // A retelling keeping one exact figure ("1.200 xe", "7,5 triệu đồng") and one name, its words near the bar.
  const oneExact = figures === 1 && exact && near;
  return namesReach(a, b, oneExact ? 1 : Math.max(1, MIN_ANCHORS - figures), figures >= MIN_ANCHORS || twoAmounts) && !titleNameUntold(a, b) && !titleNameUntold(b, a);
}

/** Whether the two texts share at least `need` names (administrative units counting once, a province only when `broad`), stopping when they do. */
function namesReach(a: Fingerprint, b: Fingerprint, need: number, broad: boolean): boolean {
  const seen = new Set<string>();
  const state = { count: 0, unit: false, broad };
  return countShared(a, b, need, seen, state) || countShared(b, a, need, seen, state);
}

function countShared(x: Fingerprint, y: Fingerprint, need: number, seen: Set<string>, state: { count: number; unit: boolean; broad: boolean }): boolean {
  const unitSlot = x.names.slots.get('unit');
  for (const n of x.names.named) {
    if (seen.has(n) || (BROAD_PLACES.has(n) && !state.broad) || !(y.names.named.has(n) || y.markedText.includes(n))) continue;
    seen.add(n);
    if (unitSlot?.has(n)) {
      if (state.unit) continue;
      state.unit = true;
    }
    if (++state.count >= need) return true;
  }
  return false;
}

/**
 * Whether y's text tells something of what x's title says happened, beyond names: a word of the
 * title that is no name and no grammar or template word ("cầu treo", "cháy", "đoàn"). Two items
 * of one commune and day sharing a boilerplate sentence and its figures tell different events.
 */
export function tellsTitleEvent(x: Fingerprint, y: Fingerprint): boolean {
  for (const w of x.titleWords) if ((y.all.get(w) ?? 0) >= NORMAL_WEIGHT) return true;
  return false;
}
