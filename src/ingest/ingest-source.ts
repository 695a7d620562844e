import { errorText } from '../error-text';
import type { Article } from '../model';
import { timesLookWrong } from '../normalize/article';
import { gmtMeansVietnam, provenDayOrder, zeroZoneAsVietnam } from '../normalize/date';
import { normalizeRemembered } from '../normalize/remembered';
import { resolveSelectors } from '../sources/presets';
import type { Source } from '../sources/schema';
import { detectFormat } from './detect';
import { parseJsonFeed } from './feed-json';
import { parseXmlFeed } from './feed-xml';
import { fetchBody } from './fetch';
import { parseHtml } from '../normalize/html-tree';
import { readHead, sectionOf, slugOf } from './html-head';
import { readPageHead } from './html-listing';
import { readListingPage, type ListingRead } from './listing-read';
import { itemsHash } from './items-hash';
import { iconAfterParse, type IconMemory } from './site-icon';
import { IngestError, type FetchOptions, type ListingMemory, type ParsedPage, type SeenItems, type Validators } from './types';
// Compiles the parsers, the listing reader and normalize when the script starts, not in a cold isolate's first run.
import './warm';

/** What ingest needs from the outside world, passed in. */
export interface IngestDeps extends FetchOptions {
  now: Date;
}

export interface IngestInput {
  source: Source;
  validators: Validators;
  /** Feed found earlier by autodiscovery: fetched instead of the page. */
  feedUrl?: string;
  /** How the source's page was read last time (platform, inferred structure, dead feed). */
  listing?: ListingMemory;
  /** The source's icon as found before. */
  icon?: IconMemory;
  /**
   * Item keys of feed bodies read before: given, a feed is parsed only down to the first item of
   * the body its validators' itemsHash names (its items were stored), and the result tells the
   * new body's keys. A known item's edits are then not read.
   */
  seen?: readonly SeenItems[];
}

/** How a listing page was read, and what to remember of it. */
export type ListingOutcome = Omit<ListingRead, 'page'> & {
  /** The feed the page announces, when it answered with no feed and the page was read instead. */
  deadFeed?: string;
};

export type IngestResult =
  | { status: 'not-modified' | 'unchanged'; validators: Validators; feedUrl?: string }
  | {
      status: 'parsed';
      articles: Article[];
      validators: Validators;
      feedUrl?: string;
      partial: boolean;
      format: ParsedPage['format'];
      /** Set when an HTML listing was read. */
      listing?: ListingOutcome;
      /** The source's icon (see site-icon.ts). */
      icon: IconMemory;
      /** Items left unparsed as known (IngestInput.seen). */
      knownItems?: number;
      /** This body's item keys, to pass in as `seen` next time. */
      seen?: SeenItems;
    };

const FEEDS = new Set(['rss', 'rdf', 'atom', 'jsonfeed']);
/** Failures of a discovered feed after which the page itself is read. */
const FALLBACK = new Set(['http', 'not-a-feed', 'parse', 'blocked']);

/**
 * A page's feed link followed: the feed, or, when the link leads to an HTML page (a portal's
 * `/rss.html` listing its feeds), the main feed that page names. Every fetch goes through
 * fetchBody (the address guard); at most two.
 */
