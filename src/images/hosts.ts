/**
 * The image route answers only for hosts bantin already reads: the hosts of the sources' own
 * addresses, of their discovered feeds and icons, and of the images of their stored articles.
 * The set is worked out at refresh (from the catalog and the state) and read by the route, so
 * the route is no open proxy: a URL on any other host is refused before anything is fetched.
 */

/** A plain ASCII host name right after the scheme: most URLs, read without parsing them whole. */
const PLAIN_HOST = /^https?:\/\/([a-z0-9.-]+)(?=[/?#]|$)/i;

/** The host (with its port, lowercased, as URL.host gives it) of an absolute http(s) URL, or undefined. */
export function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  // A refresh notes the image hosts of thousands of articles: the common case skips new URL().
  const plain = PLAIN_HOST.exec(url);
  if (plain) return plain[1].toLowerCase();
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.host.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}
