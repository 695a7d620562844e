import { allCommunes, FORMER_PROVINCES } from '../regions';
import { foldForSearch } from '../vietnamese';
import { fold, isMostlyUpperCase } from './tokens';

/**
 * Who and where a text is about: places, people and bodies, as folded names. Two pieces of
 * news that differ in any of these are two stories, however alike their words. Found three
 * ways: after a kind word, with every name of a list ("huyện Na Rì và Ngân Sơn", "các xã
 * Bằng Vân, Thượng Quan", "ông Nông Văn Tài"); as a capitalized name that is a province,
 * commune or country ("Ngân Sơn", "Lào"); and as a title's prefix ("Thái Bình: …").
 */
export interface Names {
  places: Set<string>;
  people: Set<string>;
  /** Schools, companies, hospitals, units: "Trường THPT Chợ Đồn", "Công ty TNHH Minh Phát". */
  bodies: Set<string>;
}
export type NameKind = keyof Names;

/** Kind words, and the kind of name they introduce; `lower` ones only in lower case ("sông Đáy", not "Hồ Chí Minh"). */
const KIND_WORDS: Record<string, { kind: NameKind; lower?: boolean }> = {
  'xã': { kind: 'places' },
  'phường': { kind: 'places' },
  'thị trấn': { kind: 'places' },
  'đặc khu': { kind: 'places' },
  'huyện': { kind: 'places' },
  'quận': { kind: 'places' },
  'thị xã': { kind: 'places' },
  'thành phố': { kind: 'places' },
  'tp': { kind: 'places' },
  'tỉnh': { kind: 'places' },
  'thôn': { kind: 'places' },
  'bản': { kind: 'places' },
  'xóm': { kind: 'places' },
  'ấp': { kind: 'places' },
  'tổ dân phố': { kind: 'places' },
  'nước': { kind: 'places' },
  'cửa khẩu': { kind: 'places' },
  'khu công nghiệp': { kind: 'places' },
  'cụm công nghiệp': { kind: 'places' },
  'nghĩa trang': { kind: 'places' },
  'sông': { kind: 'places', lower: true },
  'suối': { kind: 'places', lower: true },
  'hồ': { kind: 'places', lower: true },
  'đèo': { kind: 'places', lower: true },
  'đảo': { kind: 'places', lower: true },
  'đường': { kind: 'places', lower: true },
  'phố': { kind: 'places', lower: true },
  'cầu': { kind: 'places', lower: true },
  'chợ': { kind: 'places', lower: true },
  'bến': { kind: 'places', lower: true },
  'cảng': { kind: 'places', lower: true },
  // The person elected, appointed, honoured or helped is the news.
  'đồng chí': { kind: 'people' },
  'ông': { kind: 'people' },
  'bà': { kind: 'people' },
  'anh': { kind: 'people' },
  'chị': { kind: 'people' },
  'cháu': { kind: 'people' },
  'em': { kind: 'people' },
  'cụ': { kind: 'people' },
  'liệt sĩ': { kind: 'people' },
  'nghệ nhân': { kind: 'people' },
  'bác sĩ': { kind: 'people' },
  'đại tá': { kind: 'people' },
  'thượng tá': { kind: 'people' },
  'trung tá': { kind: 'people' },
  'thiếu tá': { kind: 'people' },
  'đại úy': { kind: 'people' },
  // "Trường THPT Chợ Đồn" / "Trường THPT Ba Bể" open their year the same morning.
  'trường thpt': { kind: 'bodies' },
  'trường thcs': { kind: 'bodies' },
  'trường tiểu học': { kind: 'bodies' },
  'trường mầm non': { kind: 'bodies' },
  'trường ptdtbt': { kind: 'bodies' },
  'trường ptdtnt': { kind: 'bodies' },
  'trường th&thcs': { kind: 'bodies' },
  'trường': { kind: 'bodies', lower: true },
  'công ty tnhh': { kind: 'bodies' },
  'công ty cổ phần': { kind: 'bodies' },
  'công ty cp': { kind: 'bodies' },
  'công ty': { kind: 'bodies' },
  'hợp tác xã': { kind: 'bodies' },
  'htx': { kind: 'bodies' },
  'bệnh viện': { kind: 'bodies' },
  'trạm y tế': { kind: 'bodies' },
  'đồn biên phòng': { kind: 'bodies' },
};

const COUNTRIES = [
  'Lào', 'Campuchia', 'Trung Quốc', 'Thái Lan', 'Hàn Quốc', 'Nhật Bản', 'Hoa Kỳ', 'Nga', 'Cuba', 'Cu Ba', 'Pháp', 'Úc',
  'Ấn Độ', 'Singapore', 'Malaysia', 'Indonesia', 'Philippines', 'Myanmar', 'Mông Cổ', 'Đài Loan', 'Ba Lan', 'Séc',
];
/** Names that are places only after a kind word: heroes' names that are also wards ("Hồ Chí Minh", "Trần Phú"). */
const NOT_ALONE = new Set(['ho chi minh', 'tran phu', 'le loi', 'quang trung', 'hung vuong', 'ly thuong kiet', 'nguyen trai', 'tran hung dao', 'hoang van thu', 'phan dinh phung', 'le hong phong', 'nguyen du', 'chu van an', 'ba dinh']);
const KNOWN = new Set([
  // Today's 3,321 communes, wards and special zones (a few are numbered, not named).
  ...allCommunes().filter((c) => !/^\d/.test(c.name)).map((c) => foldForSearch(c.name)),
  ...FORMER_PROVINCES.map((p) => foldForSearch(p.name)),
  ...COUNTRIES.map(foldForSearch),
].filter((n) => !NOT_ALONE.has(n)));
const SINGLE = new Set(COUNTRIES.filter((c) => !c.includes(' ')).map(foldForSearch));

