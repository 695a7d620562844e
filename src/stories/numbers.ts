import { foldForSearch } from '../vietnamese';

/**
 * Numbers that name a thing, by the word before them: "kỳ họp thứ 14" → hop 14, "thôn số 2" →
 * thon 2, "Quốc lộ 1A" → lo 1a, "Công văn số 112/UBND-VX" → doc 112/ubnd-vx, "giai đoạn
 * 2016-2020" → period 2016-2020, "từ 1 đến 5 tuổi" → range 1-5; and a level, "cấp huyện" → cap
 * huyen. Two texts naming different ones tell two stories.
 */

/**
 * Words before a number that make it a date, a time or an amount ("ngày 12", "hơn 200",
 * "đạt 70"). After any other word a number names a thing by that word: "Tiểu đoàn 3",
 * "Km 75", "lớp 10", "cấp độ 3", "lần thứ 15", "thôn 5".
 */
const QUANTITY_BEFORE = new Set(
  (
    'ngay sang chieu toi trua dem hom luc tu den va dat hon gan khoang tren duoi co voi la duoc gom con tang giam them ' +
    'ca tong moi hang len xuong bang chi cua cho trong tai sau truoc vao gio phut nguoi nhung cac mot hai ba bon'
  ).split(' '),
);
/** Counted periods written before the word: "6 tháng", "9 tháng". */
const COUNTED_AFTER = new Set(['thang', 'quy', 'nam']);

/** Words after "năm" that make it no period counted: "lớp 10 năm học", "… 3. Năm nay" (nor the end of a text cut short: "đợt 1 năm [2026]"). */
const NOT_PERIOD = new Set(['hoc', 'nay', 'toi', 'qua', 'truoc', 'ngoai', 'tai']);

/** Words before "năm" that compare with that year. */
const COMPARED = new Set(['hon', 'voi', 'bang', 'kem']);

/** Levels of government or of a contest, after "cấp": "cấp huyện" and "cấp tỉnh" are two events. */
const LEVELS = new Set(['xa', 'huyen', 'tinh', 'phuong', 'thon', 'truong', 'co', 'quoc', 'trung', 'bo', 'nganh', 'khu', 'vung']);

/**
 * Counted things written after a number ("làm 12 nhà", "40 hộ", "300 đoàn viên"): the number is
 * an amount whatever word precedes it, unless "thứ" or "số" made it an ordinal or a number.
 */
const COUNTED_NOUNS = new Set(
  (
    'nha ho nguoi ha tan con chiec can suat phan ca tre em hoc ngu lo cay m m2 m3 km kg ty trieu nghin ngan dong usd ' +
    'tau xe doan hoi dang thi benh luot gian san du doanh cong nhan hang gam g lit mm cm'
  ).split(' '),
);

/** What an ordinal word is after "thứ" ("lần thứ hai") or right after an ordinal key ("lần đầu", "đợt hai"). */
const ORDINAL_WORDS = new Map([['nhat', '1'], ['dau', '1'], ['hai', '2'], ['ba', '3'], ['tu', '4']]);
/** Keys counted by ordinals: a reading, a round, a phase, a sitting. */
const ORDINAL_KEYS = new Set(['lan', 'dot', 'vong', 'phien', 'hop']);

function ordinalAt(tokens: string[], i: number): { key: string; value: string } | null {
  const value = ORDINAL_WORDS.get(tokens[i]);
  if (value === undefined) return null;
  if (tokens[i - 1] === 'thu' && ORDINAL_KEYS.has(tokens[i - 2]) && tokens[i] !== 'dau') return { key: tokens[i - 2], value };
  if (ORDINAL_KEYS.has(tokens[i - 1]) && tokens[i] !== 'nhat' && tokens[i] !== 'tu') return { key: tokens[i - 1], value };
  return null;
}

/**
 * Words after which a number always names a road, whatever follows: "Quốc lộ 279 đoạn qua …"
 * folds "đoạn" to the counted "đoàn". Also the abbreviations written joined to the number:
 * "QL279", "ĐT741", "TL8", "HL5".
 */
