import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { Env } from '../../src/env';
import { refreshDeps } from '../../src/refresh/from-env';
import { IDLE_WRITE_MS, runRefresh, type RefreshDeps, type RunSummary } from '../../src/refresh/run';
import { validateCatalog, type Source } from '../../src/sources/schema';
import { snapshotKeysFor } from '../../src/store/snapshot';
import type { Bucket, Snapshot, StateDoc } from '../../src/store/types';
import catalogText from '../fixtures/catalog.json?raw';
import storyRss from '../fixtures/story/rss.xml?raw';
import wordpressFeed from '../fixtures/wordpress/feed.xml?raw';
import { origin } from '../helpers/worker';

// Faults: a KV write that fails part way, KV writes that all fail after a point, a
// run killed half way, and two runs at once — each against the real local KV, each in its own
// key prefix so the scenarios do not see each other. The rule checked everywhere: nothing
// stored before is lost, and after the next run buckets, snapshots and state agree again.

const testEnv = env as unknown as Env;
const HOUR = 3_600_000;

// ---- KV wrappers -------------------------------------------------------------------------

interface KvHooks {
  /** Called before each put with its key and 1-based number; may throw (a failed write) or wait. */
  beforePut?: (key: string, n: number) => void | Promise<void>;
  afterGet?: (key: string) => void;
}

/** The test KV seen through a key prefix, with hooks to inject faults. */
function kvView(prefix: string, hooks: KvHooks = {}) {
  let puts = 0;
  let frozen = false;
  const never = new Promise<never>(() => {});
  const kv = {
    async get(key: string, type?: unknown) {
      if (frozen) return never;
      const v = await testEnv.KV.get(prefix + key, type as 'text');
      hooks.afterGet?.(key);
      return v;
    },
    async put(key: string, value: string) {
      if (frozen) return never;
      await hooks.beforePut?.(key, ++puts);
      if (frozen) return never;
      return testEnv.KV.put(prefix + key, value);
    },
    async delete(key: string) {
      return testEnv.KV.delete(prefix + key);
    },
  } as unknown as KVNamespace;
  return {
    kv,
    /** From now on every KV call hangs: the isolate is gone, nothing more reaches KV. */
    kill: () => {
      frozen = true;
    },
    puts: () => puts,
  };
}

const injected = () => new Error('KV put failed (injected): 503 Service Unavailable');

// ---- the world the runs see ---------------------------------------------------------------

const catalogInput = () => JSON.parse(catalogText.replaceAll('{{ORIGIN}}', origin())) as { id: string; url: string }[];
const CHANGING = ['khuyennong-backan', 'baobackan']; // wordpress and story feeds, both in bac-kan

/** The fixture feed with `n` new items on top, as a portal publishing news. */
function withNews(feed: string, site: string, n: number): string {
  const items = Array.from({ length: n }, (_, i) => {
    const k = n - i;
    return `<item><title>Tin mới số ${k}: hội nghị triển khai nhiệm vụ năm 2027</title><link>https://${site}/tin-moi-${k}.html</link><guid isPermaLink="false">${site}-moi-${k}</guid><pubDate>Fri, 27 Nov 2026 0${k % 10}:00:00 +0700</pubDate><description>Nội dung tin mới số ${k}.</description></item>`;
  }).join('');
  return feed.replace(/<item[\s>]/, (m) => `${items}${m}`);
}

/**
 * Fetch through the loopback origin, except that the two changing portals answer with
 * `news` new items (0 = as in the fixtures), and `hang` never answers.
 */
function world(opts: { news?: number; hang?: string } = {}): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (opts.hang && url.endsWith(opts.hang)) return new Promise<Response>(() => {});
    if (opts.news && url.endsWith('/wordpress/feed.xml')) return new Response(withNews(wordpressFeed, 'khuyennong.backan.gov.vn', opts.news), { headers: { 'content-type': 'application/rss+xml' } });
    if (opts.news && url.endsWith('/story/rss.xml')) return new Response(withNews(storyRss, 'baobackan.com.vn', opts.news), { headers: { 'content-type': 'application/rss+xml' } });
    return fetch(input, init);
  }) as typeof fetch;
}

