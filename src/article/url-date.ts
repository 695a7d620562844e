import type { ParsedDate } from '../normalize/date';
import { isValidDay, toParsed } from '../normalize/date-parts';

/** A day written as path segments: "/2024/12/05/" (WordPress's and many blogs' permalinks). */
const PATH_DAY = /\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})(?=\/|$)/;

/**
 * The day an article's address gives, when its page states none: the start of that day in
 * Vietnam time, without a time of day. Only whole path segments year/month/day count (an id of
 * digits or a query is no date), and never a day after `now`.
 */
export function dateInUrl(url: string, now: Date): ParsedDate | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = PATH_DAY.exec(path);
  if (!m) return null;
  const day = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  if (!isValidDay(day)) return null;
  const parsed = toParsed(day, null);
  return parsed.date.getTime() > now.getTime() ? null : parsed;
}
