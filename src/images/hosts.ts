/**
 * The image route answers only for hosts bantin already reads: the hosts of the sources' own
 * addresses, of their discovered feeds and icons, and of the images of their stored articles.
 * The set is worked out at refresh (from the catalog and the state) and read by the route, so
 * the route is no open proxy: a URL on any other host is refused before anything is fetched.
 */

/** The host (with its port, lowercased) of an absolute http(s) URL, or undefined. */
export function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.host.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/** The distinct hosts of some URLs, sorted. */
export function hostsOf(urls: Iterable<string | undefined>): string[] {
  const hosts = new Set<string>();
  for (const url of urls) {
    const host = hostOf(url);
    if (host) hosts.add(host);
  }
  return [...hosts].sort();
}
