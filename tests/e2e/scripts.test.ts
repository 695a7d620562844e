import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: plain ES module scripts shared with npm start / npm run demo
import { workerdLogFilter } from '../../scripts/workerd-log.mjs';

/** A listener that stands for someone else's server, and counts who talks to it. */
async function occupied(): Promise<{ port: number; connections: () => number; server: Server }> {
  let n = 0;
  const server = createServer((socket) => {
    n++;
    socket.destroy();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { port: (server.address() as { port: number }).port, connections: () => n, server };
}

async function freePort(): Promise<number> {
  const s = await occupied();
  await new Promise((ok) => s.server.close(ok));
  return s.port;
}

function runScript(script: string, env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((ok) => {
    const child = spawn('node', [script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.once('exit', (code) => ok({ code, out }));
  });
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((ok) => s.close(ok))));
});

describe('npm start and npm run demo check their ports first', () => {
  it('npm run demo: a busy bantin port is named with the PORT knob, and the server there is never contacted', async () => {
    const busy = await occupied();
    servers.push(busy.server);
    const r = await runScript('scripts/demo.mjs', { PORT: String(busy.port), ORIGIN_PORT: String(await freePort()) });
    expect(r.code).toBe(1);
    expect(r.out).toContain(`Port ${busy.port} (bantin) is already in use`);
    expect(r.out).toMatch(/pick other ports: PORT=\d+ npm run demo/);
    expect(r.out).not.toContain('bantin is running');
    expect(r.out).not.toContain('EADDRINUSE');
    expect(busy.connections()).toBe(0);
  });

  it('npm run demo: a busy fixture origin port is named with ORIGIN_PORT, not a bare EADDRINUSE stack', async () => {
    const busy = await occupied();
    servers.push(busy.server);
    const r = await runScript('scripts/demo.mjs', { PORT: String(await freePort()), ORIGIN_PORT: String(busy.port) });
    expect(r.code).toBe(1);
    expect(r.out).toContain(`Port ${busy.port} (the fixture portals) is already in use`);
    expect(r.out).toMatch(/ORIGIN_PORT=\d+ npm run demo/);
    expect(r.out).not.toMatch(/EADDRINUSE|at .*\.mjs:\d+/);
    expect(busy.connections()).toBe(0);
  });

  it('npm start: a busy port is named with the PORT knob', async () => {
    const busy = await occupied();
    servers.push(busy.server);
    const r = await runScript('scripts/start.mjs', { PORT: String(busy.port) });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`Port ${busy.port} \\(bantin\\) is already in use[^]*PORT=\\d+ npm start`));
    expect(busy.connections()).toBe(0);
  });
});

describe("workerd's stack dumps for unreachable portals", () => {
  it('become one line per failure, other lines pass unchanged', () => {
    const show: (line: string) => string | null = workerdLogFilter();
    const lines = [
      '[wrangler:info] POST /admin/refresh 200 OK (116ms)',
      '\u001b[31m✘ \u001b[41;31m[\u001b[41;97mERROR\u001b[41;31m]\u001b[0m \u001b[1me = kj/async-io-unix.c++:1298: failed: DNS lookup failed.; params.host = cong.example.invalid; params.service = ; gai_strerror(status) = Name or service not known\u001b[0m',
      '',
      '  stack: /x/workerd@51f50be /x/workerd@51f5bb0; sentryErrorContext = jsgInternalError; wdErrId = 96gmfbk1',
      '',
      '',
      '{"level":"warn","event":"source-failed","source":"dns","code":"dns"}',
    ];
    expect(lines.map((l) => show(l)).filter((l) => l !== null)).toEqual([
      lines[0],
      '  workerd: DNS lookup failed (cong.example.invalid)',
      lines[6],
    ]);
  });
});
