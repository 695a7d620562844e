/**
 * Scale benchmark: the real refresh, in local workerd with real local KV (and a real local
 * queue in queue mode), against a simulated country of portals on 127.0.0.1, for a simulated
 * day of cron runs. Writes bench/results/scale.md (between its markers; prose after the end
 * marker is kept) and bench/results/scale-runs.csv.
 *
 *   node bench/scale.mjs [--cases=<names, see CASES>] [--hours=24] [--start=0] [--latency-scale=0.1] [--seed=1]
 *                        [--stories=off] [--warm=off] [--full-text=on] [--kv=memory|local] [--max-sources=N] [--snapshot-cap=N] [--story-index=N] [--news=apart|together] [--max-new=N] [--parse=new|whole] [--isolates=one|per-run] [--profile=<file>] [--heap-trace=<csv>] [--old-gen=<file>] [--verbose] [--out=bench/results/scale.md]
 *   node bench/scale.mjs --from=<raw results JSON>   rewrites the report from a saved run
 *
 * A shortened run (`--hours=3 --start=9`: three office hours, the busiest) scales its per-day
 * figures up linearly: an upper bound for a whole day.
 * Clock: the cron fires every 15 minutes (wrangler.toml), every source asks for 30 minutes.
 * Latencies: portal round trips (80–800 ms, slow ones 2–5 s), the fetch timeout (15 s) and the
 * run's time budget (60 s) are all multiplied by --latency-scale, so a simulated day takes
 * minutes; CPU is not scaled. "Projected wall" undoes the scaling: (wall − CPU) / scale + CPU.
 * KV: the local emulation (workerd's, on the Worker's thread; its cost is priced by a linear model
 * and taken out), or with `--kv=memory` (the free-province case's default) a Map in the Worker's
 * isolate, so the thread's CPU is the isolate's own and nothing is priced.
 */
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogFor, makeCountry, publishedBetween, startSimCountry } from '../scripts/sim-country.mjs';

// Loopback only: no Request.cf download, no telemetry.
process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false';
process.env.WRANGLER_SEND_METRICS = 'false';

const HERE = dirname(fileURLToPath(import.meta.url));
const MIN = 60_000;
const CRON_MIN = 15;
const INTERVAL_MIN = 30;
/** Friday 27 Nov 2026, 00:00 in Vietnam. */
const MIDNIGHT = Date.parse('2026-11-26T17:00:00Z');
/** When the simulated span starts: midnight, or `--start=<hour>` (Vietnam time) for a shortened run. */
let DAY_START = MIDNIGHT;

/** Cloudflare's published limits and included quotas (1,000 subrequests to be safe). */
const PLANS = {
  free: { label: 'Workers Free', cpuMsPerInvocation: 10, subrequests: 50, kvWritesPerDay: 1_000, kvReadsPerDay: 100_000, requestsPerDay: 100_000, queueOpsPerDay: 10_000 },
  paid: { label: 'Workers Paid', cpuMsPerInvocation: 30_000, subrequests: 1_000, wallMsCron: 15 * 60_000, kvWritesPerMonth: 1_000_000, kvReadsPerMonth: 10_000_000, cpuMsPerMonth: 30_000_000, requestsPerMonth: 10_000_000, queueOpsPerMonth: 1_000_000 },
};
const STATE_LIMIT = 25 * 1024 * 1024;
/** The edge cache's time measured for feeds (wrangler.toml's FEED_CACHE_SECONDS example). */
const FEED_CACHE_SECONDS = 120;

export const CASES = {
  'free-100': { n: 100, mode: 'inline', maxSubrequests: 45, plan: 'free', note: 'inline, 45 subrequests a run (free plan budget)' },
  'paid-1000': { n: 1000, mode: 'inline', maxSubrequests: 950, plan: 'paid', note: 'inline, 950 subrequests a run' },
  'inline-3355': { n: 3355, mode: 'inline', maxSubrequests: 950, plan: 'paid', note: 'inline, 950 subrequests a run' },
  'queue-3355': { n: 3355, mode: 'queue', maxSubrequests: 950, batchSize: 100, plan: 'paid', note: 'queue: cron enqueues, consumer takes 100 sources a batch' },
  'queue-3355-nostories': { n: 3355, mode: 'queue', maxSubrequests: 950, batchSize: 100, plan: 'paid', stories: false, note: 'as queue-3355, without cross-source story matching' },
  'free-100-nostories': { n: 100, mode: 'inline', maxSubrequests: 45, plan: 'free', stories: false, note: 'as free-100, without cross-source story matching' },
  'queue-3355-archives': { n: 3355, archives: 725, mode: 'queue', maxSubrequests: 950, batchSize: 100, plan: 'paid', note: '+ 725 archived portals (29 former provinces, 696 districts), weekly' },
  'free-30-communes': { n: 30, communesOnly: true, mode: 'inline', maxSubrequests: 45, plan: 'free', note: '30 commune portals only (most post a few articles a week), inline, free plan budget' },
  'free-province': freeProvince(),
  'queue-national': { n: 3400, national: true, mode: 'queue', maxSubrequests: 950, batchSize: 100, plan: 'paid', note: 'the national catalog (34 provincial portals, 45 papers) + a portal for each of the 3,321 communes of today (by code: commune snapshots), queue' },
  'free-queue-100': { n: 100, mode: 'queue', maxSubrequests: 45, batchSize: 36, plan: 'free', note: 'queue mode with the free plan budget' },
};
/** The free-province case: wrangler.toml's [env.free] as deployed (its cron and vars), over one province. */
function freeProvince(over = {}) {
  const toml = readFileSync(resolve(HERE, '../wrangler.toml'), 'utf8');
  const section = /^\[env\.free\.vars\]\n([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(toml)?.[1] ?? '';
  const vars = Object.fromEntries([...section.matchAll(/^([A-Z_]+)\s*=\s*"([^"]*)"/gm)].map((m) => [m[1], m[2]]));
  const cron = /^\[env\.free\.triggers\]\ncrons = \["(?:\*|\*\/(\d+)) \* \* \* \*"\]/m.exec(toml);
  if (!cron || !vars.REFRESH_MAX_SOURCES) throw new Error("wrangler.toml: [env.free] not as expected (a cron of every N minutes, REFRESH_MAX_SOURCES)");
  const num = (v) => (v ? Number(v) : undefined);
  const spec = {
    n: 100, province: 'lang-son', intervalMinutes: 40, mode: 'inline', plan: 'free', kv: 'memory',
    cronMin: Number(cron[1] ?? 1),
    maxSubrequests: num(vars.MAX_SUBREQUESTS) ?? 45,
    maxSources: num(vars.REFRESH_MAX_SOURCES),
    snapshotsApart: vars.REFRESH_SNAPSHOTS === 'apart',
    snapshotCap: num(vars.SNAPSHOT_CAP),
    bucketCap: num(vars.BUCKET_CAP),
    storyIndexPerRun: num(vars.STORY_INDEX_PER_RUN),
    newsApart: vars.REFRESH_NEWS === 'apart',
    maxNewArticles: num(vars.REFRESH_MAX_NEW),
    parseNew: vars.REFRESH_PARSE === 'new',
    ...over,
  };
  const every = spec.cronMin === 1 ? 'every minute' : `every ${spec.cronMin} minutes`;
  spec.note = `a province (its portal, paper, 8 departments, 90 communes), every source due every 40 min; wrangler.toml's [env.free]: cron ${every}, at most ${spec.maxSources} sources a run, snapshots ${spec.snapshotsApart ? 'merged in runs of their own' : 'merged by the run'}, ${spec.snapshotCap ?? 500} articles a snapshot, ${spec.bucketCap ?? 200} a source's bucket${spec.storyIndexPerRun ? `, story matching indexing at most ${spec.storyIndexPerRun} stored articles a run` : ''}${spec.newsApart ? `, news stored in runs of their own${spec.maxNewArticles ? `, at most ${spec.maxNewArticles} new articles a run` : ''}` : ''}${spec.parseNew ? ', feeds parsed down to their first known item' : ''}${spec.isolatePerRun ? "; every run in a new isolate as far as the refresh's memory goes (no state kept, no news held, no feed's items known; the code, parsed texts and story index stay warm, so CPU here is not a cold isolate's)" : ''}`;
  return spec;
}

const DEFAULT_CASES = 'free-30-communes,free-100,free-100-nostories,free-queue-100,paid-1000,queue-3355-archives,inline-3355';

// ---------------------------------------------------------------- workerd thread CPU

/** workerd processes started by this process (Miniflare runs them as children). */
function workerdPids() {
  const out = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (comm === 'workerd' && ppid === process.pid) out.push(Number(d));
    } catch {}
  }
  return out;
}

function threadTimes() {
  const out = new Map();
  for (const pid of workerdPids()) {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        out.set(`${pid}/${tid}`, Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]));
      } catch {}
    }
  }
  return out;
}

// ---------------------------------------------------------------- the bench worker

/**
 * Bundles the bench Worker once (as `wrangler deploy --dry-run` would), then runs that bundle:
 * a long benchmark must not be restarted midway by wrangler's file watcher when someone edits
 * src/, and it measures one version of the code from start to end.
 */