/** Runs of capitalized words ("Chợ Đồn", "Nguyễn Văn Thắng"); abbreviations ("THPT") are no part of one. */
const WORD = '\\p{Lu}[\\p{Ll}\\p{M}]*(?![\\p{L}\\p{M}])';
const CAPITAL_RUN = new RegExp(`(?<![\\p{L}\\p{M}])${WORD}(?:[ \\t]+${WORD})*`, 'gu');
/** Between names of one list: "A, B và C", "A - B". */
const LIST_GLUE = /^\s*(?:,|và|-|–)\s*$/u;
/** A foreign place marked with its country: "Phông Sa Lỳ (Lào)". */
const COUNTRY_MARK = new RegExp(`^\\s*\\((?:${COUNTRIES.join('|')})\\)`, 'u');
const MAX_NAME_WORDS = 4;

/** Words that may stand between a kind word and its name: "cầu treo Nà Làng", "Bệnh viện Đa khoa khu vực Ngọc Lặc". */
const MODIFIERS = new Set(['treo', 'đa khoa', 'khu vực', 'đa khoa khu vực', 'y học cổ truyền', 'quân y', 'tư thục', 'bán trú', 'dân lập', 'chuyên']);

/** The kind word that `words` end with (the last one to three, maybe before a modifier), if any. */
function kindAtEnd(words: string[]): { kind: NameKind; length: number } | null {
  for (let m = Math.min(3, words.length - 1); m >= 1; m--) {
    if (MODIFIERS.has(words.slice(words.length - m).join(' ').toLowerCase())) return kindAtEnd(words.slice(0, words.length - m));
  }
  for (let len = Math.min(3, words.length); len >= 1; len--) {
    const written = words.slice(words.length - len).join(' ');
    const entry = KIND_WORDS[written.toLowerCase().replace(/\.$/, '')];
    if (entry && !(entry.lower && written[0] !== written[0].toLowerCase())) return { kind: entry.kind, length: len };
  }
  return null;
}

/** The kind word a capitalized run starts with ("Xã Bằng Vân", "Trường THPT…" is not a run), if any. */
function kindAtStart(words: string[]): { kind: NameKind; length: number } | null {
  for (let len = Math.min(3, words.length - 1); len >= 1; len--) {
    const entry = KIND_WORDS[words.slice(0, len).join(' ').toLowerCase()];
    if (entry && !entry.lower) return { kind: entry.kind, length: len };
  }
  return null;
}

function add(out: Names, kind: NameKind, words: string[]) {
  const folded = words.map(fold).join(' ');
  // A person is named by two syllables at least ("Bí thư" gives the bare "Bí").
  if (kind === 'people' && !folded.includes(' ')) return;
  out[kind].add(folded);
}

/** Known place names inside a run of capitalized syllables, longest first. */
function knownIn(run: string[], out: Names) {
  const folded = run.map(fold);
  if (folded.length === 1) {
    if (SINGLE.has(folded[0])) out.places.add(folded[0]);
    return;
  }
  for (let i = 0; i < folded.length; ) {
    let took = 0;
    for (let len = Math.min(4, folded.length - i); len >= 2 && !took; len--) {
      const name = folded.slice(i, i + len).join(' ');
      if (KNOWN.has(name)) {
        out.places.add(name);
        took = len;
      }
    }
    i += took || 1;
  }
}

/** A title's "Place: …" prefix: one to four capitalized words before a colon. */
const PREFIX_RE = /^(?:TP\.?\s+)?((?:\p{Lu}[\p{L}\p{M}]*\s+){0,3}\p{Lu}[\p{L}\p{M}]*)\s*:/u;

function scan(text: string, out: Names) {
  const nfc = text.normalize('NFC');
  if (!nfc || isMostlyUpperCase(nfc)) return; // capitals no longer mark names
  let listKind: NameKind | null = null;
  let listEnd = -1;
  for (const m of nfc.matchAll(CAPITAL_RUN)) {
    let words = m[0].split(/\s+/);
    const end = m.index + m[0].length;
    const inside = kindAtStart(words);
    const before = inside ? null : kindAtEnd(nfc.slice(Math.max(0, m.index - 30), m.index).trimEnd().split(/\s+/));
    let kind = inside?.kind ?? before?.kind ?? null;
    if (inside) words = words.slice(inside.length);
    // "huyện Na Rì và Ngân Sơn", "các xã Bằng Vân, Thượng Quan": the list goes on.
    if (!kind && listKind && LIST_GLUE.test(nfc.slice(listEnd, m.index))) kind = listKind;
    if (!kind && COUNTRY_MARK.test(nfc.slice(end, end + 24))) kind = 'places';
    listKind = kind;
    listEnd = end;
    if (kind) add(out, kind, words.slice(0, MAX_NAME_WORDS));
    else knownIn(words, out);
  }
}

export function namesIn(title: string, summary: string): Names {
  const out: Names = { places: new Set(), people: new Set(), bodies: new Set() };
  scan(title, out);
  scan(summary, out);
  const prefix = PREFIX_RE.exec(title.normalize('NFC'));
  if (prefix) out.places.add(foldForSearch(prefix[1]));
  return out;
}

/**
 * Whether a text (folded words, as Fingerprint.text) tells of `place`. By its name only: a
 * province and a commune in it are two places (the province's news is not the ward's).
 */
export const tellsOf = (place: string, text: string) => text.includes(` ${place} `);
