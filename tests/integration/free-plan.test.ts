import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { Env } from '../../src/env';
import { refreshDeps } from '../../src/refresh/from-env';
import { HAND_OVER_MS, newNewsHeld } from '../../src/refresh/held-news';
import { newStateMemory } from '../../src/refresh/kept-state';
import { newItemsSeen } from '../../src/refresh/seen-items';
import { IDLE_WRITE_MS, runRefresh, type RunSummary } from '../../src/refresh/run';
import { DUE_EARLY_MINUTES } from '../../src/refresh/schedule';
import { validateCatalog, type Source } from '../../src/sources/schema';
import { SNAP_ALL } from '../../src/store/keys';
import type { Bucket, Snapshot, StateDoc } from '../../src/store/types';
import wranglerText from '../../wrangler.toml?raw';
import { origin, override } from '../helpers/worker';

// The free plan's profile ([env.free] in wrangler.toml) refreshing a fixture province served
// on 127.0.0.1: its runs each take a bounded slice of the due sources within the subrequest
// budget, snapshots are merged in runs of their own, and every article a portal publishes
// reaches its bucket and the snapshots, whichever slice fetched it. Every run is served by one
// isolate, as a frequent cron's often are: runs that find nothing new write nothing, and the
// isolate remembers when their sources are due. Cloudflare promises no such isolate: with every
// run in a new one, nothing is lost either.

const testEnv = env as unknown as Env;
const MIN = 60_000;
const PREFIX = 'free-plan:';

