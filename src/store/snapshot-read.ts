import { putBounded } from './bounded';
import type { JsonStore } from './kv';
import { sameBytes } from '../bytes';
import type { Snapshot, SnapshotArticle } from './types';

/**
 * A snapshot as stored under a key: its bytes, and the snapshot they are once parsed. While a
 * key's bytes stay the same this isolate gives the very same object, so what readers keep of a
 * snapshot (a parse, story matching's index) is known current by identity, and two keys holding
 * the same bytes (a one-province deployment's country and province snapshots, written from one
 * merge) share one. The bytes are never decoded into one text of the whole: hundreds of KiB that
 * V8 would put straight into its old generation, a little nearer the next full collection.
 */
export interface StoredSnapshot {
  readonly bytes: Uint8Array;
  /** Parsed when first asked (parsedSnapshot), or as written. Never mutated: a merge builds a new one. */
  snapshot?: Snapshot;
}

/** What this isolate read or wrote under each snapshot key, bounded by bytes, the longest unused first. */
const known = new Map<string, StoredSnapshot>();
const MAX_KNOWN_BYTES = 4_000_000;
const decoder = new TextDecoder();

/** The stored snapshot these bytes read under `key` are: the one known when the bytes are the same. */
export function storedSnapshot(key: string, bytes: Uint8Array): StoredSnapshot {
  const met = known.get(key);
  const stored = met && sameBytes(met.bytes, bytes) ? met : { bytes };
  putBounded(known, key, stored, (v) => v.bytes.byteLength, MAX_KNOWN_BYTES);
  return stored;
}

/** Remembers a snapshot as written under `key` (`bytes` is its serialization), so no reader in this isolate parses it. */
export function rememberSnapshot(key: string, stored: StoredSnapshot): void {
  putBounded(known, key, stored, (v) => v.bytes.byteLength, MAX_KNOWN_BYTES);
}

/** The snapshot a stored value is, parsed once per isolate while it stays the key's value. */
export function parsedSnapshot(stored: StoredSnapshot): Snapshot {
  return (stored.snapshot ??= JSON.parse(decoder.decode(stored.bytes)) as Snapshot);
}

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const MEMBERS = ascii('"members":{');
const CLOSE = '}'.charCodeAt(0);
/** Members come third, right after version and updated. */
const MEMBERS_WITHIN = 400;

/**
 * The `members` map of a stored snapshot, read from its bytes without the article list: a
 * snapshot is written `{"version":…,"updated":…,"members":{…},…}` and member ids and versions
 * are slugs and base-36 strings, so the first `}` after `"members":{` closes it. Verifying that
 * the snapshots agree with the buckets after a run then costs one read per key and almost no
 * CPU. Null when the value does not have that shape (the caller parses it all).
 */
export function peekMembers(bytes: Uint8Array): Record<string, string> | null {
  const raw = membersText(bytes);
  return raw === null ? null : parseMembers(raw);
}

function parseMembers(raw: string): Record<string, string> | null {
  try {
    const members = JSON.parse(raw) as unknown;
    return members && typeof members === 'object' && !Array.isArray(members) ? (members as Record<string, string>) : null;
  } catch {
    return null;
  }
}

/** The `members` map's text as stored (peekMembers), or null when the value has another shape. */
function membersText(bytes: Uint8Array): string | null {
  const at = indexOf(bytes, MEMBERS, 0, MEMBERS_WITHIN);
  if (at < 0) return null;
  const start = at + MEMBERS.length - 1;
  const end = bytes.indexOf(CLOSE, start);
  return end < 0 ? null : decoder.decode(bytes.subarray(start, end + 1));
}

function indexOf(bytes: Uint8Array, pattern: Uint8Array, from: number, within: number): number {
  const last = Math.min(bytes.length - pattern.length, within);
  outer: for (let i = from; i <= last; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return i;
  }
  return -1;
}

const membersOf = (stored: StoredSnapshot | null): Record<string, string> =>
  stored ? (peekMembers(stored.bytes) ?? parsedSnapshot(stored).members ?? {}) : {};

/** Snapshots read at most once per run (a verification and a merge share the read). */
export function snapshotReads(store: JsonStore) {
  const cache = new Map<string, Promise<StoredSnapshot | null>>();
  return {
    stored(key: string): Promise<StoredSnapshot | null> {
      let p = cache.get(key);
      if (!p) {
        p = store.getBytes(key).then((bytes) => (bytes ? storedSnapshot(key, bytes) : null));
        cache.set(key, p);
        p.catch(() => cache.delete(key)); // a failed read is tried again by the next caller
      }
      return p;
    },
    /** The snapshot parsed, or null when none is stored. */
    async snapshot(key: string): Promise<Snapshot | null> {
      const stored = await this.stored(key);
      return stored ? parsedSnapshot(stored) : null;
    },
    forget(key: string) {
      cache.delete(key);
    },
  };
}
export type SnapshotReads = ReturnType<typeof snapshotReads>;

/** True when every snapshot the source belongs to records `bucketVersion` for it. */
export async function snapshotsAgree(id: string, bucketVersion: string | undefined, keys: string[], snaps: SnapshotReads): Promise<boolean> {
  if (!bucketVersion) return false;
  for (const key of keys) if (membersOf(await snaps.stored(key))[id] !== bucketVersion) return false;
  return true;
}

/** A snapshot as story matching reads it: as stored, and its articles when they must be indexed. */
export interface StoryScope {
  stored: StoredSnapshot;
  articles: () => SnapshotArticle[];
}

/**
 * The snapshots story matching compares with, each read once. Their articles are parsed only
 * when the matcher must index them (an isolate keeps the index of a snapshot it has seen).
 * Two snapshots with the same members at the same versions hold the same articles (one cap
 * applies to every snapshot), as a one-province deployment's `snap:all` and province snapshot
 * do: the second then gives no articles.
 */
export function storyScopes(snaps: SnapshotReads): (key: string) => Promise<StoryScope | []> {
  // Members as stored, and sorted (asked only when the stored texts differ: written in another order).
  const seen: { raw: string; sorted?: string }[] = [];
  const sorted = (m: { raw: string; sorted?: string }) => {
    if (m.sorted === undefined) {
      const members = parseMembers(m.raw);
      m.sorted = members ? JSON.stringify(Object.entries(members).sort(([a], [b]) => (a < b ? -1 : 1))) : `unread ${m.raw}`;
    }
    return m.sorted;
  };
  return async (key) => {
    const stored = await snaps.stored(key);
    if (!stored) return [];
    const raw = membersText(stored.bytes);
    if (raw !== null) {
      const mine = { raw };
      if (seen.some((m) => m.raw === raw || sorted(m) === sorted(mine))) return [];
      seen.push(mine);
    }
    return { stored, articles: () => parsedSnapshot(stored).articles ?? [] };
  };
}

/** One snapshot's articles. */
export async function snapshotArticles(store: JsonStore, key: string): Promise<SnapshotArticle[]> {
  return (await store.getJson<Snapshot>(key))?.articles ?? [];
}
