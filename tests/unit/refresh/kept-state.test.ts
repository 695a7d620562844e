import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { Env } from '../../../src/env';
import { changedMaterially, newStateMemory, withKept, type StateMemory } from '../../../src/refresh/kept-state';
import { IDLE_WRITE_MS, runRefresh, type RefreshDeps, type RefreshOptions, type RunSummary } from '../../../src/refresh/run';
import { DUE_EARLY_MINUTES } from '../../../src/refresh/schedule';
import { validateCatalog } from '../../../src/sources/schema';
import type { SourceState, StateDoc } from '../../../src/store/types';
import { origin, override } from '../../helpers/worker';

// Quiet runs (nothing new) keep their sources' states in the isolate instead of writing
// `state`; what the isolate keeps is written with the next write, at least every IDLE_WRITE_MS.
// The runs here go against the real local KV and the loopback fixture origin (which answers
// a repeated request with a 304), one "isolate" being one StateMemory.

const testEnv = env as unknown as Env;
const MIN = 60_000;
const INTERVAL = 30;

const ok = (extra: Partial<SourceState> = {}): SourceState => ({ failures: 0, lastAttempt: 't0', lastSuccess: 't0', lastOutcome: 'not-modified', etag: '"a"', hash: 'h0', nextDue: 't1', articleCount: 5, bucketVersion: 'v1', ...extra });

describe('changedMaterially', () => {
  it('is false when only when a source was fetched, its validators and its due time changed', () => {
    expect(changedMaterially(ok(), ok({ lastAttempt: 't9', lastSuccess: 't9', lastOutcome: 'unchanged', etag: '"b"', lastModified: 'x', hash: 'h9', itemsHash: 'i9', nextDue: 't10' }))).toBe(false);
  });

  it('is true for a failure, a new bucket, a found feed or listing, or a source seen for the first time', () => {
    expect(changedMaterially(ok(), ok({ failures: 1, lastError: 'HTTP 503' }))).toBe(true);
    expect(changedMaterially(ok({ failures: 2 }), ok())).toBe(true);
    expect(changedMaterially(ok(), ok({ bucketVersion: 'v2', articleCount: 6 }))).toBe(true);
    expect(changedMaterially(ok(), ok({ feedUrl: 'https://a.gov.vn/rss' }))).toBe(true);
    expect(changedMaterially(ok(), ok({ listing: { platform: 'nukeviet' } as SourceState['listing'] }))).toBe(true);
    expect(changedMaterially(undefined, ok())).toBe(true);
  });
});

describe('withKept', () => {
  it('leaves out of `pending` what the isolate found merged, while the bucket version it checked is still recorded', () => {
    const memory = newStateMemory();
    const stored: StateDoc = { version: 1, sources: { a: ok(), b: ok(), c: ok() }, pending: ['a', 'b', 'c'] };
    memory.confirmed.set('a', 'v1');
    memory.confirmed.set('b', 'v0'); // b's bucket was written again since: checked anew
    expect(withKept(stored, memory).pending).toEqual(['b', 'c']);
    expect([...memory.confirmed.keys()]).toEqual(['a']);
    expect(withKept({ ...stored, pending: ['a'] }, memory).pending).toBeUndefined();
  });

  it('lays kept entries over the stored state, and drops one whose stored entry another run changed', () => {
    const memory = newStateMemory();
    const stored: StateDoc = { version: 1, sources: { a: ok(), b: ok() } };
    memory.kept.set('a', { base: JSON.stringify(ok()), state: ok({ nextDue: 't5' }) });
    memory.kept.set('b', { base: JSON.stringify(ok({ nextDue: 'old' })), state: ok({ nextDue: 't6' }) });
    const seen = withKept(stored, memory);
    expect(seen.sources.a.nextDue).toBe('t5');
    expect(seen.sources.b.nextDue).toBe('t1');
    expect([...memory.kept.keys()]).toEqual(['a']);
    expect(stored.sources.a.nextDue).toBe('t1'); // the stored document itself is left alone
  });
});

