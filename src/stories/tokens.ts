import { foldForSearch } from '../vietnamese';

/**
 * Vietnamese text → folded syllables for matching: NFC, abbreviations spelled out, Roman
 * ordinals as digits, diacritics and đ folded ("Hội nghị lần thứ XV" → hoi nghi lan thu 15).
 * Folding is for matching only; nothing here is shown to readers.
 */

/** Abbreviated kind words before a name: "KCN Phú Hà" is "khu công nghiệp Phú Hà", as names are read (places.ts). */
export const KIND_ABBREVIATIONS: ReadonlyArray<[string, string]> = [
  ['KCN', 'khu công nghiệp'],
  ['CCN', 'cụm công nghiệp'],
  ['KKT', 'khu kinh tế'],
  ['KĐT', 'khu đô thị'],
  ['KDC', 'khu dân cư'],
  ['KDL', 'khu du lịch'],
  ['TDP', 'tổ dân phố'],
  // The city's initials, a kind word and a name in one: read as the name it stands for.
  ['TPHCM', 'thành phố Hồ Chí Minh'],
  ['TP.HCM', 'thành phố Hồ Chí Minh'],
];
const escapeDots = (a: string) => a.replaceAll('.', '\\.');
const KIND_ABBREVIATION_RE = new RegExp(`(?<![\\p{L}\\p{N}])(${KIND_ABBREVIATIONS.map(([a]) => escapeDots(a)).join('|')})\\.?(?![\\p{L}\\p{N}])`, 'gu');
const KIND_EXPANSION = new Map(KIND_ABBREVIATIONS);
/** NFC text with its abbreviated kind words spelled out. */
export const spellKinds = (nfc: string) => nfc.replace(KIND_ABBREVIATION_RE, (m, abbr: string) => KIND_EXPANSION.get(abbr) ?? m);

