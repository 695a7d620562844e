import { figuresIn } from './figures';
import { standIns } from './synonyms';
import { identifyingNumbers, numberedNames } from './numbers';
import { namesIn } from './places';
import { isRoutine, stages, type Stages } from './stages';
import { tokenize, type Tokens } from './tokens';
import type { Features, Fingerprint } from './types';
import { NORMAL_WEIGHT, STOP_WEIGHT, tokenWeights } from './weights';

/**
 * The fingerprint of an item: weighted syllables and syllable bigrams of its title and summary,
 * plus what tells two look-alike stories apart: identifying numbers ("kỳ họp thứ 14" / "thứ
 * 15"), places, people and bodies ("huyện Chợ Đồn" / "huyện Ba Bể"), the stage of an event.
 */

/**
 * Syllables and bigrams. Bigrams skip stop words, so "Hội nghị của Tỉnh ủy" and "Hội nghị
 * Tỉnh ủy" share "nghi uy".
 */
export function features({ words, name }: Tokens): Features {
  // "giúp đỡ" weighs as "hỗ trợ": a republisher's synonym is the same word to the similarity.
  const tokens = standIns(words);
  const weights = tokenWeights(tokens, name);
  const out: Features = new Map();
  const put = (key: string, w: number) => {
    if ((out.get(key) ?? 0) < w) out.set(key, w);
  };
  let prev = -1;
  for (let i = 0; i < tokens.length; i++) {
    put(tokens[i], weights[i]);
    if (weights[i] <= STOP_WEIGHT) continue;
    if (prev >= 0) put(`${tokens[prev]} ${tokens[i]}`, Math.sqrt(weights[prev] * weights[i]));
    prev = i;
  }
  return out;
}

export function total(f: Features): number {
  let sum = 0;
  for (const w of f.values()) sum += w;
  return sum;
}

function merge(a: Features, b: Features): Features {
  const out: Features = new Map(a);
  for (const [k, w] of b) if ((out.get(k) ?? 0) < w) out.set(k, w);
  return out;
}

function mergeSets(a: Map<string, Set<string>>, b: Map<string, Set<string>>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const m of [a, b]) {
    for (const [k, set] of m) out.set(k, new Set([...(out.get(k) ?? []), ...set]));
  }
  return out;
}

/** Single words of normal weight: no name, no grammar or template word. */
function plainWords(f: Features): string[] {
  const out: string[] = [];
  for (const [key, w] of f) if (w === NORMAL_WEIGHT && !key.includes(' ')) out.push(key);
  return out;
}

/** A text cut short ("… Nhâ…", "… 30…"): its last word may be part of one, and would read as another name or number. */
const CUT_WORD = /[\p{L}\p{M}\p{N}]*\s*(?:…|\.\.\.)\s*$/u;
/** Cut inside a name ("… Khu tái định cư Lộc A…"): the name's words before it are part of it, and would read as a shorter name. */
const CUT_NAME = /(?:\s+\p{Lu}[\p{L}\p{M}]*)*\s+\p{Lu}[\p{L}\p{M}\p{N}]*\s*(?:…|\.\.\.)\s*$/u;

export function fingerprint(title: string, summary: string): Fingerprint {
  const cut = summary.endsWith('…') || summary.endsWith('...');
  if (cut) summary = CUT_NAME.test(summary) ? summary.replace(CUT_NAME, '') : summary.replace(CUT_WORD, '');
  return new Print(title, summary, cut);
}

/**
 * A fingerprint. What only a comparison reads (numbers, names, figures, stages) is computed when
 * first read: most stored articles an isolate indexes are never compared with anything, and
 * indexing them (a cold isolate fills its index in runs capped at 10 ms of CPU) then costs their
 * features alone. Getters on the class, not closures on each object: an isolate keeps ~2,000.
 */
class Print implements Fingerprint {
  readonly title: Features;
  readonly summary: Features;
  readonly all: Features;
  readonly titleWeight: number;
  readonly allWeight: number;
  readonly text: string;
  readonly titleWords: string[];
  readonly words: readonly [title: string[], summary: string[]];
  readonly marks: readonly [title: string[], summary: string[]];
  readonly markedText: string;
  readonly cut: boolean;
  readonly routine: boolean;
  readonly #titleText: string;
  readonly #summaryText: string;
  readonly #caps: [title: boolean, summary: boolean];
  readonly #named: readonly [title: boolean[], summary: boolean[]];
  #numbers?: Fingerprint['numbers'];
  #numberedNames?: Fingerprint['numberedNames'];
  #figures?: Fingerprint['figures'];
  #names?: Fingerprint['names'];
  #titleStages?: Stages;
  #stages?: Stages;

  constructor(title: string, summary: string, cut: boolean) {
    const titleTokens = tokenize(title);
    const summaryTokens = tokenize(summary);
    // A summary that only repeats the title adds nothing.
    const sameAsTitle = summaryTokens.words.join(' ') === titleTokens.words.join(' ');
    this.title = features(titleTokens);
    this.summary = sameAsTitle ? new Map<string, number>() : features(summaryTokens);
    this.all = merge(this.title, this.summary);
    this.titleWeight = total(this.title);
    this.allWeight = total(this.all);
    this.text = ` ${titleTokens.words.join(' ')} | ${summaryTokens.words.join(' ')} `;
    this.titleWords = plainWords(this.title);
    this.words = [titleTokens.words, summaryTokens.words];
    this.marks = [titleTokens.marks, summaryTokens.marks];
    this.markedText = ` ${titleTokens.marks.join(' ')} | ${summaryTokens.marks.join(' ')} `;
    this.cut = cut;
    this.routine = isRoutine(title);
    this.#titleText = title;
    this.#summaryText = summary;
    this.#caps = [titleTokens.caps, summaryTokens.caps];
    this.#named = [titleTokens.name, summaryTokens.name];
  }

  get numbers(): Fingerprint['numbers'] {
    return (this.#numbers ??= mergeSets(identifyingNumbers(this.words[0], this.#titleText), identifyingNumbers(this.words[1], this.#summaryText)));
  }

  get numberedNames(): Fingerprint['numberedNames'] {
    return (this.#numberedNames ??= mergeSets(numberedNames(this.words[0], this.#named[0]), numberedNames(this.words[1], this.#named[1])));
  }

  get figures(): Fingerprint['figures'] {
    return (this.#figures ??= figuresIn(`${this.#titleText.normalize('NFC')} | ${this.#summaryText.normalize('NFC')}`));
  }

  get names(): Fingerprint['names'] {
    return (this.#names ??= namesIn(this.#titleText, this.#summaryText, this.#caps));
  }

  get titleStages(): Stages {
    return (this.#titleStages ??= stages(this.#titleText));
  }

  /** Asked only when the other title tells a stage: most comparisons never scan the summary for one. */
  stages(): Stages {
    return (this.#stages ??= this.#summaryText ? mergeSets(this.titleStages, stages(this.#summaryText)) : this.titleStages);
  }
}
