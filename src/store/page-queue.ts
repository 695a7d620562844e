import { PAGE_QUEUE_KEY } from './keys';
import type { JsonStore } from './kv';

/**
 * Articles whose own page is still to be read, kept in one key so a run costs at most one
 * read and one write for it however many articles wait: none is lost when a run's budget ends,
 * and each is read in a later run, oldest first. A page that fails waits longer each time and
 * is given up after a few tries (its article stays as the listing gave it).
 */
export interface QueuedPage {
  id: string;
  sourceId: string;
  url: string;
  /** When it was queued (ISO): the queue's order. */
  since: string;
  /** Failed reads so far. */
  tries?: number;
  /** Not to be tried before (ISO), after a failure. */
  notBefore?: string;
}

export interface PageQueue {
  version: 1;
  pages: QueuedPage[];
}

/** Reads after which a page is given up. */
export const MAX_TRIES = 5;
/** First wait after a failure; it doubles with each further one. */
const FIRST_BACKOFF_MS = 30 * 60_000;
const MAX_BACKOFF_MS = 24 * 3_600_000;
/** Beyond this many the oldest are dropped (a catalog of thousands of sources catching up). */
export const MAX_QUEUED = 20_000;

export const emptyQueue = (): PageQueue => ({ version: 1, pages: [] });

/** The pages that may be read now, oldest first, optionally only those of some sources. */
export function duePages(queue: PageQueue, now: Date, sources?: ReadonlySet<string>): QueuedPage[] {
  const t = now.toISOString();
  return queue.pages
    .filter((p) => (!p.notBefore || p.notBefore <= t) && (!sources || sources.has(p.sourceId)))
    .sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0));
}

/** What one run did to the queue, applied to whatever the queue holds when it is written. */
export interface QueueChange {
  added: QueuedPage[];
  /** Read (or no longer wanted): leave the queue. */
  done: string[];
  /** Failed this run. */
  failed: string[];
}

export const isEmptyChange = (c: QueueChange) => !c.added.length && !c.done.length && !c.failed.length;

/** Applies a run's change; pure. Failed pages back off (30 min, doubling, at most a day) or leave after MAX_TRIES. */
export function applyChange(queue: PageQueue, change: QueueChange, now: Date): { queue: PageQueue; givenUp: QueuedPage[] } {
  const done = new Set(change.done);
  const failed = new Set(change.failed);
  const givenUp: QueuedPage[] = [];
  const byId = new Map<string, QueuedPage>();
  for (const p of [...queue.pages, ...change.added]) {
    if (done.has(p.id) || byId.has(p.id)) continue;
    byId.set(p.id, p);
  }
  for (const id of failed) {
    const p = byId.get(id);
    if (!p) continue;
    const tries = (p.tries ?? 0) + 1;
    if (tries >= MAX_TRIES) {
      byId.delete(id);
      givenUp.push(p);
      continue;
    }
    const wait = Math.min(FIRST_BACKOFF_MS * 2 ** (tries - 1), MAX_BACKOFF_MS);
    byId.set(id, { ...p, tries, notBefore: new Date(now.getTime() + wait).toISOString() });
  }
  let pages = [...byId.values()].sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0));
  if (pages.length > MAX_QUEUED) {
    givenUp.push(...pages.slice(0, pages.length - MAX_QUEUED));
    pages = pages.slice(pages.length - MAX_QUEUED);
  }
  return { queue: { version: 1, pages }, givenUp };
}

export async function readPageQueue(store: JsonStore): Promise<PageQueue> {
  return (await store.getJson<PageQueue>(PAGE_QUEUE_KEY)) ?? emptyQueue();
}

/**
 * Writes the run's change over the queue as it is now (re-read, so a run overlapping this one
 * loses nothing it queued): one read and one write, none when nothing changed.
 */
export async function writePageQueue(store: JsonStore, change: QueueChange, now: Date, current: PageQueue): Promise<{ waiting: number; givenUp: QueuedPage[] }> {
  if (isEmptyChange(change)) return { waiting: current.pages.length, givenUp: [] };
  const { queue, givenUp } = applyChange(await readPageQueue(store), change, now);
  await store.putJson(PAGE_QUEUE_KEY, queue);
  return { waiting: queue.pages.length, givenUp };
}
