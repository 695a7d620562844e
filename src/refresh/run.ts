import { ingestSource, type IngestResult } from '../ingest/ingest-source';
import { IngestError } from '../ingest/types';
import { loadCatalog } from '../sources/catalog';
import type { Source } from '../sources/schema';
import { DEFAULT_BUCKET_CAP, mergeBucket } from '../store/bucket';
import { bucketKey, STATE_KEY } from '../store/keys';
import { countingStore, type JsonStore } from '../store/kv';
import { DEFAULT_SNAPSHOT_CAP, isStale, mergeSnapshot, snapshotKeysFor } from '../store/snapshot';
import type { Bucket, RefreshOutcome, Snapshot, SourceInfo, SourceState, StateDoc } from '../store/types';
import { subrequestBudget } from './budget';
import { mapLimit } from './pool';
import { dueSources, nextDue } from './schedule';

/** Everything a run touches outside itself, passed in (tests hand in fakes). */
export interface RefreshDeps {
  kv: KVNamespace;
  fetch: typeof fetch;
  now: () => Date;
  random: () => number;
  allowPrivate: boolean;
  /** Subrequests this run may spend (default 45). */
  maxSubrequests?: number;
  /** No new source is started after this many ms of wall time (default 60 s). */
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
}

export interface RunSummary {
  startedAt: string;
  durationMs: number;
  due: number;
  sources: SourceReport[];
  kv: { reads: number; writes: number };
  subrequests: number;
  snapshotsWritten: string[];
  /** Set when the state could not be written (the next run repeats this one's work). */
  error?: string;
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
 * written once. Writes: 1 when nothing changed; 1 + changed buckets + changed snapshots.
 */
export async function runRefresh(deps: RefreshDeps, options: RefreshOptions = {}): Promise<RunSummary> {
  const startedAt = deps.now();
  const started = Date.now();
  const store = countingStore(deps.kv);
  const budget = subrequestBudget(deps.fetch, deps.maxSubrequests ?? 45);
  const deadline = started + (deps.timeBudgetMs ?? 60_000);
  const log = deps.log ?? (() => {});

  const catalog = await loadCatalog(store);
  const state: StateDoc = (await store.getJson<StateDoc>(STATE_KEY)) ?? { version: 1, sources: {} };
  const due = options.only
    ? catalog.filter((s) => options.only!.includes(s.id))
    : dueSources(catalog, state.sources, startedAt);

  const processed = await mapLimit(due, deps.concurrency ?? 6, (source) =>
    processSource(source, state.sources[source.id], { deps, store, budget, deadline, now: deps.now() }),
  );

  // Snapshots: buckets we hold now, plus those a failed write left pending last time.
  const held = new Map(processed.filter((p) => p.bucket).map((p) => [p.source.id, p.bucket!]));
  const pendingIds = (state.pending ?? []).filter((id) => !held.has(id));
  for (const id of pendingIds) {
    const b = await store.getJson<Bucket>(bucketKey(id));
    if (b) held.set(id, b);
  }
  const regions = new Map(catalog.map((s) => [s.id, s.region]));
  const { written, failedSources } = await updateSnapshots([...held.values()], regions, store, deps);

  // State: written last, once, so a run killed before it is simply repeated.
  const at = deps.now();
  for (const p of processed) state.sources[p.source.id] = nextState(state.sources[p.source.id], p, at, deps.random);
  state.pending = [...failedSources];
  const summary: RunSummary = {
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - started,
    due: due.length,
    sources: processed.map((p) => p.report),
    kv: store.counts,
    subrequests: budget.used(),
    snapshotsWritten: written,
  };
  state.lastRun = {
    at: at.toISOString(),
    durationMs: summary.durationMs,
    fetched: processed.filter((p) => p.report.outcome !== 'deferred').length,
    failed: processed.filter((p) => p.report.outcome === 'failed').length,
  };
  try {
    await store.putJson(STATE_KEY, state);
  } catch (e) {
    summary.error = `state not written: ${e instanceof Error ? e.message : e}`;
    log({ level: 'error', event: 'state-write-failed', reason: summary.error });
  }
  summary.durationMs = Date.now() - started;
  return summary;
}

interface RunContext {
  deps: RefreshDeps;
  store: JsonStore;
  budget: ReturnType<typeof subrequestBudget>;
  deadline: number;
  now: Date;
}

async function processSource(source: Source, prev: SourceState | undefined, ctx: RunContext): Promise<Processed> {
  const report: SourceReport = { id: source.id, outcome: 'deferred', newArticles: 0, updatedArticles: 0 };
  if (ctx.budget.remaining() <= 0 || Date.now() > ctx.deadline) return { source, report };
  const log = ctx.deps.log ?? (() => {});
  const key = bucketKey(source.id);
  try {
    // Enrichment fetches only new articles' pages, so it needs the stored ids first.
    let stored = source.enrich ? await ctx.store.getJson<Bucket>(key) : undefined;
    const result = await ingestSource(
      { source, validators: { etag: prev?.etag, lastModified: prev?.lastModified, hash: prev?.hash }, feedUrl: prev?.feedUrl },
      {
        fetch: ctx.budget.fetch,
        allowPrivate: ctx.deps.allowPrivate,
        timeoutMs: ctx.deps.fetchTimeoutMs,
        now: ctx.now,
        maxEnrich: 5,
        knownIds: stored ? new Set(stored.articles.map((a) => a.id)) : undefined,
      },
    );
    if (result.status !== 'parsed') {
      report.outcome = result.status;
      return { source, report, result };
    }
    if (stored === undefined) stored = await ctx.store.getJson<Bucket>(key);
    const merge = mergeBucket(stored?.articles ?? [], result.articles, ctx.now, ctx.deps.bucketCap ?? DEFAULT_BUCKET_CAP);
    report.newArticles = merge.added;
    report.updatedArticles = merge.updated;
    if (!merge.changed) {
      report.outcome = 'unchanged';
      return { source, report, result, bucket: stored ?? undefined };
    }
    const bucket: Bucket = { version: version(ctx.now, ctx.deps.random), sourceId: source.id, source: sourceInfo(source), articles: merge.articles };
    await ctx.store.putJson(key, bucket);
    report.outcome = 'updated';
    log({ level: 'info', event: 'source-updated', source: source.id, added: merge.added, updated: merge.updated });
    return { source, report, result, bucket };
  } catch (e) {
    // A request refused for want of budget is not the source's fault: it stays due.
    if (ctx.budget.exhausted()) return { source, report };
    report.outcome = 'failed';
    report.code = e instanceof IngestError ? e.code : 'store';
    report.error = e instanceof Error ? e.message : String(e);
    if (!(e instanceof IngestError)) report.error = `storing failed: ${report.error}`;
    log({ level: 'warn', event: 'source-failed', source: source.id, code: report.code, reason: report.error });
    return { source, report };
  }
}

async function updateSnapshots(
  buckets: Bucket[],
  regions: Map<string, Source['region']>,
  store: JsonStore,
  deps: RefreshDeps,
): Promise<{ written: string[]; failedSources: Set<string> }> {
  const byKey = new Map<string, Bucket[]>();
  for (const b of buckets) {
    const region = regions.get(b.sourceId);
    if (!region) continue;
    for (const key of snapshotKeysFor(region)) byKey.set(key, [...(byKey.get(key) ?? []), b]);
  }
  const written: string[] = [];
  const failedSources = new Set<string>();
  for (const [key, members] of byKey) {
    try {
      const prev = await store.getJson<Snapshot>(key);
      const stale = members.filter((b) => isStale(prev, b));
      if (stale.length === 0) continue;
      const now = deps.now();
      await store.putJson(key, mergeSnapshot(prev, stale, version(now, deps.random), now, deps.snapshotCap ?? DEFAULT_SNAPSHOT_CAP));
      written.push(key);
    } catch (e) {
      for (const b of members) failedSources.add(b.sourceId);
      deps.log?.({ level: 'error', event: 'snapshot-write-failed', key, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  return { written, failedSources };
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
    if (p.bucket) s.articleCount = p.bucket.articles.length;
  }
  s.nextDue = nextDue(p.source, s.failures, now, random).toISOString();
  return s;
}
