/**
 * Vietnamese dates as portals and feeds write them. Clean the text once, then try a
 * short list of named shapes: full instants (ISO 8601, RFC 822), then a written
 * calendar day with a time found anywhere beside it, then relative dates.
 * A date without a zone is Vietnam time; a date without a time is 00:00 in Vietnam.
 * `new Date(string)` is never used: it reads 03/04 as March 4 and zone-less text as local.
 */
import { decodeHTML } from 'entities';
import { parseRelative } from './date-relative';
import { englishMonthDay, vietnameseMonthDay } from './date-words';
import {
  ENGLISH_MONTHS,
  VIETNAM_OFFSET_MINUTES,
  fullYear,
  isValidDay,
  offsetMinutes,
  toParsed,
  withTimeFrom,
  without,
  vietnamDay,
  type Hms,
  type ParsedDate,
  type Ymd,
} from './date-parts';

export { VIETNAM_OFFSET_MINUTES };
export type { ParsedDate };

export type DateOrder = 'dmy' | 'mdy';
export interface DateContext {
  now: Date;
  /** How `a/b/yyyy` is read; default 'dmy'. Either way an impossible reading flips to the other. */
  order?: DateOrder;
}

/** Finds the date in text as Vietnamese portals and feeds write it; null when there is none. */
export function parseDate(text: string, ctx: DateContext): ParsedDate | null {
  const s = cleanDateText(text);
  if (!s) return null;
  return parseIso(s) ?? parseRfc822(s, ctx) ?? parseWrittenDay(s, ctx) ?? parseRelative(s, ctx.now);
}

/** A date further than `toleranceMs` (default 1 hour) in the future becomes `now`. */
export function clampFuture(date: Date, now: Date, toleranceMs = 3_600_000): Date {
  return date.getTime() > now.getTime() + toleranceMs ? new Date(now.getTime()) : date;
}

/**
 * A dateline: a day (`07/12/2026`) the text opens with, after only words that announce it
 * (`Ngày`, `Cập nhật lúc 15:30 ngày`, a weekday, a time, brackets), with a time right after it.
 * A day further into the text is what the text is about (a meeting on the 15th), not when it was written.
 */
