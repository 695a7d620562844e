import { app } from '../src/app';
import { fetchBody } from '../src/ingest/fetch';
import { sha256Hex } from '../src/normalize/id';
import { readBody } from '../src/ingest/fetch-body';
import { enqueueDue } from '../src/refresh/enqueue';
import { newNewsHeld } from '../src/refresh/held-news';
import { newItemsSeen } from '../src/refresh/seen-items';
import { newStateMemory } from '../src/refresh/kept-state';
import type { RefreshMessage } from '../src/env';
import { consumeRefreshBatch } from '../src/refresh/queue';
import { runRefresh, type RefreshDeps, type RunSummary } from '../src/refresh/run';
import { validateCatalog } from '../src/sources/schema';
import { CATALOG_KEY, STATE_KEY } from '../src/store/keys';

/**
 * The scale benchmark's Worker (bench/scale.mjs starts it in local workerd with real local KV
 * and a real local queue). It runs the project's own refresh — `runRefresh` inline, or the
 * cron's `enqueueDue` and the consumer's `consumeRefreshBatch` in queue mode — on a simulated
 * clock the benchmark sets, against the simulated country (scripts/sim-country.mjs).
 *
 * CPU: in local workerd `performance.now()` runs on through I/O waits, so it gives wall time,
 * not CPU. Around each run this Worker asks the benchmark (over loopback, `mark()`) for the CPU
 * time the workerd thread has used so far, read from /proc; the difference is the run's CPU,
 * which also holds the local KV emulation (the benchmark prices that apart, see /kvcal) — unless
 * the case asks for KV in the isolate (`kv: 'memory'`, see memoryKv): then the thread's CPU is
 * the isolate's own, and nothing is priced.
 *
 *   POST /setup    { catalog, markUrl, latencyScale, seed, maxSubrequests, kv }   stores the catalog
 *   GET  /kv-dump                                                every key and value (KV in the isolate only)
 *   POST /kv-load  { entries }                                   puts them back (a restarted Worker's KV in the isolate)
 *   POST /tick     { t, mode, maxSubrequests, batchSize }       one cron run at simulated time t
 *   GET  /drain                                                  consumer runs finished since last asked
 *   GET  /state-size                                             bytes of `state`
 *   POST /calib    { t, only, maxSubrequests }                   one inline run of the given sources
 *   POST /kvcal    { sizes, reps }                               thread CPU of KV puts and gets by size
 *   GET  /sizes                                                  bytes of every key, by kind
 *   POST /feeds    { paths, cacheSeconds, repeat }               feed requests through the app: KV reads and CPU of each
 *   POST /floor    { ids, rounds, how }                          thread CPU of fetching the given sources' addresses at
 *                                                                once (their stored validators sent), `rounds` times: 'bare',
 *                                                                workerd's fetch and the body read, nothing else (the floor a
 *                                                                run's fetches stand on); 'fetchBody', the project's fetch (guard,
 *                                                                deadline, capped read, hash, decode)
 *   POST /burn                                                   spins 200 ms (finds the thread)
 */

interface Env {
  KV: KVNamespace;
  REFRESH_QUEUE: Queue<RefreshMessage>;
}

interface Config {
  markUrl: string;
  latencyScale: number;
  seed: number;
  maxSubrequests: number;
  /** The run's wall-time budget in real ms (production: 60 s). */
  timeBudgetMs: number;
  /** The refresh profile's knobs (wrangler.toml's REFRESH_MAX_SOURCES, REFRESH_SNAPSHOTS, SNAPSHOT_CAP). */
  maxSources?: number;
  snapshotsApart?: boolean;
  snapshotCap?: number;
  bucketCap?: number;
  storyIndexPerRun?: number;
  /** wrangler.toml's REFRESH_NEWS = "apart" and REFRESH_MAX_NEW. */
  newsApart?: boolean;
  maxNewArticles?: number;
  /** wrangler.toml's REFRESH_PARSE = "new". */
  parseNew?: boolean;
  /**
   * Each cron run as if in a new isolate (`--isolates=per-run`): the refresh's memory between runs
   * (kept states, held news, feeds' item keys) starts empty. Compiled code and caches stay.
   */
  isolatePerRun?: boolean;
  /** 'memory': KV in this isolate (memoryKv); otherwise the local KV emulation (env.KV). */
  kv?: 'memory' | 'local';
}

