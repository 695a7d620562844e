import { createExecutionContext, createMessageBatch, createScheduledController, env, getQueueResult, waitOnExecutionContext } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import catalogText from '../fixtures/catalog.json?raw';
import worker from '../../src/index';
import type { Env, RefreshMessage } from '../../src/env';
import { bucketKey, QUEUED_KEY, STATE_KEY } from '../../src/store/keys';
import type { StateDoc } from '../../src/store/types';
import { loadCatalog, override } from '../helpers/worker';

const baseEnv = env as unknown as Env;
const ids = (JSON.parse(catalogText) as { id: string }[]).map((s) => s.id);

function recordingQueue() {
  const sent: RefreshMessage[] = [];
  const queue = {
    send: async (body: RefreshMessage) => void sent.push(body),
    sendBatch: async (msgs: Iterable<MessageSendRequest<RefreshMessage>>) => void sent.push(...[...msgs].map((m) => m.body)),
  } as unknown as Queue<RefreshMessage>;
  return { sent, queue };
}

async function cron(e: Env) {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron: '*/15 * * * *', scheduledTime: Date.now() }), e, ctx);
  await waitOnExecutionContext(ctx);
}

async function consume(messages: { id: string; body: unknown; attempts?: number }[], e: Env = baseEnv) {
  const batch = createMessageBatch<RefreshMessage>(
    'bantin-refresh',
    messages.map((m) => ({ timestamp: new Date(), attempts: 1, ...m })) as Parameters<typeof createMessageBatch<RefreshMessage>>[1],
  );
  const ctx = createExecutionContext();
  await worker.queue(batch as MessageBatch<unknown>, e);
  return getQueueResult(batch, ctx);
}

const state = async () => (await baseEnv.KV.get<StateDoc>(STATE_KEY, 'json'))?.sources ?? {};

describe('queue mode', () => {
  beforeEach(async () => {
    await override({ reset: true });
    for (const key of [STATE_KEY, QUEUED_KEY, 'snap:all', ...ids.map(bucketKey)]) await baseEnv.KV.delete(key);
    await loadCatalog(catalogText);
  });
  afterEach(() => vi.restoreAllMocks());

  it('the cron enqueues the due sources in batches and fetches nothing itself', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const { sent, queue } = recordingQueue();
    const queueEnv = { ...baseEnv, REFRESH_MODE: 'queue', REFRESH_QUEUE: queue, REFRESH_BATCH_SIZE: '3' };
    await cron(queueEnv);
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(sent.map((m) => m.ids.length)).toEqual([3, 3, 2]);
    expect(sent.flatMap((m) => m.ids).sort()).toEqual([...ids].sort());
    expect(await baseEnv.KV.get(STATE_KEY)).toBeNull();

    // Still waiting in the queue: the next cron sends none of them again.
    await cron(queueEnv);
    expect(sent).toHaveLength(3);
  });

  it('the consumer refreshes its batch from the portals and acks it', async () => {
    const batchIds = ['cho-don', 'pac-nam', 'baobackan'];
    const result = await consume([{ id: 'm1', body: { ids: batchIds, enqueuedAt: new Date().toISOString() } }]);
    expect(result.explicitAcks).toEqual(['m1']);
    expect(result.retryMessages).toEqual([]);

    const sources = await state();
    expect(Object.keys(sources).sort()).toEqual([...batchIds].sort());
    for (const id of batchIds) {
      expect(sources[id].lastOutcome).toBe('updated');
      expect(((await baseEnv.KV.get<{ articles: unknown[] }>(bucketKey(id), 'json'))?.articles ?? []).length).toBeGreaterThan(0);
    }
    expect(await baseEnv.KV.get(bucketKey('backan'))).toBeNull();

    // What the consumer attempted is not due, so the cron leaves it out.
    const { sent, queue } = recordingQueue();
    await cron({ ...baseEnv, REFRESH_MODE: 'queue', REFRESH_QUEUE: queue, REFRESH_BATCH_SIZE: '100' });
    expect(sent.flatMap((m) => m.ids).sort()).toEqual(ids.filter((id) => !batchIds.includes(id)).sort());
  });

  it('acks a message it cannot read and refreshes the rest of the batch', async () => {
    const result = await consume([
      { id: 'bad', body: { ids: ['../etc'], enqueuedAt: 'x' } },
      { id: 'good', body: { ids: ['cho-don'], enqueuedAt: new Date().toISOString() } },
    ]);
    expect(result.explicitAcks.sort()).toEqual(['bad', 'good']);
    expect(Object.keys(await state())).toEqual(['cho-don']);
  });

  it('retries the batch when the run could not record its state', async () => {
    const kv = baseEnv.KV;
    const failingState = new Proxy(kv, {
      get: (target, prop) =>
        prop === 'put'
          ? (key: string, value: string) => (key === STATE_KEY ? Promise.reject(new Error('KV put failed: 503')) : target.put(key, value))
          : Reflect.get(target, prop).bind(target),
    });
    const result = await consume([{ id: 'm1', body: { ids: ['cho-don'], enqueuedAt: new Date().toISOString() } }], { ...baseEnv, KV: failingState });
    expect(result.explicitAcks).toEqual([]);
    expect(result.retryMessages).toMatchObject([{ msgId: 'm1' }]);
  });

  it('inline mode (the default) refreshes in the cron and sends nothing to the queue', async () => {
    const { sent, queue } = recordingQueue();
    await cron({ ...baseEnv, REFRESH_QUEUE: queue });
    expect(sent).toEqual([]);
    expect(Object.keys(await state()).sort()).toEqual([...ids].sort());
  });
});
