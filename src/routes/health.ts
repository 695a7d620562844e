import { Hono } from 'hono';
import type { Env } from '../env';
import { healthOf, lastRunOf } from '../serve/health';
import { countingStore } from '../store/kv';
import { readStateText } from '../store/state';

export const health = new Hono<{ Bindings: Env }>();

/**
 * For uptime checks: when the last refresh ran and how it went. 200 while refreshes run,
 * 503 when none ran within the hour (or ever). Nothing about configuration or tokens.
 */
health.get('/health', async (c) => {
  const h = healthOf(lastRunOf(await readStateText(countingStore(c.env.KV))), new Date());
  return c.json(h, h.status === 'ok' ? 200 : 503, { 'Cache-Control': 'no-store' });
});
