import { app } from './app';
import type { Env } from './env';
import { jsonLog, refreshDeps } from './refresh/from-env';
import { runRefresh } from './refresh/run';

export default {
  fetch: app.fetch,
  async scheduled(_controller, env, ctx) {
    ctx.waitUntil(
      runRefresh(refreshDeps(env)).then((summary) =>
        jsonLog({ level: 'info', event: 'refresh', durationMs: summary.durationMs, due: summary.due, kv: summary.kv, subrequests: summary.subrequests, failed: summary.sources.filter((s) => s.outcome === 'failed').map((s) => ({ source: s.id, reason: s.error })) }),
      ),
    );
  },
} satisfies ExportedHandler<Env>;
