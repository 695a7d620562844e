// `npm run bench:load [-- --connections=50 --duration=10]` (or `npm run bench -- load`):
// 50 concurrent readers of /feed.rss, /feed.json and /feed.atom on a real `wrangler dev`
// with the fixture catalog, while admin refreshes run against a portal that keeps publishing.
// Everything on 127.0.0.1. Prints requests per second, latency p50/p99 and the error count,
// and writes bench/results/load.md with the command at its top.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startWrangler } from '../scripts/dev-server.mjs';
import { startOrigin } from '../scripts/fixture-origin.mjs';
import { failures, runLoad, storyWithNews } from './load-core.mjs';

const freePort = () =>
  new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });

const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : String(n));

export async function main(options = {}) {
  const connections = Number(options.connections ?? 50);
  const durationSeconds = Number(options.duration ?? 10);
  const command = options.command ?? 'npm run bench:load';
  const out = options.out ?? 'bench/results/load.md';

  const origin = await startOrigin({ port: 0 });
  const persistTo = mkdtempSync(join(tmpdir(), 'bantin-load-'));
  const token = `load-${Math.random().toString(36).slice(2)}`;
  console.log(`fixture portals on ${origin.url}; starting wrangler dev…`);
  const dev = await startWrangler({ port: await freePort(), persistTo, quiet: true, vars: { ALLOW_PRIVATE_SOURCES: 'true', ADMIN_TOKEN: token } });
  const admin = (method, path, body) =>
    fetch(`${dev.base}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

  try {
    const catalog = JSON.parse(readFileSync('tests/fixtures/catalog.json', 'utf8').replaceAll('{{ORIGIN}}', origin.url));
    const put = await admin('PUT', '/admin/sources', catalog);
    if (!put.ok) throw new Error(`catalog refused: ${await put.text()}`);
    const ids = catalog.map((s) => s.id);
    const story = readFileSync('tests/fixtures/story/rss.xml', 'utf8');
    const publish = (n) => fetch(`${origin.url}/__override`, { method: 'POST', body: JSON.stringify({ path: '/story/rss.xml', body: storyWithNews(story, n), headers: { 'content-type': 'application/rss+xml; charset=utf-8' } }) });
    await publish(0);
    const first = await (await admin('POST', `/admin/refresh?${ids.map((id) => `source=${id}`).join('&')}`)).json();
    const articles = (await (await fetch(`${dev.base}/feed.json?limit=500`)).json()).items.length;
    console.log(`first refresh: ${first.sources.filter((s) => s.outcome === 'updated').length} sources, ${articles} articles; ${connections} readers for ${durationSeconds} s…`);

    const r = await runLoad({ base: dev.base, admin, publish, ids, connections, durationSeconds });
    const errors = failures(r);
    const refreshOk = r.refreshes.filter((x) => x.ok).length;
    const lines = [
      `\`${command}\``,
      '',
      '# Load: feeds under concurrent readers while refreshes run',
      '',
      `${new Date().toISOString().slice(0, 10)}; \`wrangler dev\` (local workerd, local KV) on 127.0.0.1, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}.`,
      `${connections} connections for ${durationSeconds} s, cycling /feed.rss, /feed.json and /feed.atom (\`?limit=50\`, no If-None-Match: every answer is a full 200) over the fixture catalog (${ids.length} sources, ${articles} articles).`,
      `Meanwhile admin refreshes of all ${ids.length} sources ran one after another (at most one a second), each after the fixture Báo Bắc Kạn published a new item, so buckets and snapshots were rewritten under the readers.`,
      'The load generator (autocannon) runs on the same machine as wrangler dev: the figures are of this machine, not of Cloudflare\'s edge.',
      '',
      '| figure | value |',
      '| --- | --- |',
      `| requests | ${r.requests} |`,
      `| requests per second (mean) | ${fmt(r.rps)} |`,
      `| latency p50 | ${r.latency.p50} ms |`,
      `| latency p99 | ${r.latency.p99} ms |`,
      `| latency max | ${r.latency.max} ms |`,
      `| errors (connection errors + timeouts + non-2xx + empty bodies) | ${errors} (${r.errors} + ${r.timeouts} + ${r.non2xx} + ${r.emptyBodies}) |`,
      `| refreshes during the load | ${r.refreshes.length} (${refreshOk} ok), ${r.refreshes.reduce((a, x) => a + x.updated, 0)} source updates, median ${median(r.refreshes.map((x) => x.ms))} ms each |`,
      '',
    ];
    const failedRefreshes = r.refreshes.filter((x) => !x.ok || x.failed.length);
    if (failedRefreshes.length) lines.push('Refresh problems:', '', ...failedRefreshes.map((x) => `- ${x.failed.join('; ')}`), '');
    if (Object.keys(r.badStatus).length) lines.push(`Statuses other than 200: ${JSON.stringify(r.badStatus)}`, '');
    mkdirSync('bench/results', { recursive: true });
    writeFileSync(out, `${lines.join('\n')}\n`);
    console.log(`\n${connections} readers, ${durationSeconds} s: ${fmt(r.rps)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${errors} errors; ${r.refreshes.length} refreshes (${refreshOk} ok)`);
    console.log(`written to ${out}`);
    if (errors > 0 || refreshOk === 0) process.exitCode = 1;
    return r;
  } finally {
    dev.stop();
    await new Promise((ok) => (dev.child.exitCode !== null ? ok() : dev.child.once('exit', ok)));
    await origin.close();
    rmSync(persistTo, { recursive: true, force: true });
  }
}

function median(xs) {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const options = {};
  for (const a of args.filter((a) => a.startsWith('--'))) {
    const [key, value] = a.slice(2).split('=');
    options[key] = value ?? true;
  }
  options.command = process.env.npm_lifecycle_event === 'bench:load' ? `npm run bench:load${args.length ? ` -- ${args.join(' ')}` : ''}` : `node bench/load.mjs${args.length ? ` ${args.join(' ')}` : ''}`;
  await main(options);
}
