import type { StateDoc } from '../store/types';
import { hostOf } from './hosts';

/**
 * What the image route may fetch from, worked out at refresh: every source's own host, its
 * discovered feed's and its icon's, and the hosts its stored articles' images were seen on (kept in its state,
 * only those apart from its own host, so the state stays small).
 */

/** The image hosts of a source's articles, less the source's own host (which is allowed anyway). */
export function otherImageHosts(sourceUrl: string, images: Iterable<string | undefined>): string[] | undefined {
  const own = hostOf(sourceUrl);
  // Most images are on the source's own host: told apart by their start, without parsing.
  const ownStarts = own ? [`https://${own}/`, `http://${own}/`] : [];
  const hosts = new Set<string>();
  for (const image of images) {
    if (!image || ownStarts.some((start) => image.startsWith(start))) continue;
    const host = hostOf(image);
    if (host && host !== own) hosts.add(host);
  }
  return hosts.size ? [...hosts].sort() : undefined;
}

/** The allowlist: sorted, distinct hosts. */
export function allowedImageHosts(sources: readonly { id: string; url: string }[], state: StateDoc): string[] {
  const hosts = new Set<string>();
  const add = (host: string | undefined) => host && hosts.add(host);
  for (const s of sources) {
    add(hostOf(s.url));
    const st = state.sources[s.id];
    if (!st) continue;
    if (st.feedUrl) add(hostOf(st.feedUrl));
    if (st.icon) add(hostOf(st.icon));
    if (st.imageHosts) for (const h of st.imageHosts) add(h);
  }
  return [...hosts].sort();
}
