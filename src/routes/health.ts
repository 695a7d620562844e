import { Hono } from 'hono';
import type { Env } from '../env';
import { healthOf, lastRunOf } from '../serve/health';
import { STATE_KEY } from '../store/keys';

export const health = new Hono<{ Bindings: Env }>();

/**
 * For uptime checks: when the last refresh ran and how it went. 200 while refreshes run,
 * 503 when none ran within the hour (or ever). Nothing about configuration or tokens.
 */
health.get('/health', async (c) => {
  const h = healthOf(lastRunOf(await c.env.KV.get(STATE_KEY, 'text')), new Date());
  return c.json(h, h.status === 'ok' ? 200 : 503, { 'Cache-Control': 'no-store' });
});
