import { errorText } from '../error-text';
import type { Source } from '../sources/schema';
import { readBucket } from '../store/bucket';
import type { JsonStore } from '../store/kv';
import { snapshotKeysFor } from '../store/snapshot';
import { snapshotsAgree, type SnapshotReads } from '../store/snapshot-read';
import type { Bucket, StateDoc } from '../store/types';

export interface PendingRepairs {
  /** Buckets whose snapshots do not (or may not) hold them yet: to merge. */
  held: Map<string, Bucket>;
  /** Sources whose snapshots were found to agree with their buckets (or that are gone). */
  confirmed: Set<string>;
  /** Bucket versions read here, recorded in state for sources this run did not fetch. */
  versionsRead: Map<string, string>;
}

/** No repairs: what a run that leaves the pending sources to a later run works with. */
export const noRepairs = (): PendingRepairs => ({ held: new Map(), confirmed: new Set(), versionsRead: new Map() });

/**
 * The sources earlier runs left pending, checked against their snapshots: those that agree
 * are confirmed (a read of each snapshot's members, no parse), the others' buckets are read
 * for merging. A source in `skip` (fetched this run) is left to the fetch.
 */
export async function pendingRepairs(
  state: StateDoc,
  regions: ReadonlyMap<string, Source['region']>,
  snaps: SnapshotReads,
  store: JsonStore,
  skip: Set<string>,
  log: (entry: Record<string, unknown>) => void,
): Promise<PendingRepairs> {
  const out: PendingRepairs = { held: new Map(), confirmed: new Set(), versionsRead: new Map() };
  for (const id of state.pending ?? []) {
    if (skip.has(id)) continue;
    const region = regions.get(id);
    if (!region) {
      out.confirmed.add(id); // gone from the catalog: nothing to repair
      continue;
    }
    try {
      if (await snapshotsAgree(id, state.sources[id]?.bucketVersion, snapshotKeysFor(region), snaps)) {
        out.confirmed.add(id);
        continue;
      }
      const bucket = await readBucket(store, id);
      if (bucket) {
        out.held.set(id, bucket);
        out.versionsRead.set(id, bucket.version);
      } else out.confirmed.add(id);
    } catch (e) {
      log({ level: 'error', event: 'pending-check-failed', source: id, reason: errorText(e) });
    }
  }
  return out;
}
