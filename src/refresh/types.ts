import type { ItemsSeen } from './seen-items';
import type { IngestResult } from '../ingest/ingest-source';
import type { Source } from '../sources/schema';
import type { StoryMatcher } from '../stories';
import type { JsonStore } from '../store/kv';
import type { QueuedPage } from '../store/page-queue';
import type { Bucket, RefreshOutcome } from '../store/types';
import type { subrequestBudget } from './budget';
import type { NewsHeld } from './held-news';
import type { StateMemory } from './kept-state';

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
  /** Articles kept in each source's bucket (default 200): a smaller one is cheaper to read and write when the source has news. */
  bucketCap?: number;
  /** Articles kept in each snapshot (default 500): a smaller one is cheaper to merge and to serve. */
  snapshotCap?: number;
  /** Due sources one run takes at most (default: all, within the subrequest budget); the rest wait for the next run. */
  maxSources?: number;
  /**
   * Snapshots merged in a run of their own (default false): a run that fetched news leaves
   * its snapshots to the next run, which merges them and fetches nothing. For plans that
   * cap CPU per invocation (the free plan's 10 ms).
   */
  snapshotsApart?: boolean;
  /**
   * Stored articles story matching may index (fingerprint) in one run, the newest first (default:
   * all). A cold isolate then indexes its snapshots over its first runs, comparing new articles
   * with fewer stored ones until it has: for plans that cap CPU per invocation.
   */
  storyIndexPerRun?: number;
  /**
   * This isolate's held news (held-news.ts). Given, news is stored in runs of its own: a run that
   * fetches news leaves it here, and the next run stores what is held instead of fetching; a run
   * whose isolate did not serve the run before stores at once (handsOver). For plans that cap CPU
   * per invocation. Absent: a run stores the news it fetches.
   */
  heldNews?: NewsHeld;
  /**
   * This isolate's item keys of the feeds it read (seen-items.ts). Given, a feed fetched again is
   * parsed only down to the first item its last stored body had: less CPU, but a known item's
   * edits (a corrected title) are no longer read. For plans that cap CPU per invocation.
   */
  seenItems?: ItemsSeen;
  /** New articles a run storing held news stores at most (default: all); the rest stay held for the next run. */
  maxNewArticles?: number;
  /** Per-fetch timeout (default 15 s). */
  fetchTimeoutMs?: number;
  /**
   * What this isolate keeps between runs (kept-state.ts): quiet runs' source states, written
   * later. Without it every run that fetched writes `state`.
   */
  memory?: StateMemory;
  log?: (entry: Record<string, unknown>) => void;
}

export interface RefreshOptions {
  /** Refresh only these sources, due or not (admin refresh of one source). */
  only?: string[];
  /** Told as the run goes: how many sources it takes, each source as it finishes, when it starts storing. */
  progress?: (event: RunProgress) => void;
}

/**
 * A run as it goes. A source's report is what its fetch gave; the summary at the end is the
 * last word (a source whose articles then could not be stored is reported failed there).
 */
export type RunProgress =
  | { event: 'started'; due: number; sources: number }
  | { event: 'source'; done: number; sources: number; report: SourceReport }
  | { event: 'storing' };

export interface SourceReport {
  id: string;
  outcome: RefreshOutcome;
  /** Articles new to the store. */
  newArticles: number;
  updatedArticles: number;
  error?: string;
  code?: string;
  /** The HTTP status of an `http` failure. */
  status?: number;
  /** Set when the feed was damaged and only the items before the damage were read. */
  partial?: true;
  /** Set on an `unchanged` outcome whose body was parsed (its items were new text) and gave nothing new. */
  parsed?: true;
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
  /** Article pages read this run, failed this run, and still waiting in the queue after it. */
  pages?: { read: number; failed: number; waiting: number };
  /** Due sources this run left for the next (over `maxSources`, or a snapshot-only run). */
  handedOn?: number;
  /** Sources whose news this run fetched and left for the next run to store (RefreshDeps.heldNews). */
  newsHeld?: number;
  /**
   * With held news: the run's isolate did not serve the run before, so it stored what it fetched
   * at once. Most runs so mean the cron's runs do not share an isolate: each that fetches then
   * writes `state`, more KV writes a day than the free plan's 1,000 for a province.
   */
  newIsolate?: true;
  /** Set when the state could not be read or written (the next run repeats this one's work). */
  error?: string;
  /** Sources another run attempted at the same time (their next fetch is a full one). */
  overlapped?: string[];
}

export interface Processed {
  source: Source;
  report: SourceReport;
  result?: IngestResult;
  /** The source's bucket as it now is in KV, when we read or wrote it. */
  bucket?: Bucket;
  /** Its new articles whose own pages are to be read (sources with `fullText` or `enrich`). */
  fresh?: QueuedPage[];
  /** Its bucket changed but is left for the page stage to write (once, with the pages' gains). */
  unsaved?: true;
  /** Its news was held for the next run to store (nothing written for it). */
  held?: true;
  /** New articles of its fetch left for the next run (a run's allowance spent): its validators and due time stay. */
  later?: number;
}

export interface RunContext {
  deps: RefreshDeps;
  stories: StoryMatcher;
  store: JsonStore;
  budget: ReturnType<typeof subrequestBudget>;
  deadline: number;
  now: Date;
  /** Whether every source of the catalog is of one province (story matching then reads one snapshot). */
  oneProvince: boolean;
  /** Where a fetch that found news leaves it, instead of storing it (held-news.ts). */
  holdNews?: NewsHeld;
  /** New articles this run may still store (a run storing held news, with `maxNewArticles`). */
  newsAllowance?: { left: number };
}

/** Set when the run has given up on a source: it must not write anything any more. */
export interface Abandon {
  stopped: boolean;
}

