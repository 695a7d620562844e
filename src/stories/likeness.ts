import { EXACT, sharedNames, tellsTitleEvent, titleNameUntold } from './anchors';
import { common } from './figures';
import { deniesAlone } from './negation';
import { LEARNED } from './learned';
import type { Features, Fingerprint } from './types';
import { NORMAL_WEIGHT } from './weights';

/**
 * A learned second opinion for pairs whose words fall short of the bar: a logistic regression
 * over what two fingerprints share (title coverage both ways, whole-text overlap, shared figures
 * and names, figures told on one side only…), fitted on the labelled pairs by
 * scripts/train-stories.mjs (coefficients in learned.ts). A retelling by another writer keeps
 * few of the words but much of this; a look-alike of one template shares words, not this.
 * It is asked only of pairs without conflict (similarity.ts), as it was fitted.
 */

/** Σ of the lesser weight over the features both have, walking the smaller map. */
export function sharedWeight(a: Features, b: Features): number {
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  let min = 0;
  for (const [k, w] of small) {
    const other = big.get(k);
    if (other !== undefined) min += w < other ? w : other;
  }
  return min;
}

/**
 * What the words of two items share, as similarity.ts scores them: the share of each title the
 * other text tells, the weight both texts share, and each text's weight.
 */
export interface WordParts {
  titleA: number;
  titleB: number;
  shared: number;
  wa: number;
  wb: number;
}

/** Amounts x reports that y does not. */
function untoldAmounts(x: Fingerprint, y: Fingerprint): number {
  let n = 0;
  for (const v of x.figures.amounts) if (!y.figures.amounts.has(v)) n++;
  return n;
}

/** Share of x's title words (what it says happened, tokens that are no name) that y's text tells. */
function titleWordsTold(x: Fingerprint, y: Fingerprint): number {
  if (!x.titleWords.length) return 1;
  let n = 0;
  for (const w of x.titleWords) if ((y.all.get(w) ?? 0) >= NORMAL_WEIGHT) n++;
  return n / x.titleWords.length;
}

const ratio = (x: number, y: number) => (y <= 0 ? 0 : Math.min(1, x / y));

/** What pairFeatures computes, in its order (the names the training script prints). */
export const FEATURE_NAMES = [
  'score', 'titleLow', 'titleHigh', 'jaccard', 'containment', 'amounts', 'exactAmount', 'day', 'untoldAmounts', 'cut', 'titleWordsLow',
  'names', 'units', 'titleNameUntold', 'titleWordsHigh',
];

/** The pair's features, in the order of FEATURE_NAMES (LEARNED.weights). */
export function pairFeatures(a: Fingerprint, b: Fingerprint, score: number, { titleA, titleB, shared, wa, wb }: WordParts): number[] {
  const amounts = common(a.figures.amounts, b.figures.amounts);
  const names = sharedNames(a, b);
  return [
    score,
    Math.min(titleA, titleB),
    Math.max(titleA, titleB),
    ratio(shared, wa + wb - shared),
    ratio(shared, Math.min(wa, wb)),
    Math.min(3, amounts.length),
    amounts.some((v) => EXACT.test(v)) ? 1 : 0,
    common(a.figures.days, b.figures.days).length ? 1 : 0,
    Math.min(4, untoldAmounts(a, b) + untoldAmounts(b, a)),
    a.cut || b.cut ? 1 : 0,
    Math.min(titleWordsTold(a, b), titleWordsTold(b, a)),
    Math.min(4, names.names.length),
    Math.min(2, names.units),
    titleNameUntold(a, b) || titleNameUntold(b, a) ? 1 : 0,
    Math.max(titleWordsTold(a, b), titleWordsTold(b, a)),
  ];
}

/**
 * Whether the model may be asked of a pair: its words at least LEARNED.floor, both with a
 * summary (a bare title against a text is what its labelled pairs hardly hold), neither title
 * denying what the other text does not (an outcome is the news: "đạt chuẩn" / "chưa đủ điều
 * kiện"), and each text
 * telling something of what the other's title says happened (two items of one commune sharing
 * a boilerplate sentence tell different events, however much else they share). The conflicts
 * (similarity.ts) are asked next, before the model: it was fitted on pairs without conflict.
 */
export function askable(a: Fingerprint, b: Fingerprint, score: number): boolean {
  return score >= LEARNED.floor && a.summary.size > 0 && b.summary.size > 0 && !deniesAlone(a, b) && !deniesAlone(b, a) && tellsTitleEvent(a, b) && tellsTitleEvent(b, a);
}

/** Whether the model takes an askable pair without conflict for one story: its log-odds at least LEARNED.cut. */
export function learnedCopy(a: Fingerprint, b: Fingerprint, score: number, parts: WordParts): boolean {
  const x = pairFeatures(a, b, score, parts);
  let z = LEARNED.bias;
  for (let i = 0; i < x.length; i++) z += LEARNED.weights[i] * x[i];
  return z >= LEARNED.cut;
}
