import { foldForSearch } from '../vietnamese';
import { FORMER_PROVINCES } from '../regions';
import { COMMUNES_BY_PROVINCE } from './place-names';
import { isMostlyUpperCase } from './tokens';

/**
 * Who and where a text is about: places, people and schools, as folded names. Two pieces of
 * news that differ in any of these are two stories, however alike their words. Found three
 * ways: after a kind word, with every name of a list ("huyện Na Rì và Ngân Sơn", "các xã
 * Bằng Vân, Thượng Quan", "ông Nông Văn Tài"); as a capitalized name that is a province,
 * commune or country ("Ngân Sơn", "Lào"); and as a title's prefix ("Thái Bình: …").
 */
export interface Names {
  places: Set<string>;
  people: Set<string>;
  schools: Set<string>;
}
export type NameKind = keyof Names;

const KIND_WORDS: Record<string, NameKind> = {
  'xã': 'places',
  'phường': 'places',
  'thị trấn': 'places',
  'đặc khu': 'places',
  'huyện': 'places',
  'quận': 'places',
  'thị xã': 'places',
  'thành phố': 'places',
  'tp': 'places',
  'tỉnh': 'places',
  'thôn': 'places',
  'bản': 'places',
  'xóm': 'places',
  'tổ dân phố': 'places',
  'nước': 'places',
  // The person elected, appointed or helped is the news.
  'đồng chí': 'people',
  'ông': 'people',
  'bà': 'people',
  'anh': 'people',
  'chị': 'people',
  'cháu': 'people',
  'em': 'people',
  // "Trường THPT Chợ Đồn" / "Trường THPT Ba Bể" open their year the same morning.
  'trường thpt': 'schools',
  'trường thcs': 'schools',
  'trường tiểu học': 'schools',
  'trường mầm non': 'schools',
  'trường ptdtbt': 'schools',
  'trường ptdtnt': 'schools',
  'trường th&thcs': 'schools',
  'trường': 'schools',
};

const CAPITALIZED = '\\p{Lu}[\\p{Ll}\\p{M}]*(?![\\p{L}\\p{M}])';
const NAME = `${CAPITALIZED}(?:[ \\t]+${CAPITALIZED}){0,3}`;
/** Between names of one list: "A, B và C", "A - B". */
const LIST_GLUE = '\\s*(?:,|và|-|–)\\s*';
// Case variants spelled out: under the `i` flag \p{Lu} would match lower case too.
const KIND_ALTERNATIVES = Object.keys(KIND_WORDS)
  .flatMap((w) => {
    const [head, ...rest] = w.split(' ');
    const tail = rest.map((r) => (/^(thpt|thcs|ptdt|th&)/.test(r) ? r.toUpperCase() : r));
    const cap = head[0].toUpperCase() + head.slice(1);
    return head === 'tp' ? ['TP\\.?'] : [[head, ...tail].join(' '), [cap, ...tail].join(' ')];
  })
  .sort((a, b) => b.length - a.length);
const KIND_RE = new RegExp(`(?<![\\p{L}])(${KIND_ALTERNATIVES.join('|')})\\s+(${NAME}(?:${LIST_GLUE}${NAME})*)`, 'gu');
const LIST_SPLIT = new RegExp(LIST_GLUE, 'u');

const COUNTRIES = [
  'Lào', 'Campuchia', 'Trung Quốc', 'Thái Lan', 'Hàn Quốc', 'Nhật Bản', 'Hoa Kỳ', 'Nga', 'Cuba', 'Cu Ba', 'Pháp', 'Úc',
  'Ấn Độ', 'Singapore', 'Malaysia', 'Indonesia', 'Philippines', 'Myanmar', 'Mông Cổ', 'Đài Loan', 'Ba Lan', 'Séc',
];
/** Names that are places only after a kind word: heroes' names that are also wards ("Hồ Chí Minh", "Trần Phú"). */
const NOT_ALONE = new Set(['ho chi minh', 'tran phu', 'le loi', 'quang trung', 'hung vuong', 'ly thuong kiet', 'nguyen trai', 'tran hung dao', 'hoang van thu', 'phan dinh phung', 'le hong phong', 'nguyen du', 'chu van an', 'ba dinh']);
const KNOWN = new Set([
  ...Object.values(COMMUNES_BY_PROVINCE).flatMap((names) => names.split('|')),
  ...FORMER_PROVINCES.map((p) => foldForSearch(p.name)),
  ...COUNTRIES.map(foldForSearch),
].filter((n) => !NOT_ALONE.has(n)));
const SINGLE = new Set(COUNTRIES.filter((c) => !c.includes(' ')).map(foldForSearch));

/** A foreign place marked with its country: "Phông Sa Lỳ (Lào)". */
const MARKED_FOREIGN = new RegExp(`(${NAME})\\s*\\((?:${COUNTRIES.join('|')})\\)`, 'gu');
const CAPITAL_RUN = new RegExp(`${NAME.replace('{0,3}', '{0,5}')}`, 'gu');
const PERSON_BEFORE = /(?:ông|bà|anh|chị|đồng chí|em|cháu)\s*$/iu;

function add(out: Names, kind: NameKind, name: string) {
  const folded = foldForSearch(name);
  // A person is named by two syllables at least ("Bí thư" gives the bare "Bí").
  if (kind === 'people' && !folded.includes(' ')) return;
  out[kind].add(folded);
}

/** Known place names inside a run of capitalized syllables, longest first. */
function knownIn(run: string[], out: Names) {
  const folded = run.map(foldForSearch);
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
  for (const m of nfc.matchAll(KIND_RE)) {
    const kind = KIND_WORDS[m[1].toLowerCase().replace(/\.$/, '')];
    for (const name of m[2].split(LIST_SPLIT)) if (name) add(out, kind, name);
  }
  for (const m of nfc.matchAll(MARKED_FOREIGN)) add(out, 'places', m[1]);
  for (const m of nfc.matchAll(CAPITAL_RUN)) {
    if (PERSON_BEFORE.test(nfc.slice(Math.max(0, m.index - 9), m.index))) continue;
    knownIn(m[0].split(/\s+/), out);
  }
}

export function namesIn(title: string, summary: string): Names {
  const out: Names = { places: new Set(), people: new Set(), schools: new Set() };
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