let clock = Date.parse('2026-11-27T03:00:00Z');
function deps(kv: KVNamespace, over: Partial<RefreshDeps> & { at?: number } = {}): RefreshDeps {
  const at = over.at ?? clock;
  return { ...refreshDeps(testEnv), kv, fetch: world(), now: () => new Date(at), log: () => {}, ...over };
}

async function setUp(prefix: string, ids?: string[]): Promise<{ view: ReturnType<typeof kvView>; catalog: Source[] }> {
  const view = kvView(prefix);
  const input = catalogInput().filter((s) => !ids || ids.includes(s.id));
  const r = validateCatalog(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  await view.kv.put('catalog', JSON.stringify(r.value));
  return { view, catalog: r.value };
}

// ---- what is stored ----------------------------------------------------------------------

const getJson = <T>(prefix: string, key: string) => testEnv.KV.get<T>(prefix + key, 'json');

/** Article ids stored per key (buckets and snapshots). */
async function stored(prefix: string, catalog: Source[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  const keys = new Set(catalog.flatMap((s) => [`src:${s.id}`, ...snapshotKeysFor(s.region)]));
  for (const key of keys) {
    const v = await getJson<Bucket | Snapshot>(prefix, key);
    out.set(key, new Set((v?.articles ?? []).map((a) => a.id)));
  }
  return out;
}

/** What was stored before and is not any more (must be nothing). */
function lost(before: Map<string, Set<string>>, after: Map<string, Set<string>>): string[] {
  const out: string[] = [];
  for (const [key, ids] of before) for (const id of ids) if (!after.get(key)?.has(id)) out.push(`${key} lost ${id}`);
  return out;
}

/** Where buckets, snapshots and state disagree (must be nothing once repaired). */
async function disagreements(prefix: string, catalog: Source[]): Promise<string[]> {
  const out: string[] = [];
  const state = await getJson<StateDoc>(prefix, 'state');
  for (const s of catalog) {
    const bucket = await getJson<Bucket>(prefix, `src:${s.id}`);
    if (!bucket) {
      out.push(`${s.id}: no bucket`);
      continue;
    }
    const ids = bucket.articles.map((a) => a.id);
    if (new Set(ids).size !== ids.length) out.push(`${s.id}: duplicate articles in its bucket`);
    if (state?.sources[s.id]?.articleCount !== ids.length) out.push(`${s.id}: state counts ${state?.sources[s.id]?.articleCount}, bucket holds ${ids.length}`);
    for (const key of snapshotKeysFor(s.region)) {
      const snap = await getJson<Snapshot>(prefix, key);
      if (snap?.members[s.id] !== bucket.version) out.push(`${key}: member ${s.id} at ${snap?.members[s.id]}, bucket at ${bucket.version}`);
      const inSnap = new Set(snap?.articles.map((a) => a.id));
      const missing = ids.filter((id) => !inSnap.has(id));
      if (missing.length) out.push(`${key}: ${missing.length} articles of ${s.id} missing`);
      if (snap && new Set(snap.articles.map((a) => a.id)).size !== snap.articles.length) out.push(`${key}: duplicate articles`);
    }
  }
  return [...new Set(out)];
}

// ---- (b) a write that fails part way, and every write after a point ---------------------------

describe('a KV write that fails part way through a run', () => {
  // Run 2 changes two sources: its puts are 2 buckets, snap:all, snap:p:bac-kan, state (5).
  const PUTS = [1, 2, 3, 4, 5];

  it.each(PUTS)('loses nothing when put #%i of the run fails, and the next run repairs it', async (n) => {
    const prefix = `fail-one-${n}:`;
    const { catalog } = await setUp(prefix);
    const first = await runRefresh(deps(kvView(prefix).kv));
    expect(first.sources.every((s) => s.outcome === 'updated')).toBe(true);
    const before = await stored(prefix, catalog);

    const faulty = kvView(prefix, {
      beforePut: (_key, i) => {
        if (i === n) throw injected();
      },
    });
    const second = await runRefresh(deps(faulty.kv, { fetch: world({ news: 2 }), at: clock + HOUR }));
    const failedKey = { 1: 'a bucket', 2: 'a bucket', 3: 'snap:all', 4: 'snap:p:bac-kan', 5: 'state' }[n];
    if (failedKey === 'a bucket') {
      expect(second.sources.filter((s) => s.outcome === 'failed')).toEqual([expect.objectContaining({ code: 'store', error: expect.stringMatching(/^storing failed: KV put failed \(injected\)/) })]);
    } else if (failedKey === 'state') {
      expect(second.error).toMatch(/^state not written: KV put failed \(injected\)/);
    } else {
      expect(second.snapshotsWritten).not.toContain(failedKey);
    }
    expect(lost(before, await stored(prefix, catalog))).toEqual([]);

    // The next run, once the failed source's backoff has passed, puts everything right.
    const third = await runRefresh(deps(kvView(prefix).kv, { fetch: world({ news: 2 }), at: clock + 8 * HOUR }));
    expect(third.error).toBeUndefined();
    expect(await disagreements(prefix, catalog)).toEqual([]);
    const after = await stored(prefix, catalog);
    expect(lost(before, after)).toEqual([]);
    for (const id of CHANGING) expect(after.get(`src:${id}`)!.size).toBe(before.get(`src:${id}`)!.size + 2);
    expect(after.get('snap:all')!.size).toBe(before.get('snap:all')!.size + 4);
  });

  it.each([0, 1, 2, 3, 4])('loses nothing when every put after the first %i fails, and the next run repairs it', async (x) => {
    const prefix = `fail-after-${x}:`;
    const { catalog } = await setUp(prefix);
    await runRefresh(deps(kvView(prefix).kv));
    const before = await stored(prefix, catalog);
    const faulty = kvView(prefix, {
      beforePut: (_key, i) => {
        if (i > x) throw injected();
      },
    });
    const second = await runRefresh(deps(faulty.kv, { fetch: world({ news: 3 }), at: clock + HOUR }));
    expect(second.error).toMatch(/state not written/);
    expect(lost(before, await stored(prefix, catalog))).toEqual([]);

    await runRefresh(deps(kvView(prefix).kv, { fetch: world({ news: 3 }), at: clock + 8 * HOUR }));
    expect(await disagreements(prefix, catalog)).toEqual([]);
    const after = await stored(prefix, catalog);
    for (const id of CHANGING) expect(after.get(`src:${id}`)!.size).toBe(before.get(`src:${id}`)!.size + 3);
  });
});

// ---- (d) a run killed half way -----------------------------------------------------------------

describe('a run killed half way', () => {
  it('loses nothing stored before when one fetch never returns and the run is abandoned', async () => {
    const prefix = 'killed:';
    const { catalog } = await setUp(prefix);
    await runRefresh(deps(kvView(prefix).kv));
    const before = await stored(prefix, catalog);
    const stateBefore = await testEnv.KV.get(`${prefix}state`, 'text');

    // Run 2: the two changing portals publish news, and Chợ Đồn's portal never answers.
    const updated: string[] = [];
    const doomed = kvView(prefix);
    const abandoned: Promise<RunSummary> = runRefresh(
      deps(doomed.kv, {
        fetch: world({ news: 2, hang: '/liferay/rss.xml' }),
        fetchTimeoutMs: 10 * 60_000,
        timeBudgetMs: 20 * 60_000,
        at: clock + HOUR,
        log: (e) => {
          if (e.event === 'source-updated') updated.push(String(e.source));
        },
      }),
    );
    // Every other source is done (the changing ones wrote their buckets); then the isolate dies.
    for (let i = 0; i < 200 && updated.length < CHANGING.length; i++) await new Promise((r) => setTimeout(r, 25));
    expect(updated.sort()).toEqual([...CHANGING].sort());
    doomed.kill();
    void abandoned;

    const atKill = await stored(prefix, catalog);
    expect(lost(before, atKill)).toEqual([]);
    for (const id of CHANGING) expect(atKill.get(`src:${id}`)!.size).toBe(before.get(`src:${id}`)!.size + 2);
    expect(await testEnv.KV.get(`${prefix}state`, 'text')).toBe(stateBefore); // state is written last: never reached

    // The next run in which those sources are due again repairs the snapshots.
    const next = await runRefresh(deps(kvView(prefix).kv, { fetch: world({ news: 2 }), at: clock + 2 * HOUR }));
    expect(next.sources.find((s) => s.id === 'cho-don')!.outcome).not.toBe('failed');
    expect(await disagreements(prefix, catalog)).toEqual([]);
    expect(lost(before, await stored(prefix, catalog))).toEqual([]);
  });
});

// ---- (c) two runs at once --------------------------------------------------------------------

describe('two refresh runs at once', () => {
  it('two full runs started together store each article once, and agree after the next run', async () => {
    const prefix = 'overlap-full:';
    const { catalog } = await setUp(prefix);
    const solo = await setUp('overlap-solo:');
    await runRefresh(deps(kvView('overlap-solo:').kv));
    const expected = await stored('overlap-solo:', solo.catalog);

    const [a, b] = await Promise.all([runRefresh(deps(kvView(prefix).kv)), runRefresh(deps(kvView(prefix).kv))]);
    for (const s of [a, b]) expect(s.sources.every((r) => r.outcome === 'updated' || r.outcome === 'unchanged')).toBe(true);
    const afterPair = await stored(prefix, catalog);
    for (const [key, ids] of expected) expect({ key, n: afterPair.get(key)!.size }).toEqual({ key, n: ids.size });
    const state = (await getJson<StateDoc>(prefix, 'state'))!;
    expect(Object.keys(state.sources).sort()).toEqual(catalog.map((s) => s.id).sort());
    for (const s of catalog) expect(state.sources[s.id].failures).toBe(0);
    // Whatever the two disagree on is left for the next run to check (pending or refetched).
    const unsettled = new Set([...(state.pending ?? []), ...(a.overlapped ?? []), ...(b.overlapped ?? [])]);
    for (const d of await disagreements(prefix, catalog)) expect(catalog.some((s) => d.includes(s.id) && unsettled.has(s.id))).toBe(true);

    await runRefresh(deps(kvView(prefix).kv, { at: clock + HOUR }));
    expect(await disagreements(prefix, catalog)).toEqual([]);
    const afterNext = await stored(prefix, catalog);
    for (const [key, ids] of expected) expect({ key, n: afterNext.get(key)!.size }).toEqual({ key, n: ids.size });
  });

  it('a cron run and an admin refresh that overwrite each other\'s snapshot and state are repaired', async () => {
    const prefix = 'overlap-race:';
    const [X, Y] = CHANGING; // both in snap:all and snap:p:bac-kan
    const { catalog } = await setUp(prefix, [X, Y]);

    // Forced interleaving: A reads snap:all, B then writes it and finishes (state too),
    // and only then does A write snap:all from what it read — B's update of it is lost —
    // and then A writes its state after B's.
    let aReadSnapAll!: () => void;
    const aRead = new Promise<void>((r) => (aReadSnapAll = r));
    let bDone!: () => void;
    const bFinished = new Promise<void>((r) => (bDone = r));
    let aWroteBucket = false; // snap:all is also read earlier (story matching): wait for the snapshot merge's read
    const viewA = kvView(prefix, {
      afterGet: (key) => key === 'snap:all' && aWroteBucket && aReadSnapAll(),
      beforePut: async (key) => {
        if (key.startsWith('src:')) aWroteBucket = true;
        if (key === 'snap:all') await bFinished;
      },
    });
    const viewB = kvView(prefix, {
      beforePut: async (key) => {
        if (key === 'snap:all') await aRead;
      },
    });
    const runA = runRefresh(deps(viewA.kv), { only: [X] });
    const runB = runRefresh(deps(viewB.kv), { only: [Y] }).finally(() => bDone());
    const [a, b] = await Promise.all([runA, runB]);
    expect(a.snapshotsWritten).toContain('snap:all');
    expect(b.snapshotsWritten).toContain('snap:all');

    // The race really happened: snap:all lacks Y. The state kept both runs' work.
    const snap = (await getJson<Snapshot>(prefix, 'snap:all'))!;
    expect(snap.members[Y]).toBeUndefined();
    const state = (await getJson<StateDoc>(prefix, 'state'))!;
    expect(state.sources[X]).toMatchObject({ failures: 0, lastOutcome: 'updated' });
    expect(state.sources[Y]).toMatchObject({ failures: 0, lastOutcome: 'updated' });
    expect(state.pending).toEqual(expect.arrayContaining([X, Y]));

    // The next cron run (nothing due) checks the pending sources and repairs snap:all.
    const next = await runRefresh(deps(kvView(prefix).kv, { at: clock + 60_000 }));
    expect(next.due).toBe(0);
    expect(next.snapshotsWritten).toEqual(['snap:all']);
    expect(next.subrequests).toBe(0);
    expect(await disagreements(prefix, catalog)).toEqual([]);

    // Idle runs then write nothing (finding the pending sources agreeing costs reads only) until
    // the stored lastRun is IDLE_WRITE_MS old; then one writes `state` alone (health sees the
    // cron alive), and nothing is left pending.
    for (const after of [120_000, 180_000]) expect((await runRefresh(deps(kvView(prefix).kv, { at: clock + after }))).kv.writes).toBe(0);
    const beatAt = clock + 60_000 + IDLE_WRITE_MS + 1000;
    const beat = await runRefresh(deps(kvView(prefix).kv, { at: beatAt }));
    expect(beat.kv.writes).toBe(1);
    const after = (await getJson<StateDoc>(prefix, 'state'))!;
    expect(after.lastRun!.at).toBe(new Date(beatAt).toISOString());
    expect(after.pending).toBeUndefined();
  });
});

// ---- the time budget ---------------------------------------------------------------------------

describe('the run\'s time budget', () => {
  it('ends the run at its budget even when a fetch would wait far longer, without blaming the source', async () => {
    const prefix = 'budget:';
    const { view } = await setUp(prefix, ['cho-don', 'baobackan']);
    // The run reads time from its clock: this one moves, so the budget can run out.
    const t0 = Date.now();
    const now = () => new Date(clock + (Date.now() - t0));
    const summary = await runRefresh(deps(view.kv, { fetch: world({ hang: '/liferay/rss.xml' }), fetchTimeoutMs: 10 * 60_000, timeBudgetMs: 1500, now }));
    expect(summary.durationMs).toBeLessThan(4000); // budget 1.5 s, against a 10-minute fetch timeout
    expect(summary.sources.find((s) => s.id === 'baobackan')!.outcome).toBe('updated');
    expect(summary.sources.find((s) => s.id === 'cho-don')).toMatchObject({ outcome: 'deferred', error: 'run time budget spent' });
    const state = (await getJson<StateDoc>(prefix, 'state'))!;
    expect(state.sources['cho-don']).toBeUndefined(); // still due, no failure counted
    expect(state.sources.baobackan.failures).toBe(0);
  });
});
