/**
 * Where a refresh's CPU goes: the free-province day (bench/scale.mjs's case) run in Node under
 * V8's sampling profiler, the refresh bundled as the Worker's would be, KV in memory, the
 * simulated province on 127.0.0.1. Node runs the same V8 as workerd, so the split between the
 * stages holds even though the absolute figures are Node's. Only samples whose stack holds the
 * refresh's own code count (the simulated portals run in this process too).
 *
 *   node bench/profile-refresh.mjs [--hours=24] [--start=0] [--max-sources=N] [--cron=1] [--top=40] [--each=1] [--over=10] [--deps='{…}' (RefreshDeps overrides)]
 *
 * The runs take wrangler.toml's [env.free] options, as the scale benchmark's free-province case
 * does (slice, snapshots and news apart, new articles a run, parse only what is new...).
 *   node bench/profile-refresh.mjs --matching [--baseline=<git ref>] [--samples=60] [--cold=9] [--per-run=10[,20…]]
 *
 * --matching: story matching's CPU per run on the province's articles after the warm-up, before
 * (the matcher's files at --baseline) and after (the working tree), side by side: warm isolate
 * with its snapshot unchanged or changed, and cold isolates (bench/story-runs.mjs). Writes
 * bench/results/story-runs.md.
 *
 * The profile is wall-clock sampling (V8's), so on a loaded machine it counts preemption too;
 * per run the process's own CPU time (process.cpuUsage) is given beside it. Both are Node's, with
 * Node's fetch: compare stages and runs with each other, not with workerd's figures.
 *
 * Prints CPU by stage (the src/ file, or library, that was on top of the stack) and by run kind.
 */
import { Session } from 'node:inspector/promises';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import { catalogFor, makeCountry } from '../scripts/sim-country.mjs';
import { CASES } from './scale.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const MIN = 60_000;
const MIDNIGHT = Date.parse('2026-11-26T17:00:00Z');
const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const hours = Number(args.hours ?? 24);
const cronMin = Number(args.cron ?? 1);
const start = MIDNIGHT + Number(args.start ?? 0) * 60 * MIN;
const latencyScale = 0.02;
const extra = args.deps ? JSON.parse(args.deps) : {};

// The refresh, bundled from src/ (module boundaries kept as comments, to name each sample's stage).
const dir = mkdtempSync(join(tmpdir(), 'bantin-profile-'));
const outfile = join(dir, 'refresh.cjs');
await build({
  stdin: { contents: "export { runRefresh } from './src/refresh/run';\nexport { newStateMemory } from './src/refresh/kept-state';\nexport { newNewsHeld } from './src/refresh/held-news';\nexport { newItemsSeen } from './src/refresh/seen-items';\nexport { validateCatalog } from './src/sources/schema';", resolveDir: ROOT, loader: 'ts' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  outfile,
  logLevel: 'error',
});
const bundleText = readFileSync(outfile, 'utf8').split('\n');
/** Bundle line (0-based) → the module it belongs to. */
const moduleAt = [];
let current = '(bundle)';
for (const line of bundleText) {
  const m = /^\/\/ ((?:src|node_modules)\/\S+)$/.exec(line) ?? /^\s*"(node_modules\/[^"]+)"\(exports, module\)/.exec(line);
  if (m) current = m[1];
  moduleAt.push(current);
}
const require = createRequire(import.meta.url);
/** The bundle loaded anew: a fresh isolate's module state (caches, kept indexes), as the scale benchmark's day starts in a new workerd. */
const load = () => (delete require.cache[outfile], require(outfile));
let { runRefresh, newStateMemory, newNewsHeld, newItemsSeen, validateCatalog } = load();

