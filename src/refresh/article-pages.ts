import { applyPage } from '../article/apply';
import type { ArticlePage } from '../article/extract';
import { readArticlePage } from '../article/read-page';
import { DEFAULT_TIMEOUT_MS } from '../ingest/fetch';
import type { Source } from '../sources/schema';
import { errorText } from '../error-text';
import { byNewest, readBucket, writeBucket } from '../store/bucket';
import { newVersion } from '../store/version';
import { duePages, type PageQueue, type QueueChange, type QueuedPage } from '../store/page-queue';
import type { Bucket } from '../store/types';
import type { Budget } from './budget';
import { mapLimit } from './pool';
import type { RunContext } from './types';

/**
 * The article-page stage of a run: after the listings, the pages waiting in the queue (oldest
 * first), then this run's new articles, are read within what is left of the run's subrequest
 * and time budgets. Each source whose articles gained something is written once. Pages not
 * reached join the queue; pages that fail are retried later (page-queue.ts); an article whose
 * page cannot be read stays as the listing gave it.
 */
export interface PageStageInput {
  queue: PageQueue;
  /** This run's new articles of sources that read pages. */
  fresh: QueuedPage[];
  sources: ReadonlyMap<string, Source>;
  /** Buckets the listing stage holds (saves reading them again). */
  held: ReadonlyMap<string, Bucket>;
  /** Sources whose held bucket the listing stage left for this stage to write. */
  unsaved: ReadonlySet<string>;
  /** Only these sources' pages (an admin refresh of some sources, a queue batch). */
  only?: ReadonlySet<string>;
  /** The run's whole budget (the listings had their own share of it). */
  budget: Budget;
}

export interface PageStageResult {
  change: QueueChange;
  /** Buckets written by this stage. */
  written: Map<string, Bucket>;
  /** Sources whose bucket, left unsaved by the listing stage, could not be written. */
  notStored: Map<string, string>;
  read: number;
  failed: number;
}

/** A page is not started with less time than this left before the run's deadline. */
const MIN_PAGE_MS = 1000;

type Outcome = { page: QueuedPage } & ({ kind: 'read'; result: ArticlePage } | { kind: 'failed' | 'skipped' | 'unwanted' });

export async function readQueuedPages(input: PageStageInput, ctx: RunContext): Promise<PageStageResult> {
  const queued = duePages(input.queue, ctx.now, input.only as Set<string> | undefined);
  const inQueue = new Set(input.queue.pages.map((p) => p.id));
  const fresh = input.fresh.filter((p) => !inQueue.has(p.id));
  const log = ctx.deps.log ?? (() => {});

  const outcomes = await mapLimit([...queued, ...fresh], ctx.deps.concurrency ?? 6, async (page): Promise<Outcome> => {
    const source = input.sources.get(page.sourceId);
    if (!source || !(source.fullText || source.enrich) || !source.enabled || source.retired) return { page, kind: 'unwanted' };
    const left = ctx.deadline - ctx.deps.now().getTime();
    if (input.budget.remaining() <= 0 || left < MIN_PAGE_MS) return { page, kind: 'skipped' };
    try {
      const result = await readArticlePage(page.url, {
        fetch: input.budget.fetch,
        allowPrivate: ctx.deps.allowPrivate,
        timeoutMs: Math.min(ctx.deps.fetchTimeoutMs ?? DEFAULT_TIMEOUT_MS, left),
        now: ctx.now,
        order: source.dateOrder,
      });
      return { page, kind: 'read', result };
    } catch (e) {
      // Refused for want of budget: not the page's fault.
      if (input.budget.exhausted() && /budget/.test(errorText(e))) return { page, kind: 'skipped' };
      log({ level: 'info', event: 'article-page-failed', source: page.sourceId, url: page.url, reason: errorText(e) });
      return { page, kind: 'failed' };
    }
  });

  const change: QueueChange = { added: [], done: [], failed: [] };
  const written = new Map<string, Bucket>();
  const bySource = new Map<string, Array<{ page: QueuedPage; result: ArticlePage }>>();
  for (const o of outcomes) {
    if (o.kind === 'unwanted') change.done.push(o.page.id);
    else if (o.kind === 'failed') change.failed.push(o.page.id);
    else if (o.kind === 'read') bySource.set(o.page.sourceId, [...(bySource.get(o.page.sourceId) ?? []), o]);
  }
  const notStored = new Map<string, string>();
  for (const sourceId of new Set([...input.unsaved, ...bySource.keys()])) {
    const reads = bySource.get(sourceId) ?? [];
    try {
      const bucket = input.held.get(sourceId) ?? (await readBucket(ctx.store, sourceId));
      const results = new Map(reads.map((r) => [r.page.id, r.result]));
      const metaOnly = !input.sources.get(sourceId)?.fullText;
      let changed = false;
      const articles = (bucket?.articles ?? []).map((a) => {
        const result = results.get(a.id);
        if (!result) return a;
        changed = true;
        return applyPage(a, result, ctx.now, metaOnly);
      });
      if (bucket && (changed || input.unsaved.has(sourceId))) {
        // A page's exact time can move its article within the newest-first order.
        const next: Bucket = changed ? { ...bucket, version: newVersion(ctx.now, ctx.deps.random), articles: articles.sort(byNewest) } : bucket;
        await writeBucket(ctx.store, next);
        written.set(sourceId, next);
      }
      // Read, or its article is gone from the bucket: either way it leaves the queue.
      change.done.push(...reads.map((r) => r.page.id));
    } catch (e) {
      if (input.unsaved.has(sourceId)) notStored.set(sourceId, errorText(e));
      log({ level: 'error', event: 'article-pages-not-stored', source: sourceId, reason: errorText(e) });
    }
  }
  // Every new one joins the queue; those read this run leave it again in the same change.
  change.added = fresh;
  const read = outcomes.filter((o) => o.kind === 'read').length;
  return { change, written, notStored, read, failed: change.failed.length };
}