async function followFeed(link: string, section: string | null, deps: IngestDeps): Promise<{ page: ParsedPage; url: string; feedUrl: string }> {
  let feedUrl = link;
  let feed = await fetchBody(link, {}, deps);
  if (feed.status === 'not-modified') throw new IngestError('http', `feed ${link} answered 304 to an unconditional GET`);
  let format = detectFormat(feed.body, feed.contentType);
  if (format === 'html') {
    const listed = feed.url;
    // The page of feeds: the one for the section the source's page shows, else the main one.
    const head = readHead(parseHtml(feed.body), listed, section);
    const candidates = section ? [...head.feedLinks.filter((u) => slugOf(u) === section), ...head.feedAnchors] : [head.feed, ...head.feedLinks, ...head.feedAnchors];
    const next = candidates.find((u) => u !== undefined && u !== link && u !== listed);
    if (!next) throw new IngestError('not-a-feed', `autodiscovered ${link} is a page naming no feed`);
    feedUrl = next;
    feed = await fetchBody(next, {}, deps);
    if (feed.status === 'not-modified') throw new IngestError('http', `feed ${next} answered 304 to an unconditional GET`);
    format = detectFormat(feed.body, feed.contentType);
  }
  if (!FEEDS.has(format)) throw new IngestError('not-a-feed', `autodiscovered ${feedUrl} is not a feed`);
  return { page: await parseFeedBody(feed.body, format, feed.url), url: feed.url, feedUrl };
}

function parseFeedBody(body: string, format: ParsedPage['format'], url: string): Promise<ParsedPage> | ParsedPage {
  return format === 'jsonfeed' ? parseJsonFeed(body) : parseXmlFeed(body, undefined, url);
}

/**
 * One source, start to finish: fetch (conditional), detect, parse, normalize (article
 * pages are read later, by the run's article-page stage). Throws IngestError with the source id on any failure.
 */
export async function ingestSource(input: IngestInput, deps: IngestDeps): Promise<IngestResult> {
  try {
    return await ingest(input, deps);
  } catch (e) {
    if (e instanceof IngestError) throw new IngestError(e.code, e.message, input.source.id, e.status, { cause: e });
    throw new IngestError('parse', `unexpected ${errorText(e)}`, input.source.id, undefined, { cause: e });
  }
}

