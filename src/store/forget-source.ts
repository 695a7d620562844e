import { readBucket } from './bucket';
import { bucketKey, PAGE_QUEUE_KEY } from './keys';
import type { JsonStore } from './kv';
import { readPageQueue } from './page-queue';
import { peekMembers } from './snapshot-read';
import { readState, writeState } from './state';
import type { Snapshot } from './types';

const SNAPSHOT_PREFIX = 'snap:';

export interface Forgotten {
  /** Articles the source's bucket held. */
  articles: number;
  /** The snapshots rewritten without them. */
  snapshots: string[];
}

/** A snapshot without one source: its articles, its member version and its name gone; the rest as it was. */
export function snapshotWithout(snapshot: Snapshot, id: string, version: string, now: Date): Snapshot {
  const { [id]: _member, ...members } = snapshot.members;
  const { [id]: _source, ...sources } = snapshot.sources;
  return { version, updated: now.toISOString(), members, sources, articles: snapshot.articles.filter((a) => a.sourceId !== id) };
}

/**
 * Removes everything stored of one source: every snapshot that holds it is rewritten without
 * its articles (other sources' articles kept as they were), then its queued pages, its state
 * and its bucket go. The caller takes it out of the catalog first, so no run brings it back.
 */
export async function forgetSource(store: JsonStore, id: string, now: Date, newVersion: () => string): Promise<Forgotten> {
  const bucket = await readBucket(store, id);
  const snapshots: string[] = [];
  for (const key of await store.listKeys(SNAPSHOT_PREFIX)) {
    const bytes = await store.getBytes(key);
    if (!bytes) continue;
    const members = peekMembers(bytes);
    if (members && !(id in members)) continue;
    const snapshot = JSON.parse(new TextDecoder().decode(bytes)) as Snapshot;
    if (!(id in snapshot.members) && !snapshot.articles.some((a) => a.sourceId === id)) continue;
    await store.putJson(key, snapshotWithout(snapshot, id, newVersion(), now));
    snapshots.push(key);
  }
  const queue = await readPageQueue(store);
  const pages = queue.pages.filter((p) => p.sourceId !== id);
  if (pages.length !== queue.pages.length) await store.putJson(PAGE_QUEUE_KEY, { ...queue, pages });
  const state = await readState(store);
  if (state && (state.sources[id] || state.pending?.includes(id))) {
    delete state.sources[id];
    if (state.pending) state.pending = state.pending.filter((p) => p !== id);
    await writeState(store, state);
  }
  if (bucket) await store.delete(bucketKey(id));
  return { articles: bucket?.articles.length ?? 0, snapshots };
}
