// npm start: the aggregator locally (wrangler dev, local KV under .wrangler/), the
// bundled catalog of real portals, a refresh on start, and the URLs to open.
import { admin, ensureAdminToken, printRefresh, printUrls, requireFreePorts, startWrangler } from './dev-server.mjs';

const port = Number(process.env.PORT ?? 8787);
await requireFreePorts([{ port, what: 'bantin', env: 'PORT' }], 'npm start');
const { token, created } = ensureAdminToken();
if (created) console.log(`Created an ADMIN_TOKEN in .dev.vars (admin routes need "Authorization: Bearer ${token}").`);
const { base } = await startWrangler({ port });
console.log('Refreshing the bundled catalog (real portals: without internet they are reported as failed)...');
try {
  printRefresh(await admin(base, token, 'POST', '/admin/refresh'));
} catch (e) {
  console.log(`  refresh on start failed: ${e.message}`);
}
printUrls(base);
