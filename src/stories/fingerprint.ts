import { foldForSearch } from '../normalize/text';
import { isMostlyUpperCase, tokenize, type Tokens } from './tokens';
import type { Features, Fingerprint } from './types';
import { STOP_WEIGHT, tokenWeights } from './weights';

/**
 * The fingerprint of an item: weighted syllables and syllable bigrams of its title and summary,
 * plus the identifying numbers and place names that tell two look-alike stories apart
 * ("kỳ họp thứ 14" / "thứ 15", "huyện Chợ Đồn" / "huyện Ba Bể").
 */

/**
 * Syllables and bigrams. Bigrams skip stop words, so "Hội nghị của Tỉnh ủy" and "Hội nghị
 * Tỉnh ủy" share "nghi uy".
 */
export function features({ words: tokens, name }: Tokens): Features {
  const weights = tokenWeights(tokens, name);
  const out: Features = new Map();
  const put = (key: string, w: number) => {
    if ((out.get(key) ?? 0) < w) out.set(key, w);
  };
  let prev = -1;
  for (let i = 0; i < tokens.length; i++) {
    put(tokens[i], weights[i]);
    if (weights[i] <= STOP_WEIGHT) continue;
    if (prev >= 0) put(`${tokens[prev]} ${tokens[i]}`, Math.sqrt(weights[prev] * weights[i]));
    prev = i;
  }
  return out;
}

/**
 * What a number after these words identifies: lần, (kỳ / phiên) họp, phiên, khóa, tháng, quý,
 * tuần, đợt, (nghị) định, (nghị) quyết, (chỉ) thị, bão, năm, (nhiệm) kỳ, (đại) hội.
 */
const NUMBER_KEYS = new Set([
  'lan', 'hop', 'phien', 'khoa', 'thang', 'quy', 'tuan', 'dot', 'dinh', 'quyet', 'thi', 'bao', 'nam', 'ky', 'hoi',
]);
/** Words skipped between the key and its number: "kỳ họp thứ 14", "Nghị quyết số 57". */
const NUMBER_FILLERS = new Set(['thu', 'so']);
/** Counted periods written before the word: "6 tháng", "9 tháng". */
const COUNTED_AFTER = new Set(['thang', 'quy', 'nam']);

const isNumber = (t: string) => /^\d+$/.test(t);

