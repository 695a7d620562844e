import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { inject } from 'vitest';
import worker from '../../src/index';
import type { Env } from '../../src/env';

export const origin = () => inject('origin');
export const TOKEN = 'test-admin-token';
const testEnv = env as unknown as Env;

/** A request to the Worker, in process (workerd, real local KV). */
export async function call(path: string, init: RequestInit = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`https://bantin.test${path}`, init), testEnv, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

export const adminCall = (path: string, method: string, body?: unknown) =>
  call(path, { method, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

/** Loads a fixture catalog (tests/fixtures/*.json) pointing at the loopback origin. */
export async function loadCatalog(text: string): Promise<void> {
  const res = await adminCall('/admin/sources', 'PUT', JSON.parse(text.replaceAll('{{ORIGIN}}', origin())));
  if (res.status !== 200) throw new Error(`catalog refused: ${await res.text()}`);
}

/** Runs the cron handler as Cloudflare would. */
export async function runCron(): Promise<void> {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron: '*/15 * * * *', scheduledTime: Date.now() }), testEnv, ctx);
  await waitOnExecutionContext(ctx);
}

/** Tells the fixture origin to answer a path differently (or reset). */
export async function override(spec: { path?: string; status?: number; body?: string; headers?: Record<string, string>; reset?: boolean }) {
  await fetch(`${origin()}/__override`, { method: 'POST', body: JSON.stringify(spec) });
}
