import type { IngestResult } from '../ingest/ingest-source';
import type { Article } from '../model';
import type { Source } from '../sources/schema';
import type { SourceState } from '../store/types';

export type ParsedResult = Extract<IngestResult, { status: 'parsed' }>;

/**
 * News a run fetched and left for the next run to store (RefreshDeps.heldNews). On a plan that
 * caps CPU per invocation, fetching and parsing a feed and storing its news (story matching, the
 * bucket, `state`) do not fit in one invocation; apart, each does. The run that fetched writes
 * nothing for the source: its state stays as it was, due, so if the isolate is lost the news is
 * fetched again, not lost. The next run of the isolate stores it without fetching. Only an
 * isolate that serves the runs in turn holds news (handsOver).
 */
export interface HeldNews {
  result: ParsedResult;
  /** The address fetched and the validators it was fetched with: another in the catalog or state, and the news is fetched anew. */
  url: string;
  since: string;
}

/** This isolate's held news, by source id, and when its last run started. */
export class NewsHeld extends Map<string, HeldNews> {
  /** When this isolate's last run started (epoch ms); undefined in a new isolate. */
  lastRun?: number;
}

export const newNewsHeld = (): NewsHeld => new NewsHeld();

/**
 * How soon after an isolate's last run a run may still leave news to the next: runs a minute
 * apart in one isolate, or two isolates serving them in turn.
 */
export const HAND_OVER_MS = 150_000;

/**
 * Whether a run starting `at` may leave the news it fetches to the next run: only when its
 * isolate ran the run before it too, so that the next is likely its own. Cloudflare promises no
 * isolate to a cron's runs. News held by an isolate that runs no more would be fetched again by
 * another run, held there and lost again; so a run in a new isolate, or in one that gets a run
 * only now and then, stores what it fetches at once. Notes `at` as the isolate's last run.
 */
export function handsOver(held: NewsHeld, at: number): boolean {
  const last = held.lastRun;
  held.lastRun = at;
  return last !== undefined && at >= last && at - last <= HAND_OVER_MS;
}

const validatorsOf = (s: SourceState | undefined) => JSON.stringify([s?.etag ?? null, s?.lastModified ?? null, s?.hash ?? null, s?.itemsHash ?? null]);

/** Holds a source's fetched news, against the state it was fetched from. */
export function hold(held: NewsHeld, source: Source, state: SourceState | undefined, result: ParsedResult): void {
  held.set(source.id, { result, url: source.url, since: validatorsOf(state) });
}

/**
 * The held news still to store, in the order they were held: what the catalog still has at the
 * address fetched, with the validators it was fetched with (a run elsewhere that fetched the
 * source since moved them: its news is then fetched anew, and dropped here).
 */
export function heldToStore(held: NewsHeld, byId: ReadonlyMap<string, Source>, states: Record<string, SourceState>): Source[] {
  const out: Source[] = [];
  for (const [id, h] of held) {
    const source = byId.get(id);
    if (source && source.enabled && !source.retired && source.url === h.url && validatorsOf(states[id]) === h.since) out.push(source);
    else held.delete(id);
  }
  return out;
}

/**
 * A run's slice of a source's new articles: at most `allowance`, the oldest first (by date, then
 * as listed); the fetch's other articles unchanged. `later` is how many new ones it leaves.
 */
export function sliceOfNews(articles: Article[], fresh: Article[], allowance: number): { articles: Article[]; fresh: Article[]; later: number } {
  if (fresh.length <= allowance) return { articles, fresh, later: 0 };
  const oldestFirst = fresh.map((a, i) => ({ a, i })).sort((x, y) => (x.a.published !== y.a.published ? (x.a.published < y.a.published ? -1 : 1) : y.i - x.i));
  const taken = new Set(oldestFirst.slice(0, Math.max(0, allowance)).map((x) => x.a));
  const left = new Set(fresh.filter((a) => !taken.has(a)));
  return { articles: articles.filter((a) => !left.has(a)), fresh: fresh.filter((a) => taken.has(a)), later: left.size };
}