export function identifyingNumbers(tokens: string[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (key: string, n: string) => {
    const set = out.get(key) ?? new Set<string>();
    set.add(String(Number(n)));
    out.set(key, set);
  };
  for (let i = 0; i < tokens.length; i++) {
    if (!isNumber(tokens[i])) continue;
    let j = i - 1;
    while (j >= 0 && NUMBER_FILLERS.has(tokens[j])) j--;
    if (j >= 0 && NUMBER_KEYS.has(tokens[j])) add(tokens[j], tokens[i]);
    else if (COUNTED_AFTER.has(tokens[i + 1] ?? '')) add(`${tokens[i + 1]}-count`, tokens[i]);
  }
  return out;
}

/** Place words and the level they name; a name follows in capitals ("xã Yên Cư"). */
const PLACE_LEVEL: Record<string, string> = {
  'xã': 'xa',
  'phường': 'xa',
  'thị trấn': 'xa',
  'huyện': 'huyen',
  'quận': 'huyen',
  'thị xã': 'huyen',
  'thành phố': 'thanh-pho',
  'tỉnh': 'tinh',
  'thôn': 'thon',
  'bản': 'thon',
  'tổ dân phố': 'thon',
  // People introduced by a form of address are who the story is about (the appointee, the
  // household, the victim); "đồng chí" is left out: leaders appear in many stories at once.
  'ông': 'nguoi',
  'bà': 'nguoi',
  'anh': 'nguoi',
  'chị': 'nguoi',
  'cháu': 'nguoi',
  // Schools: "Trường THPT Chợ Đồn" / "Trường THPT Ba Bể" open their year the same morning.
  'trường thpt': 'truong',
  'trường thcs': 'truong',
  'trường tiểu học': 'truong',
  'trường mầm non': 'truong',
  'trường ptdtbt': 'truong',
  'trường ptdtnt': 'truong',
  'trường th&thcs': 'truong',
};
const CAPITALIZED = '\\p{Lu}[\\p{Ll}\\p{M}]*(?![\\p{L}\\p{M}])';
// Case variants spelled out: under the `i` flag \p{Lu} would match lower case too.
const PLACE_WORDS = Object.keys(PLACE_LEVEL)
  .flatMap((w) => {
    const [head, ...rest] = w.split(' ');
    const tail = rest.map((r) => (/^(thpt|thcs|ptdt|th&)/.test(r) ? r.toUpperCase() : r));
    const cap = head[0].toUpperCase() + head.slice(1);
    return [[head, ...tail].join(' '), [cap, ...tail].join(' ')];
  })
  .sort((a, b) => b.length - a.length);
const PLACE_RE = new RegExp(
  `(?<![\\p{L}])(${PLACE_WORDS.join('|')})\\s+(${CAPITALIZED}(?:[ \\t]+${CAPITALIZED}){0,3})`,
  'gu',
);

/** Named places, people and schools by kind: "huyen" → {"cho don"}, "nguoi" → {"ha van thang"}. */
export function placeNames(text: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const nfc = text.normalize('NFC');
  if (isMostlyUpperCase(nfc)) return out; // capitals no longer mark names
  for (const m of nfc.matchAll(PLACE_RE)) {
    const level = PLACE_LEVEL[m[1].toLowerCase()];
    if (!level) continue;
    const set = out.get(level) ?? new Set<string>();
    set.add(foldForSearch(m[2]));
    out.set(level, set);
  }
  return out;
}

/**
 * Opposites a republisher never swaps: an opening and a closing of the same session, a price
 * rise and a price cut, are two stories. Read from the title only (a closing report recalls
 * the opening), with diacritics: folded, "tăng" would meet "tặng" and "giảm" "giám đốc".
 */
const NOT_LETTER_BEFORE = '(?<![\\p{L}\\p{M}])';
const NOT_LETTER_AFTER = '(?![\\p{L}\\p{M}])';
const OPPOSITES: ReadonlyArray<[group: string, value: string, pattern: RegExp]> = (
  [
    ['session', 'open', 'khai mạc|khai giảng'],
    ['session', 'close', 'bế mạc|bế giảng'],
    // "tăng cường" (strengthen), "tăng trưởng" (growth), "giảm nghèo" (a programme) are no direction.
    ['direction', 'up', 'tăng(?! cường| trưởng)'],
    ['direction', 'down', 'giảm(?! nghèo)'],
  ] as const
).map(([g, v, p]) => [g, v, new RegExp(`${NOT_LETTER_BEFORE}(?:${p})${NOT_LETTER_AFTER}`, 'u')]);

export function opposites(title: string): Map<string, Set<string>> {
  const text = title.normalize('NFC').toLowerCase();
  const out = new Map<string, Set<string>>();
  for (const [group, value, re] of OPPOSITES) {
    if (!re.test(text)) continue;
    const set = out.get(group) ?? new Set<string>();
    set.add(value);
    out.set(group, set);
  }
  return out;
}

function merge(a: Features, b: Features): Features {
  const out: Features = new Map(a);
  for (const [k, w] of b) if ((out.get(k) ?? 0) < w) out.set(k, w);
  return out;
}

function mergeSets(a: Map<string, Set<string>>, b: Map<string, Set<string>>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const m of [a, b]) {
    for (const [k, set] of m) out.set(k, new Set([...(out.get(k) ?? []), ...set]));
  }
  return out;
}

export function fingerprint(title: string, summary: string): Fingerprint {
  const titleTokens = tokenize(title);
  const summaryTokens = tokenize(summary);
  // A summary that only repeats the title adds nothing.
  const sameAsTitle = summaryTokens.words.join(' ') === titleTokens.words.join(' ');
  const t = features(titleTokens);
  const s = sameAsTitle ? new Map<string, number>() : features(summaryTokens);
  return {
    title: t,
    summary: s,
    all: merge(t, s),
    numbers: mergeSets(identifyingNumbers(titleTokens.words), identifyingNumbers(summaryTokens.words)),
    places: mergeSets(placeNames(title), placeNames(summary)),
    opposites: opposites(title),
  };
}
