import type { Fingerprint } from './types';
import { NORMAL_WEIGHT } from './weights';

/**
 * Two titles (or summaries) written on one template with one short span swapped ("… trồng quế" / "… trồng
 * hồi", "KHÁNH THÀNH CẦU TÀ LÙNG" / "… NÀ LÙNG"): where each span says something (a word that
 * is no grammar or template word) and neither text tells the other's span anywhere, they are
 * two pieces of news. A republisher rewords with template words ("tổ chức" / "tiến hành") or
 * keeps the word somewhere in its text; it does not swap a thing for another. This reads
 * names where capitals cannot (all-capitals titles) and things that are no names at all.
 */

/** Spans longer than this are a rewording, not a swap. */
const MAX_SPAN = 3;
/** The template: words kept on both sides, at least this many and this share of the shorter text. */
const MIN_KEPT = 3;
const MIN_KEPT_SHARE = 0.6;

const TITLE = 0;
const SUMMARY = 1;
type Part = typeof TITLE | typeof SUMMARY;

/**
 * Whether a span says something, and none of what it says is told by the other text. In a
 * summary a figure says nothing here: a copy writes the day ("hôm qua" / "5/8") and rounds.
 */
function untoldSpan(span: string[], x: Fingerprint, other: Fingerprint, part: Part): boolean {
  const telling = span.filter((w) => (x.all.get(w) ?? 0) >= NORMAL_WEIGHT && !(part === SUMMARY && /\d/.test(w)));
  return telling.length > 0 && telling.every((w) => !other.text.includes(` ${w} `));
}

export function swappedSpan(a: Fingerprint, b: Fingerprint): boolean {
  return swappedIn(a, b, TITLE) || swappedIn(a, b, SUMMARY);
}

function swappedIn(a: Fingerprint, b: Fingerprint, part: Part): boolean {
  const ta = a.words[part];
  const tb = b.words[part];
  const shorter = Math.min(ta.length, tb.length);
  let p = 0;
  while (p < shorter && ta[p] === tb[p]) p++;
  let q = 0;
  while (q < shorter - p && ta[ta.length - 1 - q] === tb[tb.length - 1 - q]) q++;
  const sa = ta.slice(p, ta.length - q);
  const sb = tb.slice(p, tb.length - q);
  if (!sa.length || !sb.length || sa.length > MAX_SPAN || sb.length > MAX_SPAN) return false;
  if (p + q < MIN_KEPT || p + q < MIN_KEPT_SHARE * shorter) return false;
  return untoldSpan(sa, a, b, part) && untoldSpan(sb, b, a, part);
}
