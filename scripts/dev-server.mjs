// Shared by `npm start` and `npm run demo`: wrangler dev with local KV kept on disk,
// an admin token in .dev.vars, a refresh on start, and the URLs to open.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** The ADMIN_TOKEN from .dev.vars, created there if missing. */
export function ensureAdminToken(file = '.dev.vars') {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const found = /^ADMIN_TOKEN\s*=\s*"?([^"\n]+)"?/m.exec(text);
  if (found) return { token: found[1], created: false };
  const token = randomBytes(24).toString('base64url');
  writeFileSync(file, `${text}${text && !text.endsWith('\n') ? '\n' : ''}ADMIN_TOKEN="${token}"\n`);
  return { token, created: true };
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

/** Starts wrangler dev and resolves once it answers; the child stays in the foreground. */
export async function startWrangler({ port = 8787, persistTo = '.wrangler/state', vars = {}, quiet = false } = {}) {
  const args = ['wrangler', 'dev', '--ip', '127.0.0.1', '--port', String(port), '--persist-to', persistTo, '--test-scheduled'];
  for (const [k, v] of Object.entries(vars)) args.push('--var', `${k}:${v}`);
  // Its own process group, so stopping it also stops the workerd it starts.
  // No telemetry, and no fetch of the Request.cf object from the internet: local runs stay local.
  const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' };
  const child = spawn('npx', args, { detached: true, stdio: quiet ? 'ignore' : ['ignore', 'inherit', 'inherit'], env });
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
  await Promise.race([
    waitFor(`${base}/api/sources`, 90_000),
    new Promise((_, fail) => child.once('exit', (code) => fail(new Error(`wrangler dev exited (${code})`)))),
  ]);
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
    const what = s.outcome === 'failed' ? `failed: ${s.error}` : `${s.outcome}, ${s.newArticles} new`;
    console.log(`  ${s.id.padEnd(24)} ${what}`);
  }
  console.log(`  KV ${summary.kv.reads} reads, ${summary.kv.writes} writes; ${summary.subrequests} subrequests; ${summary.durationMs} ms`);
}

export function printUrls(base) {
  console.log(`
bantin is running on ${base}
  ${base}/feed.rss      RSS 2.0 of every source
  ${base}/feed.atom     Atom 1.0
  ${base}/feed.json     JSON Feed 1.1
  ${base}/api/sources   every source and its health
  ${base}/__scheduled?cron=*/15+*+*+*+*   run the cron refresh by hand
Press Ctrl+C to stop.`);
}