function bundleWorker({ stories = true } = {}) {
  const outdir = mkdtempSync(join(tmpdir(), 'bantin-scale-'));
  let config = resolve(HERE, 'scale.wrangler.toml');
  if (!stories) {
    // Without story matching: the same config, with `../stories` (imported by src/refresh/run.ts)
    // aliased to a stub. A config-level alias: wrangler's --alias flag is not applied here.
    const text = readFileSync(config, 'utf8').replace(/^main = "scale-worker.ts"$/m, `main = ${JSON.stringify(resolve(HERE, 'scale-worker.ts'))}`);
    config = join(outdir, 'wrangler.toml');
    writeFileSync(config, `${text}\n[alias]\n"../stories" = ${JSON.stringify(resolve(HERE, 'scale-no-stories.ts'))}\n`);
  }
  execFileSync('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', join(outdir, 'out'), '-c', config], {
    cwd: resolve(HERE, '..'),
    env: process.env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const entry = join(outdir, 'out', 'scale-worker.js');
  // The real matcher fingerprints articles; the stub does not.
  if (readFileSync(entry, 'utf8').includes('function fingerprint(') !== stories) throw new Error(`story matching was ${stories ? 'left out of' : 'not left out of'} the bundle`);
  return { entry, remove: () => rmSync(outdir, { recursive: true, force: true }) };
}

/** The bench Worker in local workerd; `persist` (a directory) lets a second instance see the first one's KV. */
export async function startWorker({ stories = true, persist = false, inspector = false, sampling = inspector } = {}) {
  const bundle = bundleWorker({ stories });
  const { unstable_startWorker } = await import('wrangler');
  const worker = await unstable_startWorker({
    config: resolve(HERE, 'scale.wrangler.toml'),
    entrypoint: bundle.entry,
    sendMetrics: false,
    // Already bundled; the API does not derive the Node.js compat mode from the config as `wrangler dev` does.
    build: { bundle: false, nodejsCompatMode: 'v2' },
    dev: { server: { hostname: '127.0.0.1', port: 0 }, inspector: inspector ? { hostname: '127.0.0.1', port: 0 } : false, remote: false, persist, watch: false, logLevel: 'error' },
  });
  // A failed build leaves `ready` pending forever: give up after a while.
  let timer;
  await Promise.race([worker.ready, new Promise((_, fail) => (timer = setTimeout(() => fail(new Error('bench worker did not start (build error above?)')), 120_000)))]);
  clearTimeout(timer);
  const call = async (path, body) => {
    const res = await worker.fetch(`http://127.0.0.1${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await res.text();
    if (!res.ok) throw new Error(`bench worker ${path}: HTTP ${res.status}\n${text.slice(0, 2000)}`);
    return JSON.parse(text);
  };
  const profiler = inspector ? await workerProfiler(await worker.inspectorUrl, bundle.entry, sampling) : undefined;
  return { call, profiler, close: async () => (profiler?.close(), await worker.dispose(), bundle.remove()) };
}

/**
 * V8's sampling profiler in the bench Worker's isolate, through workerd's inspector (--profile):
 * `around(fn)` profiles one call and gives the CPU its samples saw by stage, the bundle's module on
 * top of the stack (a builtin: the nearest module's, marked), and V8's garbage collector apart.
 * Sampling has a cost of its own: compare stages with each other, not with the unprofiled day.
 */
async function workerProfiler(url, entry, sampling = true) {
  const { default: WebSocket } = await import('ws');
  const bundleLines = readFileSync(entry, 'utf8').split('\n');
  const moduleAt = [];
  let current = '(bundle)';
  for (const line of bundleLines) {
    const m = /^\/\/ (?:\.\.\/|\.\/)?((?:src|node_modules|bench|scale-worker)\S*)$/.exec(line);
    if (m) current = m[1].replace(/^node_modules\/(@[^/]+\/[^/]+|[^/]+).*$/, 'node_modules/$1');
    moduleAt.push(current);
  }
  const ws = new WebSocket(url.href.replace(/^http/, 'ws'));
  await new Promise((ok, fail) => (ws.once('open', ok), ws.once('error', fail)));
  let id = 0;
  const waiting = new Map();
  let chunks = [];
  ws.on('message', (data) => {
    const msg = JSON.parse(String(data));
    if (msg.method === 'HeapProfiler.addHeapSnapshotChunk') chunks.push(msg.params.chunk);
    if (msg.id && waiting.has(msg.id)) (waiting.get(msg.id)(msg.result), waiting.delete(msg.id));
  });
  const send = (method, params = {}) => new Promise((ok) => (waiting.set(++id, ok), ws.send(JSON.stringify({ id, method, params }))));
  const INTERVAL_US = 100;
  if (sampling) {
    await send('Profiler.enable');
    await send('Profiler.setSamplingInterval', { interval: INTERVAL_US });
  }
  const stagesOf = (profile) => {
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const ours = (n) => n.callFrame.url.includes('scale-worker');
    const stage = (nid) => {
      const n = nodes.get(nid);
      if (n.callFrame.functionName === '(garbage collector)') return '(gc)';
      if (ours(n)) return moduleAt[n.callFrame.lineNumber] ?? '(bundle)';
      for (let p = n; p; p = nodes.get(parent.get(p.id))) if (ours(p)) return `${moduleAt[p.callFrame.lineNumber] ?? '(bundle)'} [${n.callFrame.functionName || '(native)'}]`;
      return n.callFrame.functionName === '(program)' || n.callFrame.functionName === '(idle)' ? null : `(other) ${n.callFrame.functionName}`;
    };
    // Each sample counts its interval: the profiler also takes none while the thread waits, and
    // the gap to the next sample is then no CPU.
    const out = {};
    for (const sample of profile.samples) {
      const s = stage(sample);
      if (s) out[s] = (out[s] ?? 0) + INTERVAL_US / 1000;
    }
    return out;
  };
  return {
    async around(fn) {
      await send('Profiler.start');
      let value;
      try {
        value = await fn();
      } finally {
        var { profile } = await send('Profiler.stop');
      }
      return { value, stages: stagesOf(profile) };
    },
    /** The heap used now (MB). */
    used: async () => (await send('Runtime.getHeapUsage')).usedSize / 1e6,
    /**
     * A full collection now, between runs: V8 collects before it takes a heap snapshot, and
     * workerd's inspector answers no HeapProfiler.collectGarbage. The snapshot is dropped, and
     * so are the object ids it made: while V8 keeps them it tracks every object a collection
     * moves, which makes every later collection dearer than in a deployed isolate.
     */
    async collect() {
      await send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
      chunks = [];
      await send('HeapProfiler.disable');
    },
    /** The heap used (MB), and a heap snapshot written to `snapshotFile` (open it in Chrome's DevTools, Memory). */
    async heap(snapshotFile) {
      const usedMb = (await send('Runtime.getHeapUsage')).usedSize / 1e6;
      chunks = [];
      await send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
      writeFileSync(snapshotFile, chunks.join(''));
      return { usedMb, snapshotFile };
    },
    /**
     * V8's sampling heap profiler from now on, keeping the samples of objects a full collection
     * freed and dropping those a scavenge freed: what is left is what reached the old generation
     * (promoted, or allocated there as large objects) or is still alive, the growth that brings
     * the next full collection.
     */
    startOldGen: () => send('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: false }),
    /** The sampled bytes since startOldGen by allocating function, each under its module (builtins under their caller's). */
    async oldGen() {
      const { profile } = await send('HeapProfiler.getSamplingProfile');
      await send('HeapProfiler.stopSampling');
      const bytes = {};
      const walk = (n, caller) => {
        const f = n.callFrame;
        const here = f.url.includes('scale-worker') ? `${moduleAt[f.lineNumber] ?? '(bundle)'} ${f.functionName || '(anonymous)'}` : caller ? `${caller} [${f.functionName || '(native)'}]` : `(other) ${f.functionName || '(native)'}`;
        if (n.selfSize) bytes[here] = (bytes[here] ?? 0) + n.selfSize;
        for (const c of n.children ?? []) walk(c, f.url.includes('scale-worker') ? here : caller);
      };
      walk(profile.head, null);
      return bytes;
    },
    close: () => ws.close(),
  };
}

/** The workerd thread that runs the bench Worker: the one a 200 ms spin moves most. */
export async function findThread(call) {
  const before = threadTimes();
  await call('/burn', {});
  const after = threadTimes();
  let best = null;
  for (const [key, ns] of after) {
    const delta = ns - (before.get(key) ?? 0);
    if (!best || delta > best.delta) best = { key, delta };
  }
  const [pid, tid] = best.key.split('/');
  return `/proc/${pid}/task/${tid}/schedstat`;
}

/** The schedstat path of the workerd thread that has used the most CPU so far. */
function busiestThread() {
  let best = null;
  for (const [key, ns] of threadTimes()) if (!best || ns > best.ns) best = { key, ns };
  if (!best) return null;
  const [pid, tid] = best.key.split('/');
  return `/proc/${pid}/task/${tid}/schedstat`;
}

/** Least squares line through (x, y) points. */
function fitLine(points) {
  const n = points.length;
  const mx = points.reduce((a, p) => a + p[0], 0) / n;
  const my = points.reduce((a, p) => a + p[1], 0) / n;
  const sxx = points.reduce((a, p) => a + (p[0] - mx) ** 2, 0);
  const b = sxx ? points.reduce((a, p) => a + (p[0] - mx) * (p[1] - my), 0) / sxx : 0;
  return { a: Math.max(0, my - b * mx), b: Math.max(0, b) };
}

/**
 * What the local KV emulation costs the thread per get and put, by size: in production KV is a
 * network service and its work is not the Worker's CPU, so it is priced here and taken out.
 */
async function kvCalibration(call) {
  const rows = await call('/kvcal', { sizes: [1_000, 100_000, 1_000_000, 3_000_000], reps: 6 });
  const markMs = Math.min(...rows.map((r) => r.markMs));
  const put = fitLine(rows.map((r) => [r.size, (r.putMs - markMs) / r.reps]));
  const get = fitLine(rows.map((r) => [r.size, (r.getMs - markMs) / r.reps]));
  return { markMs, put, get, rows };
}

const kvModelMs = (cal, c) => cal.get.a * c.gets + cal.get.b * c.getBytes + cal.put.a * c.puts + cal.put.b * c.putBytes;

// ---------------------------------------------------------------- one case

async function runCase(name, spec, opts) {
  const country = makeCountry({ n: spec.n, seed: opts.seed, archives: spec.archives ?? 0, communesOnly: spec.communesOnly, province: spec.province, intervalMinutes: spec.intervalMinutes, national: spec.national });
  const cronMin = spec.cronMin ?? CRON_MIN;
  const say = (msg) => opts.verbose && console.error(`[scale] ${name}: ${msg}`);
  let statPath = null;
  const sim = await startSimCountry({ country, latencyScale: opts.latencyScale });
  // The CPU mark on a server of its own, each answer closing its connection: a portal response
  // the refresh stops reading must not break the connection the next mark would reuse.
  const markServer = http.createServer((_req, res) => {
    if (!existsSync(statPath)) statPath = busiestThread() ?? statPath;
    res.writeHead(200, { connection: 'close' }).end(readFileSync(statPath, 'utf8').split(' ')[0]);
  });
  await new Promise((ok) => markServer.listen(0, '127.0.0.1', ok));
  const markUrl = `http://127.0.0.1:${markServer.address().port}/__mark`;
  const persist = mkdtempSync(join(tmpdir(), 'bantin-scale-kv-'));
  const catalog = catalogFor(country, sim.url, { fullText: opts.fullText });
  const kv = kvOf(spec, opts);
  const setup = (call, withCatalog) =>
    call('/setup', { catalog: withCatalog ? catalog : undefined, markUrl, latencyScale: opts.latencyScale, seed: opts.seed, maxSubrequests: spec.maxSubrequests, timeBudgetMs: 60_000, maxSources: spec.maxSources, snapshotsApart: spec.snapshotsApart, snapshotCap: spec.snapshotCap, bucketCap: spec.bucketCap, storyIndexPerRun: spec.storyIndexPerRun, newsApart: spec.newsApart, maxNewArticles: spec.maxNewArticles, parseNew: spec.parseNew, isolatePerRun: spec.isolatePerRun, kv });
  /** KV in the isolate does not outlive its Worker: what the warm-up stored is carried to the next one. */
  let carried = null;
  let worker = null;
  try {
    // Warm-up: every source fetched once before the day, so the day starts in steady state (a
    // real deployment's first runs are in the "cold start" table). The same bundle on the same
    // KV, in batches of 100, half of them 45 and half 30 minutes before the day so they fall due
    // apart; a case whose runs take a slice of sources is warmed in such slices, spread over the
    // interval before the day, as its cron would have left them.
    let warm = null;
    if (opts.warm) {
      worker = await startWorker({ stories: spec.stories ?? opts.stories, persist });
      statPath = await findThread(worker.call);
      await setup(worker.call, true);
      sim.setFast(true);
      const active = country.portals.map((p) => p.id);
      const batch = spec.maxSources ?? 100;
      const batches = Math.ceil(active.length / batch);
      const interval = (spec.intervalMinutes ?? INTERVAL_MIN) * MIN;
      warm = { runs: 0, cpuMs: 0, sources: active.length, writes: 0, batch };
      for (let i = 0; i < batches; i++) {
        const t = spec.maxSources ? DAY_START - interval + Math.floor((i * interval) / batches) : DAY_START - (i % 2 ? 30 : 45) * MIN;
        sim.setClock(t);
        const r = await worker.call('/calib', { t, only: active.slice(i * batch, (i + 1) * batch), maxSubrequests: 10_000 });
        warm.runs++;
        warm.cpuMs += r.cpuMs;
        warm.writes += r.writes;
      }
      sim.setFast(false);
      say(`warmed ${active.length} sources in ${warm.runs} runs`);
      if (kv === 'memory') carried = await worker.call('/kv-dump');
      await worker.close();
      worker = null;
    }
    // The measured Worker with workerd's inspector: the heap read before and after each run, V8's
    // sampler with --profile.
    worker = await startWorker({ stories: spec.stories ?? opts.stories, persist, inspector: true, sampling: !!opts.profile });
    const { call, profiler } = worker;
    statPath = await findThread(call);
    say(`workerd thread ${statPath}`);
    await setup(call, !opts.warm);
    if (carried) await call('/kv-load', { entries: carried });
    const measured = await kvCalibration(call);
    // The bench's own setup (the KV loaded into the isolate, the calibration's puts and gets of
    // up to 3 MB, the thread found by a spin) leaves garbage a deployed isolate never has: collected
    // before the day, so the first runs do not pay for it.
    await profiler.collect();
    if (opts.oldGen) await profiler.startOldGen();
    // KV in the isolate is the isolate's own work (a Map): nothing to price, only the mark's cost.
    const kvcal = kv === 'memory' ? { ...measured, put: { a: 0, b: 0 }, get: { a: 0, b: 0 } } : measured;
    say(`KV emulation: get ${kvcal.get.a.toFixed(3)} ms + ${(kvcal.get.b * 1e6).toFixed(2)} ms/MB, put ${kvcal.put.a.toFixed(3)} ms + ${(kvcal.put.b * 1e6).toFixed(2)} ms/MB, mark ${kvcal.markMs.toFixed(3)} ms`);
    const isolateMs = (r) => Math.max(0, r.cpuMs - kvcal.markMs - kvModelMs(kvcal, r.kvCost));
    const projectedWall = (r) => Math.max(0, r.wallMs - r.cpuMs) / opts.latencyScale + isolateMs(r);
    const ticks = Math.round((opts.hours * 60) / cronMin);
    const runs = [];
    const started = Date.now();
    for (let k = 0; k < ticks; k++) {
      const t = DAY_START + k * cronMin * MIN;
      sim.setClock(t);
      const tickCall = () => call('/tick', { t, mode: spec.mode, maxSubrequests: spec.maxSubrequests, batchSize: spec.batchSize });
      const heapBefore = await profiler.used();
      const profiled = opts.profile && (await profiler.around(tickCall));
      const tick = profiled ? { ...profiled.value, stages: profiled.stages } : await tickCall();
      tick.heap = { before: heapBefore, after: await profiler.used() };
      say(`run ${k}: due ${tick.due}, ${spec.mode === 'queue' ? `${tick.messages} messages` : `${tick.subrequests} subrequests, CPU ${tick.cpuMs.toFixed(1)} ms, wall ${tick.wallMs.toFixed(0)} ms`}`);
      if (spec.mode === 'inline') {
        runs.push({ k, t, invocations: [{ ...tick, k, isolateMs: isolateMs(tick), projectedWallMs: projectedWall(tick) }], stateBytes: tick.stateBytes });
        continue;
      }
      // Queue mode: wait until every message of this cron run was consumed (bounded).
      const consumers = [];
      let done = 0;
      let idleSince = Date.now();
      let last;
      while (done < tick.messages && Date.now() - idleSince < 120_000) {
        await new Promise((ok) => setTimeout(ok, 100));
        last = await call('/drain');
        for (const r of last.records) {
          consumers.push({ ...r, isolateMs: isolateMs(r), projectedWallMs: projectedWall(r) });
          if (!r.retried) done += r.messages;
          idleSince = Date.now();
        }
      }
      const finalDrain = await call('/drain');
      for (const r of finalDrain.records) consumers.push({ ...r, isolateMs: isolateMs(r), projectedWallMs: projectedWall(r) });
      const { stateBytes } = await call('/state-size');
      runs.push({
        k,
        t,
        cron: { ...tick, isolateMs: isolateMs(tick), projectedWallMs: projectedWall(tick) },
        invocations: consumers,
        stuck: done < tick.messages ? tick.messages - done : 0,
        stateBytes,
      });
    }
    const dayWallS = (Date.now() - started) / 1000;
    // --profile: the isolate's heap after the day (workerd runs V8 without incremental marking, so
    // a major GC marks all of it in one pause, inside whichever invocation it falls).
    const heap = opts.profile ? await profiler.heap(`${opts.profile}.heapsnapshot`) : undefined;
    const oldGen = opts.oldGen ? await profiler.oldGen() : undefined;

    // Where the bytes are once the day is over.
    const sizes = await call('/sizes');
    // What a reader's feed request costs in KV reads on this day's store (no cache in front).
    const province = country.portals[0].region.province;
    const feedPaths = ['/feed.rss', '/feed.atom', '/feed.json', `/p/${province}/feed.rss`, `/p/${province}/feed.json`, `/s/${country.portals[1].id}/feed.rss`, `/s/${country.portals.at(-1).id}/feed.atom`];
    const feeds = spec.province ? await call('/feeds', { paths: feedPaths }) : null;
    // The same through the Cache API (FEED_CACHE_SECONDS, a custom domain): a miss, then hits.
    const cachedFeeds = spec.province ? { seconds: FEED_CACHE_SECONDS, ...(await call('/feeds', { paths: feedPaths, cacheSeconds: FEED_CACHE_SECONDS, repeat: 3 })) } : null;
    // Cost per source by kind of answer: the same sources again at the same simulated time,
    // with delays and failures off. Fixed cost first (a run of no source).
    sim.setFast(true);
    const tEnd = DAY_START + (ticks - 1) * cronMin * MIN;
    sim.setClock(tEnd);
    const healthy = country.portals.filter((p) => p.behaviour !== 'down' && p.behaviour !== 'hang');
    const classes = {
      'fixed (no source)': [],
      '304 (ETag / Last-Modified)': healthy.filter((p) => p.validators !== 'none'),
      'same body hash': healthy.filter((p) => p.validators === 'none' && !p.dynamic),
      'bytes change every request (nothing new)': healthy.filter((p) => p.dynamic),
    };
    const calib = {};
    for (const [label, portals] of Object.entries(classes)) {
      // Warm once (the first run after the day may still find news or errors), then measure.
      const only = portals.map((p) => p.id);
      await call('/calib', { t: tEnd, only, maxSubrequests: only.length + 10 });
      const r = await call('/calib', { t: tEnd, only, maxSubrequests: only.length + 10 });
      calib[label] = { sources: only.length, ...r, isolateMs: isolateMs(r) };
    }
    sim.setFast(false);
    const floor = spec.province ? await fetchFloor(call, classes, tEnd, isolateMs) : null;
    return { name, spec, kv, country, runs, sizes, feeds, cachedFeeds, calib, floor, kvcal, dayWallS, warm, heap, oldGen, fetchedAt: sim.fetchedAt, originStats: sim.stats() };
  } finally {
    if (worker) await worker.close();
    await sim.close();
    await new Promise((ok) => markServer.close(ok));
    rmSync(persist, { recursive: true, force: true });
  }
}

/**
 * The floor under a quiet run, per class of answer: three of its sources fetched at once (as a
 * run of the free profile takes them), with the day's latencies, measured three ways in turn:
 * workerd's bare fetch and body read, the project's fetchBody (guard, deadline, capped read,
 * hash, decode), and the whole refresh run of those three. Reported beside each other, never
 * subtracted from the day's figures.
 */
async function fetchFloor(call, classes, t, isolateMs) {
  const ROUNDS = 20;
  const out = {};
  for (const [label, all] of Object.entries(classes)) {
    // Portals that answer every request (not the flaky ones, whose failures would be measured too).
    const portals = all.filter((p) => p.behaviour === 'ok' || p.behaviour === 'slow');
    if (portals.length < 3) continue;
    const groups = Array.from({ length: ROUNDS }, (_, i) => [0, 1, 2].map((j) => portals[(i * 3 + j) % portals.length].id));
    const row = { bare: [], read: [], 'read+hash': [], fetchBody: [], run: [] };
    for (const ids of groups) {
      for (const how of ['bare', 'read', 'read+hash', 'fetchBody']) {
        const r = await call('/floor', { ids, rounds: 1, how });
        row[how].push(...r.cpuMs.map((cpuMs) => isolateMs({ cpuMs, kvCost: { gets: 0, getBytes: 0, puts: 0, putBytes: 0 } })));
      }
      const r = await call('/calib', { t, only: ids, maxSubrequests: 13 });
      row.run.push(isolateMs(r));
    }
    out[label] = row;
  }
  return out;
}

const memoryKvUsed = (r) => r.kv === 'memory';

/** The case's KV: `--kv=` if given, else the case's own choice, else the local emulation. */
const kvOf = (spec, opts) => opts.kv ?? spec.kv ?? 'local';

// ---------------------------------------------------------------- analysis

const sum = (xs) => xs.reduce((a, b) => a + b, 0);

/** Least squares for y ≈ X·β with three columns (normal equations, Cramer's rule); null if singular. */
function ols(rows) {
  const m = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
  const v = [0, 0, 0];
  for (const [x, y] of rows) for (let i = 0; i < 3; i++) {
    v[i] += x[i] * y;
    for (let j = 0; j < 3; j++) m[i][j] += x[i] * x[j];
  }
  const det = (a) => a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0]) + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
  const d = det(m);
  if (Math.abs(d) < 1e-9) return null;
  return [0, 1, 2].map((k) => det(m.map((row, i) => row.map((c, j) => (j === k ? v[i] : c)))) / d);
}
const max = (xs) => (xs.length ? Math.max(...xs) : 0);
function pct(xs, q) {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))];
}

