import type { Source } from '../sources/schema';
import type { JsonStore } from '../store/kv';
import { DEFAULT_SNAPSHOT_CAP, isStale, mergeSnapshot, snapshotKeysFor } from '../store/snapshot';
import type { Bucket, Snapshot } from '../store/types';
import type { RefreshDeps } from './types';
import { peekMembers } from './snapshot-peek';
import { errorText } from './error-text';
import { version } from './version';

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
    forget(key: string) {
      cache.delete(key);
    },
  };
}
export type SnapshotTexts = ReturnType<typeof snapshotTexts>;

const membersOf = (text: string | null): Record<string, string> =>
  text ? (peekMembers(text) ?? (JSON.parse(text) as Snapshot).members ?? {}) : {};

/** True when every snapshot the source belongs to records `bucketVersion` for it. */
export async function snapshotsAgree(id: string, bucketVersion: string | undefined, keys: string[], snaps: SnapshotTexts): Promise<boolean> {
  if (!bucketVersion) return false;
  for (const key of keys) if (membersOf(await snaps.text(key))[id] !== bucketVersion) return false;
  return true;
}

interface SnapshotUpdate {
  written: string[];
  /** Sources in a snapshot that could not be read or written. */
  failed: Set<string>;
  /** Sources merged into a snapshot this run: a later run checks that the write held. */
  merged: Set<string>;
}

export async function updateSnapshots(
  held: Map<string, Bucket>,
  regions: Map<string, Source['region']>,
  snaps: SnapshotTexts,
  store: JsonStore,
  deps: RefreshDeps,
): Promise<SnapshotUpdate> {
  const byKey = new Map<string, Bucket[]>();
  for (const b of held.values()) {
    const region = regions.get(b.sourceId);
    if (!region) continue;
    for (const key of snapshotKeysFor(region)) byKey.set(key, [...(byKey.get(key) ?? []), b]);
  }
  const out: SnapshotUpdate = { written: [], failed: new Set(), merged: new Set() };
  for (const [key, members] of byKey) {
    try {
      const text = await snaps.text(key);
      const prev = text ? (JSON.parse(text) as Snapshot) : null;
      const stale = members.filter((b) => isStale(prev, b));
      if (stale.length === 0) continue;
      const now = deps.now();
      await store.putJson(key, mergeSnapshot(prev, stale, version(now, deps.random), now, deps.snapshotCap ?? DEFAULT_SNAPSHOT_CAP));
      snaps.forget(key);
      out.written.push(key);
      for (const b of stale) out.merged.add(b.sourceId);
    } catch (e) {
      for (const b of members) out.failed.add(b.sourceId);
      deps.log?.({ level: 'error', event: 'snapshot-write-failed', key, reason: errorText(e) });
    }
  }
  return out;
}