/** KV as UTF-8 bytes, each get a new string or buffer, as bench/scale-worker.ts's (and a real KV's). */
function memoryKv() {
  const map = new Map();
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  return {
    async get(key, type) {
      const kind = typeof type === 'string' ? type : (type?.type ?? 'text');
      const bytes = map.get(key);
      if (bytes === undefined) return null;
      if (kind === 'arrayBuffer') return bytes.slice().buffer;
      const text = decoder.decode(bytes);
      return kind === 'json' ? JSON.parse(text) : text;
    },
    async put(key, value) {
      map.set(key, typeof value === 'string' ? encoder.encode(value) : new Uint8Array(ArrayBuffer.isView(value) ? value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength) : value.slice(0)));
    },
    async delete(key) {
      map.delete(key);
    },
    async list({ prefix = '' } = {}) {
      return { keys: [...map.keys()].filter((k) => k.startsWith(prefix)).map((name) => ({ name })), list_complete: true };
    },
  };
}

const country = makeCountry({ n: 100, seed: 1, province: 'lang-son', intervalMinutes: 40 });
// The simulated portals in a process of their own, so this one's CPU time is the refresh's.
const child = spawn(process.execPath, ['--input-type=module', '-e', `
  import { makeCountry, startSimCountry } from ${JSON.stringify(pathToFileURL(join(ROOT, 'scripts/sim-country.mjs')).href)};
  const sim = await startSimCountry({ country: makeCountry({ n: 100, seed: 1, province: 'lang-son', intervalMinutes: 40 }), latencyScale: ${latencyScale} });
  console.log(sim.url);
`], { stdio: ['ignore', 'pipe', 'inherit'] });
const simUrl = (await new Promise((ok) => child.stdout.once('data', ok))).toString().trim();
const control = (path) => fetch(`${simUrl}${path}`, { method: 'POST' }).then((r) => r.arrayBuffer());
const sim = { url: simUrl, setClock: (t) => control(`/__clock?t=${t}`), setFast: (on) => control(`/__mode?fast=${on ? 1 : 0}`), close: () => child.kill() };
const kv = memoryKv();
const catalog = validateCatalog(catalogFor(country, sim.url));
await kv.put('catalog', JSON.stringify(catalog.value));

let clock = { t: 0, perf0: 0 };
const now = () => new Date(clock.t + (performance.now() - clock.perf0) / latencyScale);
let seed = 1;
const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
/** What the isolate keeps between runs, as the deployed Worker hands it in. */
let memory = newStateMemory();
let newsHeld = newNewsHeld();
let itemsSeen = newItemsSeen();
/** The free profile, as the scale benchmark's free-province case reads it from wrangler.toml. */
const free = CASES['free-province'];
const freeDeps = {
  maxSources: Number(args['max-sources'] ?? free.maxSources),
  ...(free.snapshotsApart ? { snapshotsApart: true } : {}),
  ...(free.snapshotCap ? { snapshotCap: free.snapshotCap } : {}),
  ...(free.storyIndexPerRun ? { storyIndexPerRun: free.storyIndexPerRun } : {}),
  ...(free.maxNewArticles ? { maxNewArticles: free.maxNewArticles } : {}),
};
const deps = (warm) => ({
  kv,
  memory,
  fetch: (input, init) => fetch(input, init),
  now,
  random,
  allowPrivate: true,
  maxSubrequests: warm ? 10_000 : 45,
  timeBudgetMs: warm ? 15 * 60_000 : 60_000,
  fetchTimeoutMs: 15_000 * latencyScale,
  ...(warm ? {} : { ...freeDeps, ...(free.newsApart ? { heldNews: newsHeld } : {}), ...extra }),
  ...(free.parseNew ? { seenItems: itemsSeen } : {}),
  ...(free.bucketCap ? { bucketCap: free.bucketCap } : {}),
});

// Warm-up as the scale benchmark's: every source once, half 45 and half 30 minutes before the day.
await sim.setFast(true);
for (const [i, half] of [country.portals.slice(0, 50), country.portals.slice(50)].entries()) {
  clock = { t: start - (i ? 30 : 45) * MIN, perf0: performance.now() };
  await sim.setClock(clock.t);
  await runRefresh(deps(true), { only: half.map((p) => p.id) });
}
await sim.setFast(false);
// The day in a fresh isolate, on the warm-up's KV.
({ runRefresh, newStateMemory, newNewsHeld, newItemsSeen } = load());
[memory, newsHeld, itemsSeen] = [newStateMemory(), newNewsHeld(), newItemsSeen()];