let config: Config = { markUrl: '', latencyScale: 1, seed: 1, maxSubrequests: 45, timeBudgetMs: 60_000 };
/** The simulated clock: simulated time `t` at `perf0`, running 1/latencyScale times as fast. */
let clock = { t: 0, perf0: 0 };
let random = mulberry32(1);
const drained: ConsumerRecord[] = [];
/** What this isolate keeps between runs, as the deployed Worker's refreshDeps hands in. */
const stateMemory = newStateMemory();
/** This isolate's held news, as the deployed Worker's refreshDeps hands in with REFRESH_NEWS = "apart". */
const newsHeld = newNewsHeld();
const itemsSeen = newItemsSeen();

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const simNow = () => new Date(clock.t + (performance.now() - clock.perf0) / config.latencyScale);

/** CPU time (ms) the workerd thread has used so far, as the benchmark reads it from /proc. */
async function mark(): Promise<number> {
  const res = await fetch(config.markUrl);
  return Number(await res.text()) / 1e6;
}

interface KvCost {
  gets: number;
  getBytes: number;
  puts: number;
  putBytes: number;
  other: number;
}

const encoder = new TextEncoder();
type KvValue = string | ArrayBuffer | ArrayBufferView;
const byteLength = (v: KvValue) => (typeof v !== 'string' ? v.byteLength : /^[\x00-\x7f]*$/.test(v) ? v.length : encoder.encode(v).length);

/**
 * KV as the refresh sees it, counting operations and bytes so the emulation's share can be priced.
 * Bytes are counted when the cost is read (serialized, after the run's CPU mark), not during the
 * run: measuring a snapshot's UTF-8 length encodes it, which is the bench's work, not the isolate's.
 */
function meteredKv(kv: KVNamespace): { kv: KVNamespace; cost: KvCost } {
  const got: KvValue[] = [];
  const put: KvValue[] = [];
  const cost: KvCost = {
    gets: 0,
    get getBytes() {
      return got.reduce((a, t) => a + byteLength(t), 0);
    },
    puts: 0,
    get putBytes() {
      return put.reduce((a, t) => a + byteLength(t), 0);
    },
    other: 0,
  };
  const wrapped = {
    async get(key: string, type?: unknown) {
      const kind = typeof type === 'string' ? type : ((type as { type?: string } | undefined)?.type ?? 'text');
      cost.gets++;
      if (kind === 'arrayBuffer') {
        const buffer = await kv.get(key, 'arrayBuffer');
        if (buffer !== null) got.push(buffer);
        return buffer;
      }
      const text = await kv.get(key, 'text');
      if (text === null) return null;
      got.push(text);
      // Parsed here, where the Worker would parse it too (a KV 'json' read is parsed in the isolate).
      return kind === 'json' ? JSON.parse(text) : text;
    },
    async put(key: string, value: KvValue, options?: KVNamespacePutOptions) {
      cost.puts++;
      put.push(value);
      return kv.put(key, value, options);
    },
    async delete(key: string) {
      cost.other++;
      return kv.delete(key);
    },
    async list(options?: KVNamespaceListOptions) {
      cost.other++;
      return kv.list(options);
    },
  };
  return { kv: wrapped as unknown as KVNamespace, cost };
}

/**
 * KV kept in this isolate, in a Map: get ('text', 'json' or 'arrayBuffer'), put, delete and list (prefix,
 * cursor, limit; keys in order), as the project uses them; no metadata or expiry (the project
 * sets none). A value is kept as its UTF-8 bytes, outside V8's heap as a real KV's values are,
 * and every get decodes a new string from them (and a 'json' get parses it) as a real KV read
 * does: the isolate pays for the strings and the garbage it would with real KV, and a put's
 * stringify stays the caller's. What a run costs is then the isolate's CPU alone: no emulation
 * (sqlite, its own allocations) on the same thread to price out.
 */
