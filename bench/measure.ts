/**
 * The timing loop of the bench Worker. In local workerd `performance.now()` advances during
 * compute (in production it does not) but only in whole milliseconds, so each sample times a
 * batch of runs long enough for the tick not to matter (`minBatchMs`) and divides.
 */

/** One benchmark case, ready to run: `run` is what is timed. */
export interface Prepared {
  run: () => unknown;
  /** A JSON summary of one run's result, so the caller can see the work was really done. */
  check?: () => Promise<unknown>;
}

/** Prepares a case from the caller's JSON payload (untimed: building inputs, expected hashes). */
export type BenchCase = (payload: any) => Promise<Prepared>;

export interface MeasureOptions {
  /** Samples per case. */
  iterations: number;
  /** Untimed runs per case before calibrating. */
  warmup: number;
  /** Shortest batch a sample may time, in ms (the clock ticks in whole ms). */
  minBatchMs: number;
}

export interface Measured {
  /** ms per run, one value per sample (the mean of its batch). */
  samples: number[];
  /** Runs per sample. */
  batch: number;
}

async function timeBatch(run: () => unknown, n: number): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await run();
  return performance.now() - t0;
}

/** Runs per batch so that one batch takes at least `minBatchMs`. */
async function calibrate(run: () => unknown, minBatchMs: number): Promise<number> {
  let n = 1;
  for (;;) {
    const ms = await timeBatch(run, n);
    if (ms >= minBatchMs) return n;
    n = ms <= 0 ? n * 10 : Math.ceil(n * Math.min(10, (minBatchMs * 1.2) / ms));
  }
}

/**
 * Measures the cases side by side: each round takes one sample of every case, in an order
 * that rotates from round to round, so drift and noise of the machine fall on all alike.
 */
export async function measure(cases: Record<string, Prepared>, opts: MeasureOptions): Promise<Record<string, Measured>> {
  const names = Object.keys(cases);
  const batches: Record<string, number> = {};
  for (const name of names) for (let i = 0; i < opts.warmup; i++) await cases[name].run();
  for (const name of names) batches[name] = await calibrate(cases[name].run, opts.minBatchMs);

  const out: Record<string, Measured> = {};
  for (const name of names) out[name] = { samples: [], batch: batches[name] };
  for (let round = 0; round < opts.iterations; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length];
      const ms = await timeBatch(cases[name].run, batches[name]);
      out[name].samples.push(ms / batches[name]);
    }
  }
  return out;
}

/** The clock's smallest step, seen by spinning until it moves; null if it never moves. */
export function clockTick(): number | null {
  let smallest = Infinity;
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    let t = t0;
    for (let spins = 0; t === t0 && spins < 50_000_000; spins++) t = performance.now();
    if (t === t0) return null; // a clock that stands still during compute (production)
    smallest = Math.min(smallest, t - t0);
  }
  return smallest;
}
