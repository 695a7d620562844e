import { findProvince, knownProvinceSlugs, provinceSlugsFor } from '../regions';
import type { ArticleSet } from '../store/article-sets';
import { byNewest } from '../store/bucket';
import { bucketKey, communeSnapKey, districtSnapKey, provinceSnapKey, SNAP_ALL } from '../store/keys';
import type { SourceInfo } from '../store/types';
import type { FeedItem } from './feed-item';
import { districtsWithProvince, type FeedQuery, type ParamError } from './query';

export interface Selection {
  /** Every stored article the query's region and source filters select, newest first. */
  items: FeedItem[];
  /** Newest change of what was read (ISO), for Last-Modified and feed `updated`. */
  updated: string | null;
}

/** A province slug and the former provinces merged into it (thai-nguyen → thai-nguyen, bac-kan). */
const covered = (province: string) => {
  const slugs = provinceSlugsFor(province);
  return slugs.length ? slugs : [province];
};

/** Unknown province slugs get a 400 that lists the known ones. */
function unknownProvince(query: FeedQuery): ParamError | null {
  const provinces = [...query.provinces, ...query.districts.flatMap((d) => (d.province ? [d.province] : []))];
  const unknown = provinces.find((p) => !findProvince(p));
  if (!unknown) return null;
  return { parameter: 'province', message: `unknown province "${unknown}"; known: ${knownProvinceSlugs().join(', ')}` };
}

/** Each asked-for district under every slug its province covers ("province/district"). */
const coveredDistricts = (query: FeedQuery) =>
  districtsWithProvince(query).flatMap(({ province, district }) => covered(province).map((p) => ({ province: p, district })));

/** Which keys answer a query: the narrowest stored set that holds every match. */
export function keysFor(query: FeedQuery): { keys: string[] } | { error: ParamError } {
  const unknown = unknownProvince(query);
  if (unknown) return { error: unknown };
  if (query.sources.length) return { keys: query.sources.map(bucketKey) };
  if (query.communes.length) return { keys: query.communes.map(communeSnapKey) };
  if (query.districts.length) {
    const bare = query.districts.find((d) => !d.province);
    if (bare && !query.provinces.length) {
      const d = bare.district;
      return { error: { parameter: 'district', message: `"${d}" needs its province: district=bac-kan/${d} or province=bac-kan&district=${d}` } };
    }
    return { keys: [...new Set(coveredDistricts(query).map((d) => districtSnapKey(d.province, d.district)))] };
  }
  if (query.provinces.length) return { keys: [...new Set(query.provinces.flatMap(covered).map(provinceSnapKey))] };
  return { keys: [SNAP_ALL] };
}

/** The region and source filters of a query as one predicate over a source. */
function sourceFilter(query: FeedQuery): (sourceId: string, src: SourceInfo | undefined) => boolean {
  const sources = new Set(query.sources);
  const provinces = new Set(query.provinces.flatMap(covered));
  const districts = new Set(coveredDistricts(query).map((d) => `${d.province}/${d.district}`));
  const communes = new Set(query.communes);
  return (sourceId, src) => {
    if (sources.size && !sources.has(sourceId)) return false;
    if (!src) return sources.size > 0;
    if (provinces.size && !provinces.has(src.region.province)) return false;
    if (districts.size && !(src.region.district && districts.has(`${src.region.province}/${src.region.district}`))) return false;
    if (communes.size && !(src.region.commune && communes.has(src.region.commune))) return false;
    return true;
  };
}

/** The stored articles a query's region and source filters select, each once, newest first. */
export function selectItems(query: FeedQuery, sets: ArticleSet[]): Selection {
  const matches = sourceFilter(query);
  const seen = new Set<string>();
  const items: FeedItem[] = [];
  let updated: string | null = null;
  for (const set of sets) {
    if (!updated || set.updated > updated) updated = set.updated;
    for (const a of set.articles) {
      const source = set.sources[a.sourceId];
      if (seen.has(a.id) || !matches(a.sourceId, source)) continue;
      seen.add(a.id);
      items.push({ ...a, source: source ?? { id: a.sourceId, name: a.sourceId, url: a.url, region: { province: '' } } });
    }
  }
  items.sort(byNewest);
  return { items, updated };
}
