import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { markdownTable, ms, stats } from './harness.mjs';

/**
 * What the image route's allowlist costs, in node, on the national scale (3,400 sources, each
 * with state, a bucket of 200 articles and images on its own host or a CDN):
 * - at refresh: noting the image hosts of the buckets a run holds and working out the allowlist
 *   (written only when it changed), beside what the run does anyway with the same data:
 *   serializing the state it writes. Ratios in one run;
 * - on the route: KV reads of `img:hosts` for a reader's requests over ten minutes (a page of 20
 *   images every 3 s, and 1 request in 10 for a host not on the list), through the store's memo.
 * Writes bench/results/image-hosts.md.
 *   node bench/image-hosts.mjs [--iterations=30] [--warmup=5]
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = new URL('./results/image-hosts.md', import.meta.url);
const arg = (name, fallback) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const ITERATIONS = arg('iterations', 30);
const WARMUP = arg('warmup', 5);
const SOURCES = 3400;
const HELD = 100; // buckets a queue-mode invocation holds

const dir = mkdtempSync(join(os.tmpdir(), 'bantin-bench-'));
const entry = join(dir, 'entry.ts');
writeFileSync(entry, `export * from '${ROOT}src/refresh/image-hosts.ts';\nexport * from '${ROOT}src/store/image-hosts.ts';\n`);
const outfile = join(dir, 'bundle.mjs');
await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', outfile, nodePaths: [join(ROOT, 'node_modules')], logLevel: 'error' });
const { noteImageHosts, writeAllowedImageHosts, imageHostAllowed } = await import(outfile);
rmSync(dir, { recursive: true, force: true });

/** An in-memory JsonStore that counts like the real one. */
function memoryStore() {
  const map = new Map();
  const counts = { reads: 0, writes: 0 };
  return {
    counts,
    async getText(k) { counts.reads++; return map.get(k) ?? null; },
    async getJson(k) { counts.reads++; const v = map.get(k); return v === undefined ? null : JSON.parse(v); },
    async putJson(k, v) { counts.writes++; map.set(k, JSON.stringify(v)); },
    async delete(k) { counts.writes++; map.delete(k); },
    async listKeys() { return [...map.keys()]; },
  };
}

const catalog = Array.from({ length: SOURCES }, (_, i) => ({ id: `nguon-${i}`, url: `https://xa${i}.tinh${i % 34}.gov.vn/tin-tuc` }));
const state = { version: 1, sources: Object.fromEntries(catalog.map((s, i) => [s.id, { failures: 0, lastSuccess: '2026-11-30T03:00:00.000Z', etag: `"${i}"`, articleCount: 200, ...(i % 5 === 0 ? { imageHosts: [`cdn.tinh${i % 34}.gov.vn`] } : {}) }])) };
const bucketOf = (s, i) => ({ version: 'v', sourceId: s.id, articles: Array.from({ length: 200 }, (_, n) => ({ id: `${i}-${n}`, image: n % 3 ? `https://${new URL(s.url).host}/anh/${n}.jpg` : i % 5 === 0 ? `https://cdn.tinh${i % 34}.gov.vn/${n}.jpg` : undefined })) });
const held = new Map(catalog.slice(0, HELD).map((s, i) => [s.id, bucketOf(s, i)]));

const store = memoryStore();
await writeAllowedImageHosts(store, catalog, state); // the first write
const timed = async (fn) => {
  const t = performance.now();
  await fn();
  return performance.now() - t;
};
const samples = { allowlist: [], serialize: [] };
for (let i = 0; i < ITERATIONS + WARMUP; i++) {
  const a = await timed(async () => {
    noteImageHosts(state, held, catalog);
    await writeAllowedImageHosts(store, catalog, state);
  });
  const b = await timed(async () => JSON.stringify(state));
  if (i >= WARMUP) {
    samples.allowlist.push(a);
    samples.serialize.push(b);
  }
}
const writesUnchanged = store.counts.writes - 1;
const hosts = JSON.parse(await store.getText('img:hosts')).length;

// The route: ten minutes of requests, a page of 20 images every 3 s, one in ten for a refused host.
const route = memoryStore();
await route.putJson('img:hosts', JSON.parse(await store.getText('img:hosts')));
route.counts.writes = 0;
let requests = 0;
const t0 = 10_000_000;
for (let t = t0; t < t0 + 600_000; t += 3000) {
  for (let n = 0; n < 20; n++) {
    requests++;
    await imageHostAllowed(route, n % 10 === 9 ? `anh${n}.example.com` : `xa${n}.tinh${n % 34}.gov.vn`, t + n);
  }
}

const a = stats(samples.allowlist);
const b = stats(samples.serialize);
const rows = [
  ['note the image hosts of 100 held buckets (200 articles each) and work out the allowlist of 3,400 sources', ms(a.median), ms(a.p90), ms(a.min)],
  ['serialize the same state (what the run does anyway to write it)', ms(b.median), ms(b.p90), ms(b.min)],
];
const doc = `\`node bench/image-hosts.mjs\`

# The image route's allowlist: what it costs

${new Date().toISOString().slice(0, 10)}; Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}; ${ITERATIONS} samples after ${WARMUP} warm-ups, ms.

## At refresh

${markdownTable(['what', 'median ms', 'p90 ms', 'min ms'], rows)}

Allowlist ÷ state serialization: ${(a.median / b.median).toFixed(2)}× (median). ${hosts} hosts; \`img:hosts\` ${Buffer.byteLength(await store.getText('img:hosts'))} bytes.
KV writes of \`img:hosts\` in the ${ITERATIONS + WARMUP} runs whose host set did not change: ${writesUnchanged}; KV reads added to a run: 0 (the last version is in \`state\`).

## On the route

${requests} image requests over ten minutes (a page of 20 images every 3 s, 1 in 10 for a host not on the list), none answered from the Cache API: ${route.counts.reads} KV reads of \`img:hosts\` (${(route.counts.reads / requests).toFixed(4)} a request; ${(route.counts.reads / 10).toFixed(1)} a minute).
`;
writeFileSync(RESULTS, doc);
console.log(doc);