const DATELINE = /^[\s([{]*(?:(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s*nhật|ngày|cập\s*nhật|đăng(?:\s*ngày)?|lúc|thời\s*gian|\d{1,2}\s*[:h]\s*\d{2}(?:\s*:\s*\d{2})?(?:\s*(?:sa|ch|am|pm))?)[\s,:–-]*)*\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}(?![\d/.-]\d)(?:[\s,–-]*(?:lúc\s*)?\d{1,2}\s*[:h]\s*\d{2}(?::\d{2})?(?:\s*(?:sa|ch|am|pm))?(?![\p{L}\d]))?/iu;

/** The dateline a text (HTML or plain) opens with, as written; undefined when it opens otherwise. */
export function datelineOf(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const plain = decodeHTML(text.slice(0, 600).replace(/<[^>]*>/g, ' ')).normalize('NFC');
  return DATELINE.exec(plain)?.[0].trim();
}

/** A zero offset written out at the end of a date: `+0000`, `+00:00`, `GMT`, `UTC`, `Z`. */
const ZERO_ZONE = /(?:\s*(?:[+-]00:?00|gmt|utc|ut)|(?<=\d)z)\s*$/i;
const MINUTES_10 = 600_000;

/**
 * Some portals write Vietnam time and mark it GMT (`+0000`). Judged per feed, never per item, on
 * its zero-offset dates (the feed's build date among them), read as UTC; the newest of them is
 * - more than 10 minutes ahead of now, and no further than Vietnam's 7 hours (and those 10
 *   minutes): a feed of true UTC has nothing ahead of now, one of Vietnam time marked GMT up to 7 hours;
 * - or 7 hours (less up to 30 minutes, more up to 10) after the HTTP Last-Modified the server
 *   stamped in true GMT when the file was written: this holds while the feed stays the same.
 * A feed whose newest such date is past and that has no Last-Modified to match is read as written.
 */
export function gmtMeansVietnam(dates: readonly (string | undefined)[], now: Date, lastModified?: string): boolean {
  let newest = -Infinity;
  for (const text of dates) {
    if (!text || !ZERO_ZONE.test(text.trim())) continue;
    const parsed = parseDate(text, { now });
    if (parsed?.hasTime) newest = Math.max(newest, parsed.date.getTime());
  }
  if (newest === -Infinity) return false;
  const sevenHours = VIETNAM_OFFSET_MINUTES * 60_000;
  const ahead = newest - now.getTime();
  if (ahead > MINUTES_10 && ahead <= sevenHours + MINUTES_10) return true;
  const written = lastModified ? parseRfc822(cleanDateText(lastModified), { now }) : null;
  if (!written?.hasTime) return false;
  const after = newest - written.date.getTime();
  return after >= sevenHours - 3 * MINUTES_10 && after <= sevenHours + MINUTES_10;
}

/** The date with its zero offset replaced by Vietnam's (`… 11:40:00 +0000` → `… 11:40:00 +0700`). */
export function zeroZoneAsVietnam(text: string): string {
  const t = text.trim();
  return ZERO_ZONE.test(t) ? t.replace(ZERO_ZONE, /\dz$/i.test(t) || /[+-]00:00\s*$/.test(t) ? '+07:00' : ' +0700') : text;
}

/**
 * NukeViet's generator writes the month where minutes belong: true when, over a feed's dated
 * items (at least 3), every item's minute (in Vietnam time) equals its month number.
 * Vietnam's offset is whole hours, so the minute is the one written in any whole-hour zone.
 */
export function monthWrittenAsMinutes(dates: Date[]): boolean {
  const valid = dates.filter((d) => !Number.isNaN(d.getTime()));
  if (valid.length < 3) return false;
  return valid.every((d) => {
    const { m } = vietnamDay(d);
    return d.getUTCMinutes() === m;
  });
}

// ---- cleaning ---------------------------------------------------------------

/** `Thứ Hai`, `Thứ 2`, `T2`, `CN`, `Chủ nhật`: they only repeat the date, and `Thứ năm` would read as a year word. */
const WEEKDAY = /(?<![\p{L}\d])(?:thứ\s*(?:hai|ba|tư|bốn|năm|sáu|bảy|bẩy|[2-7])|chủ\s*nhật|cn|t[2-7])(?![\p{L}\d])/gu;

function cleanDateText(text: string): string {
  return decodeHTML(text)
    .normalize('NFC')
    .toLowerCase()
    .replace(WEEKDAY, ' ')
    .replace(/[\s\u200b]+/g, ' ')
    .trim();
}

// ---- full instants ----------------------------------------------------------

/**
 * `2024-02-02T08:30:00+0700`, `…+07:00`, `…Z`, `…T08:30:00.250Z` (zone-less: Vietnam).
 * With a space instead of `T` it goes the written-day way, which also reads AM/PM.
 */
const ISO = /(?<!\d)(\d{4})-(\d{2})-(\d{2})t(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(z|[+-]\d{2}(?::?\d{2})?)?(?![\d\p{L}])/u;

function parseIso(s: string): ParsedDate | null {
  const m = ISO.exec(s);
  if (!m) return null;
  const day: Ymd = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  const time: Hms = { h: Number(m[4]), mi: Number(m[5]), s: m[6] ? Number(m[6]) : 0 };
  const offset = m[8] ? offsetMinutes(m[8]) : VIETNAM_OFFSET_MINUTES;
  if (!isValidDay(day) || !isValidTime(time) || offset === null) return null;
  const parsed = toParsed(day, time, offset);
  const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  return { date: new Date(parsed.date.getTime() + ms), hasTime: true };
}

/** `Tue, 26 Nov 2019 08:30:00 +0700` (also GMT, GMT+7, named US zones, ICT, no zone = Vietnam, no time; `26-Nov-2019`). */
const RFC822 = /(?<![\p{L}\d])(\d{1,2})(?:\s+|-)(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?(?:\s+|-)(\d{4}|\d{2})(?!\d)(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*((?:gmt|utc)\s*[+-]\s*\d{1,2}(?::?\d{2})?|[+-]\d{2}(?::?\d{2})?|gmt|utc|ut|z|[ecmp][sd]t|ict)(?![\p{L}\d]))?)?/u;
const MERIDIEM_AFTER = /^\s*[ap]\.?m\b/;
const NAMED_ZONES: Record<string, number> = {
  gmt: 0, utc: 0, ut: 0, z: 0, ict: 420,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
};

function parseRfc822(s: string, ctx: DateContext): ParsedDate | null {
  const m = RFC822.exec(s);
  if (!m) return null;
  // "7 Dec 2026 2:35 PM" is no RFC 822 time: the written-day way reads its AM/PM.
  if (m[4] && !m[7] && MERIDIEM_AFTER.test(s.slice(m.index + m[0].length))) return null;
  const day: Ymd = { y: fullYear(m[3], ctx.now), m: ENGLISH_MONTHS.indexOf(m[2]) + 1, d: Number(m[1]) };
  if (!isValidDay(day)) return null;
  // "07 Dec 2026, 02:35 PM": a time apart from the day is read as a written day's is.
  if (!m[4]) return withTimeFrom(day, without(s, m.index, m[0].length));
  const time: Hms = { h: Number(m[4]), mi: Number(m[5]), s: m[6] ? Number(m[6]) : 0 };
  const zone = m[7];
  // `GMT+7`, `UTC+07:00`: the offset after the name.
  const named = zone && /^(?:gmt|utc)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$/.exec(zone);
  const offset = !zone ? VIETNAM_OFFSET_MINUTES : named ? offsetMinutes(`${named[1]}${named[2].padStart(2, '0')}${named[3] ?? ''}`) : (NAMED_ZONES[zone] ?? offsetMinutes(zone));
  if (!isValidTime(time) || offset === null) return null;
  return toParsed(day, time, offset);
}

function isValidTime({ h, mi, s }: Hms): boolean {
  return h <= 23 && mi <= 59 && s <= 59;
}

// ---- a written day, with a time anywhere beside it ---------------------------

interface DayMatch {
  /** null: the text names an impossible day (31/02, 15/13). */
  day: Ymd | null;
  index: number;
  length: number;
}

type DayPattern = (s: string, ctx: DateContext) => DayMatch | null;

/** `26/11/2019`, `26-11-2019`, `26.11.19`, `26 - 11 - 2019`; day first unless ctx says 'mdy'. */
const NUMERIC = /(?<!\d)(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?!\d)/;

const numericDay: DayPattern = (s, ctx) => {
  const m = NUMERIC.exec(s);
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[3]);
  const y = fullYear(m[4], ctx.now);
  const dayFirst: Ymd = { y, m: b, d: a };
  const monthFirst: Ymd = { y, m: a, d: b };
  const [preferred, other] = ctx.order === 'mdy' ? [monthFirst, dayFirst] : [dayFirst, monthFirst];
  // Only a month number above 12 flips the reading; 31/02 stays impossible.
  const day = preferred.m <= 12 ? preferred : other.m <= 12 ? other : null;
  return { day: day && isValidDay(day) ? day : null, index: m.index, length: m[0].length };
};

/** `2019-11-26`, `2019/11/26`. */
const YEAR_FIRST = /(?<!\d)(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?!\d)/;

const yearFirstDay: DayPattern = (s) => {
  const m = YEAR_FIRST.exec(s);
  if (!m) return null;
  const day: Ymd = { y: Number(m[1]), m: Number(m[3]), d: Number(m[4]) };
  return { day: isValidDay(day) ? day : null, index: m.index, length: m[0].length };
};

/** `23 tháng 08 năm 2019`, `25 tháng 6, 2025`, `01 tháng 7/2025`, `07 Th12 2026`, `07 thg 12, 2026`. */
const WORDS = /(?<!\d)(\d{1,2})\s*(?:tháng|thg\.?|th)\s*(\d{1,2})\s*(?:,|năm|\/|-)?\s*(\d{4})(?!\d)/u;

const wordsDay: DayPattern = (s) => {
  const m = WORDS.exec(s);
  if (!m) return null;
  const day: Ymd = { y: Number(m[3]), m: Number(m[2]), d: Number(m[1]) };
  return { day: isValidDay(day) ? day : null, index: m.index, length: m[0].length };
};

const DAY_PATTERNS: DayPattern[] = [numericDay, yearFirstDay, wordsDay, vietnameseMonthDay, (s, ctx) => englishMonthDay(s, ctx.now)];

/**
 * A feed's own proof of its order of `a/b/yyyy`: 'mdy' when some date's second number cannot be
 * a month (12/31/2026) and none's first; 'dmy' the other way; undefined when nothing proves either.
 */
export function provenDayOrder(dates: readonly (string | undefined)[]): DateOrder | undefined {
  let dmy = false;
  let mdy = false;
  for (const text of dates) {
    const m = text ? NUMERIC.exec(text) : null;
    if (!m) continue;
    if (Number(m[1]) > 12 && Number(m[3]) <= 12) dmy = true;
    if (Number(m[3]) > 12 && Number(m[1]) <= 12) mdy = true;
  }
  return dmy === mdy ? undefined : dmy ? 'dmy' : 'mdy';
}

/** The day written first in the text, then the time and zone around it. */
function parseWrittenDay(s: string, ctx: DateContext): ParsedDate | null {
  let first: DayMatch | null = null;
  for (const pattern of DAY_PATTERNS) {
    const found = pattern(s, ctx);
    if (found && (!first || found.index < first.index)) first = found;
  }
  if (!first) return null;
  if (!first.day) return null;
  return withTimeFrom(first.day, without(s, first.index, first.length));
}
