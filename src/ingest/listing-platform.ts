import { requiredClasses } from '../normalize/html-select';
import { attr, type HtmlElement } from '../normalize/html-tree';
import { PRESETS } from '../sources/presets';
import { PRESET_NAMES, type PresetName } from '../sources/schema';
import { decodeEntities } from '../normalize/text';
import { collapse, type HeadInfo } from './html-head';
import { isTitleLike } from './listing-infer';
import { readListing } from './html-listing';
import { compileSelectors, type CompiledSelectors } from './listing-selectors';
import type { RawItem } from '../model';

/**
 * Which of the known portal platforms made a page, from the page itself: the preset whose
 * characteristic markup (its item and title selectors) reads the page into articles. The
 * generator meta and URL shapes name the platform when two presets read the page alike.
 */

let compiled: Map<PresetName, CompiledSelectors> | undefined;
const presets = () => (compiled ??= new Map(PRESET_NAMES.map((n) => [n, compileSelectors(PRESETS[n])])));

/** What the page says about its maker, beside its markup. */
const SIGNALS: Record<PresetName, RegExp> = {
  wordpress: /wordpress|\/wp-content\//i,
  tandan: /\/portal\/(?:Pages|PublishingImages)\//i,
  liferay: /liferay|p_p_id=|\/web\/guest\b/i,
  nukeviet: /nukeviet|\/themes\/egov\//i,
  story: /story__/i,
  newsitem: /sharepoint|\/_layouts\//i,
  postdate: /NewsDetail\.aspx|News\.aspx/i,
};

export interface PlatformMatch {
  platform: PresetName;
  items: RawItem[];
}

/** Fewest articles a preset must read for its platform to count as found. */
const MIN_ITEMS = 2;

/** The platform of the page, with the items its preset read; null for a page of none of them. */
export function detectPlatform(root: HtmlElement, head: HeadInfo, html: string): PlatformMatch | null {
  let best: (PlatformMatch & { score: number }) | null = null;
  const present = pageClasses(root);
  for (const [platform, selectors] of presets()) {
    // A page without the classes a preset's items need is not of its platform: no need to read it.
    if (!requiredClasses(selectors.item).some((need) => need.every((c) => present.has(c)))) continue;
    const items = readListing(root, { selectors: PRESETS[platform] }, head.base, selectors).filter((i) => i.title);
    // A class name shared by chance ("news-item") reads other links: most titles must read as titles.
    const titled = items.filter((i) => isTitleLike(collapse(decodeEntities(i.title!)))).length;
    if (titled < MIN_ITEMS || titled * 2 < items.length) continue;
    const signal = SIGNALS[platform].test(head.generator ?? '') || SIGNALS[platform].test(html) ? 1 : 0;
    const score = items.length + signal * 1000;
    if (!best || score > best.score) best = { platform, items, score };
  }
  return best && { platform: best.platform, items: best.items };
}

/** Every class name used on the page. */
function pageClasses(root: HtmlElement): Set<string> {
  const out = new Set<string>();
  const walk = (el: HtmlElement) => {
    for (const c of el.children) {
      if (c.type !== 'element') continue;
      const cls = c.attrs.length ? attr(c, 'class') : null;
      if (cls) for (const name of cls.split(/\s+/)) if (name) out.add(name);
      walk(c);
    }
  };
  walk(root);
  return out;
}
