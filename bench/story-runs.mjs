/**
 * Story matching's CPU per refresh run on the free-province's snapshot, before and after a change,
 * side by side in one run: the matcher of a baseline (HEAD's tree with the matcher's files from
 * `--baseline`: match.ts, remembered.ts, snapshot-read.ts) and the working tree's, each bundled
 * as the Worker bundles it. Three cases, as a run meets them:
 *   (a) warm isolate, snapshot unchanged since its last run (a run storing news, snapshots apart);
 *   (b) warm isolate, snapshot changed: two articles in, two out (the last run's news merged);
 *   (c) cold isolate: a new process loads the bundle (script startup, timed apart) and runs, then
 *       its next runs as the snapshot moves on; with STORY_INDEX_PER_RUN's bound and without.
 * And what the bound costs: in a cold isolate's first runs over a stream of news a third of which
 * is republished (tests/helpers/story-stream.ts), how many new articles are given another story
 * than an isolate with its whole index gives them.
 *
 * Run from bench/profile-refresh.mjs --matching (it provides the province's articles). Wall time
 * of runs with no I/O (the store answers from memory), so CPU time but for preemption: medians.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const WORK = join(HERE, '.baseline', 'story-runs');
const MATCHER_FILES = ['src/stories/match.ts', 'src/stories/remembered.ts', 'src/stories/kept.ts', 'src/store/snapshot-read.ts'];
// Snapshots were read as texts (`snapshotTexts`) before they were read as bytes (`snapshotReads`): a baseline may have either.
const ENTRY = "export { storyMatcher } from './src/stories';\nexport * from './src/store/snapshot-read';\n";
const encoder = new TextEncoder();
/** A store holding fixed snapshot texts, read as either kind of snapshot reader reads them. */
const storeOf = (textOf) => ({ getText: async (key) => textOf(key) ?? null, getBytes: async (key) => { const t = textOf(key); return t == null ? null : encoder.encode(t); } });
const readsOf = (lib, store) => lib.storyScopes((lib.snapshotReads ?? lib.snapshotTexts)(store));
const KEYS = ['snap:all', 'snap:p:lang-son'];
const CAP = 200;
/** Runs with news a cold isolate's bound is judged over (the bound of 10 without runs between them fills in 20). */
const NEWS_RUNS = 30;

async function bundle(dir, name, extra = '') {
  const outfile = join(WORK, `${name}.cjs`);
  await build({ stdin: { contents: ENTRY + extra, resolveDir: dir, loader: 'ts' }, bundle: true, format: 'cjs', platform: 'node', outfile, logLevel: 'error' });
  return outfile;
}

/** The baseline's tree: HEAD's src with the matcher's files as they were at `ref`. */
function baselineTree(ref) {
  const dir = join(WORK, 'tree');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['-x', '-C', dir], { input: execFileSync('git', ['archive', 'HEAD', 'src', 'tests/helpers'], { cwd: ROOT, maxBuffer: 1 << 28 }) });
  for (const f of MATCHER_FILES) writeFileSync(join(dir, f), execFileSync('git', ['show', `${ref}:${f}`], { cwd: ROOT, maxBuffer: 1 << 26 }));
  return dir;
}

/** Snapshot texts as the store writes them: the province's newest first, capped; both keys hold the same members (one province). */
function snapshotText(articles, template, version) {
  const members = { ...template.members };
  for (const a of articles.slice(0, 4)) members[a.sourceId] = `${version}`;
  return JSON.stringify({ version: `v${version}`, updated: new Date().toISOString(), members, sources: template.sources, articles });
}

/** One refresh's matching: a matcher over the run's own reads of the snapshots, a few new articles assigned. */
async function run(lib, texts, fresh, options) {
  const store = storeOf((key) => texts[key]);
  const matcher = options ? lib.storyMatcher(readsOf(lib, store), options) : lib.storyMatcher(readsOf(lib, store));
  const copies = fresh.map((a) => ({ ...a, storyId: undefined }));
  const t0 = performance.now();
  await matcher.assign(copies, KEYS);
  return { ms: performance.now() - t0, joined: copies.map((a) => a.storyId) };
}
/** A run's reads: KV gives each run its own string. */
const reads = (text) => Object.fromEntries(KEYS.map((k) => [k, Buffer.from(text).toString()]));

