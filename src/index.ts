import { app } from './app';
import type { Env } from './env';
import { enqueueDue } from './refresh/enqueue';
import { jsonLog, refreshDeps } from './refresh/from-env';
import { consumeRefreshBatch } from './refresh/queue';
import { enqueueDeps, refreshQueue } from './refresh/queue-from-env';
import { runRefresh } from './refresh/run';

export default {
  fetch: app.fetch,
  async scheduled(_controller, env, ctx) {
    // Queue mode (REFRESH_MODE = "queue"): the cron only enqueues; the `queue` handler refreshes.
    const queue = refreshQueue(env);
    if (queue) {
      ctx.waitUntil(enqueueDue(enqueueDeps(env, queue)).then((summary) => jsonLog({ level: 'info', event: 'enqueue', ...summary })));
      return;
    }
    ctx.waitUntil(
      runRefresh(refreshDeps(env)).then((summary) =>
        jsonLog({ level: 'info', event: 'refresh', durationMs: summary.durationMs, due: summary.due, kv: summary.kv, subrequests: summary.subrequests, ...(summary.newIsolate ? { newIsolate: true } : {}), failed: summary.sources.filter((s) => s.outcome === 'failed').map((s) => ({ source: s.id, reason: s.error })) }),
      ),
    );
  },
  async queue(batch, env) {
    await consumeRefreshBatch(batch, refreshDeps(env));
  },
} satisfies ExportedHandler<Env>;
