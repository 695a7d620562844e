// Shared by `npm start` and `npm run demo`: wrangler dev with local KV kept on disk,
// an admin token in .dev.vars, a refresh on start, and the URLs to open.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { workerdLogFilter } from './workerd-log.mjs';

/** The ADMIN_TOKEN from .dev.vars, created there if missing. */
export function ensureAdminToken(file = '.dev.vars') {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const found = /^ADMIN_TOKEN\s*=\s*"?([^"\n]+)"?/m.exec(text);
  if (found) return { token: found[1], created: false };
  const token = randomBytes(24).toString('base64url');
  writeFileSync(file, `${text}${text && !text.endsWith('\n') ? '\n' : ''}ADMIN_TOKEN="${token}"\n`);
  return { token, created: true };
}

/** True when nothing listens on 127.0.0.1:port (we could listen there ourselves). */
export function portIsFree(port) {
  return new Promise((ok) => {
    const probe = createServer();
    probe.once('error', () => ok(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => ok(true)));
  });
}

async function freePortAfter(port) {
  for (let p = port + 1; p < port + 50; p++) if (await portIsFree(p)) return p;
  return port + 1;
}

/**
 * Checks every port this script needs before it starts anything. A busy one ends the
 * script with what is busy and how to pick another, and nothing is sent to whatever
 * listens there: it may be another person's bantin.
 * @param {{ port: number, what: string, env: string }[]} wanted
 */
export async function requireFreePorts(wanted, command) {
  const busy = [];
  for (const w of wanted) if (!(await portIsFree(w.port))) busy.push(w);
  if (!busy.length) return;
  for (const w of busy) {
    console.error(`Port ${w.port} (${w.what}) is already in use on 127.0.0.1: another program listens there (another npm start or npm run demo?).`);
  }
  const knobs = [];
  for (const w of busy) knobs.push(`${w.env}=${await freePortAfter(w.port)}`);
  console.error(`Stop it, or pick other ports: ${knobs.join(' ')} ${command}`);
  process.exit(1);
}

export async function waitFor(url, ms = 60_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch {}
    await new Promise((ok) => setTimeout(ok, 300));
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s`);
}

/**
 * Starts wrangler dev and resolves once it answers; the child stays in the foreground.
 * Ready means our own wrangler said so on its output: a server someone else runs on the
 * same port is never taken for ours.
 */
export async function startWrangler({ port = 8787, persistTo = '.wrangler/state', vars = {}, quiet = false } = {}) {
  const args = ['wrangler', 'dev', '--ip', '127.0.0.1', '--port', String(port), '--persist-to', persistTo, '--test-scheduled'];
  for (const [k, v] of Object.entries(vars)) args.push('--var', `${k}:${v}`);
  // Its own process group, so stopping it also stops the workerd it starts.
  // No telemetry, and no fetch of the Request.cf object from the internet: local runs stay local.
  const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', FORCE_COLOR: '0' };
  const child = spawn('npx', args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {}
  };
  // Ctrl+C (or a supervisor's SIGTERM) stops wrangler and workerd, then this script.
  const quit = () => {
    child.once('exit', () => process.exit(0));
    stop();
  };
  process.once('SIGINT', quit);
  process.once('SIGTERM', quit);

  const base = `http://127.0.0.1:${port}`;
  let said;
  const ready = new Promise((ok, fail) => (said = { ok, fail }));
  for (const [stream, out] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ]) {
    const show = workerdLogFilter();
    createInterface({ input: stream }).on('line', (line) => {
      if (line.includes(`Ready on ${base}`)) said.ok();
      if (/EADDRINUSE|Address already in use/.test(line)) said.fail(new Error(`port ${port} is already in use: pick another with PORT=<port>`));
      const shown = show(line);
      if (!quiet && shown !== null) out.write(`${shown}\n`);
    });
  }
  await Promise.race([
    ready.then(() => waitFor(`${base}/api/sources`, 90_000)),
    new Promise((_, fail) => setTimeout(() => fail(new Error('wrangler dev did not say it was ready within 120 s')), 120_000).unref()),
    new Promise((_, fail) => child.once('exit', (code) => fail(new Error(`wrangler dev exited (${code})`)))),
  ]).catch((e) => {
    stop();
    throw e;
  });
  return { base, child, stop };
}

export async function admin(base, token, method, path, body) {
  const r = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await r.json();
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(json)}`);
  return json;
}

export function printRefresh(summary) {
  for (const s of summary.sources) {
    const what = s.outcome === 'failed' ? `failed (${s.code}): ${s.error}` : `${s.outcome}, ${s.newArticles} new`;
    console.log(`  ${s.id.padEnd(24)} ${what}`);
  }
  console.log(`  KV ${summary.kv.reads} reads, ${summary.kv.writes} writes; ${summary.subrequests} subrequests; ${summary.durationMs} ms`);
}

export function printUrls(base) {
  console.log(`
bantin is running on ${base}
  ${base}/              the newest articles (pages in Vietnamese)
  ${base}/sources       every source and its health
  ${base}/embed         the widget builder
  ${base}/admin         admin in the browser (the token is ADMIN_TOKEN in .dev.vars)
  ${base}/feed.rss      RSS 2.0 of every source (also /feed.atom, /feed.json)
  ${base}/api/sources   every source and its health, as JSON
  ${base}/__scheduled?cron=*/15+*+*+*+*   run the cron refresh by hand
Press Ctrl+C to stop.`);
}
