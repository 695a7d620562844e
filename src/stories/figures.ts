import { fold } from './tokens';

/**
 * The figures a text reports: amounts ("86 m", "4,5 tỷ đồng", "1.240 trẻ", "0,35 m") and the
 * days it dates ("19/11"). A retelling rewords everything but these: two texts that report the
 * same specific figures, and name the same people and places, tell one event (see anchors.ts).
 */
export interface Figures {
  /** Specific amounts as numbers written plainly ("4.5", "1240"), a count under ten with the word after it ("5 ngu"); not years. */
  amounts: Set<string>;
  /** Days as "d/m" ("19/11"). */
  days: Set<string>;
  /**
   * Amounts stated exactly, by what they count ("750 gam" → gam → {750}, "8 căn nhà" → nha → {8});
   * a thing counted also with a hedge ("hơn 14.000 người") is in `hedged`, not here.
   */
  measures: Map<string, Set<number>>;
  /** What some amount counts roughly: "hơn", "gần", "khoảng", "trên", "dưới", "xấp xỉ", "ngót", "chừng" before it. */
  hedged: Set<string>;
}

/** A number with its grouping or decimal marks, maybe a day "d/m" or "d/m/yyyy". */
const NUMBER = /(?<![\p{L}\p{N}.,/])(\d+(?:[.,]\d+)*)(?:\/(\d{1,2})(?:\/\d{4})?)?(?![\p{N}/])(?:[ \t]+([\p{L}\p{M}]+)(?:[ \t]+([\p{L}\p{M}]+))?)?/gu;
/** The word just before an amount, when it makes the amount rough. */
const HEDGE = /(?:^|[^\p{L}\p{M}])(hơn|gần|khoảng|trên|dưới|xấp xỉ|ngót|chừng|tới)[ \t]+$/iu;
/**
 * What an exact amount may count for two such amounts to tell two events: weights, lengths,
 * areas, money, and things handed over, seized or built (folded). Not any word after a number:
 * "thứ 5 trên bảng", "2-0 trước Hải Phòng", "10 năm 2024" count nothing.
 */
const MEASURED = new Set(
  (
    '% gam g kg tan ta yen lit m m2 m3 km ha hecta ty trieu nghin ngan usd suat nha ho nguoi tre em hoc thi ' +
    'can chiec con xe tau cay phan vien banh bich goi bao thung tui bo may diem phong cong du doanh lao benh ca mo'
  ).split(' '),
);
/** Words that classify what follows them ("8 căn nhà", "3 chiếc xe"): the thing counted is the next word. */
const CLASSIFIERS = new Set(['can', 'chiec', 'con', 'cai', 'ngoi', 'buc', 'tam']);
/** "1.240", "38.000.000": a dot before groups of three digits groups thousands. */
const GROUPED = /^\d{1,3}(?:\.\d{3})+$/;
/** "4,5", "0,35": a comma before digits is the decimal mark. */
const DECIMAL = /^\d+,\d+$/;

/** Thousands written as a word after the number. */
const THOUSAND = new Set(['nghin', 'ngan']);

/**
 * A day written with a dash by a word for a day or its part opening a sentence, as papers date
 * the event they tell ("Ngày 18-3, …", "Sáng 20-3-2026, …"): the day "18/3". Elsewhere a dashed
 * day is as often another's (a deadline, a span's end, the storm a clean-up follows: "sau trận
 * mưa đêm 10-8"), and without such a word a dash joins a score or a range ("2-0").
 */
const DASHED_DAY = /(?<=(?:^|[.!?;:|])[ \t]*)(?:ngày|sáng|chiều|tối|trưa|đêm|khuya|hôm)[ \t]+(\d{1,2})-(\d{1,2})(?:-\d{4})?(?![\p{N}-])/giu;

