import { errorText } from '../error-text';
import { probeFavicon, wantsFavicon } from '../ingest/site-icon';
import { writeBucket } from '../store/bucket';
import type { Bucket } from '../store/types';
import { newVersion } from '../store/version';
import type { Budget } from './budget';
import { mapLimit } from './pool';
import type { Processed, RunContext } from './types';

/** A probe is not started with less time than this left in the run. */
const MIN_PROBE_MS = 5000;

/**
 * The sources read this run with no icon known and none named: their site's /favicon.ico, asked
 * once per site (sources of one site share it), last in the run and only with the subrequests
 * the listings and article pages left. What is found goes into their state with the parse's
 * result, and into their bucket's source (rewritten once, so pages, which read no state, show
 * it): the buckets so rewritten are returned, for the snapshots.
 */
export async function probeSiteIcons(processed: Processed[], budget: Budget, ctx: RunContext): Promise<Map<string, Bucket>> {
  const rewritten = new Map<string, Bucket>();
  const bySite = new Map<string, Processed[]>();
  for (const p of processed) {
    if (p.result?.status !== 'parsed' || !wantsFavicon(p.result.icon, ctx.now)) continue;
    const site = new URL(p.source.url).origin;
    bySite.set(site, [...(bySite.get(site) ?? []), p]);
  }
  const sites = [...bySite.keys()].slice(0, Math.max(0, budget.remaining()));
  if (!sites.length || ctx.deadline - ctx.deps.now().getTime() < MIN_PROBE_MS) return rewritten;
  const checked = ctx.now.toISOString();
  await mapLimit(sites, ctx.deps.concurrency ?? 6, async (site) => {
    const icon = await probeFavicon(site, { fetch: budget.fetch, allowPrivate: ctx.deps.allowPrivate, timeoutMs: ctx.deps.fetchTimeoutMs });
    for (const p of bySite.get(site)!) {
      if (p.result?.status !== 'parsed') continue;
      p.result.icon = icon ? { icon, iconChecked: checked } : { iconChecked: checked };
      if (!icon || !p.bucket?.source) continue;
      const bucket: Bucket = { ...p.bucket, version: newVersion(ctx.now, ctx.deps.random), source: { ...p.bucket.source, icon } };
      try {
        await writeBucket(ctx.store, bucket);
        p.bucket = bucket;
        rewritten.set(p.source.id, bucket);
      } catch (e) {
        ctx.deps.log?.({ level: 'warn', event: 'icon-not-stored', source: p.source.id, reason: errorText(e) });
      }
    }
  });
  return rewritten;
}
