import { fnv1a } from './hash';
import { STATE_KEY } from './keys';
import type { JsonStore } from './kv';
import type { StateDoc } from './types';

/** The run state: what each source's last fetch left (null before the first run). */
export const readState = (store: JsonStore) => store.getJson<StateDoc>(STATE_KEY);

/** The state as stored, unparsed: for readers that need one field of a large document. */
export const readStateText = (store: JsonStore) => store.getText(STATE_KEY);

/** Written once per run, last. */
export const writeState = (store: JsonStore, state: StateDoc) => store.putJson(STATE_KEY, state);

/** For a page built from the state: a short version of it for the ETag, then (unless 304) the state parsed. */
export async function readStateVersioned(store: JsonStore): Promise<{ version: string; state(): StateDoc | null }> {
  const text = await store.getText(STATE_KEY);
  return { version: text ? fnv1a(text) : '0', state: () => (text ? (JSON.parse(text) as StateDoc) : null) };
}
