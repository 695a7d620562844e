import { ingestSource, type IngestResult } from '../ingest/ingest-source';
import { DEFAULT_TIMEOUT_MS } from '../ingest/fetch';
import { IngestError } from '../ingest/types';
import { loadCatalog } from '../sources/catalog';
import type { Source } from '../sources/schema';
import { DEFAULT_BUCKET_CAP, mergeBucket } from '../store/bucket';
import { storyMatcher, type StoryMatcher } from '../stories';
import { bucketKey, SNAP_ALL, STATE_KEY } from '../store/keys';
import { countingStore, type JsonStore } from '../store/kv';
import { DEFAULT_SNAPSHOT_CAP, isStale, mergeSnapshot, snapshotKeysFor } from '../store/snapshot';
import type { Bucket, RefreshOutcome, Snapshot, SourceInfo, SourceState, StateDoc } from '../store/types';
import { subrequestBudget } from './budget';
import { mapLimit } from './pool';
import { dueSources, isActive, nextDue } from './schedule';
import { peekMembers } from './snapshot-peek';
import { mergeState } from './state-merge';

/** Everything a run touches outside itself, passed in (tests hand in fakes). */
export interface RefreshDeps {
  kv: KVNamespace;
  fetch: typeof fetch;
  now: () => Date;
  random: () => number;
  allowPrivate: boolean;
  /** Subrequests this run may spend (default 45). */
  maxSubrequests?: number;
  /**
   * Wall time of the run (default 60 s): no source starts after it, a fetch never
   * waits past it, and a source still busy at it is abandoned (reported deferred).
   */
  timeBudgetMs?: number;
  /** Sources fetched at once (Workers allow 6 open connections). */
  concurrency?: number;
  bucketCap?: number;
  snapshotCap?: number;
  /** Per-fetch timeout (default 15 s). */
  fetchTimeoutMs?: number;
  log?: (entry: Record<string, unknown>) => void;
}

export interface RefreshOptions {
  /** Refresh only these sources, due or not (admin refresh of one source). */
  only?: string[];
}

export interface SourceReport {
  id: string;
  outcome: RefreshOutcome;
  /** Articles new to the store. */
  newArticles: number;
  updatedArticles: number;
  error?: string;
  code?: string;
  /** Set when the feed was damaged and only the items before the damage were read. */
  partial?: true;
  /** Something the operator should know although the source did not fail. */
  warning?: string;
}

export interface RunSummary {
  startedAt: string;
  durationMs: number;
  due: number;
  sources: SourceReport[];
  kv: { reads: number; writes: number };
  subrequests: number;
  snapshotsWritten: string[];
  /** Set when the state could not be read or written (the next run repeats this one's work). */
  error?: string;
  /** Sources another run attempted at the same time (their next fetch is a full one). */
  overlapped?: string[];
}

interface Processed {
  source: Source;
  report: SourceReport;
  result?: IngestResult;
  /** The source's bucket as it now is in KV, when we read or wrote it. */
  bucket?: Bucket;
}

export const sourceInfo = (s: Source): SourceInfo => ({
  id: s.id,
  name: s.name,
  url: s.url,
  region: s.region,
  ...(s.retired ? { retired: true } : {}),
});

const version = (now: Date, random: () => number) => `${now.getTime().toString(36)}-${Math.floor(random() * 36 ** 4).toString(36)}`;

/**
 * One refresh run: due sources fetched six at a time within the subrequest and time
 * budgets, changed buckets written, the snapshots they belong to merged, and the state
 * written once, last. Writes: 1 when nothing changed; 1 + changed buckets + changed snapshots.
 *
 * Faults: every key is written whole (a KV put replaces a value atomically), buckets
 * before snapshots before state, so a run that dies or whose writes fail part way leaves
 * each key either as it was or as this run made it. Whatever it did not finish is redone:
 * a source whose bucket was not written keeps its old validators and is fetched again;
 * a source whose snapshots were not (or may not have been) written stays in `pending`
 * until a later run finds its snapshots agreeing with its bucket. Overlapping runs are
 * handled by idempotent merges and a state merged on write (see state-merge.ts).
 */
