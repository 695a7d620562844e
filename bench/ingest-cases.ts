import { fetchBody } from '../src/ingest/fetch';
import { sha256Hex } from '../src/normalize/id';
import { parseXmlFeed } from '../src/ingest/feed-xml';
import { feedItems } from '../src/ingest/feed-items';
import { extractListing } from '../src/ingest/html-listing';
import { readListingPage } from '../src/ingest/listing-read';
import type { Selectors } from '../src/sources/schema';
import type { FetchResult } from '../src/ingest/types';
import type { RawItem } from '../src/model';
import { normalizeItems, type NormalizeContext } from '../src/normalize/article';
import { normalizeRemembered } from '../src/normalize/remembered';
import { PRESETS } from '../src/sources/presets';
import type { PresetName } from '../src/sources/schema';
import { extractArticle } from '../src/article/extract';
import { cheerioArticle } from './cheerio-article';
import { cheerioListing } from './cheerio-listing';
import type { BenchCase } from './measure';

/**
 * The ingest benchmark's cases, all on the project's real src/ code. Payloads come from
 * bench/ingest.mjs (generated pages and feeds); nothing here touches the network: the
 * fetch cases get a fake `fetch` that answers from memory.
 */

interface ListingPayload {
  html: string;
  preset: PresetName;
  baseUrl: string;
}

interface UnknownPayload {
  html: string;
  baseUrl: string;
  selectors: Selectors;
}

interface FeedPayload {
  xml: string;
  baseUrl: string;
}

interface FetchesPayload extends FeedPayload {
  /** Items new on top of each fetch's 30 (the rest as the fetch before). */
  fresh: number;
}

const PAGE_ITEMS = 30;

/**
 * Fetch after fetch of one feed's 30-item page, newest first, `fresh` new items on top of
 * each: item j is one of the feed's items under its own link and guid.
 */
function nextPages(items: RawItem[], fresh: number): () => RawItem[] {
  let top = 1_000_000;
  return () => {
    top += fresh;
    return Array.from({ length: PAGE_ITEMS }, (_, i) => {
      const j = top - i;
      const base = items[j % items.length];
      return { ...base, link: `${base.link}${j}/`, guid: `${base.guid}-${j}` };
    });
  };
}

let memoSources = 0;

/** One case of fetches for a source of its own: normalized afresh, or through the isolate's memo. */
async function fetchesCase({ xml, baseUrl, fresh }: FetchesPayload, remembered: boolean) {
  const { items } = await parseXmlFeed(xml);
  const ctx = { ...normalizeContext(baseUrl), source: { id: `bench-fetches-${memoSources++}`, dateOrder: 'dmy' as const } };
  const next = nextPages(items, fresh);
  const normalize = remembered ? normalizeRemembered : normalizeItems;
  return {
    run: () => normalize(next(), ctx),
    // The memo's articles against normalizing afresh, for a fetch after a fetch.
    check: async () => {
      await normalize(next(), ctx);
      const page = next();
      const got = await normalize(page, ctx);
      return { count: got.length, same: JSON.stringify(got) === JSON.stringify(await normalizeItems(page, ctx)) };
    },
  };
}

interface BodyPayload {
  html: string;
}

/** What the two listing extractors found, for the caller to compare. */
const listingCheck = (items: unknown[]) => ({ count: items.length, items });

function normalizeContext(baseUrl: string): NormalizeContext {
  return { source: { id: 'bench-source', dateOrder: 'dmy' }, baseUrl, now: new Date('2025-06-26T00:00:00Z') };
}

const PAGE_URL = 'https://chodon.backan.gov.vn/web/guest/tin-tuc-su-kien';

/** A fake fetch answering every request with `make()`; no socket is opened. */
function fakeFetch(make: () => Response): typeof fetch {
  return (async () => make()) as unknown as typeof fetch;
}

const summarizeFetch = (r: FetchResult) =>
  r.status === 'ok' ? { status: r.status, unchanged: r.unchanged, hash: r.hash, charset: r.charset, bytes: r.body.length } : r;

interface ArticlePayload {
  html: string;
  url: string;
}

const ARTICLE_NOW = new Date('2026-01-01T00:00:00Z');
/** What both article extractors found, for the caller to compare. */
const articleCheck = (a: { contentHtml?: string; image?: string }) => ({ chars: a.contentHtml?.length ?? 0, contentHtml: a.contentHtml ?? '', image: a.image });

