import type { RawItem } from '../model';
import { parseHtml } from '../normalize/html-tree';
import { PRESETS } from '../sources/presets';
import type { PresetName, Selectors } from '../sources/schema';
import { readHead, type HeadInfo } from './html-head';
import { readListing } from './html-listing';
import { describeList } from './listing-describe';
import { articleLinks, findMainList } from './listing-infer';
import { detectPlatform } from './listing-platform';
import { explainEmpty } from './listing-explain';
import { compileSelectors } from './listing-selectors';
import { IngestError, type ListingMemory, type ListingPlan, type ParsedPage } from './types';

/**
 * Reads a listing page the best way known: the source's own selectors or preset; else the way
 * remembered from the last fetch; else the platform found on the page; else the main list
 * inferred from the page's structure. What was found is returned to be remembered.
 */

export type ListingWay = 'selectors' | 'remembered' | 'platform' | 'inferred';

export interface ListingRead {
  page: ParsedPage;
  way: ListingWay;
  /** The platform whose preset read the page. */
  platform?: PresetName;
  /** The inferred structure, as CSS selectors where `expressible`. */
  plan?: ListingPlan;
  /** Whether `plan` reads the page alone (the selectors say all of it). */
  expressible?: boolean;
  /** To remember for the next fetch. */
  memory?: ListingMemory;
}

/**
 * Whether the remembered way still fits the page: it reads something, and not far less than when
 * it was found (a redesign that keeps one old class can leave a sidebar matching the old items).
 */
const stillFits = (found: number, memory: ListingMemory | undefined) => found > 0 && !(memory?.count && found * 2 < memory.count);

function pageOf(head: HeadInfo, items: RawItem[]): ParsedPage {
  const page: ParsedPage = { format: 'html', items, feedLinks: head.feedLinks };
  if (head.title) page.title = head.title;
  if (head.icon) page.icon = head.icon;
  return page;
}

export function readListingPage(html: string, baseUrl: string, selectors: Selectors | null, memory?: ListingMemory): ListingRead {
  const compiled = selectors ? compileSelectors(selectors) : undefined;
  const root = parseHtml(html);
  const head = readHead(root, baseUrl);
  if (selectors && compiled) {
    const items = readListing(root, { selectors }, head.base, compiled);
    if (items.length === 0) throw new IngestError('no-items', explainEmpty(root, selectors, compiled));
    return { page: pageOf(head, items), way: 'selectors' };
  }
  const remembered = memory?.platform ? { selectors: PRESETS[memory.platform] } : memory?.plan;
  if (remembered) {
    const items = readListing(root, remembered, head.base);
    if (stillFits(items.length, memory)) {
      const read: ListingRead = { page: pageOf(head, items), way: 'remembered', memory };
      if (memory?.platform) read.platform = memory.platform;
      else read.plan = memory?.plan;
      if (read.plan) read.expressible = !read.plan.runs && !read.plan.dateInText;
      return read;
    }
  }
  const keep = memory?.deadFeed ? { deadFeed: memory.deadFeed } : {};
  const platform = detectPlatform(root, head, html);
  if (platform) {
    return { page: pageOf(head, platform.items), way: 'platform', platform: platform.platform, memory: { ...keep, platform: platform.platform, count: platform.items.length } };
  }
  const links = articleLinks(root, head.base, baseUrl);
  const list = findMainList(root, links, { url: baseUrl, title: head.title });
  if (!list) throw new IngestError('no-items', 'no list of articles found on the page, and the source has no preset or selectors: no known platform, no repeated links to articles of the site');
  const described = describeList(root, list, links, head.base);
  const { plan, expressible } = described;
  const read: ListingRead = { page: pageOf(head, described.items), way: 'inferred', plan, expressible: expressible && !plan.runs && !plan.dateInText };
  // Only a plan whose selectors find the items alone can be reused as it is.
  read.memory = expressible ? { ...keep, plan, count: described.items.length } : keep;
  return read;
}
