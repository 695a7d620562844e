/** Feature → weight: syllables and syllable bigrams of folded text. */
export type Features = Map<string, number>;

/** What the detector keeps of one text: computed once per item, compared many times. */
export interface Fingerprint {
  title: Features;
  summary: Features;
  /** Title and summary together (the larger weight of a feature seen in both). */
  all: Features;
  /** Identifying numbers by what they count: "lan" → {"15"} for "lần thứ 15". */
  numbers: Map<string, Set<string>>;
  /** Names by kind: places by level ("huyen" → {"cho don"}), people, schools. */
  places: Map<string, Set<string>>;
  /** Opposites the title names, by kind: "session" → {"open"} for "khai mạc". */
  opposites: Map<string, Set<string>>;
}