export function figuresIn(text: string): Figures {
  const amounts = new Set<string>();
  const days = new Set<string>();
  for (const m of text.matchAll(DASHED_DAY)) if (Number(m[1]) >= 1 && Number(m[1]) <= 31 && Number(m[2]) >= 1 && Number(m[2]) <= 12) days.add(`${Number(m[1])}/${Number(m[2])}`);
  const measures = new Map<string, Set<number>>();
  const hedged = new Set<string>();
  for (const m of text.matchAll(NUMBER)) {
    const [, written, month, counted, next] = m;
    if (month !== undefined) {
      // "19/19 tiêu chí" is a share, not a day.
      if (/^\d{1,2}$/.test(written) && Number(written) >= 1 && Number(written) <= 31 && Number(month) >= 1 && Number(month) <= 12) days.add(`${Number(written)}/${Number(month)}`);
      continue;
    }
    let value: number;
    if (GROUPED.test(written)) value = Number(written.replaceAll('.', ''));
    else if (DECIMAL.test(written)) value = Number(written.replace(',', '.'));
    else if (/^\d+$/.test(written)) value = Number(written);
    else continue;
    // A year says when, not what.
    if (/^\d+$/.test(written) && value >= 1900 && value <= 2100) continue;
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    // "65%": a share is stated exactly as much as an amount is.
    const unit = text[m.index + written.length] === '%' ? '%' : counted;
    if (unit) measure(value, unit, next, before, measures, hedged);
    if (/^\d+$/.test(written)) {
      // A count under ten is in too many stories to tell one, unless with what it counts ("5 ngư
      // dân"): a copy reports that as written.
      if (value < 10) {
        if (counted) amounts.add(`${value} ${fold(counted)}`);
        continue;
      }
    }
    amounts.add(String(value));
    // "800 nghìn" is "800.000" written another way: both forms, as a copy may write either.
    if (counted && THOUSAND.has(fold(counted))) amounts.add(String(Number((value * 1000).toPrecision(12))));
  }
  return { amounts, days, measures, hedged };
}

function measure(value: number, counted: string, next: string | undefined, before: string, measures: Map<string, Set<number>>, hedged: Set<string>): void {
  let unit = fold(counted);
  if (CLASSIFIERS.has(unit) && next) unit = fold(next);
  if (!MEASURED.has(unit)) return;
  if (HEDGE.test(before)) hedged.add(unit);
  else measures.set(unit, (measures.get(unit) ?? new Set()).add(value));
}

/** The values both sets hold. */
export function common(a: Set<string>, b: Set<string>): string[] {
  const out: string[] = [];
  for (const v of a) if (b.has(v)) out.push(v);
  return out;
}

/** One figure is the other told rounder: rounded or cut to fewer significant digits (14.250 → 14.000, 4,56 → 4,6). */
function roundedAlike(a: number, b: number): boolean {
  if (a === b) return true;
  const [exact, round] = String(a).replace('.', '').length >= String(b).replace('.', '').length ? [a, b] : [b, a];
  for (let step = 10 ** Math.floor(Math.log10(exact)); step > 1e-6; step /= 10) {
    const r = Number((Math.round(exact / step) * step).toPrecision(12));
    const t = Number((Math.floor(exact / step) * step).toPrecision(12));
    if (r === round || t === round) return true;
    if (Number((exact / step).toPrecision(12)) % 1 === 0) break;
  }
  return false;
}

/**
 * Both texts state exactly how many of one thing, and no figure of one is the other's, even
 * rounded ("thu giữ 750 gam" / "500 gam", "bàn giao 8 căn nhà" / "11 căn nhà"): two seizures, two
 * handovers. A copy that rounds says so ("hơn", "gần", "khoảng"), and one that omits the figure
 * states nothing to differ.
 */
export function measuresDiffer(a: Figures, b: Figures): boolean {
  for (const [unit, va] of a.measures) {
    const vb = b.measures.get(unit);
    if (!vb || a.hedged.has(unit) || b.hedged.has(unit)) continue;
    let alike = false;
    for (const x of va) for (const y of vb) if (roundedAlike(x, y)) alike = true;
    if (!alike && !toldOtherwise(va, b, unit) && !toldOtherwise(vb, a, unit)) return true;
  }
  return false;
}

/**
 * One text's count of a thing is the other's count under another word ("3 học sinh" / "3 em"
 * of a group of 5 học sinh): one thing counted, told two ways.
 */
function toldOtherwise(values: Set<number>, other: Figures, unit: string): boolean {
  for (const [u, vs] of other.measures) if (u !== unit) for (const v of values) if (vs.has(v)) return true;
  return false;
}

/**
 * Both texts date what they tell, and on no day in common: two events ("Ngày 30/11, … kiểm tra
 * chợ Đông Kinh" / "Ngày 1/12, … chợ Giếng Vuông"). A copy keeps the day of the event it
 * retells, however it rewords the rest.
 */
export function daysDiffer(a: Figures, b: Figures): boolean {
  if (!a.days.size || !b.days.size) return false;
  for (const d of a.days) if (b.days.has(d)) return false;
  return true;
}
