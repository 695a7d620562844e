import type { RawItem } from '../model';
import type { PresetName, Selectors } from '../sources/schema';

/** What went wrong while ingesting a source: one code per kind of failure. */
export type IngestErrorCode =
  | 'blocked' // URL not allowed (scheme, private address)
  | 'dns' // the host name does not resolve
  | 'refused' // connection refused or dropped before an answer
  | 'tls' // TLS handshake or certificate
  | 'network' // any other connection failure (e.g. a body that broke off)
  | 'timeout'
  | 'http' // 4xx / 5xx
  | 'redirects' // too many redirects or a loop
  | 'too-large' // body over the limit
  | 'not-a-feed' // body is neither a feed nor HTML we can read (e.g. a PNG)
  | 'parse' // malformed feed or page
  | 'no-items'; // HTML listing where the selectors matched nothing

export class IngestError extends Error {
  override readonly name = 'IngestError';
  constructor(
    readonly code: IngestErrorCode,
    message: string,
    readonly sourceId?: string,
    readonly status?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Formats the body as detected by sniffing. */
export type BodyFormat = 'rss' | 'rdf' | 'atom' | 'jsonfeed' | 'html' | 'unknown';

/** Result of parsing one body: the items found, plus what the page says about itself. */
export interface ParsedPage {
  format: BodyFormat;
  items: RawItem[];
  title?: string;
  /** Feed URLs announced by <link rel="alternate"> (HTML pages only), absolute. */
  feedLinks?: string[];
  /** The site's icon as the body names it (an HTML page's icon link, a feed's image, icon or logo), absolute or as written. */
  icon?: string;
  /** Items were kept from before a point where the body was damaged. */
  partial?: boolean;
  /** Items left unparsed because a stored body had them (feed-items.ts): the page holds only the new ones. */
  knownItems?: number;
  /** Those items' dates as written: a check on every item's date (untrustedTimes) still sees them all. */
  knownDates?: string[];
  /** The key of every item in the body (feed-items.ts), when asked for and each item has one. */
  itemKeys?: string[];
  /** The feed's own build or publication date as written (RSS lastBuildDate, Atom updated). */
  builtAt?: string;
  /** The generator writes the month where minutes belong (NukeViet): times are not to be trusted. */
  untrustedTimes?: boolean;
}

/** The item keys (feed-items.ts) of a feed body, by the hash of its items text (Validators.itemsHash). */
export interface SeenItems {
  itemsHash: string;
  keys: readonly string[];
}

/** What we remember of a source's last fetch, to make the next one conditional. */
export interface Validators {
  etag?: string;
  lastModified?: string;
  /** SHA-256 (hex) of the last body we parsed. */
  hash?: string;
  /** Hash of the last parsed body's items text (items-hash.ts): a body whose bytes differ but whose items do not is not parsed. */
  itemsHash?: string;
}

/** Options of one fetch; side effects (fetch itself) are passed in. */
export interface FetchOptions {
  fetch: typeof fetch;
  /** Allow loopback/private addresses (ALLOW_PRIVATE_SOURCES). */
  allowPrivate: boolean;
  timeoutMs?: number; // default 15 000
  maxBytes?: number; // default 5 MiB
  maxRedirects?: number; // default 5
  userAgent?: string;
  /** Accept header; default prefers feeds, then HTML. */
  accept?: string;
  /** Media types the caller reads (`image/` for any image); another answer fails before its body is read. */
  types?: readonly string[];
  /** The body's raw bytes are wanted (`bytes`), not its text: nothing is decoded or hashed. */
  binary?: boolean;
}

export type FetchResult =
  | { status: 'not-modified' }
  | {
      status: 'ok';
      /** Final URL after redirects (base for relative links). */
      url: string;
      /** Decoded text ('' when unchanged). */
      body: string;
      /** The raw bytes, when the fetch asked for them (`binary`). */
      bytes?: Uint8Array;
      contentType: string;
      /** Charset the body was decoded with ('' when unchanged: an unchanged body is not decoded). */
      charset: string;
      hash: string;
      /** Same hash as the last parsed body: parsing can be skipped. */
      unchanged: boolean;
      etag?: string;
      lastModified?: string;
    };

/**
 * How a listing page is read: CSS selectors (a preset's, the source's or inferred ones), plus
 * what CSS cannot say, which only inference sets.
 */
export interface ListingPlan {
  selectors: Selectors;
  /** Items have no wrapper: each `item` match starts an item that runs to the next match. */
  runs?: boolean;
  /** The date stands as loose text in the item, in no element of its own. */
  dateInText?: boolean;
}

/**
 * What bantin learnt of how to read a source's page, kept in its state so the next fetch
 * reads the page the same way without working it out again.
 */
export interface ListingMemory {
  /** The portal platform found on the page: its preset reads it. */
  platform?: PresetName;
  /** The structure inferred on a page of no known platform. */
  plan?: ListingPlan;
  /** A feed the page announces that answered with an error or no feed: the page is read instead. */
  deadFeed?: string;
  /** How many articles the platform or plan read when it was found: far fewer later means the page changed. */
  count?: number;
}