export async function runRefresh(deps: RefreshDeps, options: RefreshOptions = {}): Promise<RunSummary> {
  const startedAt = deps.now();
  const started = Date.now();
  const store = countingStore(deps.kv);
  const budget = subrequestBudget(deps.fetch, deps.maxSubrequests ?? 45);
  const deadline = started + (deps.timeBudgetMs ?? 60_000);
  const log = deps.log ?? (() => {});
  const summary: RunSummary = {
    startedAt: startedAt.toISOString(),
    durationMs: 0,
    due: 0,
    sources: [],
    kv: store.counts,
    subrequests: 0,
    snapshotsWritten: [],
  };
  const finish = () => {
    summary.subrequests = budget.used();
    summary.durationMs = Date.now() - started;
    return summary;
  };

  let catalog: Source[];
  let startState: StateDoc;
  try {
    catalog = await loadCatalog(store);
    startState = (await store.getJson<StateDoc>(STATE_KEY)) ?? { version: 1, sources: {} };
  } catch (e) {
    // Nothing read, nothing written: the next run starts from the same place.
    summary.error = `catalog or state not read: ${errorText(e)}`;
    log({ level: 'error', event: 'refresh-aborted', reason: summary.error });
    return finish();
  }
  const due = options.only
    ? catalog.filter((s) => isActive(s) && options.only!.includes(s.id))
    : dueSources(catalog, startState.sources, startedAt);
  summary.due = due.length;

  // New articles that copy another portal's story get its story id (reads `all` only if needed).
  const stories = storyMatcher(async () => (await store.getJson<Snapshot>(SNAP_ALL))?.articles ?? []);
  const ctx: RunContext = { deps, store, budget, deadline, now: deps.now(), stories };
  const processed = await mapLimit(due, deps.concurrency ?? 6, (source) => processWithinBudget(source, startState.sources[source.id], ctx));
  summary.sources = processed.map((p) => p.report);

  // Snapshots: the buckets we hold now, plus those of sources left pending by earlier runs
  // whose snapshots do not (or may not) agree with their buckets.
  const held = new Map(processed.filter((p) => p.bucket).map((p) => [p.source.id, p.bucket!]));
  const regions = new Map(catalog.map((s) => [s.id, s.region]));
  const snaps = snapshotTexts(store);
  const confirmed = new Set<string>();
  const versionsRead = new Map<string, string>();
  for (const id of startState.pending ?? []) {
    if (held.has(id)) continue;
    const region = regions.get(id);
    if (!region) {
      confirmed.add(id); // gone from the catalog: nothing to repair
      continue;
    }
    try {
      if (await snapshotsAgree(id, startState.sources[id]?.bucketVersion, snapshotKeysFor(region), snaps)) {
        confirmed.add(id);
        continue;
      }
      const bucket = await store.getJson<Bucket>(bucketKey(id));
      if (bucket) {
        held.set(id, bucket);
        versionsRead.set(id, bucket.version);
      } else confirmed.add(id);
    } catch (e) {
      log({ level: 'error', event: 'pending-check-failed', source: id, reason: errorText(e) });
    }
  }
  const snap = await updateSnapshots(held, regions, snaps, store, deps);
  summary.snapshotsWritten = snap.written;
  for (const id of held.keys()) if (!snap.failed.has(id) && !snap.merged.has(id)) confirmed.add(id);

  // State: written last, once, merged with whatever another run stored meanwhile.
  const at = deps.now();
  const attempted = new Map<string, SourceState>();
  for (const p of processed) {
    if (p.report.outcome !== 'deferred') attempted.set(p.source.id, nextState(startState.sources[p.source.id], p, at, deps.random));
  }
  const lastRun = {
    at: at.toISOString(),
    durationMs: Date.now() - started,
    fetched: processed.filter((p) => p.report.outcome !== 'deferred').length,
    failed: processed.filter((p) => p.report.outcome === 'failed').length,
  };
  try {
    let current: StateDoc | null;
    try {
      current = await store.getJson<StateDoc>(STATE_KEY);
    } catch {
      current = startState; // cannot see what others wrote: write ours as is
    }
    const { state, conflicts } = mergeState({
      started: startState,
      current,
      attempted,
      pending: new Set([...snap.failed, ...snap.merged]),
      confirmed,
      lastRun,
      now: at,
    });
    for (const [id, v] of versionsRead) if (state.sources[id] && !attempted.has(id)) state.sources[id] = { ...state.sources[id], bucketVersion: v };
    if (conflicts.length) {
      summary.overlapped = conflicts;
      log({ level: 'warn', event: 'refresh-overlap', sources: conflicts, reason: 'another run refreshed these sources at the same time; they are fetched in full next run' });
    }
    await store.putJson(STATE_KEY, state);
  } catch (e) {
    summary.error = `state not written: ${errorText(e)}`;
    log({ level: 'error', event: 'state-write-failed', reason: summary.error });
  }
  return finish();
}

