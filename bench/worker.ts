import { ingestCases } from './ingest-cases';
import { clockTick, measure, type BenchCase, type MeasureOptions, type Prepared } from './measure';

/**
 * The bench Worker, run in local workerd by bench/harness.mjs. It imports the project's real
 * src/ code and times it where it runs in production (workerd), not in Node.
 *
 *   GET  /bench                  the case names and the clock's tick
 *   POST /bench/<name>           { payload, iterations?, warmup?, minBatchMs? }
 *                                → { cases: { <name>: { samples, batch } }, wallMs }
 *   POST /compare                { names: [...], payload, ... } → the same, for several cases side by side
 *   POST /check/<name>           { payload } → a JSON summary of one run's result
 */

const CASES: Record<string, BenchCase> = { ...ingestCases };

const DEFAULTS: MeasureOptions = { iterations: 30, warmup: 5, minBatchMs: 25 };

interface Body extends Partial<MeasureOptions> {
  payload?: unknown;
  names?: string[];
}

async function prepare(names: string[], payload: unknown): Promise<Record<string, Prepared>> {
  const out: Record<string, Prepared> = {};
  for (const name of names) {
    const make = CASES[name];
    if (!make) throw new NotFound(`no case "${name}"; known: ${Object.keys(CASES).join(', ')}`);
    out[name] = await make(payload);
  }
  return out;
}

class NotFound extends Error {}

async function handle(request: Request): Promise<Response> {
  const path = decodeURIComponent(new URL(request.url).pathname);
  if (request.method === 'GET' && path === '/bench') {
    return Response.json({ cases: Object.keys(CASES), tickMs: clockTick() });
  }
  if (request.method !== 'POST') return new Response('not found', { status: 404 });
  const body = (await request.json()) as Body;
  const opts: MeasureOptions = {
    iterations: body.iterations ?? DEFAULTS.iterations,
    warmup: body.warmup ?? DEFAULTS.warmup,
    minBatchMs: body.minBatchMs ?? DEFAULTS.minBatchMs,
  };

  if (path.startsWith('/bench/') || path === '/compare') {
    const names = path === '/compare' ? (body.names ?? []) : [path.slice('/bench/'.length)];
    const prepared = await prepare(names, body.payload);
    // The whole span (warm-ups and calibration too), for the caller to set against workerd's CPU.
    const t0 = performance.now();
    const cases = await measure(prepared, opts);
    return Response.json({ cases, wallMs: performance.now() - t0 });
  }
  if (path.startsWith('/check/')) {
    const name = path.slice('/check/'.length);
    const prepared = (await prepare([name], body.payload))[name];
    return Response.json(prepared.check ? await prepared.check() : { ran: await prepared.run() });
  }
  return new Response('not found', { status: 404 });
}

export default {
  async fetch(request: Request): Promise<Response> {
    try {
      return await handle(request);
    } catch (e) {
      const status = e instanceof NotFound ? 404 : 500;
      const message = e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ''}` : String(e);
      return new Response(message, { status });
    }
  },
};
