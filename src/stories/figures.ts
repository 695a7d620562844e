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
}

/** A number with its grouping or decimal marks, maybe a day "d/m" or "d/m/yyyy". */
const NUMBER = /(?<![\p{L}\p{N}.,/])(\d+(?:[.,]\d+)*)(?:\/(\d{1,2})(?:\/\d{4})?)?(?![\p{N}/])(?:[ \t]+([\p{L}\p{M}]+))?/gu;
/** "1.240", "38.000.000": a dot before groups of three digits groups thousands. */
const GROUPED = /^\d{1,3}(?:\.\d{3})+$/;
/** "4,5", "0,35": a comma before digits is the decimal mark. */
const DECIMAL = /^\d+,\d+$/;

export function figuresIn(text: string): Figures {
  const amounts = new Set<string>();
  const days = new Set<string>();
  for (const m of text.matchAll(NUMBER)) {
    const [, written, month, counted] = m;
    if (month !== undefined) {
      // "19/19 tiêu chí" is a share, not a day.
      if (/^\d{1,2}$/.test(written) && Number(written) >= 1 && Number(written) <= 31 && Number(month) >= 1 && Number(month) <= 12) days.add(`${Number(written)}/${Number(month)}`);
      continue;
    }
    let value: number;
    if (GROUPED.test(written)) value = Number(written.replaceAll('.', ''));
    else if (DECIMAL.test(written)) value = Number(written.replace(',', '.'));
    else if (/^\d+$/.test(written)) {
      value = Number(written);
      // A year says when, not what. A count under ten is in too many stories to tell one, unless
      // with what it counts ("5 ngư dân"): a copy reports that as written.
      if (value >= 1900 && value <= 2100) continue;
      if (value < 10) {
        if (counted) amounts.add(`${value} ${fold(counted)}`);
        continue;
      }
    } else continue;
    amounts.add(String(value));
  }
  return { amounts, days };
}

/** The values both sets hold. */
export function common(a: Set<string>, b: Set<string>): string[] {
  const out: string[] = [];
  for (const v of a) if (b.has(v)) out.push(v);
  return out;
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
