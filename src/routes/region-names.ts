import type { TitleParts } from '../serve/titles';

/** Display names for titles; the region table (src/regions) fills in Vietnamese names. */
export function regionNames(): TitleParts {
  return {
    provinceTitle: (slug) => `tỉnh ${slug}`,
    districtTitle: (slug) => `huyện ${slug}`,
    sourceName: (id) => id,
  };
}
