import { foldForSearch } from '../vietnamese';

/**
 * Numbers that name a thing, by what they name: "kỳ họp thứ 14" → hop 14, "thôn số 2" →
 * thon 2, "Quốc lộ 1A" → lo 1a, "Công văn số 112/UBND-VX" → doc 112/ubnd-vx, "giai đoạn
 * 2016-2020" → period 2016-2020. Two texts naming different ones tell two stories.
 */

/**
 * Words a number after which identifies: lần, (kỳ / phiên) họp, phiên, khóa, tháng, quý, tuần,
 * đợt, (nghị) định, (nghị) quyết, (chỉ) thị, bão, năm, (nhiệm) kỳ, (đại) hội, thôn, xóm, tổ,
 * khu, (quốc / tỉnh) lộ, đội, bản, phường, quận, đường tỉnh, ĐT, QL, (tiểu / giai) đoạn.
 */
const NUMBER_KEYS = new Set([
  'lan', 'hop', 'phien', 'khoa', 'thang', 'quy', 'tuan', 'dot', 'dinh', 'quyet', 'thi', 'bao', 'nam', 'ky', 'hoi',
  'thon', 'xom', 'to', 'khu', 'lo', 'doi', 'ban', 'phuong', 'quan', 'tinh', 'dt', 'ql', 'doan',
]);
/** Counted periods written before the word: "6 tháng", "9 tháng". */
const COUNTED_AFTER = new Set(['thang', 'quy', 'nam']);

/** A number, or a road's number with its letter ("1a", "3b"). */
const NUMBER = /^\d+[a-z]?$/;

const DOCUMENT = /\d{1,6}(?:\/\d{4})?[/-]\p{Lu}[\p{Lu}\d&]*(?:[/-][\p{Lu}\d&]+)*/gu;
/** What may not precede a document number: it would be inside another one. */
const INSIDE = /[\p{L}\p{N}/.-]/u;
const PERIOD = /((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)(?!\d)/g;

export function identifyingNumbers(tokens: string[], text: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (key: string, n: string) => {
    const set = out.get(key) ?? new Set<string>();
    set.add(n.replace(/^0+(?=\d)/, ''));
    out.set(key, set);
  };
  for (let i = 0; i < tokens.length; i++) {
    if (!NUMBER.test(tokens[i])) continue;
    let j = i - 1;
    // "kỳ họp thứ 14": the key before "thứ"; "Công văn số 112", "thôn số 2": any word before "số".
    if (tokens[j] === 'thu') j--;
    const afterSo = tokens[j] === 'so';
    if (afterSo) j--;
    if (j >= 0 && (NUMBER_KEYS.has(tokens[j]) || afterSo)) add(tokens[j], tokens[i]);
    else if (afterSo) add('so', tokens[i]);
    else if (COUNTED_AFTER.has(tokens[i + 1] ?? '')) add(`${tokens[i + 1]}-count`, tokens[i]);
  }
  const nfc = text.normalize('NFC');
  for (const m of nfc.matchAll(DOCUMENT)) if (!m.index || !INSIDE.test(nfc[m.index - 1])) add('doc', foldForSearch(m[0]));
  for (const m of nfc.matchAll(PERIOD)) if (!m.index || !/\d/.test(nfc[m.index - 1])) add('period', `${m[1]}-${m[2]}`);
  return out;
}
