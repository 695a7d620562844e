/**
 * The figures a text reports: amounts ("86 m", "4,5 tỷ đồng", "1.240 trẻ", "0,35 m") and the
 * days it dates ("19/11"). A retelling rewords everything but these: two texts that report the
 * same specific figures, and name the same people and places, tell one event (see anchors.ts).
 */
export interface Figures {
  /** Specific amounts as numbers written plainly ("4.5", "1240"): not years, not one-digit counts. */
  amounts: Set<string>;
  /** Days as "d/m" ("19/11"). */
  days: Set<string>;
}

/** A number with its grouping or decimal marks, maybe a day "d/m" or "d/m/yyyy". */
const NUMBER = /(?<![\p{L}\p{N}.,/])(\d+(?:[.,]\d+)*)(?:\/(\d{1,2})(?:\/\d{4})?)?(?![\p{N}/])/gu;
/** "1.240", "38.000.000": a dot before groups of three digits groups thousands. */
const GROUPED = /^\d{1,3}(?:\.\d{3})+$/;
/** "4,5", "0,35": a comma before digits is the decimal mark. */
const DECIMAL = /^\d+,\d+$/;

export function figuresIn(text: string): Figures {
  const amounts = new Set<string>();
  const days = new Set<string>();
  for (const m of text.matchAll(NUMBER)) {
    const [, written, month] = m;
    if (month !== undefined) {
      if (/^\d{1,2}$/.test(written)) days.add(`${Number(written)}/${Number(month)}`);
      continue;
    }
    let value: number;
    if (GROUPED.test(written)) value = Number(written.replaceAll('.', ''));
    else if (DECIMAL.test(written)) value = Number(written.replace(',', '.'));
    else if (/^\d+$/.test(written)) {
      value = Number(written);
      // A year says when, not what; a count under ten is in too many stories to tell one.
      if ((value >= 1900 && value <= 2100) || value < 10) continue;
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
