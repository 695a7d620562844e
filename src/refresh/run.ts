import { errorText } from '../error-text';
import { catalogIndex } from '../sources/catalog-index';
import type { Source } from '../sources/schema';
import { snapshotWritten, storyMatcher } from '../stories';
import { loadCatalog } from '../store/catalog';
import { countingStore } from '../store/kv';
import { duePages, emptyQueue, readPageQueue, writePageQueue, type PageQueue } from '../store/page-queue';
import { snapshotReads, storyScopes } from '../store/snapshot-read';
import { readStateShared, writeState } from '../store/state';
import type { SourceState, StateDoc } from '../store/types';
import { subrequestBudget } from './budget';
import { noteImageHosts, writeAllowedImageHosts } from './image-hosts';
import { changedMaterially, heldBefore, keep, toCarry, withKept, written } from './kept-state';
import { nextState } from './next-state';
import { probeSiteIcons } from './site-icons';
import { noRepairs, pendingRepairs } from './pending';
import { mapLimit } from './pool';
import { processWithinBudget, storeHeld } from './process-source';
import { handsOver, heldToStore } from './held-news';
import { readQueuedPages } from './article-pages';
import { dueSources, isActive } from './schedule';
import { updateSnapshots } from './snapshots';
import { mergeState } from './state-merge';
import type { RefreshDeps, RefreshOptions, RunContext, RunSummary } from './types';

/**
 * Most of a run's subrequests a backlog of article pages may hold back from the listings: the
 * listings of due sources come first, but pages waiting from earlier runs are never starved.
 */
const PAGE_SHARE = 0.3;

/**
 * How often a run that changed nothing material still writes `state`: an idle run its `lastRun`
 * (health calls a refresh stale after an hour), a quiet one what its isolate kept (kept-state.ts).
 */
export const IDLE_WRITE_MS = 15 * 60_000;

export type { RefreshDeps, RefreshOptions, RunProgress, RunSummary, SourceReport } from './types';
export { sourceInfo } from './process-source';

