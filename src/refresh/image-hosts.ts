import { allowedImageHosts, otherImageHosts } from '../images/allowlist';
import type { Source } from '../sources/schema';
import { fnv1a } from '../store/hash';
import { writeImageHosts } from '../store/image-hosts';
import type { JsonStore } from '../store/kv';
import type { Bucket, StateDoc } from '../store/types';

/** Each source whose bucket this run holds: the hosts its articles' images are on, into its state. */
export function noteImageHosts(state: StateDoc, buckets: ReadonlyMap<string, Bucket>, catalog: readonly Source[]): void {
  if (!buckets.size) return;
  const urls = new Map<string, string>();
  for (const s of catalog) if (buckets.has(s.id)) urls.set(s.id, s.url);
  for (const [id, bucket] of buckets) {
    const entry = state.sources[id];
    const url = urls.get(id);
    if (!entry || url === undefined) continue;
    const hosts = otherImageHosts(url, bucket.articles.map((a) => a.image));
    const { imageHosts: _old, ...rest } = entry;
    state.sources[id] = hosts ? { ...rest, imageHosts: hosts } : rest;
  }
}

/**
 * Writes the image route's allowlist when it changed since it was last written (its version
 * is kept in the state, so an unchanged set costs no read and no write). Before the state is
 * written: a failed write leaves the old version there, and the next run tries again.
 */
export async function writeAllowedImageHosts(store: JsonStore, catalog: readonly Source[], state: StateDoc): Promise<void> {
  const hosts = allowedImageHosts(catalog, state);
  const version = fnv1a(hosts.join(' '));
  if (state.imageHostsVersion === version) return;
  await writeImageHosts(store, hosts);
  state.imageHostsVersion = version;
}
