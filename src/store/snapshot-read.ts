import { putBounded } from './bounded';
import type { JsonStore } from './kv';
import type { Snapshot, SnapshotArticle } from './types';

/**
 * The `members` map of a stored snapshot, read from its text without parsing the
 * article list: a snapshot is written `{"version":…,"updated":…,"members":{…},…}`
 * and member ids and versions are slugs and base-36 strings, so the first `}`
 * after `"members":{` closes it. Verifying that the snapshots agree with the
 * buckets after a run then costs one read per key and almost no CPU.
 * Returns null when the text does not have that shape (the caller parses it all).
 */
export function peekMembers(text: string): Record<string, string> | null {
  const raw = membersText(text);
  if (raw === null) return null;
  try {
    const members = JSON.parse(raw) as unknown;
    if (!members || typeof members !== 'object' || Array.isArray(members)) return null;
    return members as Record<string, string>;
  } catch {
    return null;
  }
}

/** The `members` map's text as stored (peekMembers), or null when the text has another shape. */
function membersText(text: string): string | null {
  const at = text.indexOf('"members":{');
  if (at < 0 || at > 400) return null; // members comes third, right after version and updated
  const start = at + '"members":'.length;
  const end = text.indexOf('}', start);
  return end < 0 ? null : text.slice(start, end + 1);
}

const membersOf = (text: string | null): Record<string, string> =>
  text ? (peekMembers(text) ?? (JSON.parse(text) as Snapshot).members ?? {}) : {};

/**
 * Snapshots this isolate parsed or wrote, by key, each with the text it is: a run that reads a
 * snapshot's text again (a frequent cron's runs share an isolate, and a snapshot changes only
 * when a member has news) takes the parsed one instead of parsing 100s of KiB again. A parse is
 * a pure function of the text, so what it gives is what parsing gives. Never mutated (a merge
 * builds a new snapshot). Bounded by the texts' size: the longest unused goes first.
 */
const parsed = new Map<string, { text: string; snapshot: Snapshot }>();
const MAX_PARSED_CHARS = 4_000_000;

/** The snapshot a stored text is, parsed once per isolate while it stays the key's text. */
export function parsedSnapshot(key: string, text: string): Snapshot {
  const met = parsed.get(key);
  if (met && met.text === text) {
    parsed.delete(key);
    parsed.set(key, met);
    return met.snapshot;
  }
  const snapshot = JSON.parse(text) as Snapshot;
  rememberSnapshot(key, text, snapshot);
  return snapshot;
}

/** Remembers a snapshot as written (`text` is its serialization), so no reader in this isolate parses it. */
export function rememberSnapshot(key: string, text: string, snapshot: Snapshot): void {
  putBounded(parsed, key, { text, snapshot }, (v) => v.text.length, MAX_PARSED_CHARS);
}

/** Snapshot texts read at most once per run (a verification and a merge share the read). */
export function snapshotTexts(store: JsonStore) {
  const cache = new Map<string, Promise<string | null>>();
  return {
    text(key: string): Promise<string | null> {
      let p = cache.get(key);
      if (!p) {
        p = store.getText(key);
        cache.set(key, p);
        p.catch(() => cache.delete(key)); // a failed read is tried again by the next caller
      }
      return p;
    },
    /** The snapshot parsed, or null when none is stored. */
    async snapshot(key: string): Promise<Snapshot | null> {
      const text = await this.text(key);
      return text ? parsedSnapshot(key, text) : null;
    },
    forget(key: string) {
      cache.delete(key);
    },
  };
}
export type SnapshotTexts = ReturnType<typeof snapshotTexts>;

/** True when every snapshot the source belongs to records `bucketVersion` for it. */
export async function snapshotsAgree(id: string, bucketVersion: string | undefined, keys: string[], snaps: SnapshotTexts): Promise<boolean> {
  if (!bucketVersion) return false;
  for (const key of keys) if (membersOf(await snaps.text(key))[id] !== bucketVersion) return false;
  return true;
}

/** A snapshot as story matching reads it: its text, and its articles when they must be indexed. */
export interface StoryScope {
  text: string;
  articles: () => SnapshotArticle[];
}

/**
 * The snapshots story matching compares with, each read once. Their articles are parsed only
 * when the matcher must index them (an isolate keeps the index of a snapshot it has seen).
 * Two snapshots with the same members at the same versions hold the same articles (one cap
 * applies to every snapshot), as a one-province deployment's `snap:all` and province snapshot
 * do: the second then gives no articles.
 */
export function storyScopes(snaps: SnapshotTexts): (key: string) => Promise<StoryScope | []> {
  // Members as stored, and sorted (asked only when the stored texts differ: written in another order).
  const seen: { raw: string; sorted?: string }[] = [];
  const sorted = (m: { raw: string; sorted?: string }) => {
    if (m.sorted === undefined) {
      const members = peekMembers(`{"members":${m.raw}`);
      m.sorted = members ? JSON.stringify(Object.entries(members).sort(([a], [b]) => (a < b ? -1 : 1))) : `unread ${m.raw}`;
    }
    return m.sorted;
  };
  return async (key) => {
    const text = await snaps.text(key);
    if (!text) return [];
    const raw = membersText(text);
    if (raw !== null) {
      const mine = { raw };
      if (seen.some((m) => m.raw === raw || sorted(m) === sorted(mine))) return [];
      seen.push(mine);
    }
    return { text, articles: () => parsedSnapshot(key, text).articles ?? [] };
  };
}

/** One snapshot's articles. */
export async function snapshotArticles(store: JsonStore, key: string): Promise<SnapshotArticle[]> {
  return (await store.getJson<Snapshot>(key))?.articles ?? [];
}