export const ingestCases: Record<string, BenchCase> = {
  async 'article/ours'({ html, url }: ArticlePayload) {
    return {
      run: () => extractArticle(html, { url, now: ARTICLE_NOW }),
      check: async () => articleCheck(await extractArticle(html, { url, now: ARTICLE_NOW })),
    };
  },

  async 'article/cheerio'({ html, url }: ArticlePayload) {
    return {
      run: () => cheerioArticle(html, url),
      check: async () => articleCheck(await cheerioArticle(html, url)),
    };
  },

  async 'listing/ours'({ html, preset, baseUrl }: ListingPayload) {
    const selectors = PRESETS[preset];
    return {
      run: () => extractListing(html, selectors, baseUrl),
      check: async () => listingCheck((await extractListing(html, selectors, baseUrl)).items),
    };
  },

  async 'listing/cheerio'({ html, preset, baseUrl }: ListingPayload) {
    const selectors = PRESETS[preset];
    return {
      run: () => cheerioListing(html, selectors, baseUrl),
      check: async () => listingCheck(cheerioListing(html, selectors, baseUrl)),
    };
  },

  /** A page of no known platform, read from its URL alone: platform detection, then inference. */
  async 'unknown/infer'({ html, baseUrl }: UnknownPayload) {
    const run = () => readListingPage(html, baseUrl, null);
    return { run, check: async () => ({ way: run().way, ...listingCheck(run().page.items) }) };
  },

  /** The same page read the remembered way (the inferred selectors kept in the source's state). */
  async 'unknown/remembered'({ html, baseUrl }: UnknownPayload) {
    const memory = readListingPage(html, baseUrl, null).memory;
    const run = () => readListingPage(html, baseUrl, null, memory);
    return { run, check: async () => ({ way: run().way, ...listingCheck(run().page.items) }) };
  },

  /** cheerio reading the same page with selectors written for it. */
  async 'unknown/cheerio'({ html, baseUrl, selectors }: UnknownPayload) {
    return { run: () => cheerioListing(html, selectors, baseUrl), check: async () => listingCheck(cheerioListing(html, selectors, baseUrl)) };
  },

  async 'feed/parse'({ xml }: FeedPayload) {
    return {
      run: () => parseXmlFeed(xml),
      check: async () => {
        const page = await parseXmlFeed(xml);
        return { format: page.format, count: page.items.length, first: page.items[0] };
      },
    };
  },

  /** The same feed fetched again with its first 2 items new: parsed whole (REFRESH_PARSE unset). */
  async 'feed/again-whole'({ xml }: FeedPayload) {
    const known = new Set(feedItems(xml)!.slice(2).map((it) => it.key));
    const run = () => parseXmlFeed(xml);
    return { run, check: async () => ({ count: (await run()).items.length, known: known.size }) };
  },

  /** The same, parsed down to its first known item (REFRESH_PARSE = "new"): the scan, the head and the 2 new items. */
  async 'feed/again-new'({ xml }: FeedPayload) {
    const known = new Set(feedItems(xml)!.slice(2).map((it) => it.key));
    const run = () => parseXmlFeed(xml, known);
    return {
      run,
      check: async () => {
        const page = await run();
        return { count: page.items.length, known: page.knownItems, same: JSON.stringify(page.items) === JSON.stringify((await parseXmlFeed(xml)).items.slice(0, 2)) };
      },
    };
  },

  async 'feed/normalize'({ xml, baseUrl }: FeedPayload) {
    const { items } = await parseXmlFeed(xml);
    const ctx = normalizeContext(baseUrl);
    return {
      run: () => normalizeItems(items, ctx),
      check: async () => {
        const articles = await normalizeItems(items, ctx);
        return { count: articles.length, first: articles[0] };
      },
    };
  },

  async 'feed/parse+normalize'({ xml, baseUrl }: FeedPayload) {
    const ctx = normalizeContext(baseUrl);
    const run = async () => normalizeItems((await parseXmlFeed(xml)).items, ctx);
    return { run, check: async () => ({ count: (await run()).length }) };
  },

  async 'fetches/afresh'(payload: FetchesPayload) {
    return fetchesCase(payload, false);
  },

  async 'fetches/remembered'(payload: FetchesPayload) {
    return fetchesCase(payload, true);
  },

  /** Noticing an unchanged body: SHA-256 of the bytes, compared with the last one. */
  async 'unchanged/hash'({ html }: BodyPayload) {
    const bytes = new TextEncoder().encode(html);
    const last = await sha256Hex(bytes);
    const run = async () => (await sha256Hex(bytes)) === last;
    return { run, check: async () => ({ bytes: bytes.byteLength, unchanged: await run() }) };
  },

  /** The whole fetch result path for a 200 with the same body: read, hash, compare (an unchanged body is not decoded). */
  async 'unchanged/fetch-200-same'({ html }: BodyPayload) {
    const bytes = new TextEncoder().encode(html);
    const validators = { etag: '"v1"', hash: await sha256Hex(bytes) };
    const opts = {
      allowPrivate: false,
      fetch: fakeFetch(
        () => new Response(bytes, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', etag: '"v2"' } }),
      ),
    };
    const run = () => fetchBody(PAGE_URL, validators, opts);
    return { run, check: async () => summarizeFetch(await run()) };
  },

  /** A conditional GET answered 304: no body, nothing to parse. */
  async 'unchanged/fetch-304'() {
    const validators = { etag: '"v1"', lastModified: 'Wed, 25 Jun 2025 02:20:11 GMT' };
    const opts = { allowPrivate: false, fetch: fakeFetch(() => new Response(null, { status: 304 })) };
    const run = () => fetchBody(PAGE_URL, validators, opts);
    return { run, check: async () => summarizeFetch(await run()) };
  },
};
