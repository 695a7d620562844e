import { app } from '../src/app';
import type { Env } from '../src/env';
import { clockTick, measure, type MeasureOptions, type Prepared } from './measure';
import { pagesCases } from './pages-cases';

/**
 * The pages benchmark's Worker (bench/pages.mjs starts it in local workerd). Same protocol as
 * bench/worker.ts, with the pages cases:
 *   GET  /bench            the case names and the clock's tick
 *   POST /bench/<name>     { payload, iterations?, warmup?, minBatchMs? } → { <name>: { samples, batch } }
 *   POST /check/<name>     { payload } → a JSON summary of one run
 *   GET  anything else     the app itself, on an empty store (for /embed.js as served)
 */
const DEFAULTS: MeasureOptions = { iterations: 30, warmup: 5, minBatchMs: 25 };

async function prepared(name: string, payload: unknown): Promise<Prepared> {
  const make = pagesCases[name];
  if (!make) throw new Error(`no case "${name}"; known: ${Object.keys(pagesCases).join(', ')}`);
  return make(payload);
}

async function handle(request: Request): Promise<Response> {
  const path = decodeURIComponent(new URL(request.url).pathname);
  if (request.method === 'GET' && path === '/bench') return Response.json({ cases: Object.keys(pagesCases), tickMs: clockTick() });
  if (request.method === 'GET') {
    const empty = { get: async () => null } as unknown as KVNamespace;
    return app.fetch(request, { KV: empty } as unknown as Env, { waitUntil() {}, passThroughOnException() {}, props: {} } as unknown as ExecutionContext);
  }
  if (request.method !== 'POST') return new Response('not found', { status: 404 });
  const body = (await request.json()) as Partial<MeasureOptions> & { payload?: unknown };
  const opts: MeasureOptions = { iterations: body.iterations ?? DEFAULTS.iterations, warmup: body.warmup ?? DEFAULTS.warmup, minBatchMs: body.minBatchMs ?? DEFAULTS.minBatchMs };
  if (path.startsWith('/bench/')) {
    const name = path.slice('/bench/'.length);
    return Response.json(await measure({ [name]: await prepared(name, body.payload) }, opts));
  }
  if (path.startsWith('/check/')) {
    const p = await prepared(path.slice('/check/'.length), body.payload);
    return Response.json(p.check ? await p.check() : { ran: await p.run() });
  }
  return new Response('not found', { status: 404 });
}

export default {
  async fetch(request: Request): Promise<Response> {
    try {
      return await handle(request);
    } catch (e) {
      return new Response(e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ''}` : String(e), { status: 500 });
    }
  },
};