describe('withKept over a shared (frozen) stored state', () => {
  it('gives the same answers run after run as over a fresh parse, and sees a newer stored entry', () => {
    const memory = newStateMemory();
    const frozen = (doc: StateDoc): StateDoc => JSON.parse(JSON.stringify(doc), (_k, v) => (v && typeof v === 'object' ? Object.freeze(v) : v));
    const stored = frozen({ version: 1, sources: { a: ok(), b: ok() } });
    memory.kept.set('a', { base: JSON.stringify(ok()), state: ok({ nextDue: 't5' }) });
    memory.kept.set('b', { base: JSON.stringify(ok()), state: ok({ nextDue: 't6' }) });
    for (let run = 0; run < 3; run++) expect(withKept(stored, memory).sources).toMatchObject({ a: { nextDue: 't5' }, b: { nextDue: 't6' } });
    // Another run wrote b since: its stored entry wins, the kept one is dropped.
    const written = frozen({ version: 1, sources: { a: ok(), b: ok({ nextDue: 't9', bucketVersion: 'v2' }) } });
    expect(withKept(written, memory).sources.b).toMatchObject({ nextDue: 't9', bucketVersion: 'v2' });
    expect([...memory.kept.keys()]).toEqual(['a']);
  });
});

// ---- runs over real KV -------------------------------------------------------------------

let scenario = 0;
const IDS = ['so-noi-vu', 'so-y-te', 'xa-dong-dang', 'xa-cao-loc'];

/** Items published so far, per source. */
const published = new Map<string, number>();