const q = (xs, p) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];

// ------------------------------------------------------------------ a cold isolate (child process)
if (process.argv.includes('--child')) {
  const opt = Object.fromEntries(process.argv.slice(2).filter((a) => a.includes('=')).map((a) => a.replace(/^--/, '').split('=')));
  const data = JSON.parse(readFileSync(opt.data, 'utf8'));
  const t0 = performance.now();
  const lib = createRequire(import.meta.url)(opt.bundle);
  const startup = performance.now() - t0;
  const perRun = opt['per-run'] ? { indexPerRun: Number(opt['per-run']) } : undefined;
  const out = [];
  for (let r = 0; r < Number(opt.runs); r++) {
    const at = data.base - 2 * r;
    const texts = reads(snapshotText(data.all.slice(at, at + CAP), data.template, r));
    out.push((await run(lib, texts, data.all.slice(at - 2, at), perRun)).ms);
  }
  process.stdout.write(JSON.stringify({ startup, runs: out }));
  process.exit(0);
}

/**
 * `all`: the province's articles, newest first (more than 200 + 2 × runs); `template`: a stored
 * snapshot's members and sources. Returns markdown.
 */
export async function storyRuns({ all, template, baseline, samples = 60, coldProcesses = 9, coldRuns = 12, perRun = [10] }) {
  mkdirSync(WORK, { recursive: true });
  const builds = {
    before: await bundle(baselineTree(baseline ?? '9b6fb04'), 'before'),
    after: await bundle(ROOT, 'after', "export { forgetKept } from './src/stories/kept';\nexport { fingerprint } from './src/stories/fingerprint';\nexport { storyStream } from './tests/helpers/story-stream';\n"),
  };
  const libs = Object.fromEntries(Object.entries(builds).map(([k, f]) => [k, createRequire(import.meta.url)(f)]));
  const base = 2 * samples + 40;
  if (all.length < base + CAP) throw new Error(`need ${base + CAP} articles, have ${all.length}`);
  const timeline = (r) => ({ texts: reads(snapshotText(all.slice(base - 2 * r, base - 2 * r + CAP), template, r)), fresh: all.slice(base - 2 * r - 2, base - 2 * r) });

  // Warm: each build's isolate has run 20 times before the samples; builds alternate run by run.
  const warm = { changed: { before: [], after: [] }, unchanged: { before: [], after: [] } };
  for (const [name, lib] of Object.entries(libs)) for (let r = -20; r < 0; r++) {
    const t = timeline(r + 20);
    await run(lib, t.texts, t.fresh);
  }
  const sameText = snapshotText(all.slice(base, base + CAP), template, 'same');
  for (let r = 0; r < samples; r++) {
    const t = timeline(r);
    for (const name of r % 2 ? ['after', 'before'] : ['before', 'after']) warm.changed[name].push((await run(libs[name], t.texts, t.fresh)).ms);
  }
  for (const name of ['before', 'after']) await run(libs[name], reads(sameText), all.slice(base - 2, base));
  for (let r = 0; r < samples; r++) {
    const fresh = all.slice(base - 2 - 2 * (r % 20), base - 2 * (r % 20));
    for (const name of r % 2 ? ['after', 'before'] : ['before', 'after']) warm.unchanged[name].push((await run(libs[name], reads(sameText), fresh)).ms);
  }

  // Cold: a process per sample, builds alternating.
  const dataFile = join(WORK, 'data.json');
  writeFileSync(dataFile, JSON.stringify({ all, template, base: 2 * coldRuns + 4 }));
  const variants = ['before', 'after', ...perRun.map((n) => `bounded ${n}`)];
  const cold = Object.fromEntries(variants.map((v) => [v, []]));
  for (let p = 0; p < coldProcesses; p++) {
    for (const name of variants) {
      const bound = name.startsWith('bounded') ? [`--per-run=${name.split(' ')[1]}`] : [];
      const args = [fileURLToPath(import.meta.url), '--child', `--bundle=${builds[name === 'before' ? 'before' : 'after']}`, `--data=${dataFile}`, `--runs=${coldRuns}`, ...bound];
      const res = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
      if (res.status !== 0) throw new Error(res.stderr);
      cold[name].push(JSON.parse(res.stdout));
    }
  }

  const quality = [];
  for (const n of perRun) for (const idle of [0, 13]) quality.push(await boundCost(libs.after, n, idle));

  const med = (xs) => q(xs, 0.5);
  const fmt = (x) => (x >= 10 ? x.toFixed(1) : x.toFixed(2));
  const row = (label, b, a) => `| ${label} | ${fmt(med(b))} (p90 ${fmt(q(b, 0.9))}) | ${fmt(med(a))} (p90 ${fmt(q(a, 0.9))}) | ${(med(a) / med(b)).toFixed(3)} |`;
  const coldAt = (name, k) => cold[name].map((c) => c.runs[k]);
  const firstRuns = (name, n) => cold[name].map((c) => c.runs.slice(0, n).reduce((x, y) => x + y, 0));
  const lines = [
    `| run (2 new articles; snapshots of ${CAP}, ${(Buffer.byteLength(sameText) / 1024).toFixed(0)} KiB) | before ms, median | after ms, median | after ÷ before |`,
    '| --- | --- | --- | --- |',
    row(`(a) warm isolate, snapshot unchanged (${samples} runs)`, warm.unchanged.before, warm.unchanged.after),
    row(`(b) warm isolate, snapshot changed by 2 in, 2 out (${samples} runs)`, warm.changed.before, warm.changed.after),
    row(`(c) cold isolate, its first run (${coldProcesses} processes)`, coldAt('before', 0), coldAt('after', 0)),
    ...perRun.map((n) => row(`(c) cold isolate, its first run, STORY_INDEX_PER_RUN=${n}`, coldAt('before', 0), coldAt(`bounded ${n}`, 0))),
    row('(c) cold isolate, its second run', coldAt('before', 1), coldAt('after', 1)),
    ...perRun.map((n) => row(`(c) cold isolate, its second run, STORY_INDEX_PER_RUN=${n}`, coldAt('before', 1), coldAt(`bounded ${n}`, 1))),
    row(`(c) cold isolate, the most of its first ${coldRuns} runs`, cold.before.map((c) => Math.max(...c.runs)), cold.after.map((c) => Math.max(...c.runs))),
    ...perRun.map((n) => row(`(c) cold isolate, the most of its first ${coldRuns} runs, STORY_INDEX_PER_RUN=${n}`, cold.before.map((c) => Math.max(...c.runs)), cold[`bounded ${n}`].map((c) => Math.max(...c.runs)))),
    row(`(c) cold isolate, its first ${coldRuns} runs together`, firstRuns('before', coldRuns), firstRuns('after', coldRuns)),
    row('script startup (loading the bundle: regions, rules; after: expressions compiled)', cold.before.map((c) => c.startup), cold.after.map((c) => c.startup)),
  ];
  const keys = precomputedKeys(libs.after, all.slice(base, base + CAP), all.slice(base - 40, base), Buffer.byteLength(sameText));
  const intro = `What the bound costs in matching: a cold isolate's first ${NEWS_RUNS} runs with news (2 new articles each, a snapshot of ${CAP}, tests/helpers/story-stream.ts: a third of the news republished by another portal), against an isolate with its whole index:`;
  return `${lines.join('\n')}\n\n${intro}\n\n${quality.join('\n')}\n\n${keys}`;
}