/** Abbreviations portals use in titles, spelled out so "HĐND" meets "Hội đồng nhân dân". */
const ABBREVIATIONS: ReadonlyArray<[string, string]> = [
  ['UBND', 'ủy ban nhân dân'],
  ['HĐND', 'hội đồng nhân dân'],
  ['MTTQ', 'mặt trận tổ quốc'],
  ['UBMTTQ', 'ủy ban mặt trận tổ quốc'],
  ['BCH', 'ban chấp hành'],
  ['BTV', 'ban thường vụ'],
  ['BCĐ', 'ban chỉ đạo'],
  ['ĐBQH', 'đại biểu quốc hội'],
  ['HĐND-UBND', 'hội đồng nhân dân ủy ban nhân dân'],
  ['THPT', 'trung học phổ thông'],
  ['THCS', 'trung học cơ sở'],
  ['PTDTNT', 'phổ thông dân tộc nội trú'],
  ['GD&ĐT', 'giáo dục và đào tạo'],
  ['GDĐT', 'giáo dục và đào tạo'],
  ['KH&CN', 'khoa học và công nghệ'],
  ['TN&MT', 'tài nguyên và môi trường'],
  ['NN&PTNT', 'nông nghiệp và phát triển nông thôn'],
  ['NN&MT', 'nông nghiệp và môi trường'],
  ['NNMT', 'nông nghiệp và môi trường'],
  ['TT&TT', 'thông tin và truyền thông'],
  ['KH&ĐT', 'kế hoạch và đầu tư'],
  ['KHĐT', 'kế hoạch và đầu tư'],
  ['KHCN', 'khoa học và công nghệ'],
  ['TNMT', 'tài nguyên và môi trường'],
  ['VH&TT', 'văn hóa và thông tin'],
  ['VH-TT', 'văn hóa thông tin'],
  ['VH-XH', 'văn hóa xã hội'],
  ['LĐTBXH', 'lao động thương binh và xã hội'],
  ['GTVT', 'giao thông vận tải'],
  ['TDTT', 'thể dục thể thao'],
  ['XD&PT', 'xây dựng và phát triển'],
  ['DS&TE', 'dân số và trẻ em'],
  ['ND&PTNT', 'nông nghiệp và phát triển nông thôn'],
  ['LĐ-TB&XH', 'lao động thương binh và xã hội'],
  ['VH-TT&DL', 'văn hóa thể thao và du lịch'],
  ['VHTTDL', 'văn hóa thể thao và du lịch'],
  ['KT-XH', 'kinh tế xã hội'],
  ['KTXH', 'kinh tế xã hội'],
  ['ĐVHC', 'đơn vị hành chính'],
  ['NTM', 'nông thôn mới'],
  ['PCCC', 'phòng cháy chữa cháy'],
  ['ATGT', 'an toàn giao thông'],
  ['CSGT', 'cảnh sát giao thông'],
  ['HTX', 'hợp tác xã'],
  ['BHXH', 'bảo hiểm xã hội'],
  ['BHYT', 'bảo hiểm y tế'],
  ['CCHC', 'cải cách hành chính'],
  ['TTĐT', 'thông tin điện tử'],
  ['UBKT', 'ủy ban kiểm tra'],
  ['TP', 'thành phố'],
  // Bodies and offices of courts, security, border, army, banks, markets, farming and services.
  ['TAND', 'tòa án nhân dân'],
  ['VKSND', 'viện kiểm sát nhân dân'],
  ['CAND', 'công an nhân dân'],
  ['BĐBP', 'bộ đội biên phòng'],
  ['BCHQS', 'bộ chỉ huy quân sự'],
  ['LLVT', 'lực lượng vũ trang'],
  ['DQTV', 'dân quân tự vệ'],
  ['QLTT', 'quản lý thị trường'],
  ['NHCSXH', 'ngân hàng chính sách xã hội'],
  ['BVTV', 'bảo vệ thực vật'],
  ['ATTP', 'an toàn thực phẩm'],
  ['CNTT', 'công nghệ thông tin'],
  ['CĐS', 'chuyển đổi số'],
  ['DTTS', 'dân tộc thiểu số'],
  ['BHTN', 'bảo hiểm thất nghiệp'],
  ['TTHC', 'thủ tục hành chính'],
  ['DVC', 'dịch vụ công'],
  ['PCTT', 'phòng chống thiên tai'],
  ['TKCN', 'tìm kiếm cứu nạn'],
  ['TNGT', 'tai nạn giao thông'],
  ['GPMB', 'giải phóng mặt bằng'],
  ['HLHPN', 'hội liên hiệp phụ nữ'],
  ['LHPN', 'liên hiệp phụ nữ'],
  ['CCB', 'cựu chiến binh'],
  // Medals, as sports results write them.
  ['HCV', 'huy chương vàng'],
  ['HCB', 'huy chương bạc'],
  ['HCĐ', 'huy chương đồng'],
  ['ĐTN', 'đoàn thanh niên'],
  ['TNCS', 'thanh niên cộng sản'],
  ['ĐBSCL', 'đồng bằng sông cửu long'],
  // Papers, services and duties a commune's people deal with.
  ['CCCD', 'căn cước công dân'],
  ['CMND', 'chứng minh nhân dân'],
  ['GCN', 'giấy chứng nhận'],
  ['QSDĐ', 'quyền sử dụng đất'],
  ['NVQS', 'nghĩa vụ quân sự'],
  ['NSNN', 'ngân sách nhà nước'],
  ['SXKD', 'sản xuất kinh doanh'],
  ['VSATTP', 'vệ sinh an toàn thực phẩm'],
  ['PCCCR', 'phòng cháy chữa cháy rừng'],
  ['KTTV', 'khí tượng thủy văn'],
  ['TNXP', 'thanh niên xung phong'],
  ['GDNN', 'giáo dục nghề nghiệp'],
  ['CBCCVC', 'cán bộ công chức viên chức'],
  ...KIND_ABBREVIATIONS,
];

/** A department's initials joined by "&" are also written with "và", a dash or nothing: "NN&MT", "NN và MT", "NN-MT", "NNMT". */
const JOINED = ABBREVIATIONS.flatMap(([a, e]): Array<[string, string]> =>
  a.includes('&') ? [a.replace(/&/g, ' và '), a.replace(/&/g, '-'), a.replace(/[-&]/g, '')].map((v): [string, string] => [v, e]) : [],
);
const ALL_ABBREVIATIONS = [...new Map([...JOINED, ...ABBREVIATIONS]).entries()];
const LETTER_OR_DIGIT = '[\\p{L}\\p{N}]';
const ABBREVIATION_RE = new RegExp(
  `(?<!${LETTER_OR_DIGIT})(${ALL_ABBREVIATIONS.map(([a]) => escapeDots(a))
    .sort((a, b) => b.length - a.length)
    .join('|')})\\.?(?!${LETTER_OR_DIGIT})`,
  'gu',
);
const EXPANSION = new Map(ALL_ABBREVIATIONS);

/** "38.000" and "1.200" are one number; a separator before exactly three digits is grouping. */
const DIGIT_GROUPING = /(\d)[.,](?=\d{3}(?!\d))/g;

const WORD = /[\p{L}\p{N}]+/gu;

