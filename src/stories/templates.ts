import { BROAD_PLACES } from './places';
import type { Fingerprint } from './types';
import { synonyms } from './synonyms';
import { COMMON_WRITTEN, isCommonWord, isStopWord, NORMAL_WEIGHT, STOP_WRITTEN } from './weights';

/**
 * Two titles (or summaries) written on one template with one short span swapped ("… trồng quế" / "… trồng
 * hồi", "KHÁNH THÀNH CẦU TÀ LÙNG" / "… NÀ LÙNG"): where each span says something (a word that
 * is no grammar or template word) and neither text tells the other's span anywhere, they are
 * two pieces of news. A republisher rewords with template words ("tổ chức" / "tiến hành") or
 * keeps the word somewhere in its text; it does not swap a thing for another. This reads
 * names where capitals cannot (all-capitals titles) and things that are no names at all.
 */

/** Spans longer than this are a rewording, not a swap. */
const MAX_SPAN = 5;
/**
 * Words that say which thing follows (an offence, a school subject, a disease, a breed, a crop,
 * a product): the thing named after one may take more words ("tội cho vay lãi nặng trong giao
 * dịch dân sự"), and a republisher keeps it as written. The last syllable of the word ("mặt hàng",
 * "sản phẩm", "vắc xin", "lĩnh vực", "chuyên đề"), as the span starts after it.
 */
const THING_HEADS = new Set(['tội', 'môn', 'bệnh', 'dịch', 'giống', 'cây', 'con', 'loại', 'hàng', 'phẩm', 'nghề', 'xin', 'vaccine', 'ngành', 'vực', 'đề']);
const MAX_THING_SPAN = 10;

/** Two words of a template: the same, or both figures (a look-alike's writer often changes a count or a day with the thing). */
const keptAsFigure = (x: string, y: string) => x === y || (FIGURE.test(x) && FIGURE.test(y));
const FIGURE = /^\d/;
/** An amount written exactly ("14.250", "1,5", "40"), not a small ordinal ("giai đoạn 2"). */
const AMOUNT = /^\d+[.,]\d+$|^\d{2,}$/;
/** The template: words kept on both sides, at least this many and this share of the shorter text. */
const MIN_KEPT = 3;
const MIN_KEPT_SHARE = 0.6;

const TITLE = 0;
const SUMMARY = 1;
type Part = typeof TITLE | typeof SUMMARY;

/** Grammar words a copy adds or drops ("đã", "vừa"); folded, "đã" would be "đá" (stone). */
const GRAMMAR = new Set(['đã', 'đang', 'sẽ', 'vừa', 'mới', 'cũng', 'đều', 'được', 'bị', 'rất', 'còn', 'lại']);
/**
 * Hedges a republisher puts before an amount or swaps for one another ("gần 12 tấn" / "khoảng 12
 * tấn", "ước 3,5 tỷ", "hơn 300 m", "tạm cấm"): how near or how lasting, never another thing.
 */
const HEDGES = new Set(['gần', 'khoảng', 'ước', 'hơn', 'trên', 'chừng', 'xấp', 'xỉ', 'tầm', 'tạm']);

/**
 * Whether a span (words from..to of one part) says something, and none of what it says is
 * told by the other text. In a summary a figure says nothing here: a copy writes the day
 * ("hôm qua" / "5/8") and rounds.
 */
