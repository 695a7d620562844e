import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWrangler } from '../scripts/dev-server.mjs';
import { startOrigin } from '../scripts/fixture-origin.mjs';

/**
 * KV cost of refresh runs: the real Worker under `wrangler dev` with its local KV,
 * 12 portals served on 127.0.0.1, refreshed with 12, 0, 1 and 10 changed sources. The run
 * summary counts KV reads, writes and subrequests. Writes bench/results/refresh-kv.md.
 *
 *   node bench/refresh-kv.mjs
 */
const TOKEN = 'bench-token';
const N = 12;
const RESULTS = new URL('./results/refresh-kv.md', import.meta.url);

const rss = (i, items) => `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Cổng ${i}</title><link>https://cong${i}.example.vn/</link><description>x</description>
${Array.from({ length: items }, (_, k) => `<item><title>Tin số ${k} của cổng ${i}</title><link>https://cong${i}.example.vn/tin/${k}.html</link>
<description>Tóm tắt tin số ${k}.</description><pubDate>${new Date(Date.UTC(2026, 10, 1 + k, 2)).toUTCString()}</pubDate></item>`).join('\n')}
</channel></rss>`;

const origin = await startOrigin({ port: 0 });
const persistTo = mkdtempSync(join(tmpdir(), 'bantin-bench-'));
const port = 8800 + Math.floor(Math.random() * 100);
const dev = await startWrangler({ port, persistTo, quiet: true, vars: { ALLOW_PRIVATE_SOURCES: 'true', ADMIN_TOKEN: TOKEN } });
const admin = async (method, path, body) => {
  const r = await fetch(`${dev.base}${path}`, { method, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
  return r.json();
};
const items = Array.from({ length: N }, () => 5);
const publish = async (i) => {
  await fetch(`${origin.url}/__override`, { method: 'POST', body: JSON.stringify({ path: `/bench/s${i}.xml`, body: rss(i, items[i]), headers: { 'content-type': 'application/rss+xml' } }) });
};
try {
  for (let i = 0; i < N; i++) await publish(i);
  const catalog = Array.from({ length: N }, (_, i) => ({
    id: `cong-${i}`,
    name: `Cổng ${i}`,
    url: `${origin.url}/bench/s${i}.xml`,
    kind: 'feed',
    region: i % 2 ? { province: 'thai-nguyen' } : { province: 'bac-kan', district: `huyen-${i % 4}` },
  }));
  await admin('PUT', '/admin/sources', catalog);
  const all = catalog.map((s) => `source=${s.id}`).join('&');
  const rows = [];
  const run = async (label, changed) => {
    for (const i of changed) {
      items[i]++;
      await publish(i);
    }
    const s = await admin('POST', `/admin/refresh?${all}`);
    const by = (o) => s.sources.filter((x) => x.outcome === o).length;
    rows.push(`| ${label} | ${by('updated')} | ${by('not-modified') + by('unchanged')} | ${s.kv.reads} | ${s.kv.writes} | ${s.snapshotsWritten.length} | ${s.subrequests} |`);
  };
  await run('first run (12 new sources)', []);
  await run('0 changed', []);
  await run('1 changed', [3]);
  await run('10 changed', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  const table = [
    '`node bench/refresh-kv.mjs`',
    '',
    '# KV cost of a refresh run',
    '',
    `${new Date().toISOString().slice(0, 10)}; the Worker under \`wrangler dev\` (local KV), ${N} feed sources on 127.0.0.1 in one province and`,
    'its former province (Bắc Kạn, with 2 districts), each run refreshing all 12 (admin refresh). Expected from the',
    'design: writes = 1 (state) + changed buckets + changed snapshots; reads = catalog + state (+ its re-read',
    'before writing) + the bucket of each parsed source + the snapshots it belongs to.',
    '',
    '| run | sources updated | not modified / unchanged | KV reads | KV writes | snapshots written | subrequests |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
  writeFileSync(RESULTS, `${table}\n`);
  console.log(table);
} finally {
  dev.stop();
  await new Promise((ok) => dev.child.once('exit', ok));
  await origin.close();
  rmSync(persistTo, { recursive: true, force: true });
}
