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
  const titleTokens = tokenize(title);
  const summaryTokens = tokenize(summary);
  // A summary that only repeats the title adds nothing.
  const sameAsTitle = summaryTokens.words.join(' ') === titleTokens.words.join(' ');
  const t = features(titleTokens);
  const s = sameAsTitle ? new Map<string, number>() : features(summaryTokens);
  const titleStages = stages(title);
  let told: Stages | undefined;
  const all = merge(t, s);
  return {
    title: t,
    summary: s,
    all,
    titleWeight: total(t),
    allWeight: total(all),
    text: ` ${titleTokens.words.join(' ')} | ${summaryTokens.words.join(' ')} `,
    titleWords: plainWords(t),
    words: [titleTokens.words, summaryTokens.words],
    marks: [titleTokens.marks, summaryTokens.marks],
    markedText: ` ${titleTokens.marks.join(' ')} | ${summaryTokens.marks.join(' ')} `,
    numbers: mergeSets(identifyingNumbers(titleTokens.words, title), identifyingNumbers(summaryTokens.words, summary)),
    numberedNames: mergeSets(numberedNames(titleTokens.words, titleTokens.name), numberedNames(summaryTokens.words, summaryTokens.name)),
    figures: figuresIn(`${title.normalize('NFC')} | ${summary.normalize('NFC')}`),
    names: namesIn(title, summary, [titleTokens.caps, summaryTokens.caps]),
    titleStages,
    // Asked only when the other title tells a stage: most comparisons never scan the summary for one.
    stages: () => (told ??= summary ? mergeSets(titleStages, stages(summary)) : titleStages),
    cut,
    routine: isRoutine(title),
  };
}