/**
 * What bounding a cold isolate's indexing costs in matching: over a stream of news (2 new
 * articles a run, a snapshot of 200), an isolate that starts cold at run 0 with a bound and one
 * with its whole index (the unbounded matcher gives what a warm isolate gives, tested): new
 * articles given another story, run by run until the bounded index is whole. Between two runs
 * with news, `idle` runs with none (the free province's cron: 1,440 runs a day, about 100 with
 * news), each making a matcher and so filling the index.
 */
function boundCost(lib, perRun, idle) {
  const stream = lib.storyStream({ seed: 9, count: 520, start: Date.parse('2026-06-01T00:00:00Z') });
  const runs = NEWS_RUNS;
  const startAt = 300;
  const outcome = async (options) => {
    lib.forgetKept();
    const stored = stream.slice(0, startAt).map((a) => ({ ...a }));
    const given = [];
    for (let r = 0; r < runs; r++) {
      const fresh = stream.slice(startAt + 2 * r, startAt + 2 * r + 2).map((a) => ({ ...a }));
      const text = JSON.stringify({ version: `v${r}`, updated: '', members: { a: `${r}` }, sources: {}, articles: stored.slice().reverse().slice(0, CAP) });
      const store = storeOf(() => text);
      await lib.storyMatcher(readsOf(lib, store), options).assign(fresh, ['snap:all']);
      for (let k = 0; k < idle; k++) lib.storyMatcher(readsOf(lib, store), options);
      given.push(...fresh.map((a) => a.storyId));
      stored.push(...fresh);
    }
    return given;
  };
  return (async () => {
    const whole = await outcome({});
    const bounded = await outcome({ indexPerRun: perRun });
    const differ = whole.filter((s, i) => s !== bounded[i]).length;
    const joined = whole.filter(Boolean).length;
    const filling = idle ? `${idle} runs without news between two with news, each indexing ${Math.ceil(perRun / 2)}` : 'no runs without news between them';
    return `- STORY_INDEX_PER_RUN=${perRun}, ${filling}: ${differ} of ${whole.length} new articles given another story than with the whole index (${joined} joined a story with it, ${bounded.filter(Boolean).length} with the bound)`;
  })();
}

