/**
 * How much a syllable says about which story a text tells. Weighed down, never removed:
 * "tỉnh", "huyện", "của" are in every title, so sharing them proves little, but a text made
 * only of them still compares. Folded forms (no diacritics), as tokenize() yields them.
 */

/** Grammar words, administrative kind words, times of day. */
export const STOP_WEIGHT = 0.1;
/** The vocabulary of government news: present in most items of a portal. */
export const COMMON_WEIGHT = 0.35;
export const NORMAL_WEIGHT = 1;
/** A capitalized syllable inside a sentence: part of a name, the surest sign of which story. */
export const NAME_WEIGHT = 1.5;

const STOP = new Set(
  (
    'tinh huyen xa phuong quan ve cua va cac nam ngay tai voi trong la duoc nhung mot nay ' +
    'se den theo de tren cung khi thi ma o sang chieu toi dem hom nhu vao ra ' +
    'thu so'
  ).split(' '),
);

/** Folded stop words whose written forms are other words: "nam" (south) is no "năm" (year), "tải" no "tại". */
export const isStopWord = (folded: string) => STOP.has(folded);
/** The stop words as written, with their marks (tokens.ts marked()). */
export const STOP_WRITTEN = new Set(
  (
    'tỉnh huyện xã phường quận về của và các năm ngày tại với trong là được những một này ' +
    'sẽ đến theo để trên cũng cùng khi thì mà ở sáng chiều tối đêm hôm như vào ra thứ số'
  ).split(' '),
);

/** Single common words as written: folded, "toán" (mathematics) would be "toàn" (whole), "lân" "lần". */
export const COMMON_WRITTEN = new Set('ngành lần tháng vừa cho toàn nhiều người'.split(' '));

/** Multi-syllable stop phrases: each syllable is weighed down only inside the phrase. */
const STOP_PHRASES = ['thanh pho', 'thi tran', 'thi xa', 'dia ban', 'nhan dip', 'vua qua', 'uy ban nhan dan'];

const COMMON_PHRASES = [
  'to chuc', 'hoi nghi', 'trien khai', 'thuc hien', 'cong tac', 'kiem tra', 'dong chi', 'chu tich',
  'nhan dan', 'nhiem ky', 'ket qua', 'tinh hinh', 'kinh te', 'xa hoi', 'nhiem vu', 'bao cao',
  'ke hoach', 'phat trien', 'co quan', 'don vi', 'lanh dao', 'tham du', 'hoi dong', 'dai bieu',
  'hoat dong', 'tang cuong', 'dam bao', 'nang cao', 'chi dao', 'tham gia', 'dien ra',
  'hieu qua', 'ban hanh', 'cac cap', 'nganh', 'lan', 'thang', 'tinh uy', 'huyen uy', 'dang bo',
  'vua', 'cho', 'tiep tuc', 'nguoi', 'viet nam', 'trung tam', 'cong dan', 'toan', 'nhieu', 'dia phuong',
];

const COMMON_WORDS = new Set(COMMON_PHRASES.filter((p) => !p.includes(' ')));
/** Folded single words of the common vocabulary ("toan", "lan"): see COMMON_WRITTEN for their written forms. */
export const isCommonWord = (folded: string) => COMMON_WORDS.has(folded);

function phraseTable(phrases: readonly string[]): Map<string, string[][]> {
  // First syllable → the phrases that start with it, longest first, so matching is one lookup.
  const table = new Map<string, string[][]>();
  for (const p of phrases) {
    const words = p.split(' ');
    const list = table.get(words[0]) ?? [];
    list.push(words);
    list.sort((a, b) => b.length - a.length);
    table.set(words[0], list);
  }
  return table;
}

const STOP_TABLE = phraseTable(STOP_PHRASES);
const COMMON_TABLE = phraseTable(COMMON_PHRASES);

function markPhrases(tokens: string[], table: Map<string, string[][]>, weights: number[], w: number): void {
  for (let i = 0; i < tokens.length; i++) {
    for (const phrase of table.get(tokens[i]) ?? []) {
      if (phrase.every((p, k) => tokens[i + k] === p)) {
        for (let k = 0; k < phrase.length; k++) weights[i + k] = Math.min(weights[i + k], w);
        break;
      }
    }
  }
}

/** A weight for each token of a folded syllable sequence; `name` marks capitalized ones. */
export function tokenWeights(tokens: string[], name: boolean[] = []): number[] {
  const weights = tokens.map((t, i) => (STOP.has(t) ? STOP_WEIGHT : name[i] ? NAME_WEIGHT : NORMAL_WEIGHT));
  markPhrases(tokens, COMMON_TABLE, weights, COMMON_WEIGHT);
  markPhrases(tokens, STOP_TABLE, weights, STOP_WEIGHT);
  return weights;
}
