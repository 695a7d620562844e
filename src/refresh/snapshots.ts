import type { Source } from '../sources/schema';
import type { JsonStore } from '../store/kv';
import { DEFAULT_SNAPSHOT_CAP, isStale, mergeSnapshot, snapshotKeysFor, writeSnapshot } from '../store/snapshot';
import type { SnapshotTexts } from '../store/snapshot-read';
import type { Bucket } from '../store/types';
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

/** The run's snapshot step: each snapshot a held bucket belongs to gets the stale members merged, one write per snapshot. */
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
      const prev = await snaps.snapshot(key);
      const stale = members.filter((b) => isStale(prev, b));
      if (stale.length === 0) continue;
      const now = deps.now();
      await writeSnapshot(store, key, mergeSnapshot(prev, stale, newVersion(now, deps.random), now, deps.snapshotCap ?? DEFAULT_SNAPSHOT_CAP));
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
