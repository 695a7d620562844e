import type { Article } from '../../src/model';
import { storyMatcher } from '../../src/stories';

/** One side of a labelled pair: an article as a portal published it. */
export interface PairSide {
  sourceId: string;
  published: string;
  title: string;
  summary: string;
}

/** Two articles of two sources, labelled the same story or not, with why. */
export interface LabelledPair {
  set: string;
  a: PairSide;
  b: PairSide;
  same: boolean;
  note: string;
}

/**
 * The matcher's verdict on a pair, reached as a refresh reaches it: the earlier article is
 * stored by one run, the later one arrives in a later run and joins its story or not.
 */
export async function matchedAsCopies(p: LabelledPair): Promise<boolean> {
  const [first, second] = [p.a, p.b].sort((x, y) => Date.parse(x.published) - Date.parse(y.published));
  const matcher = storyMatcher(async () => []);
  const earlier = { id: 'first', ...first } as Article;
  const later = { id: 'second', ...second } as Article;
  await matcher.assign([earlier], ['all']);
  await matcher.assign([later], ['all']);
  return later.storyId === earlier.id;
}

export interface PairScore {
  pairs: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  /** The pairs judged wrongly, by their notes. */
  misses: string[];
}

export async function scorePairs(list: readonly LabelledPair[]): Promise<PairScore> {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const misses: string[] = [];
  for (const p of list) {
    const said = await matchedAsCopies(p);
    if (said && p.same) tp++;
    else if (said) {
      fp++;
      misses.push(`false copy [${p.set}]: ${p.note}`);
    } else if (p.same) {
      fn++;
      misses.push(`missed copy [${p.set}]: ${p.note}`);
    }
  }
  return { pairs: list.length, tp, fp, fn, precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1, misses };
}

export const formatScore = (label: string, s: PairScore) =>
  `${label}: ${s.pairs} pairs, precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;
