import type { Env, RefreshMessage } from '../env';
import type { EnqueueDeps } from './enqueue';
import { jsonLog } from './from-env';
import { refreshMode } from './queue';

/**
 * Sources per message when `REFRESH_BATCH_SIZE` is not set: 80 % of the consumer's subrequest
 * budget (the rest covers feed autodiscovery, redirects and enrichment), at most 100. With the
 * default budget of 45 (free plan) that is 36; with 950 (paid plan) it is 100.
 */
export function defaultBatchSize(maxSubrequests: number): number {
  return Math.max(1, Math.min(100, Math.floor(maxSubrequests * 0.8)));
}

const positive = (value: string | undefined): number | undefined => {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : undefined;
};

/** The queue to fan out through, when `REFRESH_MODE` is "queue" and the binding exists. */
export function refreshQueue(env: Env): Queue<RefreshMessage> | undefined {
  if (refreshMode(env.REFRESH_MODE) !== 'queue') return undefined;
  if (!env.REFRESH_QUEUE) jsonLog({ level: 'error', event: 'queue-binding-missing', reason: 'REFRESH_MODE is "queue" but REFRESH_QUEUE is not bound; refreshing inline' });
  return env.REFRESH_QUEUE;
}

/** The cron's enqueue step as configured by the Worker's env. */
export function enqueueDeps(env: Env, queue: Queue<RefreshMessage>): EnqueueDeps {
  return {
    kv: env.KV,
    queue,
    now: () => new Date(),
    batchSize: positive(env.REFRESH_BATCH_SIZE) ?? defaultBatchSize(positive(env.MAX_SUBREQUESTS) ?? 45),
    log: jsonLog,
  };
}
