import { common } from './figures';
import { BROAD_PLACES } from './places';
import type { Fingerprint } from './types';

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

function sharedNames(a: Fingerprint, b: Fingerprint): { names: string[]; units: number } {
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
function titleNameUntold(x: Fingerprint, y: Fingerprint): boolean {
  const titleEnd = x.markedText.indexOf(' | ');
  for (const n of x.names.named) {
    const at = x.markedText.indexOf(n);
    if (at < 0 || at >= titleEnd || BROAD_PLACES.has(n) || y.markedText.includes(n)) continue;
    if (![...y.names.named].some((m) => n.includes(m) || m.includes(n))) return true;
  }
  return false;
}

export function anchorsOf(a: Fingerprint, b: Fingerprint): Anchors {
  return { amounts: common(a.figures.amounts, b.figures.amounts), days: common(a.figures.days, b.figures.days), ...sharedNames(a, b) };
}

/** Independent anchors a retelling needs: a figure, a name, and a third of either kind. */
const MIN_ANCHORS = 3;

/**
 * Enough independent anchors for one event: at least one reported figure (an amount or the
 * day) and one name, three in all, where the day counts once, small counts once, and administrative units once (a
 * commune and its district are one place; many items of one commune share its name and the
 * day); and no name in either title that the other text never tells.
 */
export function anchored(a: Fingerprint, b: Fingerprint): boolean {
  if (!a.figures.amounts.size && !a.figures.days.size) return false;
  const { amounts, days, names, units } = anchorsOf(a, b);
  // Small counts ("3 chốt", "4 thôn") are in many look-alikes of one template: together they count once, as the day does.
  const small = amounts.filter((v) => v.includes(' ')).length;
  const figures = amounts.length - small + Math.min(small, 1) + Math.min(days.length, 1);
  const named = names.length - units + Math.min(units, 1);
  return figures >= 1 && named >= 1 && figures + named >= MIN_ANCHORS && !titleNameUntold(a, b) && !titleNameUntold(b, a);
}
