import { districtTitle, provinceTitle } from '../regions';
import type { FeedItem } from '../serve/select';
import type { TitleParts } from '../serve/titles';

/** Display names for titles: provinces from the region table, portals and districts from the items' sources. */
export function regionNames(items: FeedItem[]): TitleParts {
  const sources = new Map(items.map((i) => [i.source.id, i.source]));
  const districtNames = new Map<string, string>();
  for (const s of sources.values()) {
    if (s.region.district && s.region.districtName) districtNames.set(s.region.district, s.region.districtName);
  }
  return {
    provinceTitle: (slug) => provinceTitle(slug),
    districtTitle: (slug) => districtTitle(slug, { name: districtNames.get(slug) }),
    sourceName: (id) => sources.get(id)?.name ?? id,
  };
}