/**
 * One refresh run: due sources fetched six at a time within the subrequest and time
 * budgets, changed buckets written, the snapshots they belong to merged, and the state
 * written once, last. Writes: 1 + changed buckets + changed snapshots; 0 for a run that changed
 * nothing material, within IDLE_WRITE_MS of its isolate's last write (see kept-state.ts).
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
  // Time comes from the injected clock, like everything else the run does.
  const started = startedAt.getTime();
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
    summary.durationMs = deps.now().getTime() - started;
    return summary;
  };

  let catalog: Source[];
  let stored: StateDoc;
  try {
    catalog = await loadCatalog(store);
    stored = (await readStateShared(store)) ?? { version: 1, sources: {} };
  } catch (e) {
    // Nothing read, nothing written: the next run starts from the same place.
    summary.error = `catalog or state not read: ${errorText(e)}`;
    log({ level: 'error', event: 'refresh-aborted', reason: summary.error });
    return finish();
  }
  // What this run starts from: the stored state, with what this isolate fetched since its last write.
  const memory = deps.memory;
  const startState = memory ? withKept(stored, memory) : stored;
  const due = options.only
    ? catalog.filter((s) => isActive(s) && options.only!.includes(s.id))
    : dueSources(catalog, startState.sources, startedAt);
  summary.due = due.length;

  // Article pages waiting from earlier runs get a share of the budget the listings cannot take.
  const now = deps.now();
  const only = options.only ? new Set(options.only) : undefined;
  let queue: PageQueue | null = null;
  if (catalog.some((s) => s.fullText || s.enrich)) {
    try {
      queue = await readPageQueue(store);
    } catch (e) {
      queue = emptyQueue(); // this run's new articles are still queued (the write re-reads)
      log({ level: 'error', event: 'page-queue-not-read', reason: errorText(e) });
    }
  }
  const max = deps.maxSubrequests ?? 45;
  const reserve = queue ? Math.min(duePages(queue, now, only).length, Math.floor(max * PAGE_SHARE)) : 0;
  const listingBudget = reserve ? subrequestBudget(budget.fetch, max - reserve) : budget;

  const { byId, regions, oneProvince } = catalogIndex(catalog);
  const snaps = snapshotReads(store);
  const check = (skip: Set<string>) => pendingRepairs(startState, regions, snaps, store, skip, log);

  // A run takes at most `maxSources` of the due sources, the longest-waiting first; the rest
  // stay due and the next run takes them. With snapshots apart, the snapshots earlier runs
  // left behind come first: a run that has some to merge does only that, and a run that
  // fetches leaves its new buckets for the next run, so no invocation pays for both.
  // With news apart too (RefreshDeps.heldNews), a run that fetches holds the news it finds, and
  // the next stores it, fetching and merging nothing; the merge comes once all is stored (one
  // merge for a burst of news). Runs asked for given sources store at once, and so does a run
  // whose isolate did not serve the run before (handsOver).
  const newsHeld = options.only ? undefined : deps.heldNews;
  const mayHold = !!newsHeld && handsOver(newsHeld, started);
  if (newsHeld && !mayHold) summary.newIsolate = true;
  const storing = newsHeld ? heldToStore(newsHeld, byId, startState.sources).slice(0, deps.maxSources ?? Infinity) : [];
  const apart = deps.snapshotsApart === true;
  const before = apart ? (storing.length ? noRepairs() : await check(new Set())) : undefined;
  const merging = !!before && before.held.size > 0;
  const slice = storing.length ? storing : merging ? [] : due.slice(0, deps.maxSources ?? due.length);
  summary.handedOn = due.length - (storing.length ? 0 : slice.length);

  // New articles that copy another portal's story get its story id (snapshots are read only if needed).
  // Read apart from `snaps`: the snapshot merge re-reads right before writing, keeping its race window short.
  const stories = storyMatcher(storyScopes(snapshotReads(store)), { indexPerRun: deps.storyIndexPerRun });
  const ctx: RunContext = {
    deps,
    store,
    budget: listingBudget,
    deadline,
    now,
    stories,
    oneProvince,
    ...(newsHeld && mayHold && !storing.length ? { holdNews: newsHeld } : {}),
    ...(storing.length && deps.maxNewArticles ? { newsAllowance: { left: deps.maxNewArticles } } : {}),
  };
  const progress = options.progress ?? (() => {});
  progress({ event: 'started', due: due.length, sources: slice.length });
  let done = 0;
  // Held news one source after another, each taking what the allowance leaves.
  const processed = await mapLimit(slice, storing.length ? 1 : (deps.concurrency ?? 6), async (source) => {
    const prev = startState.sources[source.id];
    const p = storing.length ? await storeHeld(source, prev, ctx, newsHeld!) : await processWithinBudget(source, prev, ctx);
    progress({ event: 'source', done: ++done, sources: slice.length, report: p.report });
    return p;
  });
  progress({ event: 'storing' });
  summary.sources = processed.map((p) => p.report);
  if (newsHeld) summary.newsHeld = processed.filter((p) => p.held).length;

  // The buckets this run wrote or read (listings, then article pages).
  const fetched = new Map(processed.filter((p) => p.bucket).map((p) => [p.source.id, p.bucket!]));
  const versionsRead = new Map<string, string>();
  if (queue) {
    const fresh = processed.flatMap((p) => p.fresh ?? []);
    const unsaved = new Set(processed.filter((p) => p.unsaved).map((p) => p.source.id));
    const pages = await readQueuedPages({ queue, fresh, sources: byId, held: fetched, unsaved, only, budget }, ctx);
    const attemptedIds = new Set(processed.map((p) => p.source.id));
    for (const p of processed) {
      if (pages.written.has(p.source.id)) p.bucket = pages.written.get(p.source.id);
      const reason = pages.notStored.get(p.source.id);
      if (reason === undefined) continue;
      // Its listing's gains were never stored: a failure, fetched in full again next time.
      p.report.outcome = 'failed';
      p.report.code = 'store';
      p.report.error = `storing failed: ${reason}`;
      p.bucket = undefined;
      fetched.delete(p.source.id);
    }
    for (const [id, bucket] of pages.written) {
      fetched.set(id, bucket);
      if (!attemptedIds.has(id)) versionsRead.set(id, bucket.version);
    }
    summary.pages = { read: pages.read, failed: pages.failed, waiting: queue.pages.length };
    try {
      const written = await writePageQueue(store, pages.change, deps.now(), queue);
      summary.pages.waiting = written.waiting;
      if (written.givenUp.length) log({ level: 'warn', event: 'article-pages-given-up', count: written.givenUp.length, urls: written.givenUp.slice(0, 10).map((p) => p.url) });
    } catch (e) {
      log({ level: 'error', event: 'page-queue-not-written', reason: errorText(e) });
    }
  }
  for (const [id, bucket] of await probeSiteIcons(processed, budget, ctx)) fetched.set(id, bucket);
  // Snapshots: the buckets this run holds, plus those of sources left pending by earlier runs
  // whose snapshots do not (or may not) agree with their buckets (this run's own excepted).
  const repairs = before ?? (await check(new Set(fetched.keys())));
  const confirmed = repairs.confirmed;
  for (const [id, v] of repairs.versionsRead) versionsRead.set(id, v);
  const held = apart ? repairs.held : new Map([...repairs.held, ...fetched]);
  // Story matching's kept index takes what the run wrote, so the next run with news parses nothing.
  const indexShare = deps.storyIndexPerRun === undefined ? undefined : Math.ceil(deps.storyIndexPerRun / 2);
  const snap = await updateSnapshots(held, regions, snaps, store, deps, (key, stored, s) => snapshotWritten(key, stored, s.articles, indexShare));
  summary.snapshotsWritten = snap.written;
  for (const id of held.keys()) if (!snap.failed.has(id) && !snap.merged.has(id)) confirmed.add(id);
  // Buckets this run changed: one held as stored (parsed, nothing new) is at the version `state`
  // records, so its snapshots hold it already or it is pending from the run that wrote it.
  const changed = [...fetched].filter(([id, b]) => b.version !== startState.sources[id]?.bucketVersion).map(([id]) => id);
  const pending = new Set([...snap.failed, ...snap.merged, ...(apart ? changed : [])]);

  // State: written last, once, merged with whatever another run stored meanwhile.
  const at = deps.now();
  const attempted = new Map<string, SourceState>();
  for (const p of processed) {
    if (p.report.outcome !== 'deferred') attempted.set(p.source.id, nextState(startState.sources[p.source.id], p, at, deps.random));
  }
  // With snapshots apart, a run that only merged leaves `state` as it was: what it merged stays
  // pending, and a later run finds it agreeing, by a read of each snapshot's members, and clears
  // it when it writes. Only when every bucket it held was merged at the version the state
  // records, or the next run would merge again instead of fetching.
  const mergedOnly = apart && processed.length === 0 && held.size > 0 && snap.failed.size === 0;
  if (mergedOnly && [...held].every(([id, b]) => snap.merged.has(id) && startState.sources[id]?.bucketVersion === b.version)) return finish();
  // A quiet run changed nothing another run needs now: no article, snapshot, bucket or failure;
  // at most when its sources were fetched, their validators and when they are due next, and
  // which pending sources it found merged. Its isolate keeps those (kept-state.ts) and writes them later, at least every IDLE_WRITE_MS
  // from its last write; a fresh isolate, one without memory, and a run asked for given sources
  // (admin, queue) write at once. A run that attempted nothing and has nothing kept would write
  // only `lastRun`: then when the stored one is that old, so idle runs of a frequent cron cost
  // no KV write and health still sees the cron.
  const quiet =
    pending.size === 0 &&
    versionsRead.size === 0 &&
    !snap.written.length &&
    changed.length === 0 &&
    ![...attempted].some(([id, s]) => changedMaterially(startState.sources[id], s));
  const own = attempted.size > 0 || (memory?.kept.size ?? 0) > 0;
  const lastWrite = own ? (options.only ? undefined : memory?.writtenAt) : startState.lastRun && Date.parse(startState.lastRun.at);
  if (quiet && lastWrite !== undefined && at.getTime() - lastWrite < IDLE_WRITE_MS) {
    if (memory) keep(memory, stored, attempted, confirmed);
    return finish();
  }
  const lastRun = {
    at: at.toISOString(),
    durationMs: at.getTime() - started,
    fetched: processed.filter((p) => p.report.outcome !== 'deferred').length,
    failed: processed.filter((p) => p.report.outcome === 'failed').length,
  };
  const isolateHeld = heldBefore(memory);
  try {
    let current: StateDoc | null;
    try {
      current = await readStateShared(store);
    } catch {
      current = stored; // cannot see what others wrote: write ours as is
    }
    // With what this isolate kept from earlier quiet runs, where the store has not moved past it.
    const carried = toCarry(isolateHeld.kept, current ?? stored, attempted);
    const { state, conflicts } = mergeState({
      started: stored,
      current,
      attempted: new Map([...carried, ...attempted]),
      pending,
      confirmed: new Set([...confirmed, ...isolateHeld.confirmed.keys()]),
      lastRun,
      now: at,
    });
    for (const [id, v] of versionsRead) if (state.sources[id] && !attempted.has(id)) state.sources[id] = { ...state.sources[id], bucketVersion: v };
    noteImageHosts(state, fetched, catalog);
    try {
      await writeAllowedImageHosts(store, catalog, state);
    } catch (e) {
      log({ level: 'error', event: 'image-hosts-not-written', reason: errorText(e) });
    }
    if (conflicts.length) {
      summary.overlapped = conflicts;
      log({ level: 'warn', event: 'refresh-overlap', sources: conflicts, reason: 'another run refreshed these sources at the same time; they are fetched in full next run' });
    }
    await writeState(store, state);
    if (memory) written(memory, isolateHeld, at.getTime());
  } catch (e) {
    summary.error = `state not written: ${errorText(e)}`;
    log({ level: 'error', event: 'state-write-failed', reason: summary.error });
  }
  return finish();
}

