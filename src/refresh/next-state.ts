import type { SourceState } from '../store/types';
import { nextDue } from './schedule';
import type { Processed } from './types';

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
  } else {
    s.failures = 0;
    s.lastSuccess = now.toISOString();
    const v = p.result!.validators;
    s.etag = v.etag;
    s.lastModified = v.lastModified;
    s.hash = v.hash;
    if (p.result!.feedUrl) s.feedUrl = p.result!.feedUrl;
    const listing = p.result!.status === 'parsed' ? p.result!.listing?.memory : undefined;
    if (listing) s.listing = listing;
    if (p.bucket) {
      s.articleCount = p.bucket.articles.length;
      s.bucketVersion = p.bucket.version;
    }
  }
  s.nextDue = nextDue(p.source, s.failures, now, random).toISOString();
  return s;
}

