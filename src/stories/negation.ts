import type { Fingerprint } from './types';
import { NORMAL_WEIGHT } from './weights';

/**
 * A title that denies what the other asserts ("Trạm Y tế xã Mường Chiên chưa đạt Bộ tiêu chí" /
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

export function negationDiffers(a: Fingerprint, b: Fingerprint): boolean {
  return deniesWhatOtherAsserts(a, b) || deniesWhatOtherAsserts(b, a);
}
