import type { StateDoc } from '../store/types';
import { hostOf, hostsOf } from './hosts';

/**
 * What the image route may fetch from, worked out at refresh: every source's own host, its
 * discovered feed's and its icon's, and the hosts its stored articles' images were seen on (kept in its state,
 * only those apart from its own host, so the state stays small).
 */

/** The image hosts of a source's articles, less the source's own host (which is allowed anyway). */
export function otherImageHosts(sourceUrl: string, images: Iterable<string | undefined>): string[] | undefined {
  const own = hostOf(sourceUrl);
  const hosts = hostsOf(images).filter((h) => h !== own);
  return hosts.length ? hosts : undefined;
}

/** The allowlist: sorted, distinct hosts. */
export function allowedImageHosts(sources: readonly { id: string; url: string }[], state: StateDoc): string[] {
  const urls: string[] = [];
  for (const s of sources) {
    urls.push(s.url);
    const st = state.sources[s.id];
    if (st?.feedUrl) urls.push(st.feedUrl);
    if (st?.icon) urls.push(st.icon);
    for (const h of st?.imageHosts ?? []) urls.push(`http://${h}/`);
  }
  return hostsOf(urls);
}
