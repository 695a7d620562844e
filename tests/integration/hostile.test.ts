import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Env } from '../../src/env';
import { refreshDeps } from '../../src/refresh/from-env';
import { runRefresh, type RunSummary, type SourceReport } from '../../src/refresh/run';
import type { Bucket, Snapshot, StateDoc } from '../../src/store/types';
import catalogText from '../fixtures/catalog.json?raw';
import liferayRss from '../fixtures/liferay/rss.xml?raw';
import { call, origin, override } from '../helpers/worker';

// Hostile sources in one run with good ones: 500s, a redirect loop, a PNG, 30 MB,
// one byte a second, a malformed and a truncated feed, and a feed that empties itself after
// its first fetch — all from the loopback fixture origin. The run must end inside its time
// budget, every good source must update, every bad one be reported with its reason (in the
// summary and in the JSON log), and nothing stored be lost.

const testEnv = env as unknown as Env;
const FETCH_TIMEOUT_MS = 1500;
const TIME_BUDGET_MS = 8000;

const good = (JSON.parse(catalogText.replaceAll('{{ORIGIN}}', origin())) as { id: string }[]).map((s) => ({ ...s, intervalMinutes: 5 }));
const flakyPath = `/flaky/${crypto.randomUUID()}.xml`;
const hostile = [
  { id: 'loi-500', path: '/hostile/500', code: 'http', reason: /^HTTP 500 Internal Server Error from / },
  { id: 'vong-lap', path: '/hostile/loop', code: 'redirects', reason: /^redirect loop at .*\/hostile\/loop$/ },
  { id: 'anh-png', path: '/hostile/png', code: 'not-a-feed', reason: /is neither a feed nor an HTML page/ },
  { id: 'qua-lon', path: '/hostile/huge', code: 'too-large', reason: /^body exceeds 5 MiB at / },
  { id: 'nho-giot', path: '/hostile/dribble', code: 'timeout', reason: /^no complete response within 1\.5 s from / },
];
const damaged = [
  { id: 'hong', path: '/broken/malformed.xml' },
  { id: 'cut-ngang', path: '/broken/truncated.xml' },
];
const entry = (id: string, path: string) => ({ id, name: `Nguồn ${id}`, url: `${origin()}${path}`, kind: 'feed', region: { province: 'bac-kan' }, intervalMinutes: 5 });
const catalog = [
  ...good,
  entry('chap-chon', flakyPath),
  ...hostile.map((h) => entry(h.id, h.path)),
  ...damaged.map((d) => entry(d.id, d.path)),
];
const allIds = catalog.map((s) => s.id);
const keptIds = [...good.map((s) => s.id), 'chap-chon'];

const logs: Record<string, unknown>[] = [];
const deps = () => ({ ...refreshDeps(testEnv), fetchTimeoutMs: FETCH_TIMEOUT_MS, timeBudgetMs: TIME_BUDGET_MS, log: (e: Record<string, unknown>) => logs.push(e) });
const bucketIds = async (id: string) => ((await testEnv.KV.get<Bucket>(`src:${id}`, 'json'))?.articles ?? []).map((a) => a.id).sort();
/**
 * Sets an answer on the shared fixture origin and checks it took: another test file may
 * reset the origin's overrides at any moment, so this is done right before each run.
 */
async function serve(path: string, body: string) {
  for (let i = 0; i < 5; i++) {
    await override({ path, body, headers: { 'content-type': 'application/rss+xml; charset=utf-8' } });
    if ((await (await fetch(`${origin()}${path}`)).text()) === body) return;
  }
  throw new Error(`the fixture origin does not keep ${path}`);
}
const report = (s: RunSummary, id: string) => s.sources.find((r) => r.id === id) as SourceReport;

let first: RunSummary;
let second: RunSummary;
const before = new Map<string, string[]>();
const after = new Map<string, string[]>();

