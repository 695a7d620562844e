import { forgetText, getText } from './kv-text';

/**
 * KV access that counts what it costs: every refresh summary reports its reads
 * and writes, so the cost of a run (see keys.ts: what writes each key) is measured, not assumed.
 */
export interface KvCounts {
  reads: number;
  writes: number;
}

/**
 * Values read as text (the catalog: read again and again, with a memo of its own keyed by its
 * text) are kept decoded per isolate while their bytes stay the same (kv-text.ts); `state` and
 * snapshots are read and written as bytes (state.ts and snapshot-read.ts keep what they parsed
 * per stored bytes); values read as JSON (buckets and the rest, read now and then) are not kept,
 * so what an isolate holds stays small.
 */
export interface JsonStore {
  readonly counts: KvCounts;
  getText(key: string): Promise<string | null>;
  /** A value's bytes as stored (snapshots: known by their bytes, never decoded whole; see snapshot-read.ts). */
  getBytes(key: string): Promise<Uint8Array | null>;
  getJson<T>(key: string): Promise<T | null>;
  putJson(key: string, value: unknown): Promise<void>;
  putBytes(key: string, bytes: Uint8Array): Promise<void>;
  /** Counted as a write, as KV bills it. */
  delete(key: string): Promise<void>;
  /** Every key with the prefix (admin operations only: a list is billed and slow). */
  listKeys(prefix: string): Promise<string[]>;
}

export function countingStore(kv: KVNamespace): JsonStore {
  const counts: KvCounts = { reads: 0, writes: 0 };
  return {
    counts,
    async getText(key) {
      counts.reads++;
      return getText(kv, key);
    },
    async getBytes(key) {
      counts.reads++;
      const buffer = await kv.get(key, 'arrayBuffer');
      return buffer === null ? null : new Uint8Array(buffer);
    },
    async getJson<T>(key: string) {
      counts.reads++;
      return (await kv.get(key, 'json')) as T | null;
    },
    async putJson(key, value) {
      counts.writes++;
      forgetText(key);
      await kv.put(key, JSON.stringify(value));
    },
    async putBytes(key, bytes) {
      counts.writes++;
      forgetText(key);
      await kv.put(key, bytes);
    },
    async delete(key) {
      counts.writes++;
      forgetText(key);
      await kv.delete(key);
    },
    async listKeys(prefix) {
      const keys: string[] = [];
      let cursor: string | undefined;
      do {
        counts.reads++;
        const page = await kv.list({ prefix, cursor });
        keys.push(...page.keys.map((k) => k.name));
        cursor = page.list_complete ? undefined : page.cursor;
      } while (cursor);
      return keys;
    },
  };
}