interface RunContext {
  deps: RefreshDeps;
  stories: StoryMatcher;
  store: JsonStore;
  budget: ReturnType<typeof subrequestBudget>;
  deadline: number;
  now: Date;
}

/** Set when the run has given up on a source: it must not write anything any more. */
interface Abandon {
  stopped: boolean;
}

/** A source is not started with less time than this left (or its fetch timeout, if shorter). */
const MIN_SOURCE_MS = 1000;
/** A source still busy this long after the run's deadline is abandoned (its fetch times out first). */
const GRACE_MS = 250;

const deferred = (source: Source, error?: string): Processed => ({
  source,
  report: { id: source.id, outcome: 'deferred', newArticles: 0, updatedArticles: 0, ...(error ? { error } : {}) },
});

/**
 * Runs one source inside the run's time budget: its fetches never wait past the
 * deadline, and if it is still busy then (slow enrichment, a stream that ignores
 * aborts) it is abandoned and reported deferred: not its fault, so no backoff.
 */
async function processWithinBudget(source: Source, prev: SourceState | undefined, ctx: RunContext): Promise<Processed> {
  const fetchTimeout = ctx.deps.fetchTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  const remaining = ctx.deadline - Date.now();
  if (ctx.budget.remaining() <= 0 || remaining < Math.min(MIN_SOURCE_MS, fetchTimeout)) return deferred(source);
  const abandon: Abandon = { stopped: false };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cut = new Promise<Processed>((resolve) => {
    timer = setTimeout(() => {
      abandon.stopped = true;
      resolve(deferred(source, 'run time budget spent'));
    }, remaining + GRACE_MS);
  });
  try {
    const p = await Promise.race([processSource(source, prev, ctx, abandon, Math.min(fetchTimeout, remaining)), cut]);
    if (p.report.outcome === 'deferred' && p.report.error) ctx.deps.log?.({ level: 'info', event: 'source-deferred', source: source.id, reason: p.report.error });
    return p;
  } finally {
    clearTimeout(timer);
  }
}

async function processSource(source: Source, prev: SourceState | undefined, ctx: RunContext, abandon: Abandon, timeoutMs: number): Promise<Processed> {
  const report: SourceReport = { id: source.id, outcome: 'deferred', newArticles: 0, updatedArticles: 0 };
  const log = ctx.deps.log ?? (() => {});
  const key = bucketKey(source.id);
  const clamped = timeoutMs < (ctx.deps.fetchTimeoutMs ?? DEFAULT_TIMEOUT_MS);
  try {
    // Enrichment fetches only new articles' pages, so it needs the stored ids first.
    const known = source.enrich ? await ctx.store.getJson<Bucket>(key) : undefined;
    const result = await ingestSource(
      { source, validators: { etag: prev?.etag, lastModified: prev?.lastModified, hash: prev?.hash }, feedUrl: prev?.feedUrl },
      {
        fetch: ctx.budget.fetch,
        allowPrivate: ctx.deps.allowPrivate,
        timeoutMs,
        now: ctx.now,
        maxEnrich: 5,
        knownIds: known ? new Set(known.articles.map((a) => a.id)) : undefined,
      },
    );
    if (abandon.stopped) return { source, report };
    if (result.status !== 'parsed') {
      report.outcome = result.status;
      return { source, report, result };
    }
    if (result.partial) {
      report.partial = true;
      report.warning = 'damaged feed: only the items before the damage were read';
    } else if (result.articles.length === 0) {
      report.warning = 'the fetch yielded no articles; the stored ones are kept';
    }
    // Read right before merging: the shorter the gap, the less an overlapping run slips in.
    const stored = await ctx.store.getJson<Bucket>(key);
    const storedIds = new Set(stored?.articles.map((a) => a.id));
    await ctx.stories.assign(result.articles.filter((a) => !storedIds.has(a.id)));
    const merge = mergeBucket(stored?.articles ?? [], result.articles, ctx.now, ctx.deps.bucketCap ?? DEFAULT_BUCKET_CAP);
    report.newArticles = merge.added;
    report.updatedArticles = merge.updated;
    if (!merge.changed) {
      report.outcome = 'unchanged';
      return { source, report, result, bucket: stored ?? undefined };
    }
    const bucket: Bucket = { version: version(ctx.now, ctx.deps.random), sourceId: source.id, source: sourceInfo(source), articles: merge.articles };
    if (abandon.stopped) return deferred(source);
    await ctx.store.putJson(key, bucket);
    report.outcome = 'updated';
    log({ level: 'info', event: 'source-updated', source: source.id, added: merge.added, updated: merge.updated, ...(report.warning ? { warning: report.warning } : {}) });
    return { source, report, result, bucket };
  } catch (e) {
    // A request refused for want of budget, or cut short by the run's deadline rather
    // than by the source's own slowness, is not the source's fault: it stays due.
    if (ctx.budget.exhausted()) return deferred(source);
    if (clamped && e instanceof IngestError && e.code === 'timeout') return deferred(source, 'run time budget spent');
    report.outcome = 'failed';
    report.code = e instanceof IngestError ? e.code : 'store';
    report.error = errorText(e);
    if (!(e instanceof IngestError)) report.error = `storing failed: ${report.error}`;
    log({ level: 'warn', event: 'source-failed', source: source.id, code: report.code, reason: report.error });
    return { source, report };
  }
}

