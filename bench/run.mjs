import { existsSync } from 'node:fs';

/**
 * `npm run bench [-- <bench>...] [--iterations=30 --warmup=5 ...]`: runs the named benchmarks
 * (default: those in DEFAULT), each a bench/<name>.mjs exporting `main(options)`; options are
 * the `--key=value` arguments, plus `command`, the command line to print atop the results.
 */
const DEFAULT = ['ingest'];
const NOT_BENCHES = new Set(['run', 'harness']);

const args = process.argv.slice(2);
const names = args.filter((a) => !a.startsWith('--'));
const options = {};
for (const a of args.filter((a) => a.startsWith('--'))) {
  const [key, value] = a.slice(2).split('=');
  options[key] = value === undefined ? true : Number.isNaN(Number(value)) ? value : Number(value);
}
options.command =
  process.env.npm_lifecycle_event === 'bench'
    ? `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`
    : `node bench/run.mjs${args.length ? ` ${args.join(' ')}` : ''}`;

for (const name of names.length ? names : DEFAULT) {
  if (NOT_BENCHES.has(name) || !/^[a-z0-9-]+$/.test(name) || !existsSync(new URL(`./${name}.mjs`, import.meta.url))) {
    console.error(`unknown bench "${name}" (no bench/${name}.mjs); default: ${DEFAULT.join(', ')}`);
    process.exit(2);
  }
  const { main } = await import(`./${name}.mjs`);
  await main(options);
}
