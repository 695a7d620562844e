import type { RecentFailure, SourceState } from '../store/types';
import { nextDue } from './schedule';
import type { Processed } from './types';

/**
 * Failures a source's state remembers, and for how long: enough to tell a portal that is down
 * for days from one that fails now and then, while the one state document stays small.
 */
export const RECENT_FAILURES = 5;
const RECENT_FAILURE_DAYS = 30;

/** The history with one more failure: the newest few of the last month, oldest first. */
export function withFailure(history: RecentFailure[] | undefined, failure: RecentFailure, now: Date): RecentFailure[] {
  const since = now.getTime() - RECENT_FAILURE_DAYS * 86_400_000;
  return [...(history ?? []).filter((f) => Date.parse(f.at) >= since), failure].slice(-RECENT_FAILURES);
}

export function nextState(prev: SourceState | undefined, p: Processed, now: Date, random: () => number): SourceState {
  const s: SourceState = { ...(prev ?? { failures: 0 }) };
  const { outcome } = p.report;
  if (outcome === 'deferred') return s;
  s.lastAttempt = now.toISOString();
  s.lastOutcome = outcome;
  if (outcome === 'failed') {
    s.failures = (s.failures ?? 0) + 1;
    s.lastError = p.report.error;
    s.lastErrorCode = p.report.code;
    s.lastErrorStatus = p.report.status;
    s.lastErrorAt = now.toISOString();
    const code = p.report.code ?? 'network';
    s.recentFailures = withFailure(s.recentFailures, { at: s.lastErrorAt, code, ...(p.report.status !== undefined ? { status: p.report.status } : {}) }, now);
  } else {
    s.failures = 0;
    s.lastSuccess = now.toISOString();
    // New articles left for a later run: the validators stay those of the last fetch stored in
    // full, so a fetch after a lost isolate reads the body again and finds them.
    const v = p.later ? (prev ?? {}) : p.result!.validators;
    s.etag = v.etag;
    s.lastModified = v.lastModified;
    s.hash = v.hash;
    s.itemsHash = v.itemsHash;
    if (p.result!.feedUrl) s.feedUrl = p.result!.feedUrl;
    const listing = p.result!.status === 'parsed' ? p.result!.listing?.memory : undefined;
    if (listing) s.listing = listing;
    if (p.result!.status === 'parsed') {
      const { icon, iconChecked } = p.result!.icon;
      if (icon) s.icon = icon;
      if (iconChecked) s.iconChecked = iconChecked;
    }
    if (p.bucket) {
      s.articleCount = p.bucket.articles.length;
      s.bucketVersion = p.bucket.version;
    }
  }
  // ... and the source stays due, so that fetch comes at once.
  s.nextDue = p.later ? (prev?.nextDue ?? now.toISOString()) : nextDue(p.source, s.failures, now, random).toISOString();
  return s;
}

