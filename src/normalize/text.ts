import { decodeHTML, decodeHTMLAttribute } from 'entities';
import { collapseSpaces } from '../vietnamese';
import { tokenizeHtml } from './html-tokens';

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

/** Elements whose content a reader never sees as text (code, form values, fallbacks, the document title). */
export const HIDDEN_CONTENT = new Set([
  'script', 'style', 'template', 'noscript', 'textarea', 'title', 'iframe', 'object', 'noembed', 'noframes',
]);

/** Inline elements: their edges do not separate words ("Ch<b>ợ</b>"). Any other tag is a space. */
export const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd',
  'mark', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var',
]);

/**
 * The text a reader sees in `html`, read by the project's HTML tokenizer: tags, comments and
 * hidden content gone, character references decoded where the standard decodes them (so
 * `&lt;script&gt;` is the text "<script>", while `<xmp>&amp;</xmp>` shows "&amp;"), a space
 * for every tag that is not inline. A `<` that opens no tag ("giá < 5 triệu") is text.
 * Whitespace is left as it is (callers collapse it).
 */
export function htmlToText(html: string): string {
  if (!html.includes('<')) return decodeEntities(html);
  let out = '';
  /** The hidden element being skipped, and how deeply it is nested in itself. */
  let hidden = '';
  let depth = 0;
  tokenizeHtml(html, {
    text(text, raw) {
      if (!hidden) out += raw ? text : decodeEntities(text);
    },
    startTag({ name, selfClosing, ns }) {
      // A self-closing SVG/MathML element has no content; in HTML the slash means nothing.
      const empty = selfClosing && ns !== 'html';
      if (hidden) {
        if (name === hidden && !empty) depth++;
        return;
      }
      if (HIDDEN_CONTENT.has(name) && !empty) {
        hidden = name;
        depth = 1;
      }
      if (!INLINE.has(name)) out += ' ';
    },
    endTag(name) {
      if (hidden) {
        if (name !== hidden || --depth > 0) return;
        hidden = '';
      }
      if (!INLINE.has(name)) out += ' ';
    },
  });
  return out;
}

// C0 controls other than tab/LF/CR, C1 controls, U+FFFE/U+FFFF and lone surrogates are not
// allowed (or are discouraged) in XML 1.0: one of them would break every RSS/Atom feed we serve.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Invisible format characters that only join or hint (soft hyphen, joiners, BOM): dropped. */
const INVISIBLE = /[\u00AD\u200C\u200D\u2060\uFEFF]/g;

/** Removes characters XML 1.0 forbids; keeps tab, LF, CR. */
export function dropInvalidXmlChars(s: string): string {
  return s.replace(INVALID_XML, '');
}

/** Plain text for titles, authors, categories, summaries: the text of the HTML, NFC, one space between words. */
export function cleanText(s: string): string {
  if (!s) return '';
  const text = htmlToText(s).normalize('NFC');
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