function memoryKv(): { kv: KVNamespace; entries: Map<string, Uint8Array> } {
  const entries = new Map<string, Uint8Array>();
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  const kv = {
    async get(key: string, type?: unknown) {
      const kind = typeof type === 'string' ? type : ((type as { type?: string } | undefined)?.type ?? 'text');
      const bytes = entries.get(key);
      if (bytes === undefined) return null;
      // A copy, as a real read's buffer is the reader's own.
      if (kind === 'arrayBuffer') return bytes.slice().buffer;
      const text = decoder.decode(bytes);
      if (kind === 'json') return JSON.parse(text);
      if (kind === 'text') return text;
      throw new Error(`memoryKv: get as ${kind} is not supported`);
    },
    async put(key: string, value: unknown) {
      if (typeof value === 'string') entries.set(key, encoder.encode(value));
      else if (ArrayBuffer.isView(value)) entries.set(key, new Uint8Array(value.buffer, value.byteOffset, value.byteLength).slice());
      else if (value instanceof ArrayBuffer) entries.set(key, new Uint8Array(value).slice());
      else throw new Error('memoryKv: only strings and bytes are supported');
    },
    async delete(key: string) {
      entries.delete(key);
    },
    async list(options: KVNamespaceListOptions = {}) {
      const prefix = options.prefix ?? '';
      const names = [...entries.keys()].filter((k) => k.startsWith(prefix)).sort();
      const from = options.cursor ? Number(options.cursor) : 0;
      const limit = Math.min(options.limit ?? 1000, 1000);
      const page = names.slice(from, from + limit);
      const complete = from + limit >= names.length;
      return { keys: page.map((name) => ({ name })), list_complete: complete, ...(complete ? {} : { cursor: String(from + limit) }), cacheStatus: null };
    },
  };
  return { kv: kv as unknown as KVNamespace, entries };
}

const memory = memoryKv();
/** The KV the case runs on. */
const kvOf = (env: Env): KVNamespace => (config.kv === 'memory' ? memory.kv : env.KV);

/** Time spent waiting for response headers, summed over fetches (a diagnostic, not CPU). */
const fetchWait = { ms: 0, count: 0 };

/** Only the simulated country may be fetched: loopback, nothing else. */
const loopbackFetch: typeof fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.hostname !== '127.0.0.1') throw new Error(`bench: refused ${url.origin}`);
  const t0 = performance.now();
  try {
    return await fetch(input, init);
  } finally {
    fetchWait.ms += performance.now() - t0;
    fetchWait.count++;
  }
};

function deps(kv: KVNamespace, maxSubrequests: number, unbounded = false): RefreshDeps {
  const fresh = !!config.isolatePerRun && !unbounded;
  return {
    kv,
    fetch: loopbackFetch,
    now: simNow,
    random,
    allowPrivate: true,
    maxSubrequests,
    // Portal latencies are scaled, so the fetch timeout is too. The run's budget is given in
    // real ms: CPU is not scaled, and it is CPU that decides whether a run ends in time here.
    timeBudgetMs: unbounded ? 15 * 60_000 : config.timeBudgetMs,
    fetchTimeoutMs: 15_000 * (unbounded ? 1 : config.latencyScale),
    memory: fresh ? newStateMemory() : stateMemory,
    ...(config.snapshotCap ? { snapshotCap: config.snapshotCap } : {}),
    ...(config.bucketCap ? { bucketCap: config.bucketCap } : {}),
    ...(config.storyIndexPerRun ? { storyIndexPerRun: config.storyIndexPerRun } : {}),
    // A calibration or warm-up run takes the sources it is given, all at once.
    ...(config.maxSources && !unbounded ? { maxSources: config.maxSources } : {}),
    ...(config.snapshotsApart && !unbounded ? { snapshotsApart: true } : {}),
    ...(config.newsApart && !unbounded ? { heldNews: fresh ? newNewsHeld() : newsHeld } : {}),
    ...(config.maxNewArticles && !unbounded ? { maxNewArticles: config.maxNewArticles } : {}),
    ...(config.parseNew ? { seenItems: fresh ? newItemsSeen() : itemsSeen } : {}),
  };
}

