import type { SourceState, StateDoc } from '../store/types';

/**
 * Source states a run keeps in its isolate instead of writing `state`. A fetch that found
 * nothing new (a 304, the same body, a parse with no new article, no change of failures,
 * bucket, listing or icon) changes only when the source was fetched, its validators and when
 * it is due next. Writing that once a run costs a KV write a run, which on the free plan's
 * 1,000 a day is what keeps runs from being smaller. So the isolate keeps it and a later run's
 * write carries it; the isolate writes at least every IDLE_WRITE_MS (run.ts).
 *
 * What a lost isolate loses is only that: the stored due times of sources it fetched since
 * its last write are earlier than they should be, so those sources are fetched once more,
 * early; validators are older, so that fetch may parse a body a 304 would have spared.
 * Nothing is starved: due sources are taken earliest due first, and a fetch moves a source's
 * due time on, so one fetched early goes behind those still waiting.
 *
 * Sources left pending for a snapshot check that a quiet run found merged are kept too (with
 * the bucket version checked), so later runs do not read their snapshots again.
 *
 * Each kept entry remembers the stored entry it was made from. Once `state` holds a different
 * entry for the source, another run (another isolate, an admin change) wrote it since, and
 * the stored one wins: the kept one is dropped.
 */
export interface StateMemory {
  kept: Map<string, KeptState>;
  /** Pending sources found merged: the bucket version their snapshots were found to hold. */
  confirmed: Map<string, string>;
  /** When this isolate last wrote `state` (epoch ms); undefined in a fresh isolate. */
  writtenAt?: number;
}

export interface KeptState {
  /** The stored entry it was made from, as JSON. */
  base: string;
  state: SourceState;
}

export const newStateMemory = (): StateMemory => ({ kept: new Map(), confirmed: new Map() });

/** What a fetch that found nothing new may change without a write. */
const QUIET_FIELDS = new Set<string>(['lastAttempt', 'lastSuccess', 'lastOutcome', 'nextDue', 'etag', 'lastModified', 'hash', 'itemsHash']);

/** Texts of stored entries, by entry: a state parsed once per isolate (readStateShared) gives runs the same frozen entries. */
const storedTexts = new WeakMap<SourceState, string>();

function entryText(s: SourceState | undefined): string {
  if (!s) return '';
  if (!Object.isFrozen(s)) return JSON.stringify(s);
  let text = storedTexts.get(s);
  if (text === undefined) storedTexts.set(s, (text = JSON.stringify(s)));
  return text;
}

/** Whether a source's new state differs from its last in anything but QUIET_FIELDS (a source without one always does). */
export function changedMaterially(before: SourceState | undefined, after: SourceState): boolean {
  if (!before) return true;
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (!QUIET_FIELDS.has(key) && JSON.stringify(a[key]) !== JSON.stringify(b[key])) return true;
  }
  return false;
}

/**
 * The stored state with this isolate's kept entries over it, less the pending sources it found
 * merged at the version still recorded; what the store has moved past is dropped.
 */
export function withKept(stored: StateDoc, memory: StateMemory): StateDoc {
  if (!memory.kept.size && !memory.confirmed.size) return stored;
  const sources = { ...stored.sources };
  for (const [id, k] of memory.kept) {
    if (entryText(stored.sources[id]) === k.base) sources[id] = k.state;
    else memory.kept.delete(id);
  }
  const still = (id: string) => memory.confirmed.get(id) === stored.sources[id]?.bucketVersion;
  for (const id of memory.confirmed.keys()) if (!stored.pending?.includes(id) || !still(id)) memory.confirmed.delete(id);
  const pending = stored.pending?.filter((id) => !memory.confirmed.has(id));
  const out: StateDoc = { ...stored, sources };
  if (pending?.length) out.pending = pending;
  else delete out.pending;
  return out;
}

/** Keeps a quiet run's new source states, each against the stored entry it replaces, and the pending sources it found merged. */
export function keep(memory: StateMemory, stored: StateDoc, states: Map<string, SourceState>, confirmed: Set<string>): void {
  for (const [id, state] of states) memory.kept.set(id, { base: entryText(stored.sources[id]), state });
  for (const id of confirmed) {
    const version = stored.sources[id]?.bucketVersion;
    if (version && stored.pending?.includes(id)) memory.confirmed.set(id, version);
  }
}

/** What the isolate holds as a write starts: what the write carries, and forgets once written. */
export const heldBefore = (memory: StateMemory | undefined) => ({ kept: new Map(memory?.kept), confirmed: new Map(memory?.confirmed) });

/**
 * The kept entries a write of `state` carries (those not attempted by the writing run, whose
 * stored entry is still the one they were made from).
 */
export function toCarry(kept: Map<string, KeptState>, current: StateDoc, attempted: Map<string, SourceState>): Map<string, SourceState> {
  const out = new Map<string, SourceState>();
  for (const [id, k] of kept) if (!attempted.has(id) && entryText(current.sources[id]) === k.base) out.set(id, k.state);
  return out;
}

/** After a write: what was held before it is stored now or stale (unless a run kept newer meanwhile). */
export function written(memory: StateMemory, before: ReturnType<typeof heldBefore>, at: number): void {
  for (const [id, k] of before.kept) if (memory.kept.get(id) === k) memory.kept.delete(id);
  for (const [id, v] of before.confirmed) if (memory.confirmed.get(id) === v) memory.confirmed.delete(id);
  memory.writtenAt = at;
}
