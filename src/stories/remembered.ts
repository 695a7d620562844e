import { fingerprint } from './fingerprint';
import type { Fingerprint } from './types';

/**
 * Fingerprints this isolate already computed, by text. A run indexes the stored articles of its
 * snapshots before it can match a new one, and consecutive runs meet mostly the same articles:
 * on a warm isolate only the articles new since the last run are fingerprinted again. A
 * fingerprint is a pure function of its text, so a remembered one is the one computing would
 * give. Bounded, the longest unused forgotten first: ~14 KiB a fingerprint, ~14 MB at most
 * (a country snapshot and a province snapshot of 500 articles each fit).
 */
const MAX_REMEMBERED = 1000;
const remembered = new Map<string, Fingerprint>();

export function rememberedFingerprint(title: string, summary: string): Fingerprint {
  const key = `${title}\u0000${summary}`;
  let fp = remembered.get(key);
  if (fp) {
    // Met again: moves to the newest end, so what each run uses is what stays.
    remembered.delete(key);
    remembered.set(key, fp);
    return fp;
  }
  fp = fingerprint(title, summary);
  remembered.set(key, fp);
  if (remembered.size > MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
  return fp;
}
