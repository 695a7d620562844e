// The load test's engine, shared by `npm run bench:load` (bench/load.mjs) and the light e2e
// test (tests/e2e/load.test.ts): N concurrent readers of the three feeds on a running bantin
// (`wrangler dev` on 127.0.0.1), while admin refreshes run back to back against a fixture
// portal that keeps publishing, so buckets and snapshots are rewritten under the readers.
// Loopback only: the base and the origin must be 127.0.0.1 URLs.
import autocannon from 'autocannon';

export const FEED_PATHS = ['/feed.rss', '/feed.json', '/feed.atom'];

/** A loopback URL, or an error: the load test never sends traffic anywhere else. */
function loopback(url) {
  const u = new URL(url);
  if (u.hostname !== '127.0.0.1') throw new Error(`load test refuses ${url}: only 127.0.0.1`);
  return u;
}

/** The story fixture feed with `n` new items on top (a portal publishing news during the test). */
export function storyWithNews(rss, n) {
  const items = Array.from({ length: n }, (_, i) => {
    const k = n - i;
    return `<item><title>Tin nóng số ${k} trong lúc tải</title><link>https://baobackan.com.vn/tin-nong-${k}-post${9000 + k}.html</link><guid isPermaLink="false">tai-${k}</guid><pubDate>${new Date(Date.UTC(2026, 10, 27, 0, k % 60)).toUTCString()}</pubDate><description>Tin số ${k}.</description></item>`;
  }).join('');
  return rss.replace(/<item[\s>]/, (m) => `${items}${m}`);
}

/**
 * Runs the load and the refreshes together. `admin(method, path)` is an authenticated call to
 * bantin; `publish(n)` makes the fixture portal show its n-th news item.
 */
export async function runLoad({ base, admin, publish, ids, connections = 50, durationSeconds = 10, limit = 50 }) {
  loopback(base);
  const bad = { empty: 0, status: {} };
  const requests = FEED_PATHS.map((path) => ({
    method: 'GET',
    path: `${path}?limit=${limit}`,
    onResponse(status, body) {
      if (status !== 200) bad.status[status] = (bad.status[status] ?? 0) + 1;
      else if (!body || body.length < 200) bad.empty++;
    },
  }));

  // Refreshes one after another until the readers are done, each after the portal published.
  let reading = true;
  const refreshes = [];
  const refresher = (async () => {
    const query = ids.map((id) => `source=${encodeURIComponent(id)}`).join('&');
    for (let n = 1; reading; n++) {
      // At most one a second, as KV allows one write per second to a key (snap:all here).
      if (refreshes.length) await new Promise((ok) => setTimeout(ok, Math.max(0, 1000 - refreshes.at(-1).ms)));
      if (!reading) break;
      await publish(n);
      const started = performance.now();
      const res = await admin('POST', `/admin/refresh?${query}`);
      const summary = res.ok ? await res.json() : { error: `HTTP ${res.status}` };
      refreshes.push({
        ms: Math.round(performance.now() - started),
        ok: res.ok && !summary.error,
        updated: summary.sources?.filter((s) => s.outcome === 'updated').length ?? 0,
        failed: summary.sources?.filter((s) => s.outcome === 'failed').map((s) => `${s.id}: ${s.error}`) ?? [summary.error],
        writes: summary.kv?.writes ?? 0,
      });
    }
  })();

  const result = await autocannon({ url: base, connections, duration: durationSeconds, requests, timeout: 10 });
  reading = false;
  await refresher;

  return {
    connections,
    durationSeconds,
    requests: result.requests.total,
    rps: result.requests.average,
    latency: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    badStatus: bad.status,
    emptyBodies: bad.empty,
    refreshes,
  };
}

/** Every way a request can have gone wrong, summed: the load test wants 0. */
export const failures = (r) => r.errors + r.timeouts + r.non2xx + r.emptyBodies;
