import { sameBytes } from '../bytes';
import { fnv1a } from './hash';
import { STATE_KEY } from './keys';
import type { JsonStore } from './kv';
import type { SourceState, StateDoc } from './types';

/** The run state: what each source's last fetch left (null before the first run). */
export const readState = (store: JsonStore) => store.getJson<StateDoc>(STATE_KEY);

/**
 * The last `state` this isolate parsed: its bytes as stored, and what they parsed to. A frequent
 * cron's runs mostly find the bytes they found last time (runs that find nothing new write
 * nothing), so they share one parse. Frozen all through, so no reader can change what the next
 * run reads. Kept as bytes, not text: a text of this size would join V8's old generation at
 * every change of the state, and its growth brings the next full collection (a pause inside
 * whichever run it falls); the bytes live outside the heap.
 */
let lastParsed: { bytes: Uint8Array; doc: StateDoc } | null = null;
const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * The run state as `readState` gives it, parsed once per stored value in this isolate (a byte
 * compare instead of a parse when it is the one seen last). Frozen: a run copies what it changes.
 * A new value keeps the last parse's entry for every source whose entry did not change: a run
 * changes a few, and the rest, parsed again, die young instead of joining the old generation.
 */
export async function readStateShared(store: JsonStore): Promise<StateDoc | null> {
  const bytes = await store.getBytes(STATE_KEY);
  if (bytes === null) return null;
  if (!lastParsed || !sameBytes(lastParsed.bytes, bytes)) {
    const doc = JSON.parse(decoder.decode(bytes)) as StateDoc;
    const before = lastParsed?.doc.sources;
    if (before && doc.sources) {
      for (const [id, entry] of Object.entries(doc.sources)) if (sameJson(entry, before[id])) doc.sources[id] = before[id];
    }
    lastParsed = { bytes, doc: deepFreeze(doc) };
  }
  return lastParsed.doc;
}

/** Whether two values parsed from JSON are equal, key order aside. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => Object.hasOwn(rb, k) && sameJson(ra[k], rb[k]));
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The state as stored, unparsed: for readers that need one field of a large document. */
export const readStateText = (store: JsonStore) => store.getText(STATE_KEY);

/** Written once per run, last, as the UTF-8 bytes of its JSON (what KV stores for the text). */
export const writeState = (store: JsonStore, state: StateDoc) => store.putBytes(STATE_KEY, encoder.encode(JSON.stringify(state)));

/** For a page built from the state: a short version of it for the ETag, then (unless 304) the state parsed. */
export async function readStateVersioned(store: JsonStore): Promise<{ version: string; state(): StateDoc | null }> {
  const text = await store.getText(STATE_KEY);
  return { version: text ? fnv1a(text) : '0', state: () => (text ? (JSON.parse(text) as StateDoc) : null) };
}

/**
 * What a source's state keeps once its address changed: nothing of the old address (its
 * error and backoff, validators, body hash, discovered feed, listing memory), only what
 * describes the articles still stored.
 */
export function stateForNewUrl(prev: SourceState): SourceState {
  const kept: SourceState = { failures: 0 };
  if (prev.lastSuccess) kept.lastSuccess = prev.lastSuccess;
  if (prev.articleCount !== undefined) kept.articleCount = prev.articleCount;
  if (prev.bucketVersion) kept.bucketVersion = prev.bucketVersion;
  return kept;
}

/** Starts the given sources afresh at their new addresses (one read, and one write when any had state). */
export async function forgetOldUrls(store: JsonStore, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const state = await readState(store);
  if (!state) return;
  const had = ids.filter((id) => state.sources[id]);
  if (!had.length) return;
  for (const id of had) state.sources[id] = stateForNewUrl(state.sources[id]);
  await writeState(store, state);
}
