import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { liferayListing, storyListing } from './gen/pages.mjs';
import { ms, stats } from './harness.mjs';

/**
 * Plain text of HTML (what titles and summaries are made of): `cleanText` from
 * src/normalize/text.ts on 200 KiB listing pages, in node. With `--against=<git rev>` the same
 * function of that revision runs side by side, alternating, and the table gives the ratio.
 *   node bench/html-text.mjs [--against=<rev>] [--iterations=40] [--warmup=10]
 */

const KiB = 1024;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NODE_MODULES = join(ROOT, 'node_modules');

/** The module at `file` (TypeScript, with its imports), bundled and loaded. */
async function load(file, dir) {
  const outfile = join(dir, `${Math.random().toString(36).slice(2)}.mjs`);
  await build({ entryPoints: [file], bundle: true, format: 'esm', platform: 'node', outfile, nodePaths: [NODE_MODULES], logLevel: 'error' });
  return import(outfile);
}

/** `src/normalize/` of revision `rev`, written out to `dir`. */
function checkout(rev, dir) {
  const names = execFileSync('git', ['ls-tree', '--name-only', `${rev}:src/normalize`], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
  for (const name of names) writeFileSync(join(dir, name), execFileSync('git', ['show', `${rev}:src/normalize/${name}`], { cwd: ROOT }));
  return join(dir, 'text.ts');
}

/**
 * What is timed, as a function of a text.ts module: the tags-to-text step alone (`htmlToText`;
 * before it, `stripTags` and then `decodeEntities`), and the whole of `cleanText` (NFC, XML-safe
 * characters, spaces).
 */
const FUNCTIONS = [
  ['markup to text', (mod) => mod.htmlToText ?? ((html) => mod.decodeEntities(mod.stripTags(html)))],
  ['cleanText', (mod) => mod.cleanText],
];

/** Milliseconds per call of `fn`, one sample per `batch` calls. */
function sample(fn, batch) {
  const t0 = performance.now();
  for (let i = 0; i < batch; i++) fn();
  return (performance.now() - t0) / batch;
}

export async function main(options = {}) {
  const iterations = options.iterations ?? 40;
  const warmup = options.warmup ?? 10;
  const batch = options.batch ?? 5;
  const dir = mkdtempSync(join(os.tmpdir(), 'bench-html-text-'));
  try {
    const versions = [{ label: 'this tree', mod: await load(join(ROOT, 'src/normalize/text.ts'), dir) }];
    if (options.against) {
      const oldDir = mkdtempSync(join(dir, 'old-'));
      versions.push({ label: String(options.against), mod: await load(checkout(String(options.against), oldDir), dir) });
    }
    const pages = [
      { label: 'Liferay listing', html: liferayListing(200 * KiB).html },
      { label: 'story CMS listing', html: storyListing(200 * KiB).html },
    ];
    const rows = [];
    for (const page of pages) {
      const kib = (Buffer.byteLength(page.html) / KiB).toFixed(0);
      for (const [what, fnOf] of FUNCTIONS) {
        const fns = versions.map((v) => fnOf(v.mod));
        const runs = fns.map((fn) => () => fn(page.html));
        for (let i = 0; i < warmup; i++) for (const run of runs) run();
        const samples = versions.map(() => []);
        for (let i = 0; i < iterations; i++) runs.forEach((run, k) => samples[k].push(sample(run, batch)));
        const m = samples.map((s) => stats(s));
        versions.forEach((v, k) => {
          const ratio = k === 0 ? '' : `${(m[k].median / m[0].median).toFixed(2)}x this tree's time`;
          const chars = fns[k](page.html).length;
          rows.push(`| ${kib} KiB ${page.label}: ${what}, ${v.label} | ${chars} | ${ms(m[k].median)} | ${ms(m[k].p90)} | ${ratio} |`);
        });
      }
    }
    console.log(`\`${options.command ?? 'node bench/html-text.mjs'}\` (node ${process.version}, ${iterations} samples of ${batch} calls after ${warmup} warm-ups)\n`);
    console.log('| case | characters out | median ms | p90 ms | ratio |\n|---|---|---|---|---|');
    console.log(rows.join('\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const options = {};
  for (const a of process.argv.slice(2)) {
    const [key, value] = a.replace(/^--/, '').split('=');
    options[key] = value === undefined ? true : Number.isNaN(Number(value)) ? value : Number(value);
  }
  options.command = `node bench/html-text.mjs${process.argv.length > 2 ? ` ${process.argv.slice(2).join(' ')}` : ''}`;
  await main(options);
}
