import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error: plain ES module scripts shared with npm start / npm run demo
import { startWrangler } from '../../scripts/dev-server.mjs';
// @ts-expect-error: idem
import { startOrigin } from '../../scripts/fixture-origin.mjs';

export const TOKEN = 'e2e-admin-token';

async function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

export interface Running {
  base: string;
  origin: string;
  admin(method: string, path: string, body?: unknown): Promise<Response>;
  stop(): Promise<void>;
}

/** The fixture portals and a real `wrangler dev` with its own fresh local KV. */
export async function startBantin(catalogFile = 'tests/fixtures/catalog.json'): Promise<Running> {
  const origin = await startOrigin({ port: 0 });
  const persistTo = mkdtempSync(join(tmpdir(), 'bantin-e2e-'));
  const dev = await startWrangler({ port: await freePort(), persistTo, quiet: true, vars: { ALLOW_PRIVATE_SOURCES: 'true', ADMIN_TOKEN: TOKEN } });
  const admin = (method: string, path: string, body?: unknown) =>
    fetch(`${dev.base}${path}`, { method, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const catalog = JSON.parse(readFileSync(catalogFile, 'utf8').replaceAll('{{ORIGIN}}', origin.url));
  const put = await admin('PUT', '/admin/sources', catalog);
  if (!put.ok) throw new Error(`catalog refused: ${await put.text()}`);
  return {
    base: dev.base,
    origin: origin.url,
    admin,
    async stop() {
      dev.stop();
      await new Promise((ok) => dev.child.once('exit', ok));
      await origin.close();
      rmSync(persistTo, { recursive: true, force: true });
    },
  };
}
