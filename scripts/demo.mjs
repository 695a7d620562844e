// npm run demo: bantin against fixture portals served on 127.0.0.1, so a person
// with no internet sees full feeds in a minute. Its KV is kept apart from npm start's.
import { readFileSync } from 'node:fs';
import { admin, ensureAdminToken, printRefresh, printUrls, requireFreePorts, startWrangler } from './dev-server.mjs';
import { startOrigin } from './fixture-origin.mjs';

const port = Number(process.env.PORT ?? 8787);
const originPort = Number(process.env.ORIGIN_PORT ?? 8790);
await requireFreePorts(
  [
    { port, what: 'bantin', env: 'PORT' },
    { port: originPort, what: 'the fixture portals', env: 'ORIGIN_PORT' },
  ],
  'npm run demo',
);
const origin = await startOrigin({ port: originPort });
console.log(`Fixture portals on ${origin.url}`);
const { token } = ensureAdminToken();
const { base } = await startWrangler({
  port,
  persistTo: '.wrangler/demo',
  vars: { ALLOW_PRIVATE_SOURCES: 'true' },
});
const catalog = JSON.parse(readFileSync('tests/fixtures/catalog.json', 'utf8').replaceAll('{{ORIGIN}}', origin.url));
await admin(base, token, 'PUT', '/admin/sources', catalog);
console.log(`Loaded ${catalog.length} fixture sources; refreshing...`);
printRefresh(await admin(base, token, 'POST', '/admin/refresh'));
console.log(`The admin token is in .dev.vars (ADMIN_TOKEN): admin routes need "Authorization: Bearer <it>".`);
printUrls(base);
