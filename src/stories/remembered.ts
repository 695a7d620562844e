import { fingerprint } from './fingerprint';
import type { Fingerprint, FingerprintOf } from './types';

/**
 * Fingerprints this isolate already computed, by text. The indexes kept between runs (kept.ts)
 * hold their stored articles' fingerprints; this serves what they do not: a scope's index built
 * anew (a scope forgotten or not kept), the same articles in two scopes, new articles met again. A
 * fingerprint is a pure function of its text, so a remembered one is the one computing would
 * give. Bounded: ~14 KiB a fingerprint, ~14 MB at most (a country snapshot and a province
 * snapshot of 500 articles each fit).
 *
 * The longest unused is forgotten first, but never one the current run has used: a run that
 * meets more texts than fit would otherwise push out, in order, the very ones the next run
 * reads first, and every run would compute everything again. Beyond the bound, what a run
 * meets last is computed and not kept.
 */
const MAX_REMEMBERED = 1000;
const remembered = new Map<string, { fp: Fingerprint; run: number }>();
let runs = 0;

/** A fingerprinting function for one run (one storyMatcher): what it uses stays remembered. */
export function rememberingRun(): FingerprintOf {
  const run = ++runs;
  return (title, summary) => {
    const key = `${title}\u0000${summary}`;
    const met = remembered.get(key);
    if (met) {
      // Met again: moves to the newest end, so the front is what went longest unused.
      remembered.delete(key);
      remembered.set(key, { fp: met.fp, run });
      return met.fp;
    }
    const fp = fingerprint(title, summary);
    if (remembered.size >= MAX_REMEMBERED) {
      const [oldest, entry] = remembered.entries().next().value!;
      if (entry.run === run) return fp;
      remembered.delete(oldest);
    }
    remembered.set(key, { fp, run });
    return fp;
  };
}
