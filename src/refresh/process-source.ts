import { DEFAULT_TIMEOUT_MS } from '../ingest/fetch';
import { ingestSource } from '../ingest/ingest-source';
import { IngestError } from '../ingest/types';
import type { Source } from '../sources/schema';
import { errorText } from '../error-text';
import { DEFAULT_BUCKET_CAP, mergeBucket, readBucket, writeBucket } from '../store/bucket';
import { storySnapshotKeys } from '../store/snapshot';
import type { Bucket, SourceInfo, SourceState } from '../store/types';
import { newVersion } from '../store/version';
import type { QueuedPage } from '../store/page-queue';
import type { Article } from '../model';
import { hold, sliceOfNews, type NewsHeld, type ParsedResult } from './held-news';
import type { Abandon, Processed, RunContext, SourceReport } from './types';
import { withoutUserinfo } from '../normalize/url';
import { rememberSeen } from './seen-items';

export const sourceInfo = (s: Source, icon?: string): SourceInfo => ({
  id: s.id,
  name: s.name,
  url: withoutUserinfo(s.url),
  region: s.region,
  ...(s.retired ? { retired: true } : {}),
  ...(icon ? { icon } : {}),
});

/** A source is not started with less time than this left (or its fetch timeout, if shorter). */
const MIN_SOURCE_MS = 1000;
/** A source still busy this long after the run's deadline is abandoned (its fetch times out first). */
const GRACE_MS = 250;

/**
 * New articles whose own pages are to be read: all of them with `fullText`; with `enrich`, those
 * missing a date or an image. Only those the bucket kept (a capped bucket drops the oldest).
 */
function pagesToRead(source: Source, fresh: Article[], kept: Article[], now: Date): QueuedPage[] | undefined {
  if (!source.fullText && !source.enrich) return undefined;
  const ids = new Set(kept.map((a) => a.id));
  const since = now.toISOString();
  return fresh
    .filter((a) => ids.has(a.id) && (source.fullText || a.dateEstimated || !a.image))
    .map((a) => ({ id: a.id, sourceId: source.id, url: a.url, since }));
}

const deferred = (source: Source, error?: string): Processed => ({
  source,
  report: { id: source.id, outcome: 'deferred', newArticles: 0, updatedArticles: 0, ...(error ? { error } : {}) },
});

/**
 * Runs one source inside the run's time budget: its fetches never wait past the
 * deadline, and if it is still busy then (slow enrichment, a stream that ignores
 * aborts) it is abandoned and reported deferred: not its fault, so no backoff.
 * Given `held`, what an earlier run fetched (held-news.ts), it stores that instead of fetching.
 */
