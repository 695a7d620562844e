#!/usr/bin/env node
// Imports that go upward in the data's way: a file may import only from its own stage or
// from stages below it. Prints each upward import as "from -> to"; last line "upward N";
// exit 1 when N > 0. Usage: node scripts/upward-imports.mjs [src]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** Lowest first. Root files other than these (app.ts, index.ts, security-headers.ts) are the top. */
const ORDER = [
  ['model.ts', 'env.ts', 'error-text.ts', 'vietnamese.ts', 'bytes.ts'],
  ['regions'],
  ['sources'],
  ['normalize'],
  ['ingest', 'article'],
  ['stories'],
  ['store'],
  ['images'],
  ['refresh'],
  ['serve'],
  ['pages', 'opml'],
  ['widget'],
  ['admin', 'admin-page'],
  ['routes'],
];
const rank = (file) => {
  const first = file.split('/')[0];
  const i = ORDER.findIndex((names) => names.includes(first));
  return i < 0 ? ORDER.length : i;
};

const root = resolve(process.argv[2] ?? 'src');
const files = [];
(function walk(d) {
  for (const n of readdirSync(d)) {
    const p = join(d, n);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.tsx?$/.test(n) && !n.endsWith('.d.ts')) files.push(p);
  }
})(root);
const target = (from, spec) => {
  const base = resolve(dirname(from), spec);
  for (const c of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) if (existsSync(c) && statSync(c).isFile()) return c;
  return null;
};
let upward = 0;
for (const f of files) {
  for (const m of readFileSync(f, 'utf8').matchAll(/(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]/g)) {
    const t = target(f, m[1]);
    if (!t) continue;
    const [a, b] = [relative(root, f), relative(root, t)];
    if (rank(b) > rank(a)) {
      console.log(`${a} -> ${b}`);
      upward++;
    }
  }
}
console.log(`upward ${upward}`);
process.exit(upward ? 1 : 0);
