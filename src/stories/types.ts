import type { Figures } from './figures';
import type { Stages } from './stages';

/** Feature → weight: syllables and syllable bigrams of folded text. */
export type Features = Map<string, number>;

/** A run's way to fingerprint a text (remembered.ts: computed once per isolate). */
export type FingerprintOf = (title: string, summary: string) => Fingerprint;

/** What the detector keeps of one text: computed once per item, compared many times. */
export interface Fingerprint {
  title: Features;
  summary: Features;
  /** Title and summary together (the larger weight of a feature seen in both). */
  all: Features;
  /** Σ of the weights of `title` and of `all`, summed once: every comparison needs them. */
  titleWeight: number;
  allWeight: number;
  /** The folded words, " title | summary ", to ask whether the text tells of something. */
  text: string;
  /** The title's words that are no name and no grammar or template word: what it says happened. */
  titleWords: string[];
  /** The folded words of the title and of the summary, in order. */
  words: readonly [title: string[], summary: string[]];
  /** The same words with their marks (tokens.ts marked()), one for one. */
  marks: readonly [title: string[], summary: string[]];
  /** The marked words, " title | summary ", to ask whether the text names something. */
  markedText: string;
  /** Identifying numbers by what they count: "lan" → {"15"} for "lần thứ 15". */
  numbers: Map<string, Set<string>>;
  /** Names written with a number after them ("Mỹ Thuận 2" → "my thuan" → {"2"}). */
  numberedNames: Map<string, Set<string>>;
  /** Amounts and days the text reports ("4,5 tỷ đồng", "19/11"). */
  figures: Figures;
  /** Places, people and bodies (schools, companies) named (folded). */
  names: Names;
  /** Stages and other opposites the title tells, by group: "stage" → {"open"} for "khai mạc". */
  titleStages: Stages;
  /** The same, told by the title or the summary (computed when first asked). */
  stages: () => Stages;
  /** The summary was cut short by its portal ("…"): it tells less than the text it copies. */
  cut: boolean;
  /** A routine posting (a weekly agenda, a monthly case count): a story of its own. */
  routine: boolean;
}

/**
 * Who and where a text is about, as folded names (see places.ts).
 */
export interface Names {
  places: Set<string>;
  people: Set<string>;
  /** Schools, companies, hospitals, units: "Trường THPT Chợ Đồn", "Công ty TNHH Minh Phát". */
  bodies: Set<string>;
  /**
   * Every name (marked words, tokens.ts marked(), between spaces as in markedText: " bằng vân ") by the slot it fills: the word written just before it ("xa" for "xã Bằng Vân",
   * "treo" for "cầu treo Nà Làng", "si" for "liệt sĩ Hoàng Văn Thụ"), "^" at the start of a
   * title or sentence. Two texts naming different things in one slot tell different news,
   * whatever kind of thing the slot holds.
   */
  slots: Map<string, Set<string>>;
  /** The names of every slot together. */
  named: Set<string>;
  /** Single capitalized words in a slot ("chùa Keo" → "chùa" → " keo "): no name alone, but a shorter name than one the other text gives. */
  singles: Map<string, Set<string>>;
}
export type NameKind = 'places' | 'people' | 'bodies';