async function ingest({ source, validators, feedUrl, listing: memory, icon: knownIcon, seen }: IngestInput, deps: IngestDeps): Promise<IngestResult> {
  const useFeed = source.kind !== 'html' && feedUrl;
  const url = useFeed ? feedUrl : source.url;
  const fetched = await fetchBody(url, validators, deps);
  if (fetched.status === 'not-modified') return { status: 'not-modified', validators, feedUrl };
  const nextValidators: Validators = { etag: fetched.etag, lastModified: fetched.lastModified, hash: fetched.hash, itemsHash: validators.itemsHash };
  if (fetched.unchanged) return { status: 'unchanged', validators: nextValidators, feedUrl };

  let page: ParsedPage | undefined;
  let baseUrl = fetched.url;
  let discovered: string | undefined = useFeed ? feedUrl : undefined;
  let listing: ListingOutcome | undefined;
  const format = detectFormat(fetched.body, fetched.contentType);
  // Other bytes, the same items (a feed's build date, a page's view state): nothing to parse.
  nextValidators.itemsHash = await itemsHash(fetched.body, format);
  if (nextValidators.itemsHash !== undefined && nextValidators.itemsHash === validators.itemsHash) return { status: 'unchanged', validators: nextValidators, feedUrl };

  if (format === 'rss' || format === 'rdf' || format === 'atom') {
    const known = seen ? new Set(seen.find((s) => s.itemsHash === validators.itemsHash)?.keys) : undefined;
    page = await parseXmlFeed(fetched.body, known, fetched.url);
  } else if (FEEDS.has(format)) {
    page = await parseFeedBody(fetched.body, format, fetched.url);
  } else if (format === 'html') {
    // "auto" and "feed" follow the page's own feed link when it has one (else its link to a
    // feed file or to the page listing the site's feeds); "html" reads the listing.
    const head = source.kind === 'html' ? undefined : readPageHead(fetched.body, baseUrl);
    const announced = head?.feed;
    const alternate = announced !== undefined && announced !== memory?.deadFeed ? announced : undefined;
    let deadFeed = announced !== undefined && announced === memory?.deadFeed ? announced : undefined;
    let blocked: IngestError | undefined;
    if (alternate) {
      try {
        const found = await followFeed(alternate, sectionOf(baseUrl), deps);
        // An empty feed found on the page (a module's feed with nothing in it, a broken template)
        // is no better than none: the page is read, and the feed remembered as dead.
        if (!found.page.items.length && source.kind !== 'feed') throw new IngestError('not-a-feed', `autodiscovered ${found.feedUrl} has no items`);
        page = found.page;
        // A feed without an icon of its own: the page's (resolved against the page).
        if (!page.icon && head?.icon) page.icon = head.icon;
        baseUrl = found.url;
        discovered = found.feedUrl;
        // The page's items are not what was read: the feed's are, and the feed is fetched next time.
        nextValidators.itemsHash = undefined;
      } catch (e) {
        // A dead or wrong feed link (or one to a private address): the page itself is read
        // instead (and, when the feed is gone rather than down, that is remembered).
        if (source.kind === 'feed' || !(e instanceof IngestError) || !FALLBACK.has(e.code)) throw e;
        if (e.code !== 'http' || (e.status ?? 0) < 500) deadFeed = alternate;
        if (e.code === 'blocked') blocked = e;
      }
    }
    if (!page) {
      if (source.kind === 'feed') throw new IngestError('not-a-feed', `expected a feed at ${url}, got an HTML page with no feed link`);
      // A page with nothing to read whose feed link was refused: the refusal is the error.
      let read: ListingRead;
      try {
        read = readListingPage(fetched.body, baseUrl, resolveSelectors(source), memory);
      } catch (e) {
        throw blocked ?? e;
      }
      if (blocked && !read.page.items.length) throw blocked;
      page = read.page;
      const { page: _page, ...how } = read;
      listing = how;
      if (deadFeed) listing = { ...listing, deadFeed, memory: { ...(listing.memory ?? memory ?? {}), deadFeed } };
    }
  } else {
    throw new IngestError('not-a-feed', `${url} is neither a feed nor an HTML page (${fetched.contentType || 'no content type'})`);
  }

  // Vietnam time marked GMT (normalize/date.ts): judged over the whole feed, its build date too.
  if (page.format !== 'html' && gmtMeansVietnam([page.builtAt, ...page.items.map((i) => i.date), ...(page.knownDates ?? [])], deps.now, discovered === undefined || useFeed ? fetched.lastModified : undefined)) {
    page.items = page.items.map((i) => (i.date ? { ...i, date: zeroZoneAsVietnam(i.date) } : i));
    if (page.knownDates) page.knownDates = page.knownDates.map(zeroZoneAsVietnam);
  }
  // A feed whose own dates prove US order (12/31/2026 8:15:00 AM, .NET in en-US) is read that way throughout.
  const order = page.format !== 'html' ? provenDayOrder([...page.items.map((i) => i.date), ...(page.knownDates ?? [])]) : undefined;
  if (order === 'mdy') source = { ...source, dateOrder: order };
  const icon = iconAfterParse(page.icon, baseUrl, knownIcon);
  // Items left unparsed as known still count in the page's check of its dates.
  const dated = page.knownDates ? [...page.items, ...page.knownDates.map((date) => ({ date }))] : undefined;
  const untrustedTimes = page.untrustedTimes ?? (dated && timesLookWrong(dated, { source, baseUrl, now: deps.now }));
  const articles = await normalizeRemembered(page.items, {
    source,
    baseUrl,
    now: deps.now,
    untrustedTimes,
  });
  return {
    status: 'parsed',
    articles,
    validators: nextValidators,
    feedUrl: discovered,
    partial: !!page.partial,
    format: page.format,
    ...(listing ? { listing } : {}),
    icon,
    ...(page.knownItems ? { knownItems: page.knownItems } : {}),
    ...(page.itemKeys && nextValidators.itemsHash ? { seen: { itemsHash: nextValidators.itemsHash, keys: page.itemKeys } } : {}),
  };
}
