import type { SourceState, StateDoc } from '../store/types';

/**
 * Two runs may overlap (the cron and an admin refresh, or a cron run that outlives
 * its 15 minutes). Each read `state` at its start and writes it once at its end, so
 * the later write would undo the earlier run's updates. Instead, a run re-reads the
 * state just before writing and merges:
 *
 * - sources this run did not attempt keep what the stored state says (another run's
 *   updates survive);
 * - sources this run attempted take this run's result;
 * - a source that another run also attempted since this one began (its stored entry
 *   changed) is a conflict: both runs merged it into its bucket, and the
 *   later bucket write may hold the other run's fetch, not ours. Its validators are
 *   dropped and it is due now, so the next run fetches it in full and merges again
 *   (merges are idempotent: nothing is counted twice, anything lost comes back), and it
 *   joins `pending` so its snapshots are checked;
 * - `pending` is the union of both, less what this run set out to check and confirmed.
 *
 * KV is eventually consistent, so the re-read can still miss a write from another
 * location made in the last seconds; what can be lost then is a validator or a failure
 * count (costing one extra fetch or one backoff step), never an article: buckets only
 * grow by merge and snapshots are repaired from `pending` and member versions.
 */
export interface StateMergeInput {
  /** The state as this run read it at its start. */
  started: StateDoc;
  /** The state as stored now (null if absent). */
  current: StateDoc | null;
  /** This run's new state of each source it attempted. */
  attempted: Map<string, SourceState>;
  /** Sources whose snapshots need checking by the next run. */
  pending: Set<string>;
  /** Sources whose snapshots this run found in agreement with their buckets. */
  confirmed: Set<string>;
  lastRun: StateDoc['lastRun'];
  now: Date;
}

export interface StateMergeResult {
  state: StateDoc;
  /** Sources another run attempted while this one ran. */
  conflicts: string[];
}

export function mergeState(input: StateMergeInput): StateMergeResult {
  const { started, attempted, now } = input;
  const current = input.current ?? started;
  const sources: Record<string, SourceState> = { ...current.sources };
  const conflicts: string[] = [];
  for (const [id, ours] of attempted) {
    // Any change to the entry since this run read it is another run's doing.
    const theirs = current.sources[id];
    if (theirs && JSON.stringify(theirs) !== JSON.stringify(started.sources[id])) {
      conflicts.push(id);
      const { etag: _e, lastModified: _l, hash: _h, itemsHash: _i, ...rest } = ours;
      sources[id] = { ...rest, nextDue: now.toISOString() };
    } else {
      sources[id] = ours;
    }
  }
  const pending = new Set([...(current.pending ?? []), ...input.pending, ...conflicts]);
  // Only what this run set out to check may leave: an id another run added since stays.
  const checked = new Set(started.pending ?? []);
  for (const id of input.confirmed) {
    if (checked.has(id) && !input.pending.has(id) && !conflicts.includes(id)) pending.delete(id);
  }
  const state: StateDoc = { ...current, version: 1, sources, lastRun: input.lastRun };
  if (pending.size) state.pending = [...pending].sort();
  else delete state.pending;
  return { state, conflicts };
}