/** The [env.free.vars] table of wrangler.toml: the profile exactly as deployed. */
function freeVars(): Record<string, string> {
  const section = /^\[env\.free\.vars\]\n([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(wranglerText)?.[1] ?? '';
  return Object.fromEntries([...section.matchAll(/^([A-Z_]+)\s*=\s*"([^"]*)"/gm)].map((m) => [m[1], m[2]]));
}

/** The test KV under a prefix of its own. */
const kv = {
  get: (key: string, type?: unknown) => testEnv.KV.get(PREFIX + key, type as 'text'),
  put: (key: string, value: string) => testEnv.KV.put(PREFIX + key, value),
  delete: (key: string) => testEnv.KV.delete(PREFIX + key),
} as unknown as KVNamespace;

// ---- a fixture province: its portal, its paper, 8 departments, 30 communes ------------------

const PROVINCE = 'lang-son';
const UNITS = [
  { id: 'tinh-lang-son', name: 'Cổng TTĐT tỉnh Lạng Sơn' },
  { id: 'bao-lang-son', name: 'Báo Lạng Sơn' },
  ...['noi-vu', 'tai-chinh', 'xay-dung', 'y-te', 'giao-duc', 'nong-nghiep', 'van-hoa', 'cong-thuong'].map((d) => ({ id: `so-${d}`, name: `Sở ${d} tỉnh Lạng Sơn` })),
  ...Array.from({ length: 30 }, (_, i) => ({ id: `xa-so-${i + 1}`, name: `UBND xã số ${i + 1}` })),
];
const TOPICS = ['chuyển đổi số', 'xây dựng nông thôn mới', 'cải cách hành chính', 'phòng, chống thiên tai', 'an toàn giao thông'];

/** Items published so far, per source, newest last. */
const published = new Map<string, { n: number; at: number }[]>();

function publish(id: string, count: number, at: number) {
  const list = published.get(id) ?? [];
  for (let k = 0; k < count; k++) list.push({ n: list.length + 1, at: at - (count - k) * MIN });
  published.set(id, list);
}

/** A portal's RSS feed: its newest 10 items, newest first, as portals list them. */
function feed(id: string): string {
  const host = `${id}.langson.gov.vn`;
  const items = (published.get(id) ?? [])
    .slice(-10)
    .reverse()
    .map(({ n, at }) => {
      const title = `Tin số ${n} của ${id}: triển khai ${TOPICS[n % TOPICS.length]} năm 2026`;
      return `<item><title>${title}</title><link>https://${host}/tin-tuc/tin-so-${n}.html</link><guid>https://${host}/tin-tuc/tin-so-${n}.html</guid><pubDate>${new Date(at).toUTCString()}</pubDate><description>Bản tin số ${n} về ${TOPICS[n % TOPICS.length]} tại địa phương.</description></item>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${id}</title><link>https://${host}/</link><description>Tin tức</description>${items}</channel></rss>`;
}

const feedPath = (id: string) => `/free-province/${id}/feed.xml`;
const serve = (ids: string[]) => Promise.all(ids.map((id) => override({ path: feedPath(id), body: feed(id), headers: { 'content-type': 'application/rss+xml; charset=utf-8' } })));

async function setUp(): Promise<Source[]> {
  const r = validateCatalog(
    UNITS.map((u) => ({ id: u.id, name: u.name, url: `${origin()}${feedPath(u.id)}`, kind: 'feed', region: { province: PROVINCE }, intervalMinutes: 30 })),
  );
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  await kv.put('catalog', JSON.stringify(r.value));
  return r.value;
}

// ---- runs of the free profile, one every cron tick ------------------------------------------

/** Minutes between the profile's cron runs ([env.free.triggers]: "* * * * *" or "*\/N * * * *"). */
function cronMinutes(): number {
  const cron = /^\[env\.free\.triggers\]\ncrons = \["([^"]+)"\]/m.exec(wranglerText)?.[1] ?? '';
  const m = /^(?:\*|\*\/(\d+)) \* \* \* \*$/.exec(cron);
  if (!m) throw new Error(`unexpected free cron: ${cron}`);
  return Number(m[1] ?? 1);
}

interface Run {
  summary: RunSummary;
  /** Requests this run sent (counted at the fetch it was given). */
  requests: number;
  /** Those of them for a portal's feed (not its site icon). */
  feedRequests: number;
  /** When it ran (simulated). */
  at: number;
  /** Whether its isolate served the run before it (and so may hold news for the next). */
  handedOver: boolean;
}

/** The isolate serving the runs: what it keeps of states, the news it holds, the feed items it read. */
let memory = newStateMemory();
let news = newNewsHeld();
let seen = newItemsSeen();
/** A new isolate (the old one lost): nothing kept, nothing held, no item known. */
function newIsolate() {
  memory = newStateMemory();
  news = newNewsHeld();
  seen = newItemsSeen();
}

let clock = Date.parse('2026-11-27T01:00:00Z');
async function run(): Promise<Run> {
  let requests = 0;
  let feedRequests = 0;
  const counting: typeof fetch = (input, init) => {
    requests++;
    if (String(input instanceof Request ? input.url : input).includes('/free-province/')) feedRequests++;
    return fetch(input, init);
  };
  const vars = freeVars();
  // The fixture origin is on loopback: the test env's permission to reach it stays.
  const at = clock;
  const handedOver = news.lastRun !== undefined && at - news.lastRun <= HAND_OVER_MS;
  const base = refreshDeps({ ...testEnv, ...vars, ALLOW_PRIVATE_SOURCES: testEnv.ALLOW_PRIVATE_SOURCES } as Env);
  const deps = { ...base, kv, fetch: counting, now: () => new Date(at), log: () => {}, memory, ...(base.heldNews ? { heldNews: news } : {}), ...(base.seenItems ? { seenItems: seen } : {}) };
  const summary = await runRefresh(deps);
  clock += cronMinutes() * MIN;
  return { summary, requests, feedRequests, at, handedOver };
}

const bucketIds = async (id: string) => new Set(((await kv.get(`src:${id}`, 'json')) as Bucket | null)?.articles.map((a) => a.url) ?? []);
const snapshotIds = async () => new Set(((await kv.get(SNAP_ALL, 'json')) as Snapshot | null)?.articles.map((a) => a.url) ?? []);
const urlsOf = (id: string) => (published.get(id) ?? []).slice(-10).map(({ n }) => `https://${id}.langson.gov.vn/tin-tuc/tin-so-${n}.html`);

describe('the free profile over a province', () => {
  it('is the profile wrangler.toml deploys: a bounded slice of sources per run, snapshots and news apart', () => {
    const vars = freeVars();
    expect(Number(vars.REFRESH_MAX_SOURCES)).toBeGreaterThan(0);
    expect(Number(vars.MAX_SUBREQUESTS)).toBeLessThanOrEqual(50);
    expect(vars.REFRESH_SNAPSHOTS).toBe('apart');
    expect(vars.REFRESH_NEWS).toBe('apart');
    expect(Number(vars.REFRESH_MAX_NEW)).toBeGreaterThan(0);
    expect(vars.REFRESH_PARSE).toBe('new');
  });

  it('slices the work and loses nothing between slices', async () => {
    const vars = freeVars();
    const maxSources = Number(vars.REFRESH_MAX_SOURCES);
    const maxSubrequests = Number(vars.MAX_SUBREQUESTS);
    const maxNew = Number(vars.REFRESH_MAX_NEW);
    const catalog = await setUp();
    const ids = catalog.map((s) => s.id);
    for (const id of ids) publish(id, 3, clock);
    await serve(ids);

    const runs: Run[] = [];
    const until = async (done: () => Promise<boolean>, limit: number) => {
      for (let i = 0; i < limit && !(await done()); i++) runs.push(await run());
    };
    const allStored = async () => {
      for (const id of ids) {
        const stored = await bucketIds(id);
        if (!urlsOf(id).every((u) => stored.has(u))) return false;
      }
      const snap = await snapshotIds();
      return ids.every((id) => urlsOf(id).every((u) => snap.has(u)));
    };

    // First round: 40 sources due at once with 3 articles each, more than one run may take or store.
    await until(allStored, 200);
    expect(await allStored()).toBe(true);
    const first = runs.length;
    expect(first).toBeGreaterThanOrEqual(Math.ceil(ids.length / maxSources));

    // News on the paper and a few others, mid-slice; then an hour of runs.
    clock += 30 * MIN;
    const busy = ['bao-lang-son', 'tinh-lang-son', 'so-y-te', 'xa-so-7', 'xa-so-30'];
    for (const id of busy) publish(id, id === 'bao-lang-son' ? 4 : 1, clock);
    await serve(busy);
    const before = new Map(await Promise.all(ids.map(async (id) => [id, await bucketIds(id)] as const)));
    // The isolate is lost right after a run that stored part of the paper's news (the rest still
    // held): the rest is fetched again (its validators were kept), not lost.
    let lost = false;
    for (let i = 0; i < 60 && !lost; i++) {
      const r = await run();
      runs.push(r);
      if (r.summary.sources.some((s) => s.newArticles > 0) && news.size > 0) lost = (newIsolate(), true);
    }
    expect(lost).toBe(true);
    await until(allStored, 100);
    expect(await allStored()).toBe(true);

    // Sliced: no run took more sources or sent more requests than the profile allows,
    // and a run that merged snapshots fetched nothing.
    for (const { summary, requests, feedRequests, handedOver } of runs) {
      const fetched = summary.sources.filter((s) => s.outcome !== 'deferred').length;
      expect(fetched).toBeLessThanOrEqual(maxSources);
      expect(requests).toBeLessThanOrEqual(maxSubrequests);
      if (summary.snapshotsWritten.length) expect(summary.sources).toEqual([]);
      // News is stored by a run that fetched nothing, a slice of it at a time; a run that fetched
      // held it. Only a new isolate's first run (or one after a pause) stores what it fetches.
      const added = summary.sources.reduce((n, s) => n + s.newArticles, 0);
      if (handedOver) expect(added).toBeLessThanOrEqual(maxNew);
      if (added && handedOver) expect(feedRequests).toBe(0);
      if (!handedOver) expect(summary.newsHeld ?? 0).toBe(0);
      expect(summary.newIsolate === true).toBe(!handedOver);
      // A run that only merged writes its snapshots and leaves state to the next run.
      if (summary.snapshotsWritten.length) expect(summary.kv.writes).toBe(summary.snapshotsWritten.length);
    }
    expect(runs.some((r) => (r.summary.handedOn ?? 0) > 0)).toBe(true);
    expect(runs.some((r) => (r.summary.newsHeld ?? 0) > 0)).toBe(true);
    expect(runs.filter((r) => !r.handedOver).length).toBeLessThanOrEqual(3);
    // Feeds fetched again were parsed only down to their first known item: the isolate knew them.
    expect(seen.size).toBeGreaterThan(0);

    // Nothing lost: every article stored before is still in its bucket, and the news is in.
    for (const id of ids) {
      const now = await bucketIds(id);
      for (const u of before.get(id)!) expect(now.has(u), `${id} lost ${u}`).toBe(true);
    }
    const stored = (await snapshotIds()).size;
    expect(stored).toBe(ids.length * 3 + 4 + 4);
    // Runs after the last merge find the snapshots holding it; the next that writes state (a
    // fetch, or lastRun's heartbeat) leaves nothing pending.
    clock += IDLE_WRITE_MS;
    runs.push(await run());
    const state = (await kv.get('state', 'json')) as StateDoc;
    expect(state.pending ?? []).toEqual([]);
    for (const id of ids) expect(state.sources[id]?.lastError, id).toBeUndefined();

    // A quiet hour and a half (nothing published): runs that only got 304s write nothing,
    // except once their isolate last wrote IDLE_WRITE_MS ago; every source is still fetched
    // once each interval, from the due times the isolate remembers.
    let lastWrite = memory.writtenAt!;
    const quiet: Run[] = [];
    for (let m = 0; m < 90; m += cronMinutes()) quiet.push(await run());
    let fetchRuns = 0;
    for (const { summary, at, requests } of quiet) {
      const fetched = summary.sources.filter((s) => s.outcome !== 'deferred');
      expect(fetched.length).toBeLessThanOrEqual(maxSources);
      expect(requests).toBeLessThanOrEqual(maxSubrequests);
      expect(fetched.every((s) => s.outcome === 'not-modified')).toBe(true);
      if (fetched.length) fetchRuns++;
      if (summary.kv.writes) {
        expect(summary.kv.writes).toBe(1);
        expect(at - lastWrite).toBeGreaterThanOrEqual(IDLE_WRITE_MS);
        lastWrite = at;
      }
    }
    const quietWrites = quiet.filter((r) => r.summary.kv.writes).length;
    expect(quietWrites).toBeLessThanOrEqual(Math.ceil((90 * MIN) / IDLE_WRITE_MS));
    expect(fetchRuns).toBeGreaterThan(3 * quietWrites);
    const interval = catalog[0].intervalMinutes;
    for (const id of ids) {
      const times = quiet.filter((r) => r.summary.sources.some((s) => s.id === id)).map((r) => r.at);
      expect(times.length, id).toBeGreaterThanOrEqual(Math.floor(90 / interval));
      for (let i = 1; i < times.length; i++) {
        const gap = (times[i] - times[i - 1]) / MIN;
        expect(gap, `${id} fetched again after ${gap} min`).toBeGreaterThanOrEqual(interval - DUE_EARLY_MINUTES);
        expect(gap, `${id} fetched again after ${gap} min`).toBeLessThanOrEqual(interval + DUE_EARLY_MINUTES);
      }
    }
  }, 180_000);
  it('loses nothing when every run is served by a new isolate', async () => {
    // Runs on ever new isolates: each holds nothing for a next run it will not serve, so it stores
    // the news it fetches at once. Held news would be fetched, held and lost again by every run.
    const vars = freeVars();
    const maxSources = Number(vars.REFRESH_MAX_SOURCES);
    const catalog = await setUp();
    const ids = catalog.map((s) => s.id);
    clock += 60 * MIN;
    for (const id of ids) publish(id, 2, clock);
    await serve(ids);
    const runs: Run[] = [];
    const fetchedAt = new Map<string, number[]>();
    for (let i = 0; i < 60; i++) {
      newIsolate();
      const r = await run();
      runs.push(r);
      expect(r.handedOver).toBe(false);
      expect(r.summary.newIsolate).toBe(true);
      expect(r.summary.newsHeld ?? 0).toBe(0);
      expect(r.summary.sources.filter((s) => s.outcome !== 'deferred').length).toBeLessThanOrEqual(maxSources);
      for (const s of r.summary.sources) if (s.outcome !== 'deferred') fetchedAt.set(s.id, [...(fetchedAt.get(s.id) ?? []), r.at]);
    }
    // Within the hour, every source was fetched and every article it published is in its bucket
    // and, merged by the runs after, the new ones are in the snapshots.
    for (const id of ids) {
      expect(fetchedAt.get(id)?.length ?? 0, `${id} never fetched`).toBeGreaterThan(0);
      const stored = await bucketIds(id);
      for (const u of urlsOf(id)) expect(stored.has(u), `${id}: ${u} not stored`).toBe(true);
    }
    // (The snapshots keep the newest SNAPSHOT_CAP articles: this hour's news is among them.)
    const snap = await snapshotIds();
    for (const id of ids) for (const u of urlsOf(id).slice(-2)) expect(snap.has(u), `${id}: ${u} not in the snapshots`).toBe(true);
  }, 180_000);
});