function untoldSpan(x: Fingerprint, part: Part, from: number, to: number, other: Fingerprint): boolean {
  const telling: number[] = [];
  for (let i = from; i < to; i++) {
    const w = x.marks[part][i];
    const folded = x.words[part][i];
    // A stop or common word only as written: folded, "nam", "tải", "sơ" would be "năm", "tại", "số",
    // and "Toán" (mathematics) the common "toàn".
    const says = isStopWord(folded)
      ? !STOP_WRITTEN.has(w)
      : (x.all.get(folded) ?? 0) >= NORMAL_WEIGHT || (isCommonWord(folded) && !COMMON_WRITTEN.has(w));
    if (!says || GRAMMAR.has(w) || HEDGES.has(w) || (part === SUMMARY && /\d/.test(w))) continue;
    telling.push(i);
  }
  if (!telling.length) return false;
  // The span told whole by the other text ("tổ chức đánh bạc" in its summary) is no other thing.
  if (to - from > 1 && other.markedText.includes(` ${x.marks[part].slice(from, to).join(' ')} `)) return false;
  const said = ` ${x.marks[part].slice(telling[0], telling[telling.length - 1] + 1).join(' ')} `;
  // A figure is no part of another word: the exact count a title gives ("14.250" for "Hơn 14.000") told anywhere is told.
  if (AMOUNT.test(said.trim())) return !other.markedText.includes(said);
  // Words each told by the other text's other part (its summary, for a title), in its own order or
  // not, are a rewording of it ("Cấm phương tiện" / "các phương tiện bị cấm"); words the two share
  // in the template around the span tell nothing ("Học sinh …" / "… môn Sinh học").
  if (telling.length > 1) {
    const rest = ` ${other.marks[part === TITLE ? SUMMARY : TITLE].join(' ')} `;
    return !other.markedText.includes(said) && !telling.every((i) => rest.includes(` ${x.marks[part][i]} `));
  }
  // One syllable is often part of another word: told only where the other text says it more often
  // than this text does besides the span ("nữ" of "ngày Phụ nữ" in both tells no "bóng đá nữ").
  return occurrences(other.markedText, said) <= occurrences(x.markedText, said) - 1;
}

function occurrences(text: string, said: string): number {
  let n = 0;
  for (let at = text.indexOf(said); at >= 0; at = text.indexOf(said, at + 1)) n++;
  return n;
}

const initials = (words: string[]) => words.map((w) => w[0]).join('');

/**
 * One span the other's abbreviation, or both one abbreviation read two ways: "TDP" / "tổ dân
 * phố", "Ban Chấp hành" / "Ban Chỉ huy" (both "BCH").
 */
function abbreviates(x: string[], y: string[]): boolean {
  if (y.length < 2) return false;
  return (x.length === 1 && x[0] === initials(y)) || (x.length === y.length && initials(x) === initials(y)) || lettersOf(x, y);
}

/** A word without a vowel is letters, not a syllable ("vn", "đh", "cpc", "syt"). */
const LETTERS = /^[b-df-hj-np-tv-zđ]{2,}$/;

/**
 * Words all letters standing for the other span's words from its start, each letter a word's
 * first or a later one of the same word ("ĐH" for "Đại hội đại biểu", "VN - CPC" for "Việt Nam -
 * Campuchia"): an abbreviation, partial as republishers cut it.
 */
function lettersOf(x: string[], y: string[]): boolean {
  if (!x.every((w) => LETTERS.test(w))) return false;
  const letters = x.join('');
  let word = -1;
  let at = 0;
  for (const c of letters) {
    const next = y[word + 1];
    if (next?.[0] === c) {
      word++;
      at = 1;
      continue;
    }
    const inWord = word >= 0 ? y[word].indexOf(c, at) : -1;
    if (inWord < 0) return false;
    at = inWord + 1;
  }
  return word >= 1 || y.length === 1;
}

export function swappedSpan(a: Fingerprint, b: Fingerprint): boolean {
  return swappedIn(a, b, TITLE, same) || swappedIn(a, b, SUMMARY, same) || swappedIn(a, b, TITLE, keptAsFigure) || swappedIn(a, b, SUMMARY, keptAsFigure);
}

const same = (x: string, y: string) => x === y;

