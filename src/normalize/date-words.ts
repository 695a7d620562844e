import { ENGLISH_MONTHS, fullYear, isValidDay, type Ymd } from './date-parts';

/**
 * Days whose month is a word, on cleaned text (lower case, weekdays removed): Vietnamese month
 * names ("7 tháng mười hai, 2024", WordPress's "tháng mười hai 7, 2024"), month first with the
 * short "thg" of the Vietnamese locale ("thg 12 7, 2024") and
 * English days ("december 7, 2024", "dec 7, 2024": WordPress's default format; "7 dec 2024").
 */

export interface WordDay {
  day: Ymd | null;
  index: number;
  length: number;
}

/** Vietnamese month names, longest first (`mười hai` before `mười`); `giêng` and `chạp` are the first and last months. */
const VI_MONTHS: Array<[string, number]> = [
  ['mười hai', 12], ['mười một', 11], ['mười', 10], ['một', 1], ['giêng', 1], ['hai', 2], ['ba', 3], ['tư', 4], ['bốn', 4],
  ['năm', 5], ['sáu', 6], ['bảy', 7], ['bẩy', 7], ['tám', 8], ['chín', 9], ['chạp', 12],
];
const VI_MONTH = VI_MONTHS.map(([w]) => w).join('|');
const MONTH = `(?:tháng|thg)\\s*(\\d{1,2}|${VI_MONTH})(?![\\p{L}\\d])`;

const monthNumber = (written: string): number => (/^\d/.test(written) ? Number(written) : (VI_MONTHS.find(([w]) => w === written)?.[1] ?? 0));

/** `7 tháng mười hai, 2024`, `7 tháng mười hai năm 2024` (a month in figures, `07 thg 12, 2024`, is date.ts's `WORDS`). */
const DAY_MONTH = new RegExp(`(?<!\\d)(\\d{1,2})\\s*${MONTH}\\s*(?:,|năm|\\/|-)?\\s*(\\d{4})(?!\\d)`, 'u');
/** `tháng mười hai 7, 2024`, `thg 12 7, 2024`. */
const MONTH_DAY = new RegExp(`(?<![\\p{L}\\d])${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})(?!\\d)`, 'u');

/**
 * `december 7, 2024`, `dec. 7th, 2024`; without the comma only before a time (`dec 07 2024
 * 08:15`, JavaScript's and .NET's date text), so "May 10 2024" in a name is no date.
 */
const EN_MONTH_DAY = /(?<![\p{L}\d])(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,\s*(\d{4})|\s+(\d{4})(?=\s+\d{1,2}:\d{2}))(?!\d)/u;
/** `7 dec 2024`, `07-dec-2024` where RFC 822's shape did not take it (a time with AM/PM after it). */
const EN_DAY_MONTH = /(?<![\p{L}\d])(\d{1,2})(?:\s+|-)(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?(?:\s+|-)(\d{4})(?!\d)/u;

const found = (day: Ymd, m: RegExpExecArray): WordDay => ({ day: isValidDay(day) ? day : null, index: m.index, length: m[0].length });

export function vietnameseMonthDay(s: string): WordDay | null {
  const a = DAY_MONTH.exec(s);
  if (a && !/^\d/.test(a[2])) return found({ y: Number(a[3]), m: monthNumber(a[2]), d: Number(a[1]) }, a);
  const b = MONTH_DAY.exec(s);
  if (b) return found({ y: Number(b[3]), m: monthNumber(b[1]), d: Number(b[2]) }, b);
  return null;
}

/** An English day with its month's name, month first or day first, whichever the text writes first. */
export function englishMonthDay(s: string, now: Date): WordDay | null {
  const a = EN_MONTH_DAY.exec(s);
  const b = EN_DAY_MONTH.exec(s);
  if (a && (!b || a.index <= b.index)) return found({ y: fullYear(a[3] ?? a[4], now), m: ENGLISH_MONTHS.indexOf(a[1]) + 1, d: Number(a[2]) }, a);
  if (b) return found({ y: fullYear(b[3], now), m: ENGLISH_MONTHS.indexOf(b[2]) + 1, d: Number(b[1]) }, b);
  return null;
}
