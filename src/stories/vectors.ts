import type { Features, Fingerprint } from './types';

/**
 * A fingerprint's features as sorted ids and their weights, for comparing many pairs fast: two
 * sorted id lists are walked side by side, with no string hashed. Ids are given per run (one
 * matcher), so the table of them lives only as long as the run, and memory stays bounded.
 */
export interface Vector {
  ids: Int32Array;
  weights: Float64Array;
  total: number;
}

export interface Vectors {
  title: Vector;
  all: Vector;
}

/** A function giving a fingerprint's vectors under one run's ids. */
export function vectorizer(): (fp: Fingerprint) => Vectors {
  const idOf = new Map<string, number>();
  const vector = (f: Features): Vector => {
    const pairs: [number, number][] = [];
    let total = 0;
    for (const [key, w] of f) {
      let id = idOf.get(key);
      if (id === undefined) idOf.set(key, (id = idOf.size));
      pairs.push([id, w]);
      total += w;
    }
    pairs.sort((x, y) => x[0] - y[0]);
    return { ids: Int32Array.from(pairs, (p) => p[0]), weights: Float64Array.from(pairs, (p) => p[1]), total };
  };
  return (fp) => ({ title: vector(fp.title), all: vector(fp.all) });
}

/** Σ of the lesser weight over the features both have. */
export function sharedWeight(a: Vector, b: Vector): number {
  let i = 0;
  let j = 0;
  let min = 0;
  const { ids: ia, weights: wa } = a;
  const { ids: ib, weights: wb } = b;
  while (i < ia.length && j < ib.length) {
    if (ia[i] < ib[j]) i++;
    else if (ia[i] > ib[j]) j++;
    else {
      min += wa[i] < wb[j] ? wa[i] : wb[j];
      i++;
      j++;
    }
  }
  return min;
}
