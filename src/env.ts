/** Bindings and vars the Worker receives (wrangler.toml, secrets, .dev.vars). */
export interface Env {
  KV: KVNamespace;
  /** Bearer token for /admin routes (a Worker secret). */
  ADMIN_TOKEN?: string;
  /** "true" lets source URLs point at loopback/private addresses (local demo, tests). */
  ALLOW_PRIVATE_SOURCES?: string;
  /** Subrequests one refresh run may spend (default 45, fits the free plan's 50). */
  MAX_SUBREQUESTS?: string;
  /** Public base URL used in feed self links when the request does not give one. */
  PUBLIC_URL?: string;
  /** "inline" (default: the cron refreshes, fits the free plan) or "queue" (the cron enqueues, a consumer refreshes). */
  REFRESH_MODE?: string;
  /** Due sources one refresh run takes at most (default: as many as MAX_SUBREQUESTS allows); the rest go to the next run. */
  REFRESH_MAX_SOURCES?: string;
  /** "apart": snapshots are merged in a run of their own, not in the run that fetched (free plan CPU). */
  REFRESH_SNAPSHOTS?: string;
  /** "apart": news a run fetches is stored by the next run of the isolate, which fetches nothing (free plan CPU). */
  REFRESH_NEWS?: string;
  /** "new": a feed fetched again is parsed only down to the first item its last stored body had; a known item's edits are not read (free plan CPU). */
  REFRESH_PARSE?: string;
  /** New articles a run storing held news stores at most (default: all); the rest wait for the next run. */
  REFRESH_MAX_NEW?: string;
  /** Articles kept in each snapshot (default 500). */
  SNAPSHOT_CAP?: string;
  /** Articles kept in each source's bucket, its own feed's depth (default 200). */
  BUCKET_CAP?: string;
  /** Stored articles story matching may index in one run (default: all): a cold isolate indexes its snapshots over several runs (free plan CPU). */
  STORY_INDEX_PER_RUN?: string;
  /**
   * Seconds a rendered feed is kept in the Cache API (caches.default) and served from it without
   * a KV read (default: unset, no cache). Takes effect where the Worker has a custom domain.
   */
  FEED_CACHE_SECONDS?: string;
  /** The largest image the image route passes on, in bytes (default 5 MiB). */
  IMAGE_MAX_BYTES?: string;
  /** Queue mode's producer binding (wrangler.toml `[[queues.producers]]`). */
  REFRESH_QUEUE?: Queue<RefreshMessage>;
  /** Sources per queue message, i.e. per consumer invocation (default: 80 % of MAX_SUBREQUESTS, at most 100). */
  REFRESH_BATCH_SIZE?: string;
}

/** One queue message: the sources one consumer invocation refreshes together. */
export interface RefreshMessage {
  ids: string[];
  /** When the cron enqueued them (ISO); the cron holds them until they were attempted since. */
  enqueuedAt: string;
}
