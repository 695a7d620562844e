/**
 * Puts `value` under `key` as the newest entry of a Map kept in order of use, then forgets the
 * longest unused entries until their sizes add up to at most `max` (never the one just put).
 * The isolate's caches of stored texts (kv-text.ts, snapshot-read.ts) are bounded so.
 */
export function putBounded<K, V>(map: Map<K, V>, key: K, value: V, sizeOf: (value: V) => number, max: number): void {
  map.delete(key);
  map.set(key, value);
  let total = 0;
  for (const v of map.values()) total += sizeOf(v);
  for (const [k, v] of map) {
    if (total <= max || k === key) break;
    map.delete(k);
    total -= sizeOf(v);
  }
}
