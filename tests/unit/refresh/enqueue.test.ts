import { env } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RefreshMessage } from '../../../src/env';
import { batchesOf, enqueueDue, heldIds } from '../../../src/refresh/enqueue';
import { sourceSchema, type Source } from '../../../src/sources/schema';
import { CATALOG_KEY, QUEUED_KEY, STATE_KEY } from '../../../src/store/keys';
import type { QueuedDoc } from '../../../src/store/queued';
import type { StateDoc } from '../../../src/store/types';

const kv = (env as unknown as { KV: KVNamespace }).KV;
const MIN = 60_000;
const t0 = new Date('2026-11-27T03:00:00.000Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * MIN);
const src = (id: string, province: string, extra: object = {}): Source =>
  sourceSchema.parse({ id, name: id, url: `https://${id}.gov.vn/`, region: { province }, ...extra });

/** A producer that records what it was asked to send. */
function recordingQueue() {
  const sent: RefreshMessage[] = [];
  return { sent, sendBatch: async (msgs: Iterable<MessageSendRequest<RefreshMessage>>) => void sent.push(...[...msgs].map((m) => m.body)) };
}

const catalog = [src('xa-a', 'thai-nguyen'), src('xa-b', 'cao-bang'), src('xa-c', 'thai-nguyen'), src('xa-d', 'cao-bang'), src('cu', 'cao-bang', { retired: true })];

async function setState(sources: StateDoc['sources']) {
  await kv.put(STATE_KEY, JSON.stringify({ version: 1, sources } satisfies StateDoc));
}

describe('batches and holds', () => {
  it('cuts due sources into batches grouped by province', () => {
    expect(batchesOf(catalog.slice(0, 4), 3)).toEqual([['xa-b', 'xa-d', 'xa-a'], ['xa-c']]);
  });

  it('holds an enqueued source until it is attempted or the hold ends', () => {
    const doc: QueuedDoc = { version: 1, entries: [{ at: at(0).toISOString(), until: at(30).toISOString(), ids: ['xa-a', 'xa-b'] }] };
    expect(heldIds(doc, {}, at(15))).toEqual(new Set(['xa-a', 'xa-b']));
    expect(heldIds(doc, { 'xa-a': { failures: 0, lastAttempt: at(1).toISOString() } }, at(15))).toEqual(new Set(['xa-b']));
    expect(heldIds(doc, {}, at(30))).toEqual(new Set());
  });
});

describe('enqueueDue', () => {
  beforeEach(async () => {
    for (const key of [STATE_KEY, QUEUED_KEY]) await kv.delete(key);
    await kv.put(CATALOG_KEY, JSON.stringify(catalog));
  });

  const deps = (queue: ReturnType<typeof recordingQueue>, now: Date, extra: object = {}) => ({ kv, queue, now: () => now, batchSize: 3, ...extra });

  it('sends every due active source once, in batches, and holds them', async () => {
    const queue = recordingQueue();
    const summary = await enqueueDue(deps(queue, t0));
    expect(queue.sent.map((m) => m.ids)).toEqual([['xa-b', 'xa-d', 'xa-a'], ['xa-c']]);
    expect(queue.sent.every((m) => m.enqueuedAt === t0.toISOString())).toBe(true);
    expect(summary).toMatchObject({ due: 4, enqueued: 4, messages: 2, held: 0, kv: { reads: 3, writes: 1 } });

    const again = recordingQueue();
    const second = await enqueueDue(deps(again, at(15)));
    expect(again.sent).toEqual([]);
    expect(second).toMatchObject({ due: 4, held: 4, enqueued: 0, kv: { reads: 3, writes: 0 } });
  });

  it('enqueues again what the consumer attempted and is due, and what a lost message left held', async () => {
    await enqueueDue(deps(recordingQueue(), t0));
    // The consumer attempted xa-a and xa-b a minute later; xa-c and xa-d were never attempted.
    const done = { failures: 0, lastAttempt: at(1).toISOString(), nextDue: at(31).toISOString() };
    await setState({ 'xa-a': done, 'xa-b': done });

    const early = recordingQueue();
    await enqueueDue(deps(early, at(20)));
    expect(early.sent).toEqual([]);

    // At 30 min the hold on the lost ones has ended; the attempted ones fall due within 5 min.
    const later = recordingQueue();
    const summary = await enqueueDue(deps(later, at(30)));
    expect(later.sent.flatMap((m) => m.ids).sort()).toEqual(['xa-a', 'xa-b', 'xa-c', 'xa-d']);
    expect(summary.kv.writes).toBe(1);
  });

  it('writes nothing when no source is due', async () => {
    const later = { failures: 0, lastAttempt: at(0).toISOString(), nextDue: at(60).toISOString() };
    await setState({ 'xa-a': later, 'xa-b': later, 'xa-c': later, 'xa-d': later });
    const queue = recordingQueue();
    const summary = await enqueueDue(deps(queue, at(10)));
    expect(queue.sent).toEqual([]);
    expect(summary).toMatchObject({ due: 0, enqueued: 0, kv: { reads: 3, writes: 0 } });
    expect(await kv.get(QUEUED_KEY)).toBeNull();
  });

  it('holds nothing that could not be sent', async () => {
    const failing = {
      sendBatch: async () => {
        throw new Error('queue unavailable');
      },
    };
    const summary = await enqueueDue({ kv, queue: failing, now: () => t0, batchSize: 3 });
    expect(summary).toMatchObject({ enqueued: 0, kv: { writes: 0 } });
    expect(summary.error).toMatch(/queue unavailable/);
    const retry = recordingQueue();
    await enqueueDue(deps(retry, at(15)));
    expect(retry.sent.flatMap((m) => m.ids).sort()).toEqual(['xa-a', 'xa-b', 'xa-c', 'xa-d']);
  });
});