export async function processWithinBudget(source: Source, prev: SourceState | undefined, ctx: RunContext, held?: ParsedResult): Promise<Processed> {
  const fetchTimeout = ctx.deps.fetchTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  const remaining = ctx.deadline - ctx.deps.now().getTime();
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
    const p = await Promise.race([processSource(source, prev, ctx, abandon, Math.min(fetchTimeout, remaining), held), cut]);
    if (p.report.outcome === 'deferred' && p.report.error) ctx.deps.log?.({ level: 'info', event: 'source-deferred', source: source.id, reason: p.report.error });
    return p;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Stores a source's held news (held-news.ts) within the run's allowance of new articles: what
 * the allowance leaves stays held for the next run. With the allowance spent, the source waits.
 */
export async function storeHeld(source: Source, prev: SourceState | undefined, ctx: RunContext, held: NewsHeld): Promise<Processed> {
  const news = held.get(source.id);
  if (!news || (ctx.newsAllowance && ctx.newsAllowance.left <= 0)) return deferred(source);
  held.delete(source.id);
  const p = await processWithinBudget(source, prev, ctx, news.result);
  if (p.later) held.set(source.id, news);
  return p;
}

async function processSource(source: Source, prev: SourceState | undefined, ctx: RunContext, abandon: Abandon, timeoutMs: number, held?: ParsedResult): Promise<Processed> {
  const report: SourceReport = { id: source.id, outcome: 'deferred', newArticles: 0, updatedArticles: 0 };
  const log = ctx.deps.log ?? (() => {});
  const clamped = timeoutMs < (ctx.deps.fetchTimeoutMs ?? DEFAULT_TIMEOUT_MS);
  try {
    const result = held ?? await ingestSource(
      {
        source,
        validators: { etag: prev?.etag, lastModified: prev?.lastModified, hash: prev?.hash, itemsHash: prev?.itemsHash },
        feedUrl: prev?.feedUrl,
        listing: prev?.listing,
        icon: { icon: prev?.icon, iconChecked: prev?.iconChecked },
        ...(ctx.deps.seenItems ? { seen: ctx.deps.seenItems.get(source.id) ?? [] } : {}),
      },
      {
        fetch: ctx.budget.fetch,
        allowPrivate: ctx.deps.allowPrivate,
        timeoutMs,
        now: ctx.now,
      },
    );
    if (abandon.stopped) return { source, report };
    // Kept whatever becomes of this fetch: they are used only while `state` names this body.
    if (!held && result.status === 'parsed' && result.seen && ctx.deps.seenItems) rememberSeen(ctx.deps.seenItems, source.id, result.seen);
    if (result.status !== 'parsed') {
      report.outcome = result.status;
      return { source, report, result };
    }
    if (result.partial) {
      report.partial = true;
      report.warning = 'damaged feed: only the items before the damage were read';
    } else if (result.articles.length === 0 && !result.knownItems) {
      report.warning = 'the fetch yielded no articles; the stored ones are kept';
    }
    // Read right before merging: the shorter the gap, the less an overlapping run slips in.
    const stored = await readBucket(ctx.store, source.id);
    const storedIds = new Set(stored?.articles.map((a) => a.id));
    // A run storing held news takes its slice of the new articles; the rest stay held (run.ts).
    const news = sliceOfNews(result.articles, result.articles.filter((a) => !storedIds.has(a.id)), ctx.newsAllowance?.left ?? Infinity);
    const fresh = news.fresh;
    if (ctx.newsAllowance) ctx.newsAllowance.left -= fresh.length;
    const merge = mergeBucket(stored?.articles ?? [], news.articles, ctx.now, ctx.deps.bucketCap ?? DEFAULT_BUCKET_CAP);
    const later = news.later ? { later: news.later } : {};
    if (ctx.holdNews && merge.changed && !abandon.stopped) {
      // Stored by the next run, which fetches nothing; this one writes nothing for the source.
      hold(ctx.holdNews, source, prev, result);
      return { source, report: { ...report, error: 'news held: stored by the next run' }, held: true };
    }
    // Its objects are the bucket's: a story id set here is stored with them.
    await ctx.stories.assign(fresh, storySnapshotKeys(source.region, ctx.oneProvince));
    const pages = pagesToRead(source, fresh, merge.articles, ctx.now);
    report.newArticles = merge.added;
    report.updatedArticles = merge.updated;
    // A new icon is written with the articles, so pages (which read no state) show it.
    const icon = result.icon.icon;
    if (!merge.changed && (!stored || stored.source?.icon === icon)) {
      report.outcome = 'unchanged';
      report.parsed = true;
      return { source, report, result, bucket: stored ?? undefined, fresh: pages, ...later };
    }
    const bucket: Bucket = { version: newVersion(ctx.now, ctx.deps.random), sourceId: source.id, source: sourceInfo(source, icon), articles: merge.articles };
    if (abandon.stopped) return deferred(source);
    if (pages?.length) {
      // Written once, by the page stage, with what the new articles' pages give (one write a key a run).
      report.outcome = 'updated';
      return { source, report, result, bucket, fresh: pages, unsaved: true, ...later };
    }
    await writeBucket(ctx.store, bucket);
    report.outcome = 'updated';
    log({ level: 'info', event: 'source-updated', source: source.id, added: merge.added, updated: merge.updated, ...(report.warning ? { warning: report.warning } : {}) });
    return { source, report, result, bucket, fresh: pages, ...later };
  } catch (e) {
    // A request refused for want of budget, or cut short by the run's deadline rather
    // than by the source's own slowness, is not the source's fault: it stays due.
    if (ctx.budget.exhausted()) return deferred(source);
    if (clamped && e instanceof IngestError && e.code === 'timeout') return deferred(source, 'run time budget spent');
    report.outcome = 'failed';
    report.code = e instanceof IngestError ? e.code : 'store';
    if (e instanceof IngestError && e.status) report.status = e.status;
    report.error = errorText(e);
    if (!(e instanceof IngestError)) report.error = `storing failed: ${report.error}`;
    log({ level: 'warn', event: 'source-failed', source: source.id, code: report.code, reason: report.error });
    return { source, report };
  }
}

