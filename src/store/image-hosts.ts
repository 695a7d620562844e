import { IMAGE_HOSTS_KEY } from './keys';
import type { JsonStore } from './kv';

/**
 * The image route's allowlist (`img:hosts`): a sorted array of hosts, written by the refresh
 * when the set changed and read by the route on a cache miss. A route's isolate keeps what it
 * read for a minute, so a page of twenty images costs one KV read, not twenty; a host it does
 * not hold is read again at most every ten seconds, so a host a refresh just added is soon
 * allowed, and a flood of refused URLs costs at most six reads a minute per isolate.
 */

const FRESH_MS = 60_000;
const REREAD_MS = 10_000;

let memo: { hosts: ReadonlySet<string>; at: number } | null = null;

export async function writeImageHosts(store: JsonStore, hosts: string[]): Promise<void> {
  await store.putJson(IMAGE_HOSTS_KEY, hosts);
  memo = null;
}

/** Whether the route may fetch from `host`; `now` is the clock (ms). */
export async function imageHostAllowed(store: JsonStore, host: string, now: number): Promise<boolean> {
  if (memo && now - memo.at < FRESH_MS && memo.hosts.has(host)) return true;
  if (memo && now - memo.at >= 0 && now - memo.at < REREAD_MS) return false;
  const hosts = await store.getJson<string[]>(IMAGE_HOSTS_KEY);
  memo = { hosts: new Set(Array.isArray(hosts) ? hosts : []), at: now };
  return memo.hosts.has(host);
}