function analyse(result, opts) {
  const { runs, spec, country } = result;
  const plan = PLANS[spec.plan];
  const invocations = runs.flatMap((r) => [...(r.cron ? [r.cron] : []), ...r.invocations]);
  const refreshRuns = runs.flatMap((r) => r.invocations);
  const perTick = runs.map((r) => {
    const inv = [...(r.cron ? [r.cron] : []), ...r.invocations];
    const outcome = (o) => sum(r.invocations.map((i) => i.outcomes?.[o] ?? 0));
    return {
      k: r.k,
      time: new Date(r.t + 7 * 3600_000).toISOString().slice(11, 16),
      invocations: inv.length,
      due: r.cron ? r.cron.due : sum(r.invocations.map((i) => i.due)),
      enqueued: r.cron?.enqueued,
      fetched: sum(r.invocations.map((i) => sum(Object.entries(i.outcomes ?? {}).filter(([o]) => o !== 'deferred').map(([, n]) => n)))),
      parsed: outcome('updated') + outcome('parsed-unchanged'),
      updated: outcome('updated'),
      parsedUnchanged: outcome('parsed-unchanged'),
      unchanged: outcome('same-hash'),
      notModified: outcome('not-modified'),
      failed: outcome('failed'),
      deferred: outcome('deferred'),
      newArticles: sum(r.invocations.map((i) => i.newArticles)),
      subrequests: sum(inv.map((i) => i.subrequests ?? 0)),
      maxSubrequests: max(inv.map((i) => i.subrequests ?? 0)),
      cpuMs: sum(inv.map((i) => i.isolateMs)),
      maxCpuMs: max(inv.map((i) => i.isolateMs)),
      threadCpuMs: sum(inv.map((i) => i.cpuMs)),
      reads: sum(inv.map((i) => i.reads ?? i.kv?.reads ?? 0)),
      writes: sum(inv.map((i) => i.writes ?? i.kv?.writes ?? 0)),
      wallMs: sum(inv.map((i) => i.wallMs)),
      maxProjectedWallMs: max(inv.map((i) => i.projectedWallMs)),
      stateBytes: r.stateBytes,
      stuck: r.stuck ?? 0,
    };
  });
  const perDay = (x) => (x * 24) / opts.hours;
  const day = {
    invocations: perDay(invocations.length),
    refreshInvocations: perDay(refreshRuns.length),
    fetches: perDay(sum(perTick.map((t) => t.fetched))),
    subrequests: perDay(sum(perTick.map((t) => t.subrequests))),
    cpuMs: perDay(sum(perTick.map((t) => t.cpuMs))),
    threadCpuMs: perDay(sum(perTick.map((t) => t.threadCpuMs))),
    reads: perDay(sum(perTick.map((t) => t.reads))),
    writes: perDay(sum(perTick.map((t) => t.writes))),
    newArticles: perDay(sum(perTick.map((t) => t.newArticles))),
    queueMessages: perDay(sum(runs.map((r) => r.cron?.messages ?? 0))),
    queueRetries: perDay(sum(refreshRuns.map((i) => (i.retried ? 1 : 0)))),
  };
  day.queueOps = 3 * day.queueMessages + day.queueRetries;

  // Starvation, seen from the portals: the longest wait between two fetches of a healthy
  // portal, and from its last fetch to the end of the day. Cold start counted apart.
  const end = DAY_START + opts.hours * 60 * MIN;
  const gaps = { healthy: [], flaky: [] };
  let starved = 0;
  let neverFetched = 0;
  let firstFetchMax = 0;
  for (const p of country.portals) {
    if (p.kind === 'archive') continue;
    const times = result.fetchedAt.get(p.id) ?? [];
    const bucket = p.behaviour === 'ok' || p.behaviour === 'slow' ? 'healthy' : p.behaviour === 'flaky' ? 'flaky' : null;
    if (!bucket) continue;
    if (!times.length) {
      if (bucket === 'healthy') neverFetched++;
      continue;
    }
    firstFetchMax = Math.max(firstFetchMax, times[0] - DAY_START);
    let g = end - times[times.length - 1];
    for (let i = 1; i < times.length; i++) g = Math.max(g, times[i] - times[i - 1]);
    gaps[bucket].push(g / MIN);
    if (bucket === 'healthy' && g > 2 * INTERVAL_MIN * MIN) starved++;
  }
  // Nothing lost: what healthy portals published from the warm-up to an hour before the day's
  // end (each source is fetched at least hourly) against the new articles the day stored.
  const published = sum(country.portals.filter((p) => p.kind !== 'archive' && (p.behaviour === 'ok' || p.behaviour === 'slow')).map((p) => publishedBetween(country, p, DAY_START - 30 * MIN, end - 60 * MIN)));
  const sizeOf = (prefix) => Object.entries(result.sizes).filter(([k]) => k.startsWith(prefix));
  const provinceSnaps = sizeOf('snap:p:').sort((a, b) => b[1] - a[1]);
  const sizes = {
    state: result.sizes.state ?? 0,
    catalog: result.sizes.catalog ?? 0,
    snapAll: result.sizes['snap:all'] ?? 0,
    biggestProvince: provinceSnaps[0] ?? ['-', 0],
    buckets: sum(sizeOf('src:').map(([, v]) => v)),
    bucketCount: sizeOf('src:').length,
    keys: Object.keys(result.sizes).length,
  };
  const steady = perTick.slice(Math.min(perTick.length - 1, Math.round(120 / (spec.cronMin ?? CRON_MIN)))); // after the first two hours
  // CPU of a refresh invocation ≈ fixed + per source with news × updated + per other fetched source × rest.
  const fit = ols(refreshRuns.filter((i) => i.outcomes).map((i) => {
    const updated = i.outcomes.updated ?? 0;
    const fetched = sum(Object.entries(i.outcomes).filter(([o]) => o !== 'deferred').map(([, n]) => n));
    return [[1, updated, fetched - updated], i.isolateMs];
  }));
  return { perTick, steady, day, gaps, starved, neverFetched, firstFetchMax, sizes, plan, invocations, refreshRuns, fit, published };
}

