import { findProvince, knownProvinceSlugs, provinceSlugsFor } from '../regions';
import { byNewest } from '../store/bucket';
import { bucketKey, districtSnapKey, provinceSnapKey, SNAP_ALL } from '../store/keys';
import { versionOf } from '../store/snapshot';
import type { Bucket, SnapshotArticle, Snapshot, SourceInfo } from '../store/types';
import type { Alternate } from './collapse';
import type { FeedQuery, ParamError } from './query';

/** An article as a feed shows it: with the portal it came from. */
export interface FeedItem extends SnapshotArticle {
  contentHtml?: string;
  source: SourceInfo;
  /** Other portals' copies of this story, when feeds collapse them (see collapse.ts). */
  alternates?: Alternate[];
}

export interface Selection {
  /** Every stored article the query's region and source filters select, newest first. */
  items: FeedItem[];
  /** Newest change of what was read (ISO), for Last-Modified and feed `updated`. */
  updated: string | null;
}

/** The stored values a query reads, before parsing: enough to answer 304. */
export interface Reading {
  keys: string[];
  /** One string naming the versions of everything read; changes when any of it changes. */
  version: string;
  select(): Selection;
}

type Stored = Pick<Snapshot, 'version' | 'updated' | 'articles' | 'sources'>;

/** A province slug and the former provinces merged into it (thai-nguyen → thai-nguyen, bac-kan). */
const covered = (province: string) => {
  const slugs = provinceSlugsFor(province);
  return slugs.length ? slugs : [province];
};

/** Unknown province slugs get a 400 that lists the known ones. */
function unknownProvince(query: FeedQuery): ParamError | null {
  const provinces = [...query.provinces, ...query.districts.filter((d) => d.includes('/')).map((d) => d.split('/')[0])];
  const unknown = provinces.find((p) => !findProvince(p));
  if (!unknown) return null;
  return { parameter: 'province', message: `unknown province "${unknown}"; known: ${knownProvinceSlugs().join(', ')}` };
}

/** Which keys answer a query: the narrowest stored set that holds every match. */
export function keysFor(query: FeedQuery): { keys: string[] } | { error: ParamError } {
  const unknown = unknownProvince(query);
  if (unknown) return { error: unknown };
  if (query.sources.length) return { keys: query.sources.map(bucketKey) };
  if (query.districts.length) {
    const keys: string[] = [];
    for (const d of query.districts) {
      const [provinces, district] = d.includes('/') ? [[d.split('/')[0]], d.split('/')[1]] : [query.provinces, d];
      if (!provinces.length) {
        return { error: { parameter: 'district', message: `"${d}" needs its province: district=bac-kan/${d} or province=bac-kan&district=${d}` } };
      }
      for (const p of provinces.flatMap(covered)) keys.push(districtSnapKey(p, district));
    }
    return { keys: [...new Set(keys)] };
  }
  if (query.provinces.length) return { keys: [...new Set(query.provinces.flatMap(covered).map(provinceSnapKey))] };
  return { keys: [SNAP_ALL] };
}

function asStored(key: string, text: string): Stored {
  if (!key.startsWith('src:')) return JSON.parse(text) as Snapshot;
  const b = JSON.parse(text) as Bucket;
  const updated = b.articles.reduce((m, a) => (a.updated && a.updated > m ? a.updated : m), b.articles[0]?.firstSeen ?? '');
  return { version: b.version, updated, articles: b.articles, sources: b.source ? { [b.sourceId]: b.source } : {} };
}

/** The region and source filters of a query as one predicate over a source. */
function sourceFilter(query: FeedQuery): (sourceId: string, src: SourceInfo | undefined) => boolean {
  const sources = new Set(query.sources);
  const provinces = new Set(query.provinces.flatMap(covered));
  const districts = new Set(
    query.districts.flatMap((d) => {
      const [ps, district] = d.includes('/') ? [[d.split('/')[0]], d.split('/')[1]] : [query.provinces, d];
      return ps.flatMap(covered).map((p) => `${p}/${district}`);
    }),
  );
  return (sourceId, src) => {
    if (sources.size && !sources.has(sourceId)) return false;
    if (!src) return sources.size > 0;
    if (provinces.size && !provinces.has(src.region.province)) return false;
    if (districts.size && !(src.region.district && districts.has(`${src.region.province}/${src.region.district}`))) return false;
    return true;
  };
}

/** Reads what a query needs; parsing waits until `select()`, so a 304 costs no parse. */
export async function readSelection(query: FeedQuery, keys: string[], getText: (key: string) => Promise<string | null>): Promise<Reading> {
  const texts = await Promise.all(keys.map(getText));
  const version = texts.map((t) => (t ? versionOf(t) ?? 'x' : '0')).join('.');
  return {
    keys,
    version,
    select() {
      const matches = sourceFilter(query);
      const seen = new Set<string>();
      const items: FeedItem[] = [];
      let updated: string | null = null;
      texts.forEach((text, i) => {
        if (!text) return;
        const stored = asStored(keys[i], text);
        if (!updated || stored.updated > updated) updated = stored.updated;
        for (const a of stored.articles) {
          const source = stored.sources[a.sourceId];
          if (seen.has(a.id) || !matches(a.sourceId, source)) continue;
          seen.add(a.id);
          items.push({ ...a, source: source ?? { id: a.sourceId, name: a.sourceId, url: a.url, region: { province: '' } } });
        }
      });
      items.sort(byNewest);
      return { items, updated };
    },
  };
}
