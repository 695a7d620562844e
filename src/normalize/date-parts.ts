/**
 * Building blocks of the date parser: calendar days, clock times, zone offsets and
 * the instant they make together. Everything works on cleaned text (see date.ts:
 * entities decoded, NFC, lower case, single spaces).
 */
/** Vietnam has no daylight saving: always UTC+07:00. */
export const VIETNAM_OFFSET_MINUTES = 420;

/** English months' first three letters, January first (RFC 822 and written English days). */
export const ENGLISH_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A date found in text, and whether the text gave its time of day. */
export interface ParsedDate {
  date: Date;
  hasTime: boolean;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export interface Hms {
  h: number;
  mi: number;
  s: number;
}

/** Text with the part at [index, index + length) blanked out, so later searches skip it. */
export function without(text: string, index: number, length: number): string {
  return `${text.slice(0, index)} ${text.slice(index + length)}`;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Impossible days (31/02, month 13) are rejected, never rolled over. */
export function isValidDay({ y, m, d }: Ymd): boolean {
  return y >= 1900 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Two-digit years: this century unless that lands more than a year ahead of now. */
export function fullYear(digits: string, now: Date): number {
  const n = Number(digits);
  if (digits.length !== 2) return n;
  const y = 2000 + n;
  return y > vietnamDay(now).y + 1 ? y - 100 : y;
}

/** The calendar day it is in Vietnam at `now`. */
export function vietnamDay(now: Date): Ymd {
  const v = new Date(now.getTime() + VIETNAM_OFFSET_MINUTES * MINUTE_MS);
  return { y: v.getUTCFullYear(), m: v.getUTCMonth() + 1, d: v.getUTCDate() };
}

export function addDays(day: Ymd, n: number): Ymd {
  const t = new Date(Date.UTC(day.y, day.m - 1, day.d) + n * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** Months back or forth, keeping the day where the month has it (31 March - 1 month = 28/29 Feb). */
export function addMonths(day: Ymd, n: number): Ymd {
  const total = day.y * 12 + (day.m - 1) + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return { y, m, d: Math.min(day.d, daysInMonth(y, m)) };
}

/**
 * The instant of a day and time written at `offsetMinutes` east of UTC.
 * Without a time: 00:00 Vietnam time, whatever zone was written.
 */
export function toParsed(day: Ymd, time: Hms | null, offsetMinutes = VIETNAM_OFFSET_MINUTES): ParsedDate {
  const t = time ?? { h: 0, mi: 0, s: 0 };
  const offset = time ? offsetMinutes : VIETNAM_OFFSET_MINUTES;
  const ms = Date.UTC(day.y, day.m - 1, day.d, t.h, t.mi, t.s) - offset * MINUTE_MS;
  return { date: new Date(ms), hasTime: time !== null };
}

// ---- clock time -------------------------------------------------------------

/** `08:30`, `8:30:00`, `15h30`, `14g35`, `15 giờ 30 phút`, optionally followed by AM/PM or Vietnamese SA/CH (sáng/chiều/tối). */
const TIME = /(?<![\d:.])(\d{1,2})(?::|h|g|\s*giờ\s*)(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?!\d)(?:\s*phút(?!\p{L}))?(?:\s*(a\.?m\.?|p\.?m\.?|sa|ch|sáng|chiều|tối)(?!\p{L}))?/u;
const AFTERNOON = /^(p|ch|chiều|tối)/u;

export type TimeFound = { time: Hms; end: number } | 'invalid' | null;

/** The first clock time in text; 'invalid' when it is impossible (25:00, 08:61). */
export function findTime(text: string): TimeFound {
  const m = TIME.exec(text);
  if (!m) return null;
  let h = Number(m[1]);
  const mi = Number(m[2]);
  const s = m[3] ? Number(m[3]) : 0;
  const meridiem = m[4];
  if (meridiem) {
    // 12 AM is midnight, 12 PM noon; "13:00 PM" (seen on real sites) stays 13.
    if (AFTERNOON.test(meridiem)) {
      if (h < 12) h += 12;
    } else if (h === 12) {
      h = 0;
    }
  }
  if (h > 23 || mi > 59 || s > 59) return 'invalid';
  return { time: { h, mi, s }, end: m.index + m[0].length };
}

// ---- zone -------------------------------------------------------------------

/** `+0700`, `+07:00`, `-05`, `z` written right after the time. */
const OFFSET_AFTER_TIME = /^\s*(z|[+-]\d{2}(?::?\d{2})?)(?![\d\p{L}])/u;
/** `GMT+7`, `(GMT+07:00)`, `UTC`, anywhere. */
const GMT = /(?<!\p{L})(?:gmt|utc)(?:\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?)?(?![\d\p{L}])/u;

/** Minutes east of UTC of a numeric offset (`z`, `+0700`, `+07:00`, `-05`), or null when malformed. */
export function offsetMinutes(written: string): number | null {
  if (written === 'z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(written);
  if (!m) return null;
  return signedOffset(m[1], m[2], m[3]);
}

function signedOffset(sign: string, hours: string, minutes: string | undefined): number | null {
  const h = Number(hours);
  const mi = minutes ? Number(minutes) : 0;
  if (h > 14 || mi > 59) return null;
  return (sign === '-' ? -1 : 1) * (h * 60 + mi);
}

/** The zone written with a time (`timeEnd`: where the time ended in `text`); Vietnam when none. */
export function findOffset(text: string, timeEnd: number): number {
  const after = OFFSET_AFTER_TIME.exec(text.slice(timeEnd));
  if (after) return offsetMinutes(after[1]) ?? VIETNAM_OFFSET_MINUTES;
  const gmt = GMT.exec(text);
  if (gmt) {
    if (!gmt[1]) return 0;
    return signedOffset(gmt[1], gmt[2], gmt[3]) ?? VIETNAM_OFFSET_MINUTES;
  }
  return VIETNAM_OFFSET_MINUTES;
}

/** A day plus whatever time and zone the rest of the text holds; null when the time is impossible. */
export function withTimeFrom(day: Ymd, rest: string): ParsedDate | null {
  const found = findTime(rest);
  if (found === 'invalid') return null;
  if (!found) return toParsed(day, null);
  return toParsed(day, found.time, findOffset(rest, found.end));
}