// ---------------------------------------------------------------- report

const int = (x) => Math.round(x).toLocaleString('en-US');
const f1 = (x) => (x >= 100 ? int(x) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const kib = (b) => (b >= 1024 * 1024 ? `${(b / 1024 / 1024).toFixed(2)} MiB` : `${(b / 1024).toFixed(0)} KiB`);
const ok = (value, limit) => (value <= limit ? '✓' : '✗');
const table = (header, rows) => [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');

/** A province on the free plan: every limit, and CPU per invocation as a distribution. */
function provinceSection(r, a) {
  const p = a.plan;
  const cpu = a.invocations.map((i) => i.isolateMs);
  const thread = a.invocations.map((i) => i.cpuMs);
  const dist = (xs) => `p50 ${f1(pct(xs, 0.5))} / p90 ${f1(pct(xs, 0.9))} / p99 ${f1(pct(xs, 0.99))} / max ${f1(max(xs))}`;
  const subs = max(a.invocations.map((i) => i.subrequests ?? 0));
  const feeds = r.feeds?.requests ?? [];
  const readsPerFeed = feeds.length ? sum(feeds.map((f) => f.reads)) / feeds.length : 0;
  const feedReads = 10_000 * readsPerFeed;
  const cached = r.cachedFeeds?.requests ?? [];
  const firsts = cached.filter((_, i) => i % 3 === 0);
  const hits = cached.filter((_, i) => i % 3 !== 0);
  const missReads = firsts.length ? sum(firsts.map((f) => f.reads)) / firsts.length : 0;
  const hitReads = hits.length ? sum(hits.map((f) => f.reads)) / hits.length : 0;
  const cachedFeedReads = cached.length ? Math.min(10_000, feeds.length * (86_400 / r.cachedFeeds.seconds)) * missReads + Math.max(0, 10_000 - feeds.length * (86_400 / r.cachedFeeds.seconds)) * hitReads : 0;
  const kinds = {
    'snapshot merge (no fetch)': a.invocations.filter((i) => (i.snapshotsWritten ?? 0) > 0 && !Object.keys(i.outcomes ?? {}).length),
    // With news apart, a run stores held news without fetching, unless its isolate is new (it then stores what it fetched).
    ...(r.spec.newsApart ? { 'news stored (held news, no fetch)': a.invocations.filter((i) => (i.outcomes?.updated ?? 0) > 0 && !i.newIsolate) } : {}),
    'fetch, news stored': a.invocations.filter((i) => (i.outcomes?.updated ?? 0) > 0 && (!r.spec.newsApart || i.newIsolate)),
    ...(r.spec.newsApart ? { 'fetch, news held for the next run': a.invocations.filter((i) => (i.newsHeld ?? 0) > 0 && !(i.outcomes?.updated ?? 0)) } : {}),
    'fetch, nothing new': a.invocations.filter((i) => Object.keys(i.outcomes ?? {}).length && !(i.outcomes?.updated ?? 0) && !(i.newsHeld ?? 0)),
    'nothing due': a.invocations.filter((i) => !Object.keys(i.outcomes ?? {}).length && !(i.snapshotsWritten ?? 0)),
  };
  // With the heap read around each run (the inspector's, always on for the measured Worker), each
  // invocation over the limit is told by what else happened in it.
  const traced = a.invocations.some((i) => i.heap);
  const firstHour = Math.round(60 / (r.spec.cronMin ?? CRON_MIN));
  const collected = (i) => i.heap && i.heap.after < i.heap.before - 2;
  const overs = (xs) => {
    const over = xs.filter((i) => i.isolateMs > p.cpuMsPerInvocation);
    if (!traced) return int(over.length);
    const gc = over.filter(collected);
    const early = over.filter((i) => !collected(i) && i.k < firstHour);
    return `${int(over.length)}: ${int(gc.length)} / ${int(early.length)} / ${int(over.length - gc.length - early.length)}`;
  };
  const rows = [
    [`CPU per invocation ≤ 10 ms (${memoryKvUsed(r) ? 'the isolate\'s thread, KV a Map in the isolate' : 'isolate, KV emulation priced out'})`, `${dist(cpu)} ms over ${int(cpu.length)} invocations; ${int(cpu.filter((x) => x > p.cpuMsPerInvocation).length)} over`, ok(max(cpu), p.cpuMsPerInvocation)],
    ...(memoryKvUsed(r) ? [] : [['(the same, thread CPU with local KV emulation)', `${dist(thread)} ms`, '—']]),
    ['subrequests per invocation ≤ 50', `max ${int(subs)}`, ok(subs, p.subrequests)],
    ['KV writes ≤ 1,000 a day', int(a.day.writes), ok(a.day.writes, p.kvWritesPerDay)],
    ['KV reads ≤ 100,000 a day with 10,000 feed requests, no cache', `${int(a.day.reads)} refresh + ${int(feedReads)} feeds (${f1(readsPerFeed)} a request) = ${int(a.day.reads + feedReads)}`, ok(a.day.reads + feedReads, p.kvReadsPerDay)],
    ...(cached.length ? [['KV reads ≤ 100,000 a day with 10,000 feed requests, Cache API (FEED_CACHE_SECONDS=' + r.cachedFeeds.seconds + ')', `${int(a.day.reads)} refresh + at most ${int(cachedFeedReads)} feeds (a miss reads ${f1(missReads)}, a hit ${f1(hitReads)}; at most one miss a feed URL every ${r.cachedFeeds.seconds} s in a data centre: ${feeds.length} URLs) = ${int(a.day.reads + cachedFeedReads)}`, ok(a.day.reads + cachedFeedReads, p.kvReadsPerDay)]] : []),
    ['every healthy source fetched within 60 min', `${int(a.starved)} waited longer; longest wait p95 ${f1(pct(a.gaps.healthy, 0.95))} / max ${f1(max(a.gaps.healthy))} min; never fetched ${int(a.neverFetched)}`, ok(a.starved + a.neverFetched, 0)],
    ['nothing lost', `${int(a.day.newArticles)} new articles stored; healthy portals published ${int(a.published)} from the warm-up to an hour before the end`, ok(a.published, a.day.newArticles)],
  ];
  return [
    `### ${r.name}: ${int(r.country.portals.length)} sources on Workers Free`,
    '',
    r.spec.note,
    '',
    memoryKvUsed(r)
      ? 'KV: a Map in the Worker\'s isolate (bench/scale-worker.ts, memoryKv) with the get/put/delete/list the project uses; values are kept as UTF-8 bytes outside the V8 heap and every get decodes a new string (and a JSON get parses it), so the strings, the parsing and the stringifying and their garbage stay in the isolate as with real KV. CPU is the workerd thread\'s, less the cost of reading it; nothing is priced out. Operations and bytes are counted as with the local emulation.'
      : 'KV: workerd\'s local emulation, on the Worker\'s thread; its cost is priced by a linear model and taken out.',
    '',
    `Cron every ${r.spec.cronMin ?? CRON_MIN} min (${int(a.invocations.length)} invocations), every source due every ${r.spec.intervalMinutes ?? INTERVAL_MIN} min. Rates (articles a day, drawn per portal): paper 50–70, provincial portal 12–18, departments 1–3, communes 0.3–0.7; ${int(a.day.newArticles)} stored in the day.`,
    '',
    table(['limit', 'measured', 'met'], rows),
    '',
    table(
      ['invocation', 'count', 'CPU ms (isolate) p50 / p90 / p99 / max', `over ${p.cpuMsPerInvocation} ms${traced ? ': in a collection / in the isolate\'s first hour / other' : ''}`, 'KV writes'],
      Object.entries(kinds).map(([k, xs]) => [k, int(xs.length), xs.length ? dist(xs.map((i) => i.isolateMs)) : '—', overs(xs), int(sum(xs.map((i) => i.writes ?? 0)))]),
    ),
    ...(traced ? ['', `Over ${p.cpuMsPerInvocation} ms "in a collection": the isolate's heap (V8's used size, read through workerd's inspector before and after the run; --heap-trace=<csv> writes it per run) shrank by more than 2 MB during the invocation, so V8 collected garbage inside it; "first hour": the others in the measured isolate's first ${firstHour} runs (its code still compiling, its story index filling).`] : []),
    '',
    feeds.length ? table(['feed request', 'status', 'KV reads', 'thread CPU ms'], feeds.map((f) => [`\`${f.path}\``, f.status, f.reads, f1(f.cpuMs)])) : '',
  ];
}

function report(results, opts, command) {
  const lines = [];
  const A = results.map((r) => ({ r, a: analyse(r, opts) }));
  lines.push(`Command: \`${command}\``);
  lines.push('');
  lines.push(`Run on ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, wrangler's local workerd. Simulated day: ${opts.hours} h from ${String(opts.start ?? 0).padStart(2, '0')}:00 (Vietnam time) of a Friday${opts.hours < 24 ? ', per-day figures scaled up from it' : ''}; ${A.some(({ r }) => !r.spec.province) ? `cron every ${CRON_MIN} min (${(opts.hours * 60) / CRON_MIN} runs), every source due every ${INTERVAL_MIN} min (a province case: its own, below)` : 'cron and intervals as the case below says'}; latencies ×${opts.latencyScale}; seed ${opts.seed}.`);
  lines.push('');
  for (const { r, a } of A.filter(({ r }) => r.spec.province)) lines.push(...provinceSection(r, a), '');
  const goalCases = A.filter(({ r }) => r.spec.plan === 'paid' && r.country.portals.length >= 3355);
  if (goalCases.length) {
    lines.push('### Issue 6 goals at 3,355 sources, 30-minute cadence (Workers Paid)');
    lines.push('');
    const goalRows = [];
    for (const { r, a } of goalCases) {
      const p = a.plan;
      const perInv = a.invocations.every((i) => (i.subrequests ?? 0) <= p.subrequests && i.isolateMs <= p.cpuMsPerInvocation && i.projectedWallMs <= p.wallMsCron);
      const unchanged = Object.entries(r.calib).filter(([label]) => !label.startsWith('fixed') && !label.startsWith('bytes change'));
      const fixed = r.calib['fixed (no source)'].isolateMs;
      const worst = max(unchanged.map(([, c]) => (c.isolateMs - fixed) / c.sources));
      const row = (goal, value, good) => [r.name, goal, value, good ? '✓' : '✗'];
      goalRows.push(row('KV writes < 1M / month', int(a.day.writes * 30), a.day.writes * 30 < 1e6));
      goalRows.push(row('CPU < 30M ms / month', `${int(a.day.cpuMs * 30)} (thread: ${int(a.day.threadCpuMs * 30)})`, a.day.cpuMs * 30 < 3e7));
      goalRows.push(row('requests < 10M / month', int(a.day.invocations * 30), a.day.invocations * 30 < 1e7));
      goalRows.push(row('every invocation inside its limits', `max ${int(max(a.invocations.map((i) => i.subrequests ?? 0)))} subrequests, ${f1(max(a.invocations.map((i) => i.isolateMs)))} ms CPU, ${f1(max(a.invocations.map((i) => i.projectedWallMs)) / 1000)} s wall`, perInv));
      goalRows.push(row('no source starved (fetched within 60 min)', `${int(a.starved)} healthy portals waited longer`, a.starved === 0));
      goalRows.push(row('unchanged source < 1 ms CPU', `${worst.toFixed(2)} ms (304 or same hash)`, worst < 1));
    }
    lines.push(table(['case', 'goal', 'measured', 'met'], goalRows));
    lines.push('');
  }
  lines.push('### Per run (steady state: the runs after the first two hours)');
  lines.push('');
  lines.push(
    table(
      ['case', 'sources', 'mode', 'invocations / run', 'due / run', 'fetched / run', 'parsed / run', 'skipped: 304 / run', 'skipped: same hash / run', 'failed / run', 'deferred / run', 'subrequests / run (max per invocation)', 'CPU ms / run, median (max per invocation)', 'KV reads / run', 'KV writes / run', 'wall s / run (projected, max)', '`state`'],
      A.map(({ r, a }) => {
        const s = a.steady;
        const med = (f) => f1(pct(s.map(f), 0.5));
        return [
          `${r.name}<br>${r.spec.note}`,
          int(r.country.portals.length),
          r.spec.mode,
          med((t) => t.invocations),
          med((t) => t.due),
          med((t) => t.fetched),
          `${med((t) => t.parsed)} (${med((t) => t.updated)} with news)`,
          med((t) => t.notModified),
          med((t) => t.unchanged),
          med((t) => t.failed),
          med((t) => t.deferred),
          `${med((t) => t.subrequests)} (${int(max(a.perTick.map((t) => t.maxSubrequests)))})`,
          `${med((t) => t.cpuMs)} (${f1(max(a.perTick.map((t) => t.maxCpuMs)))})`,
          med((t) => t.reads),
          med((t) => t.writes),
          f1(max(a.perTick.map((t) => t.maxProjectedWallMs)) / 1000),
          kib(a.sizes.state),
        ];
      }),
    ),
  );
  lines.push('');
  lines.push('Parsed = sources whose body was read through (those with news, and bodies whose items text was new but gave nothing new). Skipped = a 304, or a body with the hash of the last one or the same items text (portals whose bytes change on every request): no parse.');
  lines.push('');
  lines.push('Cold start: before the day every source is fetched once, in runs of 100 (a case that slices its runs: in such slices, spread over the interval before the day), the real refresh, story matching included. A new deployment\'s first runs cost this:');
  lines.push('');
  lines.push(
    table(
      ['case', 'sources', 'runs', 'CPU ms, thread (per source)', 'KV writes'],
      A.filter(({ r }) => r.warm).map(({ r }) => [r.name, int(r.warm.sources), int(r.warm.runs), `${int(r.warm.cpuMs)} (${f1(r.warm.cpuMs / r.warm.sources)})`, int(r.warm.writes)]),
    ),
  );
  lines.push('');
  lines.push('### Per day and per month, beside the plan');
  lines.push('');
  const quota = (a, key, perMonth) => {
    const p = a.plan;
    if (p.label === 'Workers Free') {
      const limit = { writes: p.kvWritesPerDay, reads: p.kvReadsPerDay, invocations: p.requestsPerDay, queueOps: p.queueOpsPerDay }[key];
      return limit ? `${ok(perMonth / 30, limit)} ${int(limit)}/day` : '—';
    }
    const limit = { writes: p.kvWritesPerMonth, reads: p.kvReadsPerMonth, cpuMs: p.cpuMsPerMonth, invocations: p.requestsPerMonth, queueOps: p.queueOpsPerMonth }[key];
    return limit ? `${ok(perMonth, limit)} ${int(limit)}/month` : '—';
  };
  const rows = [];
  for (const { r, a } of A) {
    const d = a.day;
    const metric = (label, key, v) => [r.name, label, int(v), int(v * 30), quota(a, key, v * 30)];
    rows.push(metric('requests (cron + consumer invocations)', 'invocations', d.invocations));
    rows.push(metric('source fetches', '-', d.fetches));
    rows.push(metric('subrequests', '-', d.subrequests));
    rows.push(metric(memoryKvUsed(r) ? 'CPU ms (isolate, KV in the isolate)' : 'CPU ms (isolate; thread incl. KV emulation: ' + int(d.threadCpuMs * 30) + '/month)', 'cpuMs', d.cpuMs));
    rows.push(metric('KV reads', 'reads', d.reads));
    rows.push(metric('KV writes', 'writes', d.writes));
    if (r.spec.mode === 'queue') rows.push(metric('queue operations (3 per message + retries)', 'queueOps', d.queueOps));
    rows.push(metric('new articles', '-', d.newArticles));
  }
  lines.push(table(['case', 'what', 'per day', 'per month (30 d)', 'included'], rows));
  lines.push('');
  lines.push('### Every invocation inside its limits?');
  lines.push('');
  lines.push(
    table(
      ['case', 'invocations', 'max subrequests', 'max CPU ms', 'max wall s (projected)', 'biggest `state`', 'limits (plan)', 'inside?'],
      A.map(({ r, a }) => {
        const p = a.plan;
        const maxSub = max(a.invocations.map((i) => i.subrequests ?? 0));
        const maxCpu = max(a.invocations.map((i) => i.isolateMs));
        const maxWall = max(a.invocations.map((i) => i.projectedWallMs));
        const maxState = max(a.perTick.map((t) => t.stateBytes ?? 0));
        const inside = maxSub <= p.subrequests && maxCpu <= p.cpuMsPerInvocation && (!p.wallMsCron || maxWall <= p.wallMsCron) && maxState <= STATE_LIMIT;
        return [r.name, int(a.invocations.length), int(maxSub), f1(maxCpu), f1(maxWall / 1000), kib(maxState), `${p.subrequests} subrequests, ${int(p.cpuMsPerInvocation)} ms CPU${p.wallMsCron ? ', 15 min wall' : ''}, 25 MiB value`, inside ? '✓' : '✗'];
      }),
    ),
  );
  lines.push('');
  lines.push('### Starvation (healthy portals: every one fetched within twice its interval, 60 min?)');
  lines.push('');
  lines.push(
    table(
      ['case', 'healthy portals', 'longest wait, median / p95 / max (min)', 'over 60 min', 'never fetched', 'last first fetch after (min)', 'flaky portals: longest wait median / max (min)', 'queue runs not drained'],
      A.map(({ r, a }) => [
        r.name,
        int(a.gaps.healthy.length + a.neverFetched),
        `${int(pct(a.gaps.healthy, 0.5))} / ${int(pct(a.gaps.healthy, 0.95))} / ${int(max(a.gaps.healthy))}`,
        `${int(a.starved)}${a.starved ? ' ✗' : ' ✓'}`,
        int(a.neverFetched),
        int(a.firstFetchMax / MIN),
        `${int(pct(a.gaps.flaky, 0.5))} / ${int(max(a.gaps.flaky))}`,
        int(sum(a.perTick.map((t) => (t.stuck ? 1 : 0)))),
      ]),
    ),
  );
  lines.push('');
  lines.push('### Cost of one source, by how it answers (CPU in the isolate, measured on a run of that class alone)');
  lines.push('');
  lines.push(
    table(
      ['case', 'class', 'sources', 'run CPU ms', 'per source ms', 'KV reads', 'KV writes'],
      A.flatMap(({ r }) => {
        const fixed = r.calib['fixed (no source)'];
        return Object.entries(r.calib).map(([label, c]) => [
          r.name,
          label,
          int(c.sources),
          f1(c.isolateMs),
          c.sources ? ((c.isolateMs - fixed.isolateMs) / c.sources).toFixed(3) : '—',
          int(c.reads),
          int(c.writes),
        ]);
      }),
    ),
  );
  lines.push('');
  const floors = A.filter(({ r }) => r.floor);
  if (floors.length) {
    lines.push('The floor under a quiet run: three sources of a class fetched at once, with the day\'s latencies, 20 times (groups of three in turn), CPU in the isolate per invocation: workerd\'s fetch and body read alone (`arrayBuffer()`); the same with the project\'s capped read (fetch-body.ts), then with its hash too; the project\'s fetch (address guard, deadline, capped read, hash, decode); the whole refresh run of the same three (a run given its sources, which writes \`state\` at once where a quiet cron run writes nothing). p50 / p90 / max ms each.');
    lines.push('');
    const d = (xs) => `${f1(pct(xs, 0.5))} / ${f1(pct(xs, 0.9))} / ${f1(max(xs))}`;
    lines.push(
      table(
        ['case', 'class', 'bare fetch ×3, p50 / p90 / max ms', 'per fetch, p50 ms', 'capped read ×3', 'capped read and hash ×3', 'fetchBody ×3', 'refresh run of the 3'],
        floors.flatMap(({ r }) => Object.entries(r.floor).map(([label, f]) => [r.name, label, d(f.bare), (pct(f.bare, 0.5) / 3).toFixed(3), d(f.read ?? []), d(f['read+hash'] ?? []), d(f.fetchBody), d(f.run)])),
      ),
    );
    lines.push('');
  }
  lines.push('From the day\'s refresh invocations, by least squares: CPU ms ≈ fixed + a × (sources with news) + b × (other fetched sources).');
  lines.push('');
  lines.push(
    table(
      ['case', 'fixed ms', 'a: per source with news, ms', 'b: per other fetched source, ms', 'warm-up before the day (first fetch of every source): CPU ms per source'],
      A.map(({ r, a }) => [r.name, ...(a.fit ? a.fit.map((x) => f1(x)) : ['—', '—', '—']), r.warm ? `${f1(r.warm.cpuMs / r.warm.sources)} (${int(r.warm.sources)} sources, ${r.warm.runs} runs of ${r.warm.batch ?? 100})` : '—']),
    ),
  );
  lines.push('');
  lines.push('### Sizes at the end of the day');
  lines.push('');
  lines.push(
    table(
      ['case', '`state`', '`catalog`', '`snap:all`', 'biggest province snapshot', 'buckets (count, total)', 'keys'],
      A.map(({ r, a }) => [r.name, kib(a.sizes.state), kib(a.sizes.catalog), kib(a.sizes.snapAll), `${a.sizes.biggestProvince[0]} ${kib(a.sizes.biggestProvince[1])}`, `${int(a.sizes.bucketCount)}, ${kib(a.sizes.buckets)}`, int(a.sizes.keys)]),
    ),
  );
  lines.push('');
  const priced = A.filter(({ r }) => !memoryKvUsed(r));
  if (priced.length) lines.push(`KV emulation priced out of the thread CPU (local workerd; least squares over 1 KB–3 MB values): ${priced.map(({ r }) => `${r.name}: get ${r.kvcal.get.a.toFixed(2)} ms + ${(r.kvcal.get.b * 1e6).toFixed(1)} ms/MB, put ${r.kvcal.put.a.toFixed(2)} ms + ${(r.kvcal.put.b * 1e6).toFixed(1)} ms/MB`).join('; ')}.`);
  lines.push('');
  lines.push('<details><summary>Every run</summary>');
  lines.push('');
  for (const { r, a } of A) {
    lines.push(`#### ${r.name}`);
    lines.push('');
    lines.push(
      table(
        ['run', 'time', 'invocations', 'due', 'fetched', 'parsed (with news)', 'same hash', '304', 'failed', 'deferred', 'new articles', 'subrequests', 'CPU ms', 'KV reads', 'KV writes', 'wall s (projected max)', '`state`'],
        a.perTick.map((t) => [t.k, t.time, t.invocations, t.due, t.fetched, `${t.parsed} (${t.updated})`, t.unchanged, t.notModified, t.failed, t.deferred, t.newArticles, t.subrequests, f1(t.cpuMs), t.reads, t.writes, f1(t.maxProjectedWallMs / 1000), kib(t.stateBytes ?? 0)]),
      ),
    );
    lines.push('');
  }
  lines.push('</details>');
  return { text: lines.join('\n'), A };
}

function csv(A) {
  const head = ['case', 'run', 'time', 'invocations', 'due', 'fetched', 'updated', 'parsed_unchanged', 'same_hash', 'not_modified', 'failed', 'deferred', 'new_articles', 'subrequests', 'max_subrequests', 'cpu_ms', 'max_cpu_ms', 'thread_cpu_ms', 'kv_reads', 'kv_writes', 'wall_ms', 'max_projected_wall_ms', 'state_bytes'];
  const rows = A.flatMap(({ r, a }) => a.perTick.map((t) => [r.name, t.k, t.time, t.invocations, t.due, t.fetched, t.updated, t.parsedUnchanged, t.unchanged, t.notModified, t.failed, t.deferred, t.newArticles, t.subrequests, t.maxSubrequests, t.cpuMs.toFixed(2), t.maxCpuMs.toFixed(2), t.threadCpuMs.toFixed(2), t.reads, t.writes, t.wallMs.toFixed(0), t.maxProjectedWallMs.toFixed(0), t.stateBytes ?? 0]));
  return [head, ...rows].map((r) => r.join(',')).join('\n') + '\n';
}

const BEGIN = '<!-- scale:begin (generated by bench/scale.mjs; text after scale:end is kept) -->';
const END = '<!-- scale:end -->';

function writeReport(out, generated) {
  mkdirSync(dirname(out), { recursive: true });
  const old = existsSync(out) ? readFileSync(out, 'utf8') : '';
  const tail = old.includes(END) ? old.slice(old.indexOf(END) + END.length) : '\n';
  const head = old.includes(BEGIN) ? old.slice(0, old.indexOf(BEGIN)) : '# Scale: the country on one Worker\n\n';
  writeFileSync(out, `${head}${BEGIN}\n${generated}\n${END}${tail}`);
}

// ---------------------------------------------------------------- --profile

/** The invocation's kind, as the report's table of invocations tells them. */
const kindOf = (i) =>
  (i.snapshotsWritten ?? 0) > 0 && !Object.keys(i.outcomes ?? {}).length ? 'snapshot merge' : (i.outcomes?.updated ?? 0) > 0 ? (i.newIsolate ? 'fetch, news stored' : 'news stored') : (i.newsHeld ?? 0) > 0 ? 'fetch, news held' : Object.keys(i.outcomes ?? {}).length ? 'fetch, nothing new' : 'nothing due';

/** --profile: per kind of invocation, the mean CPU a run by stage, for all and for those over 10 ms; and each over 10 ms. */
function writeProfile(file, result) {
  const all = result.runs.flatMap((r) => r.invocations.map((i) => ({ k: r.k, ...i, kind: kindOf(i) })));
  const lines = [`# workerd profile of ${result.name} (sampled CPU ms; isolate ms unprofiled in the same run)`, ''];
  if (result.heap) lines.push(`Heap after the day: ${result.heap.usedMb.toFixed(1)} MB used; snapshot in ${result.heap.snapshotFile}.`, '');
  const summary = (rs, label) => {
    const sum = {};
    for (const r of rs) for (const [st, ms] of Object.entries(r.stages ?? {})) sum[st] = (sum[st] ?? 0) + ms;
    const sampled = rs.reduce((a, r) => a + Object.values(r.stages ?? {}).reduce((x, y) => x + y, 0), 0);
    lines.push(`## ${label}: ${rs.length} runs, isolate ms mean ${(rs.reduce((a, r) => a + r.isolateMs, 0) / Math.max(1, rs.length)).toFixed(2)}, sampled ms mean ${(sampled / Math.max(1, rs.length)).toFixed(2)}`);
    for (const [st, ms] of Object.entries(sum).sort((a, b) => b[1] - a[1]).slice(0, 25)) lines.push(`  ${(ms / rs.length).toFixed(2).padStart(7)}  ${st}`);
    lines.push('');
  };
  for (const kind of ['fetch, nothing new', 'fetch, news held', 'news stored', 'fetch, news stored', 'snapshot merge', 'nothing due']) {
    const rs = all.filter((i) => i.kind === kind);
    if (rs.length) summary(rs, kind);
    const over = rs.filter((i) => i.isolateMs > 10);
    if (over.length) summary(over, `${kind}, over 10 ms`);
  }
  lines.push('## each invocation over 10 ms: run, kind, isolate ms, top stages (sampled ms)');
  for (const i of all.filter((x) => x.isolateMs > 10)) lines.push(`  ${i.k} ${i.kind} ${i.isolateMs.toFixed(1)}: ${Object.entries(i.stages ?? {}).sort((a, b) => b[1] - a[1]).slice(0, 5).map(([st, ms]) => `${st} ${ms.toFixed(1)}`).join(', ')}`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  console.error(`[scale] profile in ${file}`);
}

/**
 * --old-gen: what reached V8's old generation in the measured isolate during the day (sampled,
 * see startOldGen), by module and by function, in MB a day. Full collections come when this has
 * grown the old generation past V8's limit, so it is the figure to shrink to have fewer of them.
 */
function writeOldGen(file, result, hours) {
  const perDay = (b) => ((b / 1e6) * 24) / hours;
  const entries = Object.entries(result.oldGen);
  const total = entries.reduce((a, [, b]) => a + b, 0);
  const byModule = {};
  for (const [k, b] of entries) {
    const m = k.startsWith('(other)') ? '(other)' : k.split(' ')[0];
    byModule[m] = (byModule[m] ?? 0) + b;
  }
  const table = (o, n) => Object.entries(o).sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, b]) => `${perDay(b).toFixed(2).padStart(7)}  ${(b / total * 100).toFixed(1).padStart(5)} %  ${k}`);
  const lines = [
    `# ${result.name}: what reached the old generation, MB a day (V8's sampling heap profiler, 4 KiB; objects a scavenge freed not counted)`,
    '',
    `Total ${perDay(total).toFixed(1)} MB a day over ${hours} h.`,
    '',
    '## by module',
    ...table(byModule, 30),
    '',
    '## by function',
    ...table(result.oldGen, 60),
  ];
  writeFileSync(file, `${lines.join('\n')}\n`);
  console.error(`[scale] old generation in ${file}`);
}

