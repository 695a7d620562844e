/**
 * KV values as text, decoded once per isolate while their bytes stay the same. A frequent
 * cron's runs read the catalog, which mostly has not changed since the last run, and a KV text
 * read builds a new string from the bytes every time: CPU to decode and garbage the isolate
 * collects inside some later run. Read as bytes instead, a value equal to the last one read under
 * its key gives the text decoded before, the very string, so the reader's own memo matches it at
 * once. Small values are decoded as they come; what is kept is bounded by its bytes, the longest
 * unused going first.
 */

import { putBounded } from './bounded';
import { sameBytes } from '../bytes';

const MIN_BYTES = 2048;
const MAX_KEPT_BYTES = 4_000_000;

const kept = new Map<string, { bytes: Uint8Array; text: string }>();
const decoder = new TextDecoder();

export async function getText(kv: KVNamespace, key: string): Promise<string | null> {
  const buffer = await kv.get(key, 'arrayBuffer');
  if (buffer === null) {
    kept.delete(key);
    return null;
  }
  const bytes = new Uint8Array(buffer);
  if (bytes.byteLength < MIN_BYTES) return decoder.decode(bytes);
  const met = kept.get(key);
  if (met && sameBytes(met.bytes, bytes)) {
    keep(key, met.bytes, met.text);
    return met.text;
  }
  const text = decoder.decode(bytes);
  keep(key, bytes, text);
  return text;
}

export function forgetText(key: string): void {
  kept.delete(key);
}

function keep(key: string, bytes: Uint8Array, text: string): void {
  putBounded(kept, key, { bytes, text }, (v) => v.bytes.byteLength, MAX_KEPT_BYTES);
}