if ('matching' in args) {
  // The province's articles, newest first, as its buckets hold them; a stored snapshot's members and sources.
  const { storyRuns } = await import('./story-runs.mjs');
  const buckets = await Promise.all((await kv.list({ prefix: 'src:' })).keys.map(async (k) => JSON.parse(await kv.get(k.name))));
  const all = buckets.flatMap((b) => b.articles).sort((a, b) => (a.published !== b.published ? (a.published < b.published ? 1 : -1) : a.id < b.id ? -1 : 1));
  const { members, sources } = JSON.parse(await kv.get('snap:all'));
  const table = await storyRuns({ all, template: { members, sources }, baseline: args.baseline, samples: Number(args.samples ?? 60), coldProcesses: Number(args.cold ?? 9), perRun: String(args['per-run'] ?? '10').split(',').map(Number) });
  const command = `node bench/profile-refresh.mjs ${process.argv.slice(2).join(' ')}`;
  const { cpus } = await import('node:os');
  const doc = `# Story matching per refresh run: kept indexes, before and after\n\nCommand: \`${command}\`\n\n${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}; the free-province's ${all.length} articles after the warm-up (bench/profile-refresh.mjs). Before: the matcher's files at ${args.baseline ?? '9b6fb04'} on this tree's rules; after: this tree.\n\n${table}\n`;
  const { existsSync, writeFileSync } = await import('node:fs');
  // Notes written after the generated part are kept.
  const file = join(HERE, 'results', 'story-runs.md');
  const END = '<!-- story-runs:end (generated above; text below is kept) -->';
  const kept = existsSync(file) ? (readFileSync(file, 'utf8').split(END)[1] ?? '\n') : '\n';
  writeFileSync(file, `${doc}\n${END}${kept}`);
  console.log(doc);
  sim.close();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 50 });
await session.post('Profiler.start');
/** Microseconds on the monotonic clock V8's profile stamps its samples with (uv_hrtime's). */
const micros = () => Number(process.hrtime.bigint() / 1000n);
const runs = [];
const ticks = Math.round((hours * 60) / cronMin);
for (let k = 0; k < ticks; k++) {
  clock = { t: start + k * cronMin * MIN, perf0: performance.now() };
  await sim.setClock(clock.t);
  const c0 = process.cpuUsage();
  const t0 = micros();
  const s = await runRefresh(deps(false));
  const c = process.cpuUsage(c0);
  const fetched = s.sources.filter((x) => x.outcome !== 'deferred').length;
  const news = s.sources.reduce((a, x) => a + x.newArticles, 0);
  const kind = s.snapshotsWritten.length && !fetched ? 'snapshot merge' : news ? (free.newsApart ? 'held news stored' : 'fetch, news stored') : s.newsHeld ? 'fetch, news held' : fetched ? 'fetch, nothing new' : 'nothing due';
  runs.push({ k, t0, t1: micros(), kind, news, writes: s.kv.writes, cpu: (c.user + c.system) / 1000 });
}
const { profile } = await session.post('Profiler.stop');
if (args.heap && globalThis.gc) {
  // What the isolate keeps between runs (caches, kept indexes, held news): the heap a major GC marks.
  globalThis.gc();
  const { writeHeapSnapshot } = await import('node:v8');
  console.log(`heap after the day, after a full GC: ${(process.memoryUsage().heapUsed / 1e6).toFixed(1)} MB; snapshot ${writeHeapSnapshot(args.heap)}`);
}
session.disconnect();
sim.close();
rmSync(dir, { recursive: true, force: true });

