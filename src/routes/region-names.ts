import { districtTitle, provinceTitle } from '../regions';
import type { Source } from '../sources/schema';
import type { FeedItem } from '../serve/feed-item';
import type { TitleParts } from '../serve/titles';

type Named = { id: string; name: string; region: { district?: string; districtName?: string } };

/**
 * Display names for titles: provinces from the region table; portals and districts from
 * the catalog when the caller has it (districts keep their diacritics even with no
 * article on screen), else from the selected items' sources.
 */
export function regionNames(items: FeedItem[], catalog: Source[] | null = null): TitleParts {
  const sources = new Map<string, Named>();
  for (const s of [...(catalog ?? []), ...items.map((i) => i.source)]) if (!sources.has(s.id)) sources.set(s.id, s);
  const districtNames = new Map<string, string>();
  for (const { region } of sources.values()) if (region.district && region.districtName) districtNames.set(region.district, region.districtName);
  return {
    provinceTitle,
    districtTitle: (slug) => districtTitle(slug, { name: districtNames.get(slug) }),
    sourceName: (id) => sources.get(id)?.name ?? id,
  };
}
