import type { BodyFormat } from './types';

/**
 * What a body is, judged by its first element rather than its Content-Type:
 * portals serve RSS as text/html and HTML error pages as application/rss+xml.
 * The Content-Type only breaks ties when the body itself says nothing clear.
 */
export function detectFormat(body: string, contentType: string): BodyFormat {
  const hint = contentType.toLowerCase();
  const text = body.replace(/^\uFEFF/, '');
  if (looksBinary(text)) return 'unknown';

  // A PHP notice or stray output before the XML prolog: start from the prolog.
  const prologAt = text.slice(0, 2048).indexOf('<?xml');
  const start = skipProlog(prologAt > 0 ? text.slice(prologAt) : text) + Math.max(prologAt, 0);
  const rest = text.slice(start);

  if (rest.startsWith('{')) return jsonFormat(text, hint);
  if (rest.startsWith('<')) {
    if (/^<!doctype\s+html\b/i.test(rest)) return 'html';
    const root = /^<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(rest);
    if (root) {
      const format = rootFormat(root[2], rest);
      if (format) return format;
      // PHP's notices print as HTML (`<br /><b>Notice</b>: …`) before the feed they interrupt.
      if (PRINTED.has(root[2].toLowerCase())) {
        const feedAt = /<(?:[A-Za-z_][\w.-]*:)?(rss|RDF|feed)[\s>]/.exec(rest.slice(0, 2048));
        const feed = feedAt && rootFormat(feedAt[1], rest.slice(feedAt.index));
        if (feed) return feed;
      }
      if (HTML_TAGS.has(root[2].toLowerCase())) return 'html';
      if (hint.includes('html')) return 'html';
      return 'unknown';
    }
  }

  // Stray text before the markup: look a little further in.
  const head = text.slice(start, start + 2048);
  const rootAt = /<(?:[A-Za-z_][\w.-]*:)?(rss|RDF|feed)\b/.exec(head);
  if (rootAt) {
    const format = rootFormat(rootAt[1], head.slice(rootAt.index));
    if (format) return format;
  }
  if (/<(?:html|head|body)\b/i.test(head)) return 'html';
  if (hint.includes('html') && /<[a-z][a-z0-9]*\b[^>]*>/i.test(head)) return 'html';
  return 'unknown';
}

const ATOM_NS = /xmlns(?::\w+)?\s*=\s*["'](?:http:\/\/www\.w3\.org\/2005\/Atom|http:\/\/purl\.org\/atom\/ns#)["']/;

/** Feed format by root element name (prefix stripped), or null when it is no feed root. */
function rootFormat(name: string, fromRoot: string): BodyFormat | null {
  if (name === 'rss') return 'rss';
  if (name === 'RDF') return 'rdf';
  if (name === 'feed') {
    // Atom needs its namespace; a bare <feed> counts when it holds <entry> elements.
    const close = fromRoot.indexOf('>');
    const startTag = close < 0 ? fromRoot.slice(0, 2048) : fromRoot.slice(0, close + 1);
    if (ATOM_NS.test(startTag) || /<(?:\w+:)?entry\b/.test(fromRoot.slice(0, 65536))) return 'atom';
    return null;
  }
  return null;
}

/** Elements a server's printed warning starts with. */
const PRINTED = new Set(['br', 'b', 'font', 'p', 'pre', 'div', 'table']);

/** Elements that start an HTML document or a fragment a portal might send instead. */
const HTML_TAGS = new Set([
  'html', 'head', 'body', 'meta', 'title', 'link', 'script', 'style', 'noscript', 'base',
  'div', 'span', 'p', 'a', 'table', 'form', 'iframe', 'section', 'article', 'header', 'nav',
  'main', 'footer', 'ul', 'ol', 'img', 'center', 'font', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
]);

/**
 * Index of the first element: past whitespace, processing instructions
 * (the XML prolog, xml-stylesheet), comments and a non-HTML doctype.
 */
function skipProlog(text: string): number {
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      if (end < 0) return i;
      i = end + 2;
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) return i;
      i = end + 3;
    } else if (/^<!doctype\s/i.test(text.slice(i, i + 10)) && !/^<!doctype\s+html\b/i.test(text.slice(i, i + 20))) {
      // <!DOCTYPE rss PUBLIC "..."> (RSS 0.91), possibly with an internal subset [...].
      const bracket = text.indexOf('[', i);
      const close = text.indexOf('>', i);
      if (close < 0) return i;
      if (bracket >= 0 && bracket < close) {
        const subsetEnd = text.indexOf(']', bracket);
        const after = subsetEnd < 0 ? -1 : text.indexOf('>', subsetEnd);
        if (after < 0) return i;
        i = after + 1;
      } else {
        i = close + 1;
      }
    } else {
      return i;
    }
  }
}

function jsonFormat(text: string, hint: string): BodyFormat {
  // Look for the version instead of parsing the whole body (the parser will);
  // JSON may escape the slashes in the URL.
  if (/"version"\s*:\s*"https?:\\?\/\\?\/jsonfeed\.org\\?\/version\\?\//.test(text)) return 'jsonfeed';
  if (hint.includes('feed+json') && /"items"\s*:\s*\[/.test(text)) return 'jsonfeed';
  return 'unknown';
}

/**
 * Bytes that were never text: a file signature at the start, NUL bytes, or
 * mostly replacement/control characters in the first few KiB.
 */
function looksBinary(text: string): boolean {
  // PNG's 0x89 decodes as U+FFFD (UTF-8), U+2030 (windows-1252/1258) or U+0089.
  if (/^[\uFFFD\u2030\u0089]PNG/.test(text)) return true;
  if (/^(?:GIF8[79]a|%PDF-|PK\u0003\u0004|\u001F[\uFFFD\u2039\u008B])/.test(text)) return true;
  const sample = text.slice(0, 4096);
  if (sample.includes('\u0000')) return true;
  if (sample.length === 0) return false;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0xfffd || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c)) odd++;
  }
  return odd / sample.length > 0.1;
}
