import { concatBytes } from '../bytes';
import type { Region } from '../model';
import { byNewest } from './bucket';
import { isCommuneCode } from '../regions/communes';
import { communeSnapKey, districtSnapKey, provinceSnapKey, SNAP_ALL } from './keys';
import type { JsonStore } from './kv';
import type { Bucket, Snapshot, SnapshotArticle } from './types';

export const DEFAULT_SNAPSHOT_CAP = 500;
/**
 * The newest this many full-text articles (read from their own pages) keep their body in a
 * snapshot, so a combined feed of the default 50 items carries full text in the one KV read it
 * makes; older items carry their summary (their body stays in the source's bucket, served by
 * `/api/articles/<id>` and the source's own feed). At most 50 × 32 KiB, typically ~0.4 MB.
 */
export const SNAPSHOT_BODIES = 50;

/**
 * The snapshots a new article's story is looked for in: all, and its province's (further back
 * when the country is large). When every source of the catalog is of one province the two have
 * the same members and cap, so the same articles: all is read alone.
 */
export const storySnapshotKeys = (region: Region, oneProvince = false): string[] =>
  oneProvince ? [SNAP_ALL] : [SNAP_ALL, provinceSnapKey(region.province)];

/**
 * The snapshot keys a source's articles appear in: all, its province, its district, and its
 * commune of today when the region names one by code (a commune label as published has none).
 * A commune key costs one more write only when one of its few portals has news, and gives the
 * commune a feed as deep as the cap; the province's newest 500 would hold a quiet commune's
 * news for days at most.
 */
export function snapshotKeysFor(region: Region): string[] {
  const keys = [SNAP_ALL, provinceSnapKey(region.province)];
  if (region.district) keys.push(districtSnapKey(region.province, region.district));
  if (region.commune && isCommuneCode(region.commune)) keys.push(communeSnapKey(region.commune));
  return keys;
}

/** A snapshot's member bucket is out of date when its recorded version differs. */
export function isStale(snapshot: Snapshot | null, bucket: Bucket): boolean {
  return snapshot?.members[bucket.sourceId] !== bucket.version;
}

/**
 * Replaces the given member sources' articles in a snapshot with their buckets'
 * current ones, newest first, capped. Incremental: other members' articles are
 * taken from the snapshot as they are, so a run reads only what changed.
 */
export function mergeSnapshot(prev: Snapshot | null, buckets: Bucket[], version: string, now: Date, cap = DEFAULT_SNAPSHOT_CAP): Snapshot {
  const replaced = new Set(buckets.map((b) => b.sourceId));
  const articles: SnapshotArticle[] = (prev?.articles ?? []).filter((a) => !replaced.has(a.sourceId));
  for (const b of buckets) {
    for (const a of b.articles.slice(0, cap)) {
      if (a.pageRead) articles.push(a);
      else {
        const { contentHtml: _dropped, ...lean } = a;
        articles.push(lean);
      }
    }
  }
  articles.sort(byNewest);
  // One URL carried by two sources is one article: keep the first (newest-sorted) copy.
  const seen = new Set<string>();
  const unique = articles.filter((a) => (seen.has(a.id) ? false : (seen.add(a.id), true)));
  const members = { ...(prev?.members ?? {}) };
  const sources = { ...(prev?.sources ?? {}) };
  for (const b of buckets) {
    members[b.sourceId] = b.version;
    if (b.source) sources[b.sourceId] = b.source;
  }
  let bodies = 0;
  const kept = unique.slice(0, cap).map((a) => {
    if (!('contentHtml' in a)) return a;
    if (bodies++ < SNAPSHOT_BODIES) return a;
    const { contentHtml: _dropped, ...lean } = a as SnapshotArticle & { contentHtml?: string };
    return lean;
  });
  return { version, updated: now.toISOString(), members, sources, articles: kept };
}

/**
 * The UTF-8 JSON of articles and sources this isolate serialized, by object: a merge keeps most
 * of a snapshot's articles as the very objects it had (parsed once, or merged before: never
 * mutated), so writing the merged snapshot serializes only what it took from the buckets.
 */
const encoder = new TextEncoder();
const encoded = new WeakMap<object, Uint8Array>();
const bytesOf = (value: object) => {
  let bytes = encoded.get(value);
  if (bytes === undefined) encoded.set(value, (bytes = encoder.encode(JSON.stringify(value))));
  return bytes;
};

/**
 * `JSON.stringify(snapshot)` as the UTF-8 bytes KV stores, put together from each article's and
 * source's bytes. No text of the whole is ever made: a snapshot's text is a string of hundreds of
 * KiB that V8 puts straight into its old generation, where every merge left one to die and
 * brought the next full collection nearer (a pause of 15–25 ms in whichever run it falls).
 */
export function snapshotBytes(s: Snapshot): Uint8Array {
  const parts: Uint8Array[] = [encoder.encode(`{"version":${JSON.stringify(s.version)},"updated":${JSON.stringify(s.updated)},"members":${JSON.stringify(s.members)},"sources":{`)];
  const comma = encoder.encode(',');
  let first = true;
  for (const [id, info] of Object.entries(s.sources)) {
    parts.push(encoder.encode(`${first ? '' : ','}${JSON.stringify(id)}:`), bytesOf(info));
    first = false;
  }
  parts.push(encoder.encode('},"articles":['));
  s.articles.forEach((a, i) => {
    if (i) parts.push(comma);
    parts.push(bytesOf(a));
  });
  parts.push(encoder.encode(']}'));
  return concatBytes(parts);
}

const PREFIX_BYTES = 128;
const decoder = new TextDecoder();

/** Reads a stored value's version from its first bytes without decoding it all (fast 304s). */
export function versionOf(bytes: Uint8Array): string | null {
  const m = /^\{"version":"([^"]+)"/.exec(decoder.decode(bytes.subarray(0, PREFIX_BYTES)));
  return m ? m[1] : null;
}
