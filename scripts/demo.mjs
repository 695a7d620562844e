// npm run demo: bantin against fixture portals served on 127.0.0.1, so a person
// with no internet sees full feeds in a minute. Its KV is kept apart from npm start's.
import { readFileSync } from 'node:fs';
import { admin, ensureAdminToken, printRefresh, printUrls, startWrangler } from './dev-server.mjs';
import { startOrigin } from './fixture-origin.mjs';

const origin = await startOrigin({ port: Number(process.env.ORIGIN_PORT ?? 8790) });
console.log(`Fixture portals on ${origin.url}`);
const { token } = ensureAdminToken();
const { base } = await startWrangler({
  port: Number(process.env.PORT ?? 8787),
  persistTo: '.wrangler/demo',
  vars: { ALLOW_PRIVATE_SOURCES: 'true' },
});
const catalog = JSON.parse(readFileSync('tests/fixtures/catalog.json', 'utf8').replaceAll('{{ORIGIN}}', origin.url));
await admin(base, token, 'PUT', '/admin/sources', catalog);
console.log(`Loaded ${catalog.length} fixture sources; refreshing...`);
printRefresh(await admin(base, token, 'POST', '/admin/refresh'));
printUrls(base);
