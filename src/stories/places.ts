import { allCommunes, CURRENT_PROVINCES, FORMER_PROVINCES } from '../regions';
import { foldForSearch } from '../vietnamese';
import { KIND_WORDS, type KindWord } from './kinds';
import { fold, isMostlyUpperCase, marked, spellKinds } from './tokens';
import type { NameKind, Names } from './types';

/**
 * Who and where a text is about: places, people and bodies, as folded names. Two pieces of
 * news that differ in any of these are two stories, however alike their words. Found three
 * ways: after a kind word, with every name of a list ("huyện Na Rì và Ngân Sơn", "các xã
 * Bằng Vân, Thượng Quan", "ông Nông Văn Tài"); as a capitalized name that is a province,
 * commune or country ("Ngân Sơn", "Lào"); and as a title's prefix ("Thái Bình: …").
 * Beyond the kinds listed, every name (a run of two capitalized syllables or more inside
 * a sentence) is kept by the slot it fills, the word written before it: a new kind of thing
 * ("thác Bản Giốc", "đền Đồng Cổ") needs no list to be told apart from another of its kind.
 */

export const COUNTRIES = [
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
/** Provinces and countries, as slots hold names (" thái nguyên "): every item of a province names it, so naming it tells no one event. */
export const BROAD_PLACES = new Set(
  [...CURRENT_PROVINCES, ...FORMER_PROVINCES, ...COUNTRIES.map((name) => ({ name }))].map((p) => ` ${p.name.normalize('NFC').split(' ').map(marked).join(' ')} `),
);

/** Centrally-run cities ("thành phố Huế" is the province): as slots hold names. */
const PROVINCE_CITIES = new Set(
  [...CURRENT_PROVINCES, ...FORMER_PROVINCES].filter((p) => p.kind === 'thanh-pho').map((p) => ` ${p.name.normalize('NFC').split(' ').map(marked).join(' ')} `),
);
/** Kind words of units below a province, as written in full. */
const BELOW_PROVINCE = new Map([
  ['thành phố', 'thành phố'], ['tp', 'thành phố'], ['tp.', 'thành phố'], ['thị xã', 'thị xã'], ['huyện', 'huyện'], ['quận', 'quận'],
  ['xã', 'xã'], ['phường', 'phường'], ['thị trấn', 'thị trấn'], ['đặc khu', 'đặc khu'],
]);

/**
 * A unit below a province named as a province is ("thành phố Thái Bình", "huyện Điện Biên",
 * "phường Lào Cai") is another place than the province, which every item of the province names:
 * it is kept with its kind word, so that "thành phố Thái Bình" / "huyện Thái Thụy" differ.
 */
function unitName(slot: string, kindWritten: string, name: string[]): string[] {
  if (slot !== UNIT) return name;
  const level = BELOW_PROVINCE.get(kindWritten.toLowerCase());
  const written = ` ${name.map(marked).join(' ')} `;
  if (!level || !BROAD_PLACES.has(written) || (level === 'thành phố' && PROVINCE_CITIES.has(written))) return name;
  return [...level.split(' '), ...name];
}

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

/** Last words of kind words and modifiers: a text before a name that ends otherwise has none (most do). */
const LAST_WORDS = new Set([...Object.keys(KIND_WORDS), ...MODIFIERS].map((k) => k.split(' ').pop()!));

/** Words in the longest kind word ("khu bảo tồn loài và sinh cảnh"). */
const MAX_KIND_WORDS = Math.max(...Object.keys(KIND_WORDS).map((k) => k.split(' ').length));

/** The kind word that `words` end with (the last one to three, maybe before a modifier), if any. */
function kindAtEnd(words: string[]): (KindWord & { length: number }) | null {
  if (!LAST_WORDS.has(words[words.length - 1].toLowerCase().replace(/\.$/, ''))) return null;
  for (let m = Math.min(3, words.length - 1); m >= 1; m--) {
    if (MODIFIERS.has(words.slice(words.length - m).join(' ').toLowerCase())) return kindAtEnd(words.slice(0, words.length - m));
  }
  for (let len = Math.min(MAX_KIND_WORDS, words.length); len >= 1; len--) {
    const written = words.slice(words.length - len).join(' ');
    const entry = KIND_WORDS[written.toLowerCase().replace(/\.$/, '')];
    if (entry && !(entry.lower && written[0] !== written[0].toLowerCase())) return { ...entry, length: len };
  }
  return null;
}

/** The kind word a capitalized run starts with ("Xã Bằng Vân", "Trường THPT…" is not a run), if any. */
function kindAtStart(words: string[]): (KindWord & { length: number }) | null {
  for (let len = Math.min(MAX_KIND_WORDS, words.length - 1); len >= 1; len--) {
    const entry = KIND_WORDS[words.slice(0, len).join(' ').toLowerCase()];
    if (entry && !entry.lower) return { ...entry, length: len };
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

/**
 * Capitalized words that open the name of a body or an office, not a name of its own: "Hội
 * Nông dân", "Ban Chấp hành", "Sở Nội vụ", "Phó Chủ tịch", "Báo Bắc Kạn" (whose name is the place's),
 * "Đồn Biên phòng", "Trạm Y tế" (a post's name follows its kind, which may be dropped: "Đồn Chi Ma").
 */
const HEADS = new Set([
  'ban', 'hội', 'sở', 'phòng', 'bộ', 'cục', 'ủy', 'uỷ', 'đảng', 'đoàn', 'mặt', 'liên', 'phó', 'chủ', 'bí', 'quỹ', 'hạt',
  'tòa', 'toà', 'báo', 'đài', 'viện', 'lễ', 'tết', 'ngày', 'tháng', 'kỳ', 'cuộc', 'giải', 'chương', 'đề', 'luật', 'nghị',
  'đồn', 'trạm',
]);

/** The slot of administrative units' names, of any level, and of a title's "Place: …" prefix. */
const UNIT = 'unit';

/** Capitalized words that open a sentence before a name: no part of it. */
const OPENERS = new Set(['theo', 'tại', 'từ', 'trong', 'sau', 'qua', 'với', 'nhân', 'khi', 'do', 'để', 'về', 'cùng']);
/** A province's office named just before: "UBND tỉnh", "Ủy ban nhân dân tỉnh". */
const OFFICE_BEFORE = /(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+tỉnh\s*$/u;

/** The province's name a longer run opens with ("Bắc Ninh Vương Quốc Tuấn" → "Bắc Ninh"), if any. */
function provinceOpening(words: string[]): string[] | null {
  for (let len = Math.min(3, words.length - 1); len >= 1; len--) {
    const head = words.slice(0, len);
    if (BROAD_PLACES.has(` ${head.map(marked).join(' ')} `)) return head;
  }
  return null;
}

/** The slot a run fills: the word written just before it, "^" at the start of a text or sentence; none after a number or mark. */
function slotBefore(before: string): string | null {
  const t = before.trimEnd();
  if (!t || /[.!?:;]$/.test(t)) return '^';
  const w = /([\p{L}\p{M}]+)$/u.exec(t);
  return w ? marked(w[1]) : null;
}

/** A run as a name of its own, without the words of a body's or an office's name that open it: two syllables at least. */
function properName(words: string[]): string[] | null {
  let i = 0;
  while (i < words.length && HEADS.has(words[i].toLowerCase())) i++;
  const rest = words.slice(i, i + MAX_NAME_WORDS);
  if (rest.length >= 2) return rest;
  return rest.length === 1 && SINGLE.has(fold(rest[0])) ? rest : null;
}

function addSlot(out: Names, slot: string, name: string[]) {
  const written = ` ${name.map(marked).join(' ')} `;
  const set = out.slots.get(slot);
  if (set) set.add(written);
  else out.slots.set(slot, new Set([written]));
  out.named.add(written);
}

function addSingle(out: Names, slot: string, word: string) {
  const set = out.singles.get(slot);
  if (set) set.add(` ${marked(word)} `);
  else out.singles.set(slot, new Set([` ${marked(word)} `]));
}

function scan(text: string, caps: boolean, out: Names) {
  const nfc = spellKinds(text.normalize('NFC'));
  if (!nfc || caps) return; // capitals no longer mark names
  let listKind: NameKind | null = null;
  let listSlot: string | null = null;
  let listEnd = -1;
  for (const m of nfc.matchAll(CAPITAL_RUN)) {
    let words = m[0].split(/\s+/);
    const end = m.index + m[0].length;
    const ahead = nfc.slice(Math.max(0, m.index - 30), m.index);
    // "thôn Bản Cái": after a kind word, a name's first word is no kind word of its own.
    // "(phường Pleiku)": a bracket opens the kind word, it is still one.
    const aheadWords = ahead.trimEnd().split(/\s+/).map((w) => w.replace(/^[(["“‘']+/u, ''));
    const before = kindAtEnd(aheadWords);
    const inside = before ? null : kindAtStart(words);
    const kindWritten = (before ? aheadWords.slice(aheadWords.length - before.length) : inside ? words.slice(0, inside.length) : []).join(' ');
    let kind = inside?.kind ?? before?.kind ?? null;
    let slot = (inside ?? before)?.unit ? UNIT : (inside ?? before)?.slot ?? (inside ? marked(words[inside.length - 1]) : slotBefore(ahead));
    if (inside) words = words.slice(inside.length);
    // "Theo Công ty …", "Tại Khu di tích …": a sentence's first word is capitalized whatever it is.
    if (slot === '^' && !inside && words.length > 1 && OPENERS.has(words[0].toLowerCase())) {
      slot = marked(words[0]);
      words = words.slice(1);
    }
    // "Phó Chủ tịch", "Bí thư" after "đồng chí": an office, not the person's name.
    if (kind === 'people' && !inside) while (words.length && HEADS.has(words[0].toLowerCase())) words = words.slice(1);
    if (slot === UNIT && kind === 'places') {
      // "Chủ tịch UBND tỉnh Bắc Ninh Vương Quốc Tuấn": the province, then its head's name.
      const province = provinceOpening(words);
      if (province) words = province;
      // "Chủ tịch UBND tỉnh Nguyễn Văn A": an office's holder where the province goes unnamed.
      else if (OFFICE_BEFORE.test(ahead) && kindWritten.toLowerCase() === 'tỉnh' && words.length >= 3) {
        kind = 'people';
        slot = null;
      }
    }
    if (!words.length) continue;
    // "huyện Na Rì và Ngân Sơn", "các xã Bằng Vân, Thượng Quan": the list goes on.
    const listed = listEnd >= 0 && LIST_GLUE.test(nfc.slice(listEnd, m.index));
    if (listed) slot = listSlot ?? slot;
    if (!kind && listKind && listed) kind = listKind;
    // Most runs are followed by no bracket: the country is looked for only after one.
    const country = nfc.startsWith('(', end) || nfc.startsWith(' (', end) ? COUNTRY_MARK.exec(nfc.slice(end, end + 24)) : null;
    if (!kind && country) kind = 'places';
    listKind = kind;
    listSlot = slot;
    listEnd = end;
    // A list read on from a kind word may run into an office: "ông Nông Văn Tài, Phó Chủ tịch".
    const name = kind && !(listed && !inside && !before) ? words.slice(0, MAX_NAME_WORDS) : properName(words);
    if (kind && !name) kind = null;
    if (!name && words.length === 1 && slot && slot !== '^' && !listed) addSingle(out, slot, words[0]);
    if (kind && name) add(out, kind, name);
    else knownIn(words, out);
    if (slot && name?.length && !(kind === 'people' && name.length < 2)) {
      if (before?.school !== undefined && !listed) addSlot(out, 'trường', [...(before.school ? before.school.split(' ') : []), ...name]);
      else addSlot(out, slot, unitName(slot, kindWritten, name));
      // "tỉnh Vân Nam (Trung Quốc)" / "Khu tự trị … Quảng Tây (Trung Quốc)": whatever word
      // comes before them, two places marked with one country fill one role.
      if (country) addSlot(out, country[0].trim(), name);
    }
  }
}

/** `caps`: whether the title and the summary are written mostly in capitals (isMostlyUpperCase). */
export function namesIn(title: string, summary: string, caps = [isMostlyUpperCase(title), isMostlyUpperCase(summary)]): Names {
  const out: Names = { places: new Set(), people: new Set(), bodies: new Set(), slots: new Map(), named: new Set(), singles: new Map() };
  scan(title, caps[0], out);
  scan(summary, caps[1], out);
  const prefix = PREFIX_RE.exec(title.normalize('NFC'));
  if (prefix) {
    out.places.add(foldForSearch(prefix[1]));
    addSlot(out, UNIT, prefix[1].split(/\s+/));
  }
  return out;
}

/**
 * Whether a text (folded words, as Fingerprint.text) tells of `place`. By its name only: a
 * province and a commune in it are two places (the province's news is not the ward's).
 */
export const tellsOf = (place: string, text: string) => text.includes(` ${place} `);
