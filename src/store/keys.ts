/**
 * Every KV key bantin uses, in one place. What writes each, and how often, is the cost
 * model: `catalog` on an admin change, `state` at most once a run (not by a run that changed
 * nothing), a bucket only when its source's articles changed, a snapshot only when a member's
 * did, `queued` once a queue-mode cron that enqueued something.
 */
export const CATALOG_KEY = 'catalog';
export const STATE_KEY = 'state';
/** Queue mode's hold list, written only by the cron (never by the consumer). */
export const QUEUED_KEY = 'queued';
const BUCKET_PREFIX = 'src:';
export const bucketKey = (sourceId: string) => `${BUCKET_PREFIX}${sourceId}`;
export const isBucketKey = (key: string) => key.startsWith(BUCKET_PREFIX);
export const SNAP_ALL = 'snap:all';
export const provinceSnapKey = (province: string) => `snap:p:${province}`;
export const districtSnapKey = (province: string, district: string) => `snap:d:${province}:${district}`;
/** Articles whose own page is still to be read (sources with `fullText`), oldest first. */
export const PAGE_QUEUE_KEY = 'pages:queue';
/** A commune of today, by its GSO code (unique in the country, so no province in the key). */
export const communeSnapKey = (code: string) => `snap:c:${code}`;
/** The hosts the image route may fetch from, written at refresh only when the set changed. */
export const IMAGE_HOSTS_KEY = 'img:hosts';