// ---------------------------------------------------------------- main

export async function main(options = {}) {
  const opts = {
    cases: String(options.cases ?? DEFAULT_CASES).split(','),
    hours: Number(options.hours ?? 24),
    start: Number(options.start ?? 0),
    latencyScale: Number(options['latency-scale'] ?? 0.1),
    seed: Number(options.seed ?? 1),
    verbose: Boolean(options.verbose),
    stories: options.stories !== 'off',
    warm: options.warm !== 'off',
    fullText: options['full-text'] === 'on',
    ...(options.kv ? { kv: options.kv === 'memory' ? 'memory' : 'local' } : {}),
    ...(options.profile ? { profile: resolve(String(options.profile)) } : {}),
    ...(options['heap-trace'] ? { heapTrace: resolve(String(options['heap-trace'])) } : {}),
    ...(options['old-gen'] ? { oldGen: resolve(String(options['old-gen'])) } : {}),
    out: resolve(String(options.out ?? resolve(HERE, 'results/scale.md'))),
  };
  const shown = process.argv.slice(2).filter((a) => a !== '--verbose' && !a.startsWith('--out='));
  const command = options.command ?? `node bench/scale.mjs${shown.length ? ` ${shown.join(' ')}` : ''}`;
  if (options.from) {
    // Rewrite the report from an earlier run's raw results (the country is rebuilt from its seed).
    const saved = JSON.parse(readFileSync(String(options.from), 'utf8'));
    const results = saved.results.map((r) => ({ ...r, country: makeCountry({ n: r.spec.n, seed: saved.opts.seed, archives: r.spec.archives ?? 0, communesOnly: r.spec.communesOnly, province: r.spec.province, intervalMinutes: r.spec.intervalMinutes, national: r.spec.national }), fetchedAt: new Map(Object.entries(r.fetchedAt)) }));
    const { text, A } = report(results, saved.opts, saved.command);
    writeReport(opts.out, text);
    writeFileSync(opts.out.replace(/\.md$/, '-runs.csv'), csv(A));
    console.error(`[scale] rewrote ${opts.out} from ${options.from}`);
    return;
  }
  DAY_START = MIDNIGHT + opts.start * 3_600_000;
  const results = [];
  const raw = join(tmpdir(), `bantin-scale-raw-${process.pid}.json`);
  for (const name of opts.cases) {
    let spec = CASES[name];
    if (!spec) throw new Error(`unknown case "${name}"; known: ${Object.keys(CASES).join(', ')}`);
    // Another slice size or snapshot cap for the free province, to compare.
    const n = Number(options['max-sources']);
    const cap = Number(options['snapshot-cap']);
    const storyIndex = Number(options['story-index']);
    const news = options.news;
    const maxNew = Number(options['max-new']);
    const parse = options.parse;
    const perRun = options.isolates === 'per-run';
    if (name === 'free-province' && (n > 0 || cap > 0 || storyIndex > 0 || news || maxNew > 0 || parse || perRun)) {
      spec = freeProvince({
        ...(n > 0 ? { maxSources: n } : {}),
        ...(cap > 0 ? { snapshotCap: cap } : {}),
        ...(storyIndex > 0 ? { storyIndexPerRun: storyIndex } : {}),
        ...(news ? { newsApart: news === 'apart' } : {}),
        ...(maxNew > 0 ? { maxNewArticles: maxNew } : {}),
        ...(parse ? { parseNew: parse === 'new' } : {}),
        ...(perRun ? { isolatePerRun: true } : {}),
      });
    }
    const t0 = Date.now();
    console.error(`[scale] ${name}: ${spec.n}${spec.archives ? ` + ${spec.archives}` : ''} sources, ${spec.mode}, ${opts.hours} h …`);
    const result = await runCase(name, spec, opts);
    results.push(result);
    if (opts.profile) writeProfile(opts.profile, result);
    if (opts.oldGen) writeOldGen(opts.oldGen, result, opts.hours);
    if (opts.heapTrace) writeFileSync(opts.heapTrace, ['k;kind;isolate_ms;heap_before_mb;heap_after_mb;took', ...result.runs.flatMap((r) => r.invocations.map((i) => [r.k, kindOf(i), i.isolateMs.toFixed(2), i.heap?.before?.toFixed(2), i.heap?.after?.toFixed(2), (i.took ?? []).join(' ')].join(';')))].join('\n') + '\n');
    const { a } = report([result], opts, command).A[0];
    console.error(`[scale] ${name}: done in ${((Date.now() - t0) / 1000).toFixed(0)} s; per day: ${int(a.day.fetches)} fetches, ${int(a.day.cpuMs)} CPU ms, ${int(a.day.writes)} KV writes; starved ${a.starved}`);
    // Everything the report is made from, after every case, so a long run's finished cases
    // survive an interruption and the report can be rewritten without another run (--from=).
    writeFileSync(raw, JSON.stringify({ opts, command, results: results.map((r) => ({ ...r, fetchedAt: Object.fromEntries(r.fetchedAt) })) }));
    console.error(`[scale] raw results so far in ${raw}`);
  }
  const { text, A } = report(results, opts, command);
  writeReport(opts.out, text);
  writeFileSync(opts.out.replace(/\.md$/, '-runs.csv'), csv(A));
  console.error(`[scale] wrote ${opts.out}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = {};
  for (const a of process.argv.slice(2)) {
    const [key, value] = a.replace(/^--/, '').split('=');
    options[key] = value ?? true;
  }
  await main(options);
}