const ROAD_KEYS = new Set(['lo', 'ql', 'dt', 'tl', 'hl']);
const JOINED_ROAD = /^(ql|dt|tl|hl)(\d+[a-z]?)$/;

/** A number, or a road's number with its letter ("1a", "3b"). */
const NUMBER = /^\d+[a-z]?$/;

const DOCUMENT = /\d{1,6}(?:\/\d{4})?[/-]\p{Lu}[\p{Lu}\d&]*(?:[/-][\p{Lu}\d&]+)*/gu;
/** What may not precede a document number: it would be inside another one. */
const INSIDE = /[\p{L}\p{N}/.-]/u;
const PERIOD = /((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)(?!\d)/g;

/** An issuer spelled out inside a document number: "112/Ủy ban nhân dân-VX". */
const SPELLED_ISSUER = /(?<=\d[/-])\p{Lu}[\p{L}\p{M}]*(?: [\p{L}\p{M}]+){1,5}(?=[-/]\p{Lu})/gu;

/** A document number with its issuer spelled out, as written in initials: "112/UBND-VX", "7/HĐND-VP". */
const withCodesInitialed = (nfc: string) =>
  nfc.replace(SPELLED_ISSUER, (words) => words.split(' ').map((w) => w.normalize('NFD')[0].toUpperCase()).join('').normalize('NFC'));

export function identifyingNumbers(tokens: string[], text: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (key: string, n: string) => {
    const set = out.get(key) ?? new Set<string>();
    // The North–South road is written with or without its old letter: "Quốc lộ 1A" is "Quốc lộ 1"
    // (other letters name other roads: "Quốc lộ 3B" is not "Quốc lộ 3").
    set.add(key === 'lo' && n === '1a' ? '1' : n.replace(/^0+(?=\d)/, ''));
    out.set(key, set);
  };
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === 'cap' && LEVELS.has(tokens[i + 1] ?? '')) add('cap', tokens[i + 1]);
    // "lần đầu" / "lần thứ hai": a first and a second reading are two events, as "lần 1" and "lần 2" are.
    const ordinal = ordinalAt(tokens, i);
    if (ordinal) add(ordinal.key, ordinal.value);
    const joined = JOINED_ROAD.exec(tokens[i]);
    if (joined) add(joined[1] === 'ql' ? 'lo' : joined[1], joined[2]);
    if (!NUMBER.test(tokens[i])) continue;
    if (ROAD_KEYS.has(tokens[i - 1] ?? '')) {
      add(tokens[i - 1] === 'ql' ? 'lo' : tokens[i - 1], tokens[i]);
      continue;
    }
    // "từ 1 đến 5 tuổi": a range names which ones, though each end alone reads as an amount.
    // "từ 10 đến 13/11" is days of a month, not a range of things.
    if (tokens[i - 1] === 'tu' && tokens[i + 1] === 'den' && NUMBER.test(tokens[i + 2] ?? '') && !NUMBER.test(tokens[i + 3] ?? '')) add('range', `${tokens[i]}-${tokens[i + 2]}`);
    let j = i - 1;
    // "kỳ họp thứ 14": the key before "thứ"; "Công văn số 112", "thôn số 2": any word before "số".
    if (tokens[j] === 'thu') j--;
    const afterThu = j < i - 1;
    const afterSo = tokens[j] === 'so';
    if (afterSo) j--;
    // "2,5 kg" is read "2 5 kg": the decimal's digits count what follows them too.
    let last = i;
    while (NUMBER.test(tokens[last + 1] ?? '') && last - i < 2) last++;
    if (!afterThu && !afterSo && COUNTED_NOUNS.has(tokens[last + 1] ?? '')) {
      i = last;
      continue;
    }
    // "cao hơn năm 2023", "so với năm 2023": the year compared with, not the one the news is of.
    if (tokens[j] === 'nam' && COMPARED.has(tokens[j - 1] ?? '')) continue;
    // A duration is told in months whichever word tells it: "thi công 3 năm" is "thi công 36 tháng".
    const months = !afterThu && !afterSo && (tokens[i + 1] === 'thang' || tokens[i + 1] === 'nam') && tokens[i + 2] !== undefined && !NUMBER.test(tokens[i + 2]) && !NOT_PERIOD.has(tokens[i + 2]) && !ORDINAL_KEYS.has(tokens[j]) && Number(tokens[i]) < 100;
    const value = months && tokens[i + 1] === 'nam' ? String(Number(tokens[i]) * 12) : tokens[i];
    // A text ending on the period word ("kỷ niệm 50 năm", a summary cut short there) may have gone
    // on as a duration ("… năm thành lập") or a year ("… năm 2026"): both readings are kept.
    const open = !afterThu && !afterSo && (tokens[i + 1] === 'thang' || tokens[i + 1] === 'nam') && tokens[i + 2] === undefined && !ORDINAL_KEYS.has(tokens[j]) && Number(tokens[i]) < 100;
    const asDuration = tokens[i + 1] === 'nam' ? String(Number(tokens[i]) * 12) : tokens[i];
    if (j >= 0 && !NUMBER.test(tokens[j]) && (afterSo || !QUANTITY_BEFORE.has(tokens[j]))) {
      add(tokens[j], tokens[j] === 'thang' || tokens[j] === 'quy' ? tokens[i] : value);
      if (open && tokens[j] !== 'thang' && tokens[j] !== 'quy') add(tokens[j], asDuration);
    } else if (afterSo) add('so', tokens[i]);
    else if (COUNTED_AFTER.has(tokens[i + 1] ?? '')) {
      add(months ? 'months' : `${tokens[i + 1]}-count`, value);
      if (open) add('months', asDuration);
    }
  }
  const nfc = withCodesInitialed(text.normalize('NFC'));
  for (const m of nfc.matchAll(DOCUMENT)) if (!m.index || !INSIDE.test(nfc[m.index - 1])) add('doc', foldForSearch(m[0]));
  for (const m of nfc.matchAll(PERIOD)) if (!m.index || !/\d/.test(nfc[m.index - 1])) add('period', `${m[1]}-${m[2]}`);
  return out;
}

