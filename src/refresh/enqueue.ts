import type { RefreshMessage } from '../env';
import { errorText } from '../error-text';
import type { Source } from '../sources/schema';
import { loadCatalog } from '../store/catalog';
import { countingStore, type KvCounts } from '../store/kv';
import { readQueued, writeQueued, type QueuedDoc, type QueuedEntry } from '../store/queued';
import { readState } from '../store/state';
import type { SourceState } from '../store/types';
import { dueSources } from './schedule';

/**
 * The cron's side of queue mode: find the due sources, send them to the queue in
 * batches, and remember what was sent so the next cron does not send it again while
 * it still waits in the queue.
 *
 * That memory is its own KV key, written only by the cron (the consumer never touches
 * it, the cron never touches `state`), so there is no second writer to race with.
 * Cost: reads catalog, state and this key (3 reads); writes this key once, only when
 * something was enqueued — an idle cron writes nothing.
 */

/** The part of a Queue producer binding the cron uses (tests hand in a recorder). */
export interface RefreshProducer {
  sendBatch(messages: MessageSendRequest<RefreshMessage>[]): Promise<unknown>;
}

export interface EnqueueDeps {
  kv: KVNamespace;
  queue: RefreshProducer;
  now: () => Date;
  /** Sources per message; one message is one consumer invocation (default 36). */
  batchSize?: number;
  /** How long an enqueued source is held when no attempt of it shows up (default 30 min). */
  holdMinutes?: number;
  /**
   * Sources due within this many minutes are enqueued now (default DUE_EARLY_MINUTES, see
   * schedule.ts: the same rule as an inline run's).
   */
  earlyMinutes?: number;
  log?: (entry: Record<string, unknown>) => void;
}

export interface EnqueueSummary {
  at: string;
  /** Sources due now (held ones included). */
  due: number;
  /** Due sources not sent because an earlier message holds them. */
  held: number;
  enqueued: number;
  messages: number;
  kv: KvCounts;
  error?: string;
}

const MINUTE = 60_000;
/** Cloudflare's limit of messages per sendBatch call. */
const SEND_BATCH_MAX = 100;

/**
 * A source stays held while an entry that sent it is unexpired and the state shows no
 * attempt since: once the consumer attempted it, its `nextDue` decides again. A stale
 * read of `state` (KV is eventually consistent) only keeps a source held a little longer.
 */
export function heldIds(doc: QueuedDoc | null, sources: Record<string, SourceState>, now: Date): Set<string> {
  const held = new Set<string>();
  const nowIso = now.toISOString();
  for (const entry of doc?.entries ?? []) {
    if (entry.until <= nowIso) continue;
    for (const id of entry.ids) {
      const attempted = sources[id]?.lastAttempt;
      if (!attempted || attempted < entry.at) held.add(id);
    }
  }
  return held;
}

/** Entries still holding something, narrowed to the ids they still hold. */
export function pruneQueued(doc: QueuedDoc | null, held: Set<string>, now: Date): QueuedEntry[] {
  const nowIso = now.toISOString();
  return (doc?.entries ?? [])
    .filter((e) => e.until > nowIso)
    .map((e) => ({ ...e, ids: e.ids.filter((id) => held.has(id)) }))
    .filter((e) => e.ids.length > 0);
}

/**
 * Due sources cut into messages. Sorted by province first, so one batch touches few
 * province snapshots and the consumer writes each of them once, not once per batch.
 */
export function batchesOf(sources: Source[], size: number): string[][] {
  const sorted = [...sources].sort((a, b) =>
    a.region.province !== b.region.province ? (a.region.province < b.region.province ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  const out: string[][] = [];
  const step = Math.max(1, Math.floor(size));
  for (let i = 0; i < sorted.length; i += step) out.push(sorted.slice(i, i + step).map((s) => s.id));
  return out;
}

export async function enqueueDue(deps: EnqueueDeps): Promise<EnqueueSummary> {
  const store = countingStore(deps.kv);
  const now = deps.now();
  const at = now.toISOString();
  const catalog = await loadCatalog(store);
  const state = (await readState(store)) ?? { version: 1, sources: {} };
  const queued = await readQueued(store);

  const held = heldIds(queued, state.sources, now);
  const due = dueSources(catalog, state.sources, now, deps.earlyMinutes);
  const toSend = due.filter((s) => !held.has(s.id));
  const summary: EnqueueSummary = { at, due: due.length, held: due.length - toSend.length, enqueued: 0, messages: 0, kv: store.counts };
  if (toSend.length === 0) return summary;

  const batches = batchesOf(toSend, deps.batchSize ?? 36);
  const sent: string[] = [];
  try {
    for (let i = 0; i < batches.length; i += SEND_BATCH_MAX) {
      const group = batches.slice(i, i + SEND_BATCH_MAX);
      await deps.queue.sendBatch(group.map((ids) => ({ body: { ids, enqueuedAt: at } })));
      for (const ids of group) sent.push(...ids);
      summary.messages += group.length;
    }
  } catch (e) {
    // What was not sent stays due and unheld: the next cron sends it.
    summary.error = `enqueue failed after ${summary.messages} messages: ${errorText(e)}`;
    deps.log?.({ level: 'error', event: 'enqueue-failed', reason: summary.error });
  }
  summary.enqueued = sent.length;
  if (sent.length === 0) return summary;

  // Written after sending: a lost write means duplicates next time (harmless), never a hold on unsent sources.
  const until = new Date(now.getTime() + (deps.holdMinutes ?? 30) * MINUTE).toISOString();
  const doc: QueuedDoc = { version: 1, entries: [...pruneQueued(queued, held, now), { at, until, ids: sent }] };
  try {
    await writeQueued(store, doc);
  } catch (e) {
    const reason = `hold list not written: ${errorText(e)}`;
    summary.error = summary.error ? `${summary.error}; ${reason}` : reason;
    deps.log?.({ level: 'error', event: 'queued-write-failed', reason });
  }
  return summary;
}
