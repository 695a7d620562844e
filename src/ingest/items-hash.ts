import type { BodyFormat } from './types';

/**
 * What a body's articles are read from, less the bytes some portals change on every request:
 * a feed's channel head (its build date: Liferay stamps the feed with the time of the request)
 * and, in an HTML page, scripts, comments, hidden form fields (ASP.NET's __VIEWSTATE and
 * SharePoint's request digest differ on every request) and CSP nonces. A body whose items text
 * is the last parsed one's gives the same articles, so it is not parsed again, as a body with
 * the same bytes is not.
 *
 * The cost: what lies only in the parts left out (a feed's title or icon, a script) is read
 * again with the next change to the items. Nothing else is: every item's own text counts.
 */

/** An item's or entry's start tag, with or without a namespace prefix (`<items>`, RSS 1.0's list of ids, is none). */
const ITEM_START = /<(?:[A-Za-z_][\w.-]*:)?(?:item|entry)[\s>/]/;

/** Parts of an HTML page that change by request and that listing reading never reads. */
const HTML_VOLATILE =
  /<script\b[^>]*>[\s\S]*?<\/script\s*>|<!--[\s\S]*?-->|<input\b[^>]*\btype\s*=\s*["']?hidden\b[^>]*>|\snonce\s*=\s*(?:"[^"]*"|'[^']*')/gi;

/** The text the body's items are read from (see above); null when there is none to tell apart (a JSON feed, a feed without items). */
export function itemsText(body: string, format: BodyFormat): string | null {
  if (format === 'rss' || format === 'rdf' || format === 'atom') {
    const at = ITEM_START.exec(body)?.index;
    return at === undefined ? null : body.slice(at);
  }
  if (format === 'html') return body.replace(HTML_VOLATILE, '');
  return null;
}

const encoder = new TextEncoder();

/** A short hash of the items text (128 bits of SHA-256, base64url), or undefined when the body has none. */
export async function itemsHash(body: string, format: BodyFormat): Promise<string | undefined> {
  const text = itemsText(body, format);
  if (text === null) return undefined;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)), 0, 16);
  return btoa(String.fromCharCode(...digest)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
