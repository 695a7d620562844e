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
    // Each feature as id × size + its place, so one numeric sort orders ids and keeps weights with them.
    const size = f.size;
    const keyed = new Float64Array(size);
    const byPlace = new Float64Array(size);
    let place = 0;
    let total = 0;
    for (const [key, w] of f) {
      let id = idOf.get(key);
      if (id === undefined) idOf.set(key, (id = idOf.size));
      keyed[place] = id * size + place;
      byPlace[place++] = w;
      total += w;
    }
    keyed.sort();
    const ids = new Int32Array(size);
    const weights = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      const at = keyed[i] % size;
      ids[i] = (keyed[i] - at) / size;
      weights[i] = byPlace[at];
    }
    return { ids, weights, total };
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
