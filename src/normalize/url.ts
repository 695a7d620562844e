import { decodeAttribute } from './text';

/**
 * An href or src as found in a page or feed, made absolute against `base`; null unless the
 * result is http(s) (javascript:, data:, mailto:, tel: ... are never links we keep).
 * Entities are decoded first (`&amp;` in hrefs, `jav&#x09;ascript:` tricks), and the URL parser
 * strips tabs/newlines and percent-encodes spaces and non-ASCII path characters.
 */
export function absoluteUrl(href: string | undefined, base: string): string | null {
  if (!href) return null;
  const s = decodeAttribute(href.trim()).trim();
  if (!s) return null;
  let url: URL;
  try {
    url = new URL(s, base);
  } catch {
    try {
      url = new URL(s); // base itself unusable: the href may still be absolute
    } catch {
      return null;
    }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname) return null;
  dropUserinfo(url);
  return url.href;
}

/**
 * A URL without the user name and password written into it (`http://user:secret@host/`):
 * whatever we show (article links, images, source addresses) never carries them.
 * Text that is no URL is returned as it is.
 */
export function withoutUserinfo(url: string): string {
  if (!url.includes('@')) return url;
  try {
    const u = new URL(url);
    return dropUserinfo(u) ? u.href : url;
  } catch {
    return url;
  }
}

function dropUserinfo(url: URL): boolean {
  if (!url.username && !url.password) return false;
  url.username = '';
  url.password = '';
  return true;
}

/** Query parameters that only track the click (campaigns, Facebook, Google Ads, Zalo). */
function isTrackingParam(name: string): boolean {
  const n = name.toLowerCase();
  return n.startsWith('utm_') || n.startsWith('zalo_') || n === 'fbclid' || n === 'gclid' || n === 'zarsrc';
}

function paramName(pair: string): string {
  const raw = pair.split('=', 1)[0];
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/**
 * One spelling per article URL, so the same article seen twice gets the same id: no fragment,
 * no tracking parameters, no user name or password, lowercase host, no default port, no empty "?". The other parameters
 * keep their order and their encoding as written (some servers care).
 */
export function canonicalUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return url.trim();
  }
  u.hash = ''; // the URL parser already lowercases the host and drops default ports
  dropUserinfo(u);
  const kept = u.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !isTrackingParam(paramName(pair)));
  u.search = kept.length ? `?${kept.join('&')}` : '';
  return u.href;
}