interface RunRecord {
  cpuMs: number;
  wallMs: number;
  kvCost: KvCost;
  reads: number;
  writes: number;
  subrequests: number;
  due: number;
  outcomes: Record<string, number>;
  newArticles: number;
  snapshotsWritten: number;
  newsHeld: number;
  /** With held news: the run's isolate had not served the run before, so it stored what it fetched at once. */
  newIsolate?: true;
  /** Each source the run took, as `id:outcome` (a diagnostic for --heap-trace). */
  took: string[];
  error?: string;
}

interface ConsumerRecord extends RunRecord {
  messages: number;
  sources: number;
  retried: boolean;
}

function record(summary: RunSummary | null, cpuMs: number, wallMs: number, kvCost: KvCost): RunRecord {
  const outcomes: Record<string, number> = {};
  for (const s of summary?.sources ?? []) {
    const kind = s.outcome === 'unchanged' ? (s.parsed ? 'parsed-unchanged' : 'same-hash') : s.outcome;
    outcomes[kind] = (outcomes[kind] ?? 0) + 1;
  }
  return {
    cpuMs,
    wallMs,
    kvCost,
    reads: summary?.kv.reads ?? 0,
    writes: summary?.kv.writes ?? 0,
    subrequests: summary?.subrequests ?? 0,
    due: summary?.due ?? 0,
    outcomes,
    newArticles: (summary?.sources ?? []).reduce((a, s) => a + s.newArticles, 0),
    newsHeld: summary?.newsHeld ?? 0,
    ...(summary?.newIsolate ? { newIsolate: true as const } : {}),
    took: (summary?.sources ?? []).map((s) => `${s.id}:${s.outcome}${s.parsed ? '+parsed' : ''}${s.newArticles ? `+${s.newArticles}` : ''}`),
    snapshotsWritten: summary?.snapshotsWritten.length ?? 0,
    ...(summary?.error ? { error: summary.error } : {}),
  };
}

async function inlineRun(env: Env, only: string[] | undefined, maxSubrequests: number, unbounded = false): Promise<RunRecord & { fetchWaitMs: number; fetches: number }> {
  const { kv, cost } = meteredKv(kvOf(env));
  const c0 = await mark();
  fetchWait.ms = 0;
  fetchWait.count = 0;
  const p0 = performance.now();
  const summary = await runRefresh(deps(kv, maxSubrequests, unbounded), only ? { only } : {});
  const p1 = performance.now();
  const c1 = await mark();
  return { ...record(summary, c1 - c0, p1 - p0, cost), fetchWaitMs: fetchWait.ms, fetches: fetchWait.count };
}

/** The size of `state` after a run, for the report. KV in the isolate answers from its bytes: a read would leave a string the deployed Worker never makes, garbage for the next runs' collections. */
async function stateBytes(env: Env): Promise<number> {
  if (config.kv === 'memory') return memory.entries.get(STATE_KEY)?.byteLength ?? 0;
  const text = await kvOf(env).get(STATE_KEY, 'text');
  return text ? byteLength(text) : 0;
}