describe('a refresh with hostile sources among good ones', () => {
  beforeAll(async () => {
    const put = await call('/admin/sources', { method: 'PUT', headers: { authorization: 'Bearer test-admin-token' }, body: JSON.stringify(catalog) });
    if (put.status !== 200) throw new Error(await put.text());
    await serve(flakyPath, liferayRss);
    first = await runRefresh(deps());
    for (const id of keptIds) before.set(id, await bucketIds(id));

    // The flaky feed now answers with an empty channel; every source is fetched again.
    await serve(flakyPath, '<?xml version="1.0"?><rss version="2.0"><channel><title>Trống</title></channel></rss>');
    second = await runRefresh(deps(), { only: allIds });
    for (const id of keptIds) after.set(id, await bucketIds(id));
    console.log(
      JSON.stringify({
        hostileRun: {
          durationMs: [first.durationMs, second.durationMs],
          failed: second.sources.filter((s) => s.outcome === 'failed').map((s) => ({ id: s.id, code: s.code, reason: s.error })),
          warnings: second.sources.filter((s) => s.warning).map((s) => ({ id: s.id, outcome: s.outcome, warning: s.warning })),
          articles: Object.fromEntries(keptIds.map((id) => [id, { before: before.get(id)!.length, after: after.get(id)!.length }])),
        },
      }),
    );
  }, 60_000);

  it('finishes each run inside its time budget, with every source attempted', () => {
    for (const s of [first, second]) {
      expect(s.durationMs).toBeLessThan(TIME_BUDGET_MS);
      expect(s.sources.map((r) => r.id).sort()).toEqual([...allIds].sort());
      expect(s.sources.filter((r) => r.outcome === 'deferred')).toEqual([]);
    }
  });

  it('updates every good source and the flaky one on the first run', () => {
    for (const id of keptIds) {
      expect({ id, outcome: report(first, id).outcome }).toEqual({ id, outcome: 'updated' });
      expect(before.get(id)!.length).toBeGreaterThan(0);
    }
  });

  it.each(hostile)('reports $id as failed with its reason, in the summary and the JSON log', ({ id, code, reason }) => {
    for (const s of [first, second]) {
      const r = report(s, id);
      expect(r).toMatchObject({ outcome: 'failed', code });
      expect(r.error).toMatch(reason);
    }
    const logged = logs.filter((l) => l.event === 'source-failed' && l.source === id);
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatchObject({ level: 'warn', code, reason: expect.stringMatching(reason) });
  });

  it('keeps what it can of a damaged feed and says it is damaged', async () => {
    for (const { id } of damaged) {
      expect(report(first, id)).toMatchObject({ outcome: 'updated', partial: true, warning: expect.stringMatching(/damaged feed/) });
      expect((await bucketIds(id)).length).toBeGreaterThan(0);
    }
  });

  it('loses nothing when the flaky feed empties itself, and says the fetch yielded nothing', () => {
    expect(report(second, 'chap-chon')).toMatchObject({ outcome: 'unchanged', warning: expect.stringMatching(/no articles/) });
    for (const id of keptIds) expect({ id, articles: after.get(id) }).toEqual({ id, articles: before.get(id) });
  });

  it('still serves every kept article, and shows each failure in /api/sources', async () => {
    const snap = (await testEnv.KV.get<Snapshot>('snap:all', 'json'))!;
    const served = new Set(snap.articles.map((a) => a.id));
    for (const id of keptIds) for (const a of before.get(id)!) expect(served.has(a)).toBe(true);
    const state = (await testEnv.KV.get<StateDoc>('state', 'json'))!;
    for (const { id } of hostile) expect(state.sources[id]).toMatchObject({ failures: 2, lastOutcome: 'failed' });
    for (const id of keptIds) expect(state.sources[id].failures).toBe(0);
    const api = (await (await call('/api/sources')).json()) as { sources: { id: string; health: { lastError: string | null; consecutiveFailures: number } }[] };
    for (const { id, reason } of hostile) {
      const h = api.sources.find((s) => s.id === id)!.health;
      expect(h.consecutiveFailures).toBe(2);
      expect(h.lastError).toMatch(reason);
    }
  });
});