/** Words after which an upper-case I/V/X/L run is an ordinal: "khóa X", "lần thứ XV", "Đại hội XIII", "quý I". */
const ROMAN_CONTEXT = new Set(['thu', 'khoa', 'lan', 'hoi', 'ky', 'dot', 'phien', 'so', 'quy']);
const ROMAN = /^(?:XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
const CAPS_SYLLABLES = new Set(['XI', 'LI', 'VI']);
const ROMAN_VALUE: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };

function romanToNumber(s: string): number {
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_VALUE[s[i]];
    const next = ROMAN_VALUE[s[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** Titles in capitals ("HỘI NGHỊ…") make case useless as a signal. */
export function isMostlyUpperCase(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length < 8) return false;
  const upper = letters.filter((c) => c !== c.toLowerCase()).length;
  return upper / letters.length > 0.6;
}

/**
 * Folded syllables by their written form: a run folds thousands of texts drawn from a small
 * vocabulary, and folding (NFD, mark stripping) is most of a fingerprint's cost. Bounded.
 */
const FOLDED = new Map<string, string>();
export function fold(word: string): string {
  let f = FOLDED.get(word);
  if (f === undefined) {
    if (FOLDED.size >= 50_000) FOLDED.clear();
    FOLDED.set(word, (f = foldForSearch(word)));
  }
  return f;
}

/** Old tone placement at a syllable's end ("hoà", "thuỷ") as it is written today ("hòa", "thủy"); "quý" is no such syllable. */
const OLD_TONES: Record<string, string> = {
  oà: 'òa', oá: 'óa', oả: 'ỏa', oã: 'õa', oạ: 'ọa', oè: 'òe', oé: 'óe', oẻ: 'ỏe', oẽ: 'õe', oẹ: 'ọe',
  uỳ: 'ùy', uý: 'úy', uỷ: 'ủy', uỹ: 'ũy', uỵ: 'ụy',
};
const OLD_TONE_END = /(?<!q)(?:o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])$/u;

/**
 * A syllable in lower case with its marks, tones placed as today: where folding would make
 * one word of two ("Tuấn" / "Tuân", "đã" / "đá"). NFC in, as tokenize() gives. Bounded cache.
 */
const MARKED = new Map<string, string>();
export function marked(word: string): string {
  let m = MARKED.get(word);
  if (m === undefined) {
    if (MARKED.size >= 50_000) MARKED.clear();
    MARKED.set(word, (m = word.toLowerCase().replace(OLD_TONE_END, (x) => OLD_TONES[x] ?? x)));
  }
  return m;
}

/** Folded syllables of a text, in order, each marked when written as a name. */
export interface Tokens {
  words: string[];
  /** The same syllables with their marks (marked()), one for one. */
  marks: string[];
  /** Written mostly in capitals (isMostlyUpperCase). */
  caps: boolean;
  /**
   * True for a capitalized syllable inside a sentence ("huyện Chợ Đồn", "ông Hà Văn Thắng"):
   * Vietnamese capitalizes names, not ordinary words. Always false in an all-capitals text.
   */
  name: boolean[];
}

const SENTENCE_END = /[.:!?"“”]\s*$/;

export function tokenize(text: string): Tokens {
  const nfc = text.normalize('NFC');
  const caps = isMostlyUpperCase(nfc);
  const expanded = nfc
    .replace(ABBREVIATION_RE, (m, abbr: string) => ` ${EXPANSION.get(abbr) ?? m} `)
    .replace(DIGIT_GROUPING, '$1');
  const words: string[] = [];
  const marks: string[] = [];
  const name: boolean[] = [];
  for (const match of expanded.matchAll(WORD)) {
    const raw = match[0];
    const prev = words[words.length - 1] ?? '';
    // A lone capital run is a Roman ordinal only where ordinals go, or when it is at least two
    // letters ("XII"): "V" or "X" elsewhere may be an initial; in capitals, "XI", "LI", "VI"
    // are syllables ("XI MĂNG", "PHẠM VI").
    if (ROMAN.test(raw) && (ROMAN_CONTEXT.has(prev) || (raw.length >= 2 && (!caps || !CAPS_SYLLABLES.has(raw))))) {
      words.push(String(romanToNumber(raw)));
      marks.push(words[words.length - 1]);
      name.push(false);
      continue;
    }
    const first = raw[0];
    const capitalized = first !== first.toLowerCase() && raw.slice(1) === raw.slice(1).toLowerCase();
    const atStart = words.length === 0 || SENTENCE_END.test(expanded.slice(Math.max(0, match.index - 3), match.index));
    words.push(fold(raw));
    marks.push(marked(raw));
    name.push(!caps && capitalized && !atStart);
  }
  return { words, marks, name, caps };
}
