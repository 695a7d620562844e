import { decodeHTML, decodeHTMLAttribute } from 'entities';

/** Decodes every HTML entity (named, decimal, hex), as a browser would in text. */
export function decodeEntities(s: string): string {
  return s.includes('&') ? decodeHTML(s) : s;
}

/**
 * Decodes entities as a browser does inside an attribute value: a legacy entity without `;`
 * followed by `=` or a letter stays as written, so `?a=1&copy=2&section=3` keeps its parameters.
 */
export function decodeAttribute(s: string): string {
  return s.includes('&') ? decodeHTMLAttribute(s) : s;
}

/** Elements whose content is never readable text. */
const SKIP_CONTENT = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'title']);

/** Inline elements: removing them must not split a word ("Ch<b>ợ</b>"). Any other tag becomes a space. */
const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd',
  'mark', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var',
]);

/** Index just past the `>` closing a tag that starts at `from`, honouring quoted attribute values; -1 if none. */
function tagEnd(s: string, from: number): number {
  let quote = '';
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return i + 1;
    }
  }
  return -1;
}

/**
 * Removes tags and comments in one linear pass (no backtracking regex: content can be large).
 * A `<` that does not open a tag ("giá < 5 triệu") stays text.
 */
export function stripTags(s: string): string {
  if (!s.includes('<')) return s;
  let out = '';
  let i = 0;
  while (i < s.length) {
    const lt = s.indexOf('<', i);
    if (lt < 0) {
      out += s.slice(i);
      break;
    }
    out += s.slice(i, lt);
    const next = s[lt + 1] ?? '';
    if (s.startsWith('<!--', lt)) {
      const end = s.indexOf('-->', lt + 4);
      i = end < 0 ? s.length : end + 3;
      continue;
    }
    if (s.startsWith('<![CDATA[', lt)) {
      const end = s.indexOf(']]>', lt + 9);
      out += end < 0 ? s.slice(lt + 9) : s.slice(lt + 9, end);
      i = end < 0 ? s.length : end + 3;
      continue;
    }
    if (!/[A-Za-z/!?]/.test(next)) {
      out += '<';
      i = lt + 1;
      continue;
    }
    const end = tagEnd(s, lt + 1);
    if (end < 0) break; // an unterminated tag runs to the end, as in a browser
    const name = /^<\/?([A-Za-z][A-Za-z0-9-]*)/.exec(s.slice(lt, lt + 40))?.[1]?.toLowerCase() ?? '';
    const closing = next === '/';
    out += INLINE.has(name) ? '' : ' ';
    i = end;
    if (!closing && SKIP_CONTENT.has(name)) {
      const close = new RegExp(`</${name}`, 'gi');
      close.lastIndex = i;
      i = close.exec(s)?.index ?? s.length;
    }
  }
  return out;
}

// C0 controls other than tab/LF/CR, C1 controls, U+FFFE/U+FFFF and lone surrogates are not
// allowed (or are discouraged) in XML 1.0: one of them would break every RSS/Atom feed we serve.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Invisible format characters that only join or hint (soft hyphen, joiners, BOM): dropped. */
const INVISIBLE = /[\u00AD\u200C\u200D\u2060\uFEFF]/g;
/** Whitespace incl. NBSP and the zero-width space (a break hint, so it separates words). */
const SPACES = /[\s\u00A0\u200B]+/g;

/** Removes characters XML 1.0 forbids; keeps tab, LF, CR. */
export function dropInvalidXmlChars(s: string): string {
  return s.replace(INVALID_XML, '');
}

/** Collapses every run of whitespace (incl. NBSP, zero-width space) to one space and trims. */
export function collapseSpaces(s: string): string {
  return s.replace(SPACES, ' ').trim();
}

/**
 * Plain text for titles, authors, categories, summaries: no tags, entities decoded (after
 * stripping, so `&lt;script&gt;` is the text "<script>"), NFC, one space between words.
 */
export function cleanText(s: string): string {
  if (!s) return '';
  const text = decodeEntities(stripTags(s)).normalize('NFC');
  return collapseSpaces(dropInvalidXmlChars(text).replace(INVISIBLE, ''));
}

const TRAILING_PUNCT = /[\s,;:–—\-(["'“‘]+$/u;

/**
 * At most `max` characters, cut at a word boundary with "…" (which counts within `max`).
 * A single word longer than half the room is cut inside the word rather than leaving nothing.
 */
export function summarize(text: string, max = 300): string {
  const s = collapseSpaces(text);
  if (s.length <= max) return s;
  if (max < 1) return '';
  const room = max - 1; // for the ellipsis
  const space = s.lastIndexOf(' ', room);
  let cut = space >= room / 2 ? s.slice(0, space) : s.slice(0, room);
  // Never leave half of a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  cut = cut.replace(TRAILING_PUNCT, '');
  return `${cut}…`;
}

/**
 * Accent-insensitive search key: "Chợ Đồn" → "cho don". `đ` has no Unicode decomposition,
 * so it is folded by hand.
 */
export function foldForSearch(s: string): string {
  return collapseSpaces(
    s
      .toLowerCase()
      .replace(/đ/g, 'd')
      .normalize('NFD')
      .replace(/\p{M}/gu, ''),
  );
}
