import type { Fingerprint } from './types';
import { NORMAL_WEIGHT } from './weights';

/**
 * A title that denies what the other asserts, or a text that denies what the other's title tells ("Trạm Y tế xã Mường Chiên chưa đạt Bộ tiêu chí" /
 * "… đạt Bộ tiêu chí"): the outcome is the news, and a republisher never drops its "not".
 */

/** Words that deny the word after them. */
const NEGATIONS = new Set(['không', 'chưa', 'chẳng']);
/** Words that make a compound with "không" (space, air, aviation) or a turn of phrase ("không chỉ"), not a denial. */
const NO_DENIAL_AFTER = new Set(['gian', 'khí', 'ảnh', 'chỉ', 'ngừng', 'quân', 'phận', 'lưu', 'dây', 'từng', 'những', 'riêng', 'kể']);
const NO_DENIAL_BEFORE = new Set(['hàng', 'phòng']);

/** The words of x's title that it denies and y's title asserts, unless y's text denies them somewhere too. */
function deniesWhatOtherAsserts(x: Fingerprint, y: Fingerprint): boolean {
  const title = x.marks[0];
  for (let i = 0; i + 1 < title.length; i++) {
    if (!NEGATIONS.has(title[i]) || NO_DENIAL_BEFORE.has(title[i - 1]) || NO_DENIAL_AFTER.has(title[i + 1])) continue;
    const denied = title[i + 1];
    if ((x.all.get(x.words[0][i + 1]) ?? 0) < NORMAL_WEIGHT) continue;
    const other = y.marks[0];
    const asserted = other.some((w, k) => w === denied && !NEGATIONS.has(other[k - 1]));
    if (asserted && !y.markedText.includes(` ${title[i]} ${denied} `)) return true;
  }
  return false;
}

/** Words between a denial and what it denies ("không phải chuyển", "chưa được cấp"). */
const DENIAL_GLUE = new Set(['phải', 'cần', 'bị', 'được', 'hề', 'còn']);

/**
 * What x's text denies and never asserts, that y's title asserts and y's text never denies
 * ("… chuyển hồ sơ sang cơ quan công an" / "… không phải chuyển hồ sơ"): another outcome of one case.
 */
function textDeniesOtherTitle(x: Fingerprint, y: Fingerprint): boolean {
  for (const words of x.marks) {
    for (let i = 0; i + 1 < words.length; i++) {
      if (!NEGATIONS.has(words[i]) || NO_DENIAL_BEFORE.has(words[i - 1]) || NO_DENIAL_AFTER.has(words[i + 1])) continue;
      const k = DENIAL_GLUE.has(words[i + 1]) ? i + 2 : i + 1;
      const denied = words[k];
      // The denied word with the word after it, as the other title has them: "chuyển hồ", not the "có" of "không có đất".
      const at = inTitle(y, denied, words[k + 1]);
      if (at < 0 || (y.all.get(y.words[0][at]) ?? 0) < NORMAL_WEIGHT) continue;
      if (assertsAnywhere(x, denied) || deniesAnywhere(y, denied)) continue;
      return true;
    }
  }
  return false;
}

function inTitle(y: Fingerprint, word: string | undefined, next: string | undefined): number {
  const title = y.marks[0];
  for (let k = 0; k + 1 < title.length; k++) if (title[k] === word && title[k + 1] === next) return k;
  return -1;
}

const denial = (words: string[], k: number) => NEGATIONS.has(words[k - 1]) || (DENIAL_GLUE.has(words[k - 1]) && NEGATIONS.has(words[k - 2]));
const assertsAnywhere = (x: Fingerprint, word: string) => x.marks.some((words) => words.some((w, k) => w === word && !denial(words, k)));
const deniesAnywhere = (x: Fingerprint, word: string) => x.marks.some((words) => words.some((w, k) => w === word && denial(words, k)));

/**
 * Whether x's title denies something ("chưa đủ điều kiện", "không đạt") that y's text never
 * denies in the same words: a denial not in a compound or a turn of phrase.
 */
export function deniesAlone(x: Fingerprint, y: Fingerprint): boolean {
  const title = x.marks[0];
  for (let i = 0; i + 1 < title.length; i++) {
    if (!NEGATIONS.has(title[i]) || NO_DENIAL_BEFORE.has(title[i - 1]) || NO_DENIAL_AFTER.has(title[i + 1])) continue;
    if (!y.markedText.includes(` ${title[i]} ${title[i + 1]} `)) return true;
  }
  return false;
}

export function negationDiffers(a: Fingerprint, b: Fingerprint): boolean {
  return deniesWhatOtherAsserts(a, b) || deniesWhatOtherAsserts(b, a) || textDeniesOtherTitle(a, b) || textDeniesOtherTitle(b, a);
}
