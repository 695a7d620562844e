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

/** Where a part that changes by request may start: a script, a comment, a form field, a nonce attribute. */
const VOLATILE_START = /<script\b|<!--|<input\b|\snonce\s*=\s*["']/gi;
const SCRIPT_END = /<\/script\s*>/gi;
const HIDDEN = /\btype\s*=\s*["']?hidden\b/i;

/** The text the body's items are read from (see above); null when there is none to tell apart (a JSON feed, a feed without items). */
export function itemsText(body: string, format: BodyFormat): string | null {
  return itemsParts(body, format)?.join('') ?? null;
}

/** The items text as the parts of the body it is made of, in order (slices, not copies). */
function itemsParts(body: string, format: BodyFormat): string[] | null {
  if (format === 'rss' || format === 'rdf' || format === 'atom') {
    const at = ITEM_START.exec(body)?.index;
    return at === undefined ? null : [body.slice(at)];
  }
  if (format === 'html') return withoutVolatile(body);
  return null;
}

/**
 * The page less its scripts, comments, hidden inputs and nonces. One pass: every search starts
 * where the last one ended, and a part left open (no end) keeps the rest of the page as it is,
 * so a hostile page costs no more than a long one.
 */
function withoutVolatile(html: string): string[] {
  const kept: string[] = [];
  let from = 0;
  VOLATILE_START.lastIndex = 0;
  for (let m = VOLATILE_START.exec(html); m; m = VOLATILE_START.exec(html)) {
    const start = m.index;
    const opener = m[0].toLowerCase();
    let end: number;
    if (opener === '<!--') {
      const close = html.indexOf('-->', start + 4);
      end = close < 0 ? -1 : close + 3;
    } else if (opener === '<script') {
      SCRIPT_END.lastIndex = start;
      const close = SCRIPT_END.exec(html);
      end = close ? close.index + close[0].length : -1;
    } else if (opener === '<input') {
      const close = html.indexOf('>', start);
      if (close >= 0 && !HIDDEN.test(html.slice(start, close))) {
        VOLATILE_START.lastIndex = close + 1;
        continue;
      }
      end = close < 0 ? -1 : close + 1;
    } else {
      // ` nonce="…"`: to its closing quote.
      const close = html.indexOf(opener[opener.length - 1], start + m[0].length);
      end = close < 0 ? -1 : close + 1;
    }
    if (end < 0) break;
    kept.push(html.slice(from, start));
    from = end;
    VOLATILE_START.lastIndex = end;
  }
  kept.push(html.slice(from));
  return kept;
}

const encoder = new TextEncoder();
/** Where the parts are encoded for hashing, kept between calls (a digest copies its input). */
let scratch = new Uint8Array(64 * 1024);
const MAX_SCRATCH = 1024 * 1024;

/**
 * A short hash of the items text (128 bits of SHA-256, base64url), or undefined when the body has
 * none. The parts are encoded one after another into one buffer, never joined into a string:
 * a page's items text is most of the page, and a fetch whose body changed on every request
 * would otherwise make a copy of it only to hash it.
 */
export async function itemsHash(body: string, format: BodyFormat): Promise<string | undefined> {
  const parts = itemsParts(body, format);
  if (parts === null) return undefined;
  let chars = 0;
  for (const part of parts) chars += part.length;
  // A UTF-16 unit is at most 3 bytes of UTF-8 (a surrogate pair, 2 units, is 4).
  const need = chars * 3;
  const buffer = need <= scratch.length ? scratch : need <= MAX_SCRATCH ? (scratch = new Uint8Array(need)) : new Uint8Array(need);
  let written = 0;
  for (const part of parts) written += encoder.encodeInto(part, buffer.subarray(written)).written;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', buffer.subarray(0, written)), 0, 16);
  return btoa(String.fromCharCode(...digest)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
