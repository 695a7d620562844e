import { Hono } from 'hono';
import type { Env } from '../env';
import { loadCatalog } from '../store/catalog';
import { countingStore } from '../store/kv';
import { readState } from '../store/state';
import { withoutUserinfo } from '../normalize/url';

export const api = new Hono<{ Bindings: Env }>();

/** Every source with its health, as stored by the last refresh runs. */
api.get('/api/sources', async (c) => {
  const store = countingStore(c.env.KV);
  const [catalog, state] = await Promise.all([loadCatalog(store), readState(store)]);
  const sources = catalog.map((s) => {
    const h = state?.sources[s.id];
    return {
      id: s.id,
      name: s.name,
      url: withoutUserinfo(s.url),
      kind: s.kind,
      preset: s.preset ?? null,
      region: s.region,
      enabled: s.enabled,
      retired: s.retired,
      verified: Boolean(h?.lastSuccess),
      unverifiedFrom: s.unverified?.from ?? null,
      note: s.note ?? null,
      health: {
        lastSuccess: h?.lastSuccess ?? null,
        lastAttempt: h?.lastAttempt ?? null,
        lastOutcome: h?.lastOutcome ?? null,
        lastError: h?.lastError ?? null,
        lastErrorCode: h?.lastErrorCode ?? null,
        lastErrorStatus: h?.lastErrorStatus ?? null,
        lastErrorAt: h?.lastErrorAt ?? null,
        recentFailures: h?.recentFailures ?? [],
        consecutiveFailures: h?.failures ?? 0,
        articleCount: h?.articleCount ?? 0,
        nextDue: h?.nextDue ?? null,
        feedUrl: h?.feedUrl ?? null,
      },
    };
  });
  return c.json({ sources, lastRun: state?.lastRun ?? null });
});