function feed(prefix: string, id: string, stamp = ''): string {
  const host = `${id}.langson.gov.vn`;
  const n = published.get(prefix + id) ?? 0;
  const items = Array.from({ length: n }, (_, i) => n - i)
    .map((k) => `<item><title>Thông báo số ${k} của ${id} về lịch tiếp công dân</title><link>https://${host}/thong-bao-${k}.html</link><guid>https://${host}/thong-bao-${k}.html</guid><pubDate>${new Date(Date.UTC(2026, 10, 20, k)).toUTCString()}</pubDate><description>Nội dung thông báo số ${k}.</description></item>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${id}</title><link>https://${host}/</link><description>Thông báo</description>${stamp}${items}</channel></rss>`;
}

/** A province of four sources due every `interval` minutes, under a key prefix and path of its own, each with two items. */
async function province(interval = INTERVAL) {
  const prefix = `kept-${++scenario}:`;
  const path = (id: string) => `/kept-state/${scenario}/${id}.xml`;
  /** `n` more items; with a stamp, the same items in other bytes (a portal printing the time). */
  const publish = (id: string, n: number, stamp = '') => {
    published.set(prefix + id, (published.get(prefix + id) ?? 0) + n);
    return override({ path: path(id), body: feed(prefix, id, stamp), headers: { 'content-type': 'application/rss+xml; charset=utf-8' } });
  };
  for (const id of IDS) await publish(id, 2);
  const kv = {
    get: (key: string, type?: unknown) => testEnv.KV.get(prefix + key, type as 'text'),
    put: (key: string, value: string) => testEnv.KV.put(prefix + key, value),
    delete: (key: string) => testEnv.KV.delete(prefix + key),
  } as unknown as KVNamespace;
  const r = validateCatalog(IDS.map((id) => ({ id, name: id, url: `${origin()}${path(id)}`, kind: 'feed', region: { province: 'lang-son' }, intervalMinutes: interval })));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  await kv.put('catalog', JSON.stringify(r.value));
  /** Times each source was fetched (simulated ms). */
  const fetchedAt = new Map<string, number[]>();
  let clock = Date.parse('2026-11-27T01:00:00Z');
  const run = async (memory: StateMemory, over: Partial<RefreshDeps> = {}, options: RefreshOptions = {}): Promise<RunSummary> => {
    const at = clock;
    const deps: RefreshDeps = {
      kv,
      fetch: (input, init) => {
        const id = IDS.find((i) => String(input).endsWith(`/${i}.xml`));
        if (id) fetchedAt.set(id, [...(fetchedAt.get(id) ?? []), at]);
        return fetch(input, init);
      },
      now: () => new Date(at),
      random: () => 0.5,
      allowPrivate: true,
      maxSubrequests: 45,
      memory,
      log: () => {},
      ...over,
    };
    return runRefresh(deps, options);
  };
  const state = async () => (await kv.get('state', 'json')) as StateDoc;
  return { run, publish, state, fetchedAt, tick: (minutes = 1) => (clock += minutes * MIN), now: () => clock };
}

describe('runs that change nothing', () => {
  it('write nothing until their isolate last wrote IDLE_WRITE_MS ago, and still fetch every source on time', async () => {
    const p = await province();
    const memory = newStateMemory();
    const runs: { at: number; summary: RunSummary }[] = [];
    for (let m = 0; m < 4 * INTERVAL; m++) {
      runs.push({ at: p.now(), summary: await p.run(memory, { maxSources: 1 }) });
      p.tick();
    }
    // The first runs fetch each source for the first time (a bucket each): they write.
    const firsts = runs.filter((r) => r.summary.sources.some((s) => s.outcome === 'updated'));
    expect(firsts).toHaveLength(IDS.length);
    for (const r of firsts) expect(r.summary.kv.writes).toBeGreaterThan(0);
    // After them, 304s: a run writes `state` only when its isolate's last write is that old.
    let lastWrite = firsts.at(-1)!.at;
    const quiet = runs.filter((r) => r.at > lastWrite);
    expect(quiet.filter((r) => r.summary.sources.length).length).toBeGreaterThan(8);
    for (const r of quiet) {
      expect(r.summary.sources.every((s) => s.outcome === 'not-modified')).toBe(true);
      if (r.summary.kv.writes) {
        expect(r.at - lastWrite, `a write at ${(r.at - lastWrite) / MIN} min`).toBeGreaterThanOrEqual(IDLE_WRITE_MS);
        expect(r.summary.kv.writes).toBe(1);
        lastWrite = r.at;
      }
    }
    const writes = quiet.filter((r) => r.summary.kv.writes).length;
    expect(writes).toBeLessThanOrEqual(Math.ceil((quiet.length * MIN) / IDLE_WRITE_MS));
    expect(writes).toBeGreaterThan(0);
    // Due times honoured from the isolate's memory: each source fetched once an interval
    // (a little early, as due times allow), never more often, never later.
    for (const id of IDS) {
      const times = p.fetchedAt.get(id)!;
      expect(times.length, id).toBeGreaterThanOrEqual(4);
      for (let i = 1; i < times.length; i++) {
        const gap = (times[i] - times[i - 1]) / MIN;
        expect(gap, `${id} fetched after ${gap} min`).toBeGreaterThanOrEqual(INTERVAL - DUE_EARLY_MINUTES);
        expect(gap, `${id} fetched after ${gap} min`).toBeLessThanOrEqual(INTERVAL);
      }
    }
  });

  it('are written with the next run that stores news, and a fresh isolate writes at once', async () => {
    const p = await province(10);
    const memory = newStateMemory();
    await p.run(memory); // first fetch of all four: written
    p.tick(10);
    const quiet = await p.run(memory); // all due again, all 304, 10 min after the isolate's write
    expect(quiet.sources.map((s) => s.outcome)).toEqual(IDS.map(() => 'not-modified'));
    expect(quiet.kv.writes).toBe(0);
    const kept = (await p.state()).sources;
    expect(memory.kept.size).toBe(IDS.length);

    // News on one source: that run writes, carrying the others' fetch.
    p.tick(3);
    await p.publish('so-y-te', 1);
    const news = await p.run(memory, {}, { only: ['so-y-te'] });
    expect(news.sources[0]).toMatchObject({ outcome: 'updated', newArticles: 1 });
    const after = (await p.state()).sources;
    for (const id of IDS.filter((i) => i !== 'so-y-te')) {
      expect(after[id].lastAttempt, id).not.toBe(kept[id].lastAttempt);
      expect(after[id].nextDue, id).toBe(new Date(p.now() - 3 * MIN + 10 * MIN).toISOString());
    }
    expect(memory.kept.size).toBe(0);

    // Another isolate (nothing in memory) writes its first quiet run.
    p.tick(10);
    const fresh = await p.run(newStateMemory());
    expect(fresh.sources.length).toBe(IDS.length);
    expect(fresh.sources.every((s) => s.outcome === 'not-modified')).toBe(true);
    expect(fresh.kv.writes).toBe(1);
  });

  it('include a parse that found nothing new, with snapshots merged apart', async () => {
    const p = await province(10);
    const memory = newStateMemory();
    const apart = { snapshotsApart: true };
    await p.run(memory, apart); // first fetch: buckets written, snapshots left to the next run
    p.tick();
    expect((await p.run(memory, apart)).snapshotsWritten.length).toBeGreaterThan(0);
    // New bytes on every source, the same items: each is parsed and its bucket read, nothing stored.
    p.tick(9);
    for (const id of IDS) await p.publish(id, 0, `<!-- in lúc ${p.now()} -->`);
    const parsed = await p.run(memory, apart);
    expect(parsed.sources.map((s) => s.outcome)).toEqual(IDS.map(() => 'unchanged'));
    expect(parsed.kv.writes).toBe(0);
    expect(memory.kept.size).toBe(IDS.length);
    // It also found the snapshots holding what the merge run left pending: kept, not read again.
    expect((await p.state()).pending).toEqual([...IDS].sort());
    expect([...memory.confirmed.keys()].sort()).toEqual([...IDS].sort());
    // Nothing was left for a merge: the next run is idle, reads catalog and state only, writes nothing.
    p.tick();
    const next = await p.run(memory, apart);
    expect(next.sources).toEqual([]);
    expect(next.snapshotsWritten).toEqual([]);
    expect(next.kv).toEqual({ reads: 2, writes: 0 });
    // The isolate's next write clears them from `state`.
    p.tick(IDLE_WRITE_MS / MIN);
    expect((await p.run(memory, apart)).kv.writes).toBe(1);
    expect((await p.state()).pending).toBeUndefined();
    expect(memory.confirmed.size).toBe(0);
  });

  it('lose only early fetches when the isolate is lost: no source starved, each fetched again on time', async () => {
    const p = await province();
    const first = newStateMemory();
    await p.run(first);
    // Till just before the next due time (an idle run wrote `lastRun` after IDLE_WRITE_MS), then all four again, one a run.
    for (let m = 0; m < INTERVAL - 2; m++) {
      p.tick();
      await p.run(first, { maxSources: 1 });
    }
    expect(first.kept.size).toBe(IDS.length); // fetched since its last write, not stored
    const stored = await p.state();
    const seenByFirst = withKept(stored, first);
    const behind = IDS.filter((id) => stored.sources[id].nextDue! < seenByFirst.sources[id].nextDue!);
    expect(behind).toEqual(IDS);

    // The isolate is gone; a new one takes over from what `state` says, one source a run.
    const second = newStateMemory();
    const since = p.now();
    for (let m = 0; m < 2 * INTERVAL; m++) {
      p.tick();
      await p.run(second, { maxSources: 1 });
    }
    for (const id of IDS) {
      const times = p.fetchedAt.get(id)!.filter((t) => t > since);
      expect(times.length, id).toBeGreaterThanOrEqual(2);
      expect(times.length, id).toBeLessThanOrEqual(3);
      for (let i = 1; i < times.length; i++) expect((times[i] - times[i - 1]) / MIN, id).toBeGreaterThanOrEqual(INTERVAL - DUE_EARLY_MINUTES);
    }
  });

  it('overlapping another run of the same isolate that stores news: neither undoes the other', async () => {
    const p = await province(10);
    const memory = newStateMemory();
    await p.run(memory);
    p.tick();
    await p.run(memory, {}, { only: ['so-noi-vu'] }); // a write that finds the first run's snapshots merged
    expect((await p.state()).pending).toBeUndefined();
    p.tick(9);
    // Run A fetches all four (304s) but is held on one answer until run B is done.
    let release!: () => void;
    const held = new Promise<void>((ok) => (release = ok));
    let answered = 0;
    let allAnswered!: () => void;
    const fetchedAll = new Promise<void>((ok) => (allAnswered = ok));
    const slow: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (++answered === IDS.length) allAnswered();
      if (String(input).endsWith('/xa-cao-loc.xml')) await held;
      return res;
    };
    const a = p.run(memory, { fetch: slow });
    await fetchedAll;
    // Run B: news on a source A fetched too (A saw a 304, before the news).
    await p.publish('so-y-te', 1);
    const b = await p.run(memory, {}, { only: ['so-y-te'] });
    expect(b.sources[0]).toMatchObject({ outcome: 'updated', newArticles: 1 });
    const byB = (await p.state()).sources['so-y-te'];
    release();
    const quiet = await a;
    expect(quiet.sources.map((s) => s.outcome)).toEqual(IDS.map(() => 'not-modified'));
    expect(quiet.kv.writes).toBe(0);
    // A's kept entry for the source B wrote gives way at the next run; the others are carried.
    p.tick();
    await p.run(memory);
    expect([...memory.kept.keys()].sort()).toEqual(IDS.filter((id) => id !== 'so-y-te').sort());
    p.tick();
    await p.run(memory, {}, { only: ['so-noi-vu'] }); // writes, carrying what the isolate kept
    const after = (await p.state()).sources;
    expect(after['so-y-te']).toEqual(byB);
    expect(after['so-y-te'].articleCount).toBe(3);
    expect(after['xa-cao-loc'].lastAttempt).toBe(new Date(p.now() - 2 * MIN).toISOString());
    expect(memory.kept.size).toBe(0);
  });

  it('give way to what another isolate wrote for the same source since', async () => {
    const p = await province(10);
    const a = newStateMemory();
    await p.run(a);
    p.tick(10);
    expect((await p.run(a)).kv.writes).toBe(0); // all 304: kept in a
    expect(a.kept.has('xa-cao-loc')).toBe(true);
    // Another isolate fetches one source with news and writes it.
    p.tick(2);
    await p.publish('xa-cao-loc', 1);
    const b = await p.run(newStateMemory(), {}, { only: ['xa-cao-loc'] });
    expect(b.sources[0].outcome).toBe('updated');
    const written = (await p.state()).sources['xa-cao-loc'];
    // Isolate a drops its entry for it at its next run (nothing due, nothing written)...
    p.tick(1);
    const idle = await p.run(a);
    expect(idle.sources).toEqual([]);
    expect(idle.kv.writes).toBe(0);
    expect([...a.kept.keys()].sort()).toEqual(IDS.filter((id) => id !== 'xa-cao-loc').sort());
    // ...and its next write, IDLE_WRITE_MS after its last, keeps b's entry and stores its own for the others.
    p.tick(2);
    const next = await p.run(a);
    expect(next.sources.map((s) => s.id).sort()).toEqual(IDS.filter((id) => id !== 'xa-cao-loc').sort());
    expect(next.kv.writes).toBe(1);
    expect(a.kept.size).toBe(0);
    const after = (await p.state()).sources;
    expect(after['xa-cao-loc']).toEqual(written);
    for (const id of IDS.filter((i) => i !== 'xa-cao-loc')) expect(after[id].lastAttempt).toBe(new Date(p.now()).toISOString());
  });
});