/** A number after a name: "cầu Mỹ Thuận 2", "Nhiệt điện Cần Thơ 2"; not a year or a day ("Tết Bính Ngọ 2026", "… 12/2"). */
const NAME_NUMBER = /^\d{1,2}[a-z]?$/;
/**
 * Kinds of works built in series under one name, by their last syllable: a bridge, a plant
 * ("nhà máy", "nhiệt điện", "thủy điện"), a station, a port, a reservoir, a dam, a sluice, an
 * industrial park or cluster, a line. After a place a number is mostly a count ("xã Tân Lập 5 hộ").
 */
const SERIES_KINDS = new Set(['cau', 'may', 'dien', 'tram', 'cang', 'ben', 'ho', 'dap', 'cong', 'nghiep', 'tuyen', 'vien']);

/**
 * Names of two syllables or more written with a number after them, folded ("my thuan" → {"2"}):
 * "cầu Mỹ Thuận 2" is another bridge than "cầu Mỹ Thuận".
 */
export function numberedNames(tokens: string[], name: boolean[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (let i = 2; i < tokens.length; i++) {
    if (!NAME_NUMBER.test(tokens[i]) || NUMBER.test(tokens[i + 1] ?? '')) continue;
    let from = i;
    while (from > 0 && i - from < 3 && name[from - 1]) from--;
    if (i - from < 2 || !SERIES_KINDS.has(tokens[from - 1] ?? '') || COUNTED_NOUNS.has(tokens[i + 1] ?? '')) continue;
    const key = tokens.slice(from, i).join(' ');
    out.set(key, (out.get(key) ?? new Set()).add(tokens[i]));
  }
  return out;
}

/** One text names a thing with a number ("Mỹ Thuận 2") that the other names only without one. */
export function numberDropped(a: Map<string, Set<string>>, bText: string, b: Map<string, Set<string>>): boolean {
  for (const key of a.keys()) if (!b.has(key) && bText.includes(` ${key} `)) return true;
  return false;
}