/** Snapshot texts read at most once per run (a verification and a merge share the read). */
function snapshotTexts(store: JsonStore) {
  const cache = new Map<string, Promise<string | null>>();
  return {
    text(key: string): Promise<string | null> {
      let p = cache.get(key);
      if (!p) {
        p = store.getText(key);
        cache.set(key, p);
        p.catch(() => cache.delete(key)); // a failed read is tried again by the next caller
      }
      return p;
    },
    forget(key: string) {
      cache.delete(key);
    },
  };
}
type SnapshotTexts = ReturnType<typeof snapshotTexts>;

const membersOf = (text: string | null): Record<string, string> =>
  text ? (peekMembers(text) ?? (JSON.parse(text) as Snapshot).members ?? {}) : {};

/** True when every snapshot the source belongs to records `bucketVersion` for it. */
async function snapshotsAgree(id: string, bucketVersion: string | undefined, keys: string[], snaps: SnapshotTexts): Promise<boolean> {
  if (!bucketVersion) return false;
  for (const key of keys) if (membersOf(await snaps.text(key))[id] !== bucketVersion) return false;
  return true;
}

interface SnapshotUpdate {
  written: string[];
  /** Sources in a snapshot that could not be read or written. */
  failed: Set<string>;
  /** Sources merged into a snapshot this run: a later run checks that the write held. */
  merged: Set<string>;
}

async function updateSnapshots(
  held: Map<string, Bucket>,
  regions: Map<string, Source['region']>,
  snaps: SnapshotTexts,
  store: JsonStore,
  deps: RefreshDeps,
): Promise<SnapshotUpdate> {
  const byKey = new Map<string, Bucket[]>();
  for (const b of held.values()) {
    const region = regions.get(b.sourceId);
    if (!region) continue;
    for (const key of snapshotKeysFor(region)) byKey.set(key, [...(byKey.get(key) ?? []), b]);
  }
  const out: SnapshotUpdate = { written: [], failed: new Set(), merged: new Set() };
  for (const [key, members] of byKey) {
    try {
      const text = await snaps.text(key);
      const prev = text ? (JSON.parse(text) as Snapshot) : null;
      const stale = members.filter((b) => isStale(prev, b));
      if (stale.length === 0) continue;
      const now = deps.now();
      await store.putJson(key, mergeSnapshot(prev, stale, version(now, deps.random), now, deps.snapshotCap ?? DEFAULT_SNAPSHOT_CAP));
      snaps.forget(key);
      out.written.push(key);
      for (const b of stale) out.merged.add(b.sourceId);
    } catch (e) {
      for (const b of members) out.failed.add(b.sourceId);
      deps.log?.({ level: 'error', event: 'snapshot-write-failed', key, reason: errorText(e) });
    }
  }
  return out;
}

function nextState(prev: SourceState | undefined, p: Processed, now: Date, random: () => number): SourceState {
  const s: SourceState = { ...(prev ?? { failures: 0 }) };
  const { outcome } = p.report;
  if (outcome === 'deferred') return s;
  s.lastAttempt = now.toISOString();
  s.lastOutcome = outcome;
  if (outcome === 'failed') {
    s.failures = (s.failures ?? 0) + 1;
    s.lastError = p.report.error;
    s.lastErrorAt = now.toISOString();
  } else {
    s.failures = 0;
    s.lastSuccess = now.toISOString();
    const v = p.result!.validators;
    s.etag = v.etag;
    s.lastModified = v.lastModified;
    s.hash = v.hash;
    if (p.result!.feedUrl) s.feedUrl = p.result!.feedUrl;
    if (p.bucket) {
      s.articleCount = p.bucket.articles.length;
      s.bucketVersion = p.bucket.version;
    }
  }
  s.nextDue = nextDue(p.source, s.failures, now, random).toISOString();
  return s;
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