/**
 * The alternative weighed: each article stored with its index keys (the features that index it,
 * as 32-bit hashes in base 36), so a cold isolate finds candidates with no fingerprint and
 * fingerprints only those. What it would add to the snapshot (read by every feed request), and
 * how many stored articles a new one's candidates still are (each to fingerprint, cold).
 */
function precomputedKeys(lib, stored, fresh, snapshotBytes) {
  const MIN = 0.5;
  const PER_KEY = 40;
  const WINDOW_MS = 4 * 86_400_000;
  const hash = (s) => {
    let h = 2166136261;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
    return (h >>> 0).toString(36);
  };
  const postings = new Map();
  let added = 0;
  let count = 0;
  for (const a of stored) {
    const keys = [...lib.fingerprint(a.title, a.summary).all].filter(([, w]) => w >= MIN).map(([k]) => k);
    count += keys.length;
    added += `,"keys":"${keys.map(hash).join(' ')}"`.length;
    for (const k of keys) (postings.get(k) ?? postings.set(k, []).get(k)).push(a);
  }
  const sizes = fresh.map((a) => {
    const t = Date.parse(a.published);
    const met = new Set();
    for (const [k, w] of lib.fingerprint(a.title, a.summary).all) {
      if (w < MIN) continue;
      const near = (postings.get(k) ?? []).filter((s) => Math.abs(Date.parse(s.published) - t) <= WINDOW_MS);
      near.sort((x, y) => Math.abs(Date.parse(x.published) - t) - Math.abs(Date.parse(y.published) - t));
      for (const s of near.slice(0, PER_KEY)) met.add(s.id);
    }
    return met.size;
  });
  return `The alternative weighed, index keys stored with each article (${(count / stored.length).toFixed(0)} a article on average, as 32-bit hashes): the snapshot of ${CAP} grows by ${(added / 1024).toFixed(0)} KiB (${((100 * added) / snapshotBytes).toFixed(0)} %, read and parsed by every feed request and merge), and a cold isolate still fingerprints each new article's candidates to score them: ${q(sizes, 0.5)} stored articles for the median new one (p90 ${q(sizes, 0.9)}, of ${CAP}): nearly the whole snapshot, so no fingerprint saved for a larger value on every read. Not taken.`;
}
