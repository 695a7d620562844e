import type { RefreshMessage } from '../env';
import { runRefresh, type RefreshDeps, type RunSummary } from './run';
import { errorText } from '../error-text';

/**
 * Queue mode: the cron enqueues due sources in batches (enqueue.ts) and this consumer
 * refreshes one batch per invocation, so each invocation stays inside its own
 * subrequest and CPU limits however large the catalog grows.
 *
 * Single writer: the consumer runs with `max_concurrency = 1`, and in queue mode the
 * cron writes only its own `queued` key, never `state`, buckets or snapshots.
 */

export type RefreshMode = 'inline' | 'queue';

/** `REFRESH_MODE`: "queue" fans out through Cloudflare Queues; anything else refreshes inline. */
export const refreshMode = (value: string | undefined): RefreshMode => (value?.trim().toLowerCase() === 'queue' ? 'queue' : 'inline');

/** Far above any batch size; a body with more ids is not ours. */
const MAX_IDS = 1_000;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isRefreshMessage(body: unknown): body is RefreshMessage {
  if (typeof body !== 'object' || body === null) return false;
  const { ids, enqueuedAt } = body as Partial<RefreshMessage>;
  return (
    Array.isArray(ids) &&
    ids.length <= MAX_IDS &&
    ids.every((id) => typeof id === 'string' && id.length <= 64 && SLUG.test(id)) &&
    typeof enqueuedAt === 'string'
  );
}

/** Delay before a failed batch is delivered again (the next cron is minutes away anyway). */
export const RETRY_DELAY_SECONDS = 60;

/**
 * The `queue` handler's work: one refresh run over the sources of the batch's messages.
 * Acked once the run wrote `state`; retried (after a delay) when it could not, because
 * then the run left no record and must be repeated — repeating is harmless, a source
 * fetched twice costs a conditional GET. Malformed messages are acked and logged: a
 * retry could not make them valid.
 */
export async function consumeRefreshBatch(batch: MessageBatch<unknown>, deps: RefreshDeps): Promise<RunSummary | null> {
  const log = deps.log ?? (() => {});
  const valid = batch.messages.filter((m) => isRefreshMessage(m.body));
  for (const m of batch.messages) {
    if (valid.includes(m)) continue;
    log({ level: 'error', event: 'queue-message-invalid', id: m.id });
    m.ack();
  }
  const ids = [...new Set(valid.flatMap((m) => (m.body as RefreshMessage).ids))];
  if (ids.length === 0) {
    for (const m of valid) m.ack();
    return null;
  }
  const retry = (reason: string) => {
    log({ level: 'error', event: 'queue-batch-retry', messages: valid.length, sources: ids.length, reason });
    for (const m of valid) m.retry({ delaySeconds: RETRY_DELAY_SECONDS });
  };
  let summary: RunSummary;
  try {
    summary = await runRefresh(deps, { only: ids });
  } catch (e) {
    retry(errorText(e));
    return null;
  }
  if (summary.error) retry(summary.error);
  else for (const m of valid) m.ack();
  log({
    level: 'info',
    event: 'refresh-batch',
    attempts: Math.max(...valid.map((m) => m.attempts)),
    sources: ids.length,
    durationMs: summary.durationMs,
    kv: summary.kv,
    subrequests: summary.subrequests,
    deferred: summary.sources.filter((s) => s.outcome === 'deferred').length,
    failed: summary.sources.filter((s) => s.outcome === 'failed').map((s) => ({ source: s.id, reason: s.error })),
  });
  return summary;
}