// ---------------------------------------------------------------- attribution
const bundleUrl = pathToFileURL(outfile).href;
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const ours = (n) => n.callFrame.url === bundleUrl;
const label = (n) => moduleAt[n.callFrame.lineNumber] ?? '(bundle)';
const stageOf = new Map();
/** The stage of a sample: the top frame's module, or for a builtin (JSON.parse, a regexp) the nearest bundle frame's, marked. */
function stage(id) {
  if (stageOf.has(id)) return stageOf.get(id);
  let n = nodes.get(id);
  let s = null;
  if (ours(n)) s = label(n);
  else {
    const top = n.callFrame.functionName || n.callFrame.url.split('/').pop() || '(native)';
    for (let p = n; p; p = nodes.get(parent.get(p.id))) {
      if (ours(p)) {
        s = `${label(p)} [${top === '(garbage collector)' ? 'gc' : top}]`;
        break;
      }
    }
    if (!s && n.callFrame.functionName === '(garbage collector)') s = '(gc)';
  }
  stageOf.set(id, s);
  return s;
}
const byStage = new Map();
const perRun = runs.map((r) => ({ ...r, ms: 0, stages: new Map() }));
let t = profile.startTime;
let ri = 0;
for (let i = 0; i < profile.samples.length; i++) {
  t += profile.timeDeltas[i];
  const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  const s = stage(profile.samples[i]);
  if (!s) continue;
  byStage.set(s, (byStage.get(s) ?? 0) + dt);
  const at = t;
  while (ri < perRun.length && perRun[ri].t1 < at) ri++;
  const r = perRun[ri];
  if (r && r.t0 <= at) {
    r.ms += dt;
    r.stages.set(s, (r.stages.get(s) ?? 0) + dt);
  }
}
const total = [...byStage.values()].reduce((a, b) => a + b, 0);
const top = Number(args.top ?? 40);
console.log(`CPU in the refresh's own stacks over ${runs.length} runs: ${total.toFixed(0)} ms\n`);
console.log('| stage (top of stack) | ms | share |\n| --- | --- | --- |');
for (const [s, ms] of [...byStage].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`| ${s} | ${ms.toFixed(1)} | ${((100 * ms) / total).toFixed(1)} % |`);

const q = (xs, p) => (xs.length ? xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] : 0);
console.log('\n| run kind | runs | process CPU ms p50 / p90 / p99 / max | over 10 ms | sampled ms p50 / max | KV writes |\n| --- | --- | --- | --- | --- | --- |');
const KINDS = ['snapshot merge', 'fetch, news stored', 'held news stored', 'fetch, news held', 'fetch, nothing new', 'nothing due'];
for (const kind of [...KINDS, 'all']) {
  const rs = perRun.filter((r) => kind === 'all' || r.kind === kind);
  const xs = rs.map((r) => r.cpu);
  const ys = rs.map((r) => r.ms);
  console.log(`| ${kind} | ${xs.length} | ${[0.5, 0.9, 0.99, 1].map((p) => q(xs, p).toFixed(1)).join(' / ')} | ${xs.filter((x) => x > 10).length} | ${q(ys, 0.5).toFixed(1)} / ${q(ys, 1).toFixed(1)} | ${rs.reduce((a, r) => a + r.writes, 0)} |`);
}
const over = Number(args.over ?? 10);
for (const kind of KINDS.flatMap((k) => [k, `${k}, over ${over} ms`])) {
  const sum = new Map();
  const rs = perRun.filter((r) => (r.kind === kind || `${r.kind}, over ${over} ms` === kind) && (!kind.endsWith(' ms') || r.cpu > over));
  if (!rs.length) continue;
  for (const r of rs) for (const [s, ms] of r.stages) sum.set(s, (sum.get(s) ?? 0) + ms);
  console.log(`\n${kind} (${rs.length} runs), mean ms a run by stage:`);
  for (const [s, ms] of [...sum].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${(ms / Math.max(1, rs.length)).toFixed(2).padStart(7)}  ${s}`);
}
if (args.each) for (const r of perRun) console.log(r.k, r.kind, r.news, r.cpu.toFixed(1), r.ms.toFixed(1), [...r.stages].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([s, ms]) => `${s} ${ms.toFixed(1)}`).join(", "));
process.exit(0);
