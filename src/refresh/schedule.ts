import type { Source } from '../sources/schema';
import type { SourceState } from '../store/types';

const MINUTE = 60_000;
export const MAX_BACKOFF_MS = 6 * 60 * MINUTE;

/** Sources a refresh may fetch: enabled and not retired. */
export const isActive = (s: Source) => s.enabled && !s.retired;

/**
 * A source falling due this soon is taken now. Its next due time counts from when it was
 * fetched, a little after the cron fired, so without this a 30-minute source would miss the
 * cron 30 minutes later by seconds and wait for the next one: every 45 minutes, not 30.
 */
export const DUE_EARLY_MINUTES = 5;

/**
 * Due sources (due by `now` + `earlyMinutes`), the longest-waiting first, so a run that
 * cannot fetch all of them leaves the most recently fetched ones for the next run (no starvation).
 */
export function dueSources(sources: Source[], state: Record<string, SourceState>, now: Date, earlyMinutes = DUE_EARLY_MINUTES): Source[] {
  const dueAt = (s: Source) => state[s.id]?.nextDue ?? '';
  const by = new Date(now.getTime() + earlyMinutes * MINUTE).toISOString();
  return sources
    .filter(isActive)
    .filter((s) => dueAt(s) <= by)
    .sort((a, b) => (dueAt(a) < dueAt(b) ? -1 : dueAt(a) > dueAt(b) ? 1 : a.id < b.id ? -1 : 1));
}

/**
 * When a source is due next. After a success: its interval. After n consecutive
 * failures: interval × 2^(n-1), capped at 6 hours, with ±20 % jitter so sources
 * that failed together do not retry together. A source is never given up.
 */
export function nextDue(source: Pick<Source, 'intervalMinutes'>, failures: number, now: Date, random: () => number): Date {
  const base = source.intervalMinutes * MINUTE;
  if (failures <= 0) return new Date(now.getTime() + base);
  const backoff = Math.min(MAX_BACKOFF_MS, base * 2 ** Math.min(failures - 1, 20));
  const jitter = 1 + (random() * 0.4 - 0.2);
  return new Date(now.getTime() + Math.min(MAX_BACKOFF_MS, backoff * jitter));
}