/** `keep`: which two words the template keeps (the same; or figures too, where a thing and a count were both changed). */
function swappedIn(a: Fingerprint, b: Fingerprint, part: Part, keep: (x: string, y: string) => boolean): boolean {
  const ta = a.marks[part];
  const tb = b.marks[part];
  const shorter = Math.min(ta.length, tb.length);
  let p = 0;
  while (p < shorter && keep(ta[p], tb[p])) p++;
  let q = 0;
  while (q < shorter - p && keep(ta[ta.length - 1 - q], tb[tb.length - 1 - q])) q++;
  // Figures kept at the span's edges are part of it: "3.000" / "30.000" ends no template.
  while (p > 0 && ta[p - 1] !== tb[p - 1]) p--;
  while (q > 0 && ta[ta.length - q] !== tb[tb.length - q]) q--;
  const [ea, eb] = [ta.length - q, tb.length - q];
  if (ea === p || eb === p) return false;
  // A summary's lead reworded ("Tuyến dài 16 km, …" / "Công trình có …"): its subject is the title's.
  if (part === SUMMARY && p === 0) return false;
  // A title opened by its province or not ("Bắc Ninh khai mạc …" / "Tưng bừng khai mạc …"): the teller, dropped.
  if (p === 0 && opensWithProvince(ta, ea) !== opensWithProvince(tb, eb)) return false;
  const most = THING_HEADS.has(ta[p - 1]) ? MAX_THING_SPAN : MAX_SPAN;
  const enough = (n: number) => n >= MIN_KEPT && n >= MIN_KEPT_SHARE * shorter;
  if (ea - p <= most && eb - p <= most && enough(p + q) && thingSwapped(a, b, part, p, ea, p, eb)) return true;
  // Two things swapped around one grammar word kept ("bệnh dại cho chó, mèo" / "cúm gia cầm cho gà, vịt").
  if (!enough(p + q + 1)) return false;
  const sa = ta.slice(p, ea);
  const sb = tb.slice(p, eb);
  const shared = sa.filter((w) => sb.includes(w));
  if (shared.length !== 1 || !JOINS.has(shared[0])) return false;
  const [i, j] = [p + sa.indexOf(shared[0]), p + sb.indexOf(shared[0])];
  if (Math.max(i - p, j - p, ea - i - 1, eb - j - 1) > MAX_SPAN) return false;
  return thingSwapped(a, b, part, p, i, p, j) && thingSwapped(a, b, part, i + 1, ea, j + 1, eb);
}

/** Whether words 0..to open with a province's (or a country's) name. */
function opensWithProvince(words: string[], to: number): boolean {
  for (let n = 1; n <= 3 && n <= to; n++) if (BROAD_PLACES.has(` ${words.slice(0, n).join(' ')} `)) return true;
  return false;
}

/** Words that scale a figure ("2,3 tỷ", "36 tháng"), by what they multiply it to reach one unit. */
const SCALES = new Map([['nghìn', 1e3], ['ngàn', 1e3], ['triệu', 1e6], ['tỷ', 1e9], ['tỉ', 1e9], ['tháng', 1], ['năm', 12]]);

/**
 * The amounts a span's words tell, scaled: figures are words of digits, a decimal one two such
 * words ("2,3" is "2" "3"; "2.300" is "2300").
 */
function scaledAmounts(words: string[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!/^\d+$/.test(words[i])) continue;
    let value = Number(words[i]);
    if (/^\d+$/.test(words[i + 1] ?? '')) value = Number(`${words[i]}.${words[++i]}`);
    out.push(Number((value * (SCALES.get(words[i + 1] ?? '') ?? 1)).toPrecision(12)));
  }
  return out;
}

/** Two spans one amount written two ways, and nothing else: "2,3 tỷ" / "2.300 triệu", "36 tháng" / "3 năm". */
function oneAmount(x: string[], y: string[]): boolean {
  const rest = (s: string[]) => s.filter((w) => !FIGURE.test(w) && !SCALES.has(w)).join(' ');
  if (rest(x) !== rest(y)) return false;
  const [ax, ay] = [scaledAmounts(x), scaledAmounts(y)];
  return ax.length > 0 && ax.length === ay.length && ax.every((v, i) => v === ay[i]);
}

/** Grammar words two swapped things may stand around. */
const JOINS = new Set(['cho', 'và', 'của', 'tại', 'ở', 'với', 'trong', 'trên', 'về', 'để']);

/** Words from..to of a's part against b's: each says something the other text never tells, neither a rewording of the other. */
function thingSwapped(a: Fingerprint, b: Fingerprint, part: Part, fa: number, ta: number, fb: number, tb: number): boolean {
  if (ta <= fa || tb <= fb) return false;
  const sa = a.marks[part].slice(fa, ta);
  const sb = b.marks[part].slice(fb, tb);
  // A word on both sides: words moved or added around it, a rewording; unless two titles have it
  // in other compounds ("chiến đấu phòng thủ" / "phòng chống thiên tai"): two things.
  const moved = (i: number, j: number) => part === SUMMARY || sa[i - 1] === sb[j - 1] || sa[i + 1] === sb[j + 1];
  if (sa.some((w, i) => sb.some((v, j) => v === w && moved(i, j)))) return false;
  if (abbreviates(sa, sb) || abbreviates(sb, sa) || synonyms(sa, sb) || oneAmount(sa, sb)) return false;
  return untoldSpan(a, part, fa, ta, b) && untoldSpan(b, part, fb, tb, a);
}
