import type { Article } from '../model';
import { byNewest } from '../store/bucket';
import { bucketKey, districtSnapKey, provinceSnapKey, SNAP_ALL } from '../store/keys';
import { versionOf } from '../store/snapshot';
import type { Bucket, SnapshotArticle, Snapshot, SourceInfo } from '../store/types';
import type { FeedQuery, ParamError } from './query';

/** An article as a feed shows it: with the portal it came from. */
export interface FeedItem extends SnapshotArticle {
  contentHtml?: string;
  source: SourceInfo;
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

/** Which keys answer a query: the narrowest stored set that holds every match. */
export function keysFor(query: FeedQuery): { keys: string[] } | { error: ParamError } {
  if (query.sources.length) return { keys: query.sources.map(bucketKey) };
  if (query.districts.length) {
    const keys: string[] = [];
    for (const d of query.districts) {
      if (d.includes('/')) {
        const [p, district] = d.split('/');
        keys.push(districtSnapKey(p, district));
      } else if (query.provinces.length) {
        for (const p of query.provinces) keys.push(districtSnapKey(p, d));
      } else {
        return { error: { parameter: 'district', message: `"${d}" needs its province: district=bac-kan/${d} or province=bac-kan&district=${d}` } };
      }
    }
    return { keys };
  }
  if (query.provinces.length) return { keys: query.provinces.map(provinceSnapKey) };
  return { keys: [SNAP_ALL] };
}

function asStored(key: string, text: string): Stored {
  if (!key.startsWith('src:')) return JSON.parse(text) as Snapshot;
  const b = JSON.parse(text) as Bucket;
  const updated = b.articles.reduce((m, a) => (a.updated && a.updated > m ? a.updated : m), b.articles[0]?.firstSeen ?? '');
  return { version: b.version, updated, articles: b.articles, sources: b.source ? { [b.sourceId]: b.source } : {} };
}

function matches(query: FeedQuery, a: Article | SnapshotArticle, src: SourceInfo | undefined): boolean {
  if (query.sources.length && !query.sources.includes(a.sourceId)) return false;
  if (!src) return query.sources.length > 0;
  if (query.provinces.length && !query.provinces.includes(src.region.province)) return false;
  if (query.districts.length) {
    const d = src.region.district;
    if (!d || !query.districts.some((q) => q === d || q === `${src.region.province}/${d}`)) return false;
  }
  return true;
}

/** Reads what a query needs; parsing waits until `select()`, so a 304 costs no parse. */
export async function readSelection(query: FeedQuery, keys: string[], getText: (key: string) => Promise<string | null>): Promise<Reading> {
  const texts = await Promise.all(keys.map(getText));
  const version = texts.map((t) => (t ? versionOf(t) ?? 'x' : '0')).join('.');
  return {
    keys,
    version,
    select() {
      const seen = new Set<string>();
      const items: FeedItem[] = [];
      let updated: string | null = null;
      texts.forEach((text, i) => {
        if (!text) return;
        const stored = asStored(keys[i], text);
        if (!updated || stored.updated > updated) updated = stored.updated;
        for (const a of stored.articles) {
          const source = stored.sources[a.sourceId];
          if (seen.has(a.id) || !matches(query, a, source)) continue;
          seen.add(a.id);
          items.push({ ...a, source: source ?? { id: a.sourceId, name: a.sourceId, url: a.url, region: { province: '' } } });
        }
      });
      items.sort(byNewest);
      return { items, updated };
    },
  };
}
