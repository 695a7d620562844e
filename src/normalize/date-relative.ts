/**
 * Relative dates as portals print them: `15 phút trước`, `2 giờ trước`, `3 ngày trước`,
 * `tuần trước`, `hôm qua`, `hôm nay 08:30`. Resolved against the injected clock only.
 * Units of a day or longer give a calendar day in Vietnam (hasTime false unless a time
 * is written beside them); seconds, minutes and hours give an instant.
 */
import { addDays, addMonths, vietnamDay, withTimeFrom, without, type ParsedDate, type Ymd } from './date-parts';

type Unit = { instantMs: number } | { days: number } | { months: number };

interface UnitRule {
  unit: Unit;
  /** May the number be left out ("tuần trước" = last week)? Not for "ngày trước" ("formerly"). */
  bare: boolean;
}

const UNITS: Record<string, UnitRule> = {
  giây: { unit: { instantMs: 1_000 }, bare: true },
  phút: { unit: { instantMs: 60_000 }, bare: false },
  giờ: { unit: { instantMs: 3_600_000 }, bare: false },
  tiếng: { unit: { instantMs: 3_600_000 }, bare: false },
  ngày: { unit: { days: 1 }, bare: false },
  tuần: { unit: { days: 7 }, bare: true },
  tháng: { unit: { months: 1 }, bare: true },
  năm: { unit: { months: 12 }, bare: false },
};

const AGO = /(?<![\d\p{L}])(?:(\d{1,4})\s*)?(giây|phút|giờ|tiếng|ngày|tuần|tháng|năm)\s*trước(?!\p{L})/u;
const DAY_WORD = /(?<!\p{L})hôm\s*(nay|qua|kia)(?!\p{L})/u;
const DAYS_BACK: Record<string, number> = { nay: 0, qua: 1, kia: 2 };
const JUST_NOW = /(?<!\p{L})vừa\s*(?:xong|mới đăng)(?!\p{L})/u;

/** `text` is cleaned (see date.ts). */
export function parseRelative(text: string, now: Date): ParsedDate | null {
  return agoDate(text, now) ?? dayWordDate(text, now) ?? justNow(text, now);
}

function agoDate(text: string, now: Date): ParsedDate | null {
  const m = AGO.exec(text);
  if (!m) return null;
  const rule = UNITS[m[2]];
  if (!m[1] && !rule.bare) return null;
  const n = m[1] ? Number(m[1]) : 1;
  const unit = rule.unit;
  if ('instantMs' in unit) return { date: new Date(now.getTime() - n * unit.instantMs), hasTime: true };
  const today = vietnamDay(now);
  const day: Ymd = 'days' in unit ? addDays(today, -n * unit.days) : addMonths(today, -n * unit.months);
  return withTimeFrom(day, without(text, m.index, m[0].length));
}

function dayWordDate(text: string, now: Date): ParsedDate | null {
  const m = DAY_WORD.exec(text);
  if (!m) return null;
  const day = addDays(vietnamDay(now), -DAYS_BACK[m[1]]);
  return withTimeFrom(day, without(text, m.index, m[0].length));
}

function justNow(text: string, now: Date): ParsedDate | null {
  return JUST_NOW.test(text) ? { date: new Date(now.getTime()), hasTime: true } : null;
}
