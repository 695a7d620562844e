import type { ListingMemory } from '../ingest/types';
import type { Article, Region } from '../model';

/** What we know of one source between runs (all of it lives in the single `state` key). */
export interface SourceState {
  etag?: string;
  lastModified?: string;
  /** SHA-256 of the last parsed body: the same body again skips parsing. */
  hash?: string;
  /** Hash of the last parsed body's items text: other bytes around the same items skip parsing too. */
  itemsHash?: string;
  /** Feed found by autodiscovery on the source's HTML page; fetched instead next time. */
  feedUrl?: string;
  /** How the source's listing page was read (platform found, structure inferred, dead feed), reused next time. */
  listing?: ListingMemory;
  lastAttempt?: string;
  lastSuccess?: string;
  /** Consecutive failures; 0 after a success. */
  failures: number;
  /** When the source is due again (ISO); absent = due now. */
  nextDue?: string;
  lastError?: string;
  /** The machine code of the last error (`dns`, `refused`, `http`…), and its HTTP status when it has one. */
  lastErrorCode?: string;
  lastErrorStatus?: number;
  lastErrorAt?: string;
  /** The last few failures, oldest first (bounded: see next-state.ts), for operators to see a pattern. */
  recentFailures?: RecentFailure[];
  lastOutcome?: RefreshOutcome;
  /** Articles in the source's bucket after the last change. */
  articleCount?: number;
  /** Version of the source's bucket as last written or read, to check snapshots against it cheaply. */
  bucketVersion?: string;
  /** Hosts of its stored articles' images other than its own address's (the image route's allowlist). */
  imageHosts?: string[];
  /** The site's icon, found at refresh (absolute URL; shown through the image route). */
  icon?: string;
  /** When the site's /favicon.ico was last asked for want of a named icon (ISO). */
  iconChecked?: string;
}

/** One failed fetch, as kept in a source's history: when, and its machine code (with the HTTP status of an `http` one). */
export interface RecentFailure {
  at: string;
  code: string;
  status?: number;
}

export type RefreshOutcome = 'updated' | 'unchanged' | 'not-modified' | 'failed' | 'deferred';

export interface StateDoc {
  version: 1;
  sources: Record<string, SourceState>;
  /**
   * Sources whose bucket changed but whose snapshots could not be written:
   * the next run merges them into the snapshots again (repair after a KV fault).
   */
  pending?: string[];
  lastRun?: { at: string; durationMs: number; fetched: number; failed: number };
  /** Version of the image route's allowlist as last written (`img:hosts` is written only when it changes). */
  imageHostsVersion?: string;
}

/** What a feed item says of the portal it came from (kept beside the articles, so serving reads no catalog). */
export interface SourceInfo {
  id: string;
  name: string;
  url: string;
  region: Region;
  retired?: boolean;
  /** The site's icon (original URL; pages and the widget show it through the image route). */
  icon?: string;
}

/** `src:<id>`: one source's articles, newest first, capped. */
export interface Bucket {
  /** Changes whenever the articles change; snapshots remember it per member. First, like a snapshot's. */
  version: string;
  sourceId: string;
  source?: SourceInfo;
  articles: Article[];
}

/** Articles as kept in snapshots: no content HTML (so serving a feed stays cheap), except the newest full-text bodies (snapshot.ts). */
export type SnapshotArticle = Omit<Article, 'contentHtml'> & { contentHtml?: string };

/** `snap:*`: merged newest articles of many sources. */
export interface Snapshot {
  /** Must stay the first property: served ETags read it without parsing the whole value. */
  version: string;
  updated: string;
  /** Bucket version of each member source as merged, to detect and repair stale snapshots. */
  members: Record<string, string>;
  /** The member sources as feeds name them. */
  sources: Record<string, SourceInfo>;
  articles: SnapshotArticle[];
}
