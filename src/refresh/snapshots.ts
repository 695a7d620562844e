import type { Source } from '../sources/schema';
import type { JsonStore } from '../store/kv';
import { DEFAULT_SNAPSHOT_CAP, isStale, mergeSnapshot, snapshotBytes, snapshotKeysFor } from '../store/snapshot';
import { rememberSnapshot, type SnapshotReads, type StoredSnapshot } from '../store/snapshot-read';
import { sameBytes } from '../bytes';
import type { Bucket, Snapshot } from '../store/types';
import { newVersion } from '../store/version';
import { errorText } from '../error-text';
import type { RefreshDeps } from './types';

interface SnapshotUpdate {
  written: string[];
  /** Sources in a snapshot that could not be read or written. */
  failed: Set<string>;
  /** Sources merged into a snapshot this run: a later run checks that the write held. */
  merged: Set<string>;
}

/** Told of each snapshot a run wrote, as written (story matching keeps its index of it). */
export type OnSnapshotWritten = (key: string, stored: StoredSnapshot, snapshot: Snapshot) => void;

const sameStored = (a: StoredSnapshot | null, b: StoredSnapshot | null) => a === b || (!!a && !!b && sameBytes(a.bytes, b.bytes));

/**
 * The run's snapshot step: each snapshot a held bucket belongs to gets the stale members merged,
 * one write per snapshot. Snapshots that were the same bytes and take the same buckets become the
 * same snapshot (a one-province deployment's country and province snapshots): it is merged and
 * serialized once and written under each key. One version for the run's snapshots, so they can.
 */
export async function updateSnapshots(
  held: Map<string, Bucket>,
  regions: ReadonlyMap<string, Source['region']>,
  snaps: SnapshotReads,
  store: JsonStore,
  deps: RefreshDeps,
  onWritten: OnSnapshotWritten = () => {},
): Promise<SnapshotUpdate> {
  const byKey = new Map<string, Bucket[]>();
  for (const b of held.values()) {
    const region = regions.get(b.sourceId);
    if (!region) continue;
    for (const key of snapshotKeysFor(region)) byKey.set(key, [...(byKey.get(key) ?? []), b]);
  }
  const out: SnapshotUpdate = { written: [], failed: new Set(), merged: new Set() };
  const now = deps.now();
  const version = newVersion(now, deps.random);
  /** Merges made this run: what they were made from, and what they are. */
  const made: { from: StoredSnapshot | null; stale: Bucket[]; written: StoredSnapshot & { snapshot: Snapshot } }[] = [];
  for (const [key, members] of byKey) {
    try {
      const from = await snaps.stored(key);
      const prev = await snaps.snapshot(key);
      const stale = members.filter((b) => isStale(prev, b));
      if (stale.length === 0) continue;
      let merge = made.find((m) => m.stale.length === stale.length && m.stale.every((b, i) => b === stale[i]) && sameStored(m.from, from));
      if (!merge) {
        const snapshot = mergeSnapshot(prev, stale, version, now, deps.snapshotCap ?? DEFAULT_SNAPSHOT_CAP);
        merge = { from, stale, written: { bytes: snapshotBytes(snapshot), snapshot } };
        made.push(merge);
      }
      await store.putBytes(key, merge.written.bytes);
      snaps.forget(key);
      rememberSnapshot(key, merge.written);
      onWritten(key, merge.written, merge.written.snapshot);
      out.written.push(key);
      for (const b of stale) out.merged.add(b.sourceId);
    } catch (e) {
      for (const b of members) out.failed.add(b.sourceId);
      deps.log?.({ level: 'error', event: 'snapshot-write-failed', key, reason: errorText(e) });
    }
  }
  return out;
}