async function handle(request: Request, env: Env): Promise<Response> {
  const { pathname } = new URL(request.url);
  const body = request.method === 'POST' ? ((await request.json()) as Record<string, any>) : {};

  if (pathname === '/burn') {
    let x = 0;
    const until = performance.now() + 200;
    while (performance.now() < until) x += Math.sqrt(x + 1);
    return Response.json({ x });
  }
  if (pathname === '/setup') {
    config = {
      markUrl: body.markUrl,
      latencyScale: body.latencyScale,
      seed: body.seed ?? 1,
      maxSubrequests: body.maxSubrequests ?? 45,
      timeBudgetMs: body.timeBudgetMs ?? 60_000,
      maxSources: body.maxSources,
      snapshotsApart: body.snapshotsApart,
      snapshotCap: body.snapshotCap,
      bucketCap: body.bucketCap,
      storyIndexPerRun: body.storyIndexPerRun,
      newsApart: body.newsApart,
      maxNewArticles: body.maxNewArticles,
      parseNew: body.parseNew,
      isolatePerRun: body.isolatePerRun,
      kv: body.kv === 'memory' ? 'memory' : 'local',
    };
    random = mulberry32(config.seed);
    drained.length = 0;
    if (!body.catalog) return Response.json({ sources: null });
    const r = validateCatalog(body.catalog);
    if (!r.ok) return Response.json({ error: 'invalid catalog', errors: r.errors.slice(0, 5) }, { status: 400 });
    await kvOf(env).put(CATALOG_KEY, JSON.stringify(r.value));
    return Response.json({ sources: r.value.length });
  }
  if (pathname === '/tick') {
    clock = { t: body.t, perf0: performance.now() };
    if (body.mode === 'queue') {
      const { kv, cost } = meteredKv(kvOf(env));
      const c0 = await mark();
      const p0 = performance.now();
      const summary = await enqueueDue({ kv, queue: env.REFRESH_QUEUE, now: simNow, batchSize: body.batchSize });
      const p1 = performance.now();
      const c1 = await mark();
      return Response.json({ cpuMs: c1 - c0, wallMs: p1 - p0, kvCost: cost, ...summary });
    }
    const run = await inlineRun(env, undefined, body.maxSubrequests);
    return Response.json({ ...run, stateBytes: await stateBytes(env) });
  }
  if (pathname === '/feeds') {
    // Feed requests served by the project's own app on this KV, without a cache in front:
    // the KV reads and CPU each costs a reader.
    // With `cacheSeconds`, through the Cache API as FEED_CACHE_SECONDS sets it (a custom domain):
    // each path asked `repeat` times, so the first is a miss and the others are hits.
    const { kv, cost } = meteredKv(kvOf(env));
    const vars = body.cacheSeconds ? { FEED_CACHE_SECONDS: String(body.cacheSeconds) } : {};
    const out: { path: string; status: number; reads: number; cpuMs: number }[] = [];
    for (const path of body.paths as string[]) {
      for (let i = 0; i < (body.repeat ?? 1); i++) {
        const before = cost.gets;
        const waits: Promise<unknown>[] = [];
        const c0 = await mark();
        const res = await app.fetch(new Request(`https://bantin.example${path}`), { KV: kv, ...vars } as never, { waitUntil: (p: Promise<unknown>) => waits.push(p), passThroughOnException() {}, props: {} } as never);
        await res.arrayBuffer();
        await Promise.all(waits);
        const c1 = await mark();
        out.push({ path, status: res.status, reads: cost.gets - before, cpuMs: c1 - c0 });
      }
    }
    return Response.json({ requests: out, kvCost: cost });
  }
  if (pathname === '/drain') {
    // Cheap on purpose: it may run while a consumer invocation waits on I/O, on the same thread.
    return Response.json({ records: drained.splice(0) });
  }
  if (pathname === '/state-size') return Response.json({ stateBytes: await stateBytes(env) });
  if (pathname === '/calib') {
    clock = { t: body.t, perf0: performance.now() };
    // A run long enough for every listed source: what is timed is the CPU, not the budget.
    return Response.json(await inlineRun(env, body.only, body.maxSubrequests, true));
  }
  if (pathname === '/floor') {
    // What fetching costs the thread before the run does anything with it: the same sources'
    // addresses as the run asks them (feed found earlier, validators), all at once.
    const sources = JSON.parse((await kvOf(env).get(CATALOG_KEY, 'text')) ?? '[]') as { id: string; url: string }[];
    const state = JSON.parse((await kvOf(env).get(STATE_KEY, 'text')) ?? '{"sources":{}}') as { sources: Record<string, { etag?: string; lastModified?: string; hash?: string; feedUrl?: string }> };
    const targets = (body.ids as string[]).map((id) => {
      const s = state.sources[id] ?? {};
      const url = s.feedUrl ?? sources.find((x) => x.id === id)!.url;
      return { url, validators: { etag: s.etag, lastModified: s.lastModified, hash: s.hash } };
    });
    const one: (t: (typeof targets)[number]) => Promise<unknown> =
      body.how === 'fetchBody'
        ? (t: (typeof targets)[number]) => fetchBody(t.url, t.validators, { fetch: loopbackFetch, allowPrivate: true, timeoutMs: 15_000 })
        : async (t: (typeof targets)[number]) => {
            const headers: Record<string, string> = {};
            if (t.validators.etag) headers['If-None-Match'] = t.validators.etag;
            if (t.validators.lastModified) headers['If-Modified-Since'] = t.validators.lastModified;
            const res = await fetch(t.url, { headers });
            if (body.how === 'bare') return res.arrayBuffer();
            // The project's capped read, and its hash, without the rest of fetchBody.
            const bytes = await readBody(res, 5 * 1024 * 1024, t.url);
            return body.how === 'read+hash' ? sha256Hex(bytes) : bytes;
          };
    const cpuMs: number[] = [];
    for (let i = 0; i < body.rounds; i++) {
      const c0 = await mark();
      // A flaky portal's failure is a fetch too: its cost counts, the round goes on.
      await Promise.all(targets.map((t) => one(t).catch(() => undefined)));
      const c1 = await mark();
      cpuMs.push(c1 - c0);
    }
    return Response.json({ cpuMs });
  }
  if (pathname === '/kv-dump') {
    const decoder = new TextDecoder();
    return Response.json(Object.fromEntries([...memory.entries].map(([key, bytes]) => [key, decoder.decode(bytes)])));
  }
  if (pathname === '/kv-load') {
    for (const [key, value] of Object.entries(body.entries as Record<string, string>)) await memory.kv.put(key, value);
    return Response.json({ keys: memory.entries.size });
  }
  if (pathname === '/kvcal') {
    const out: { size: number; reps: number; putMs: number; getMs: number; markMs: number }[] = [];
    for (const size of body.sizes as number[]) {
      const value = 'x'.repeat(size);
      const m0 = await mark();
      const m1 = await mark();
      for (let i = 0; i < body.reps; i++) await kvOf(env).put(`kvcal:${i}`, value);
      const m2 = await mark();
      for (let i = 0; i < body.reps; i++) await kvOf(env).get(`kvcal:${i}`, 'text');
      const m3 = await mark();
      out.push({ size, reps: body.reps, markMs: m1 - m0, putMs: m2 - m1, getMs: m3 - m2 });
    }
    for (let i = 0; i < body.reps; i++) await kvOf(env).delete(`kvcal:${i}`);
    return Response.json(out);
  }
  if (pathname === '/sizes') {
    const sizes: Record<string, number> = {};
    let cursor: string | undefined;
    for (let page = 0; page < 100; page++) {
      const list = await kvOf(env).list({ cursor });
      for (const k of list.keys) sizes[k.name] = byteLength((await kvOf(env).get(k.name, 'text')) ?? '');
      if (list.list_complete) break;
      cursor = list.cursor;
    }
    return Response.json(sizes);
  }
  return new Response('not found', { status: 404 });
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    try {
      return await handle(request, env);
    } catch (e) {
      return new Response(e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ''}` : String(e), { status: 500 });
    }
  },
  async queue(batch: MessageBatch<unknown>, env: Env): Promise<void> {
    const { kv, cost } = meteredKv(kvOf(env));
    const c0 = await mark();
    const p0 = performance.now();
    const summary = await consumeRefreshBatch(batch, deps(kv, config.maxSubrequests));
    const p1 = performance.now();
    const c1 = await mark();
    const ids = new Set(batch.messages.flatMap((m) => ((m.body as RefreshMessage).ids ?? []) as string[]));
    drained.push({ ...record(summary, c1 - c0, p1 - p0, cost), messages: batch.messages.length, sources: ids.size, retried: !summary || !!summary.error });
  },
};
