import { decodeHTMLStrict } from 'entities';

/**
 * Helpers for feed XML before and between parse attempts: find the root element, mend
 * HTML entities and bare ampersands (hand-written portal feeds have both), and cut a damaged
 * body back to its last complete item. Pure string work, no parser.
 */

export type XmlFeedFormat = 'rss' | 'rdf' | 'atom';

export interface FeedRoot {
  /** The body from the XML start on (junk before `<?xml`, such as a PHP warning, dropped). */
  xml: string;
  /** Root element name as written, e.g. "rss", "rdf:RDF", "feed". */
  root: string;
  format: XmlFeedFormat;
}

export type SniffResult = FeedRoot | { notXml: true } | { otherRoot: string };

/** How far into the body to look for the XML start when something precedes it. */
const START_WINDOW = 4096;
const XML_START = /<\?xml\b|<(?:rss|feed|[A-Za-z_][\w.-]*:RDF)[\s>]/;

function formatOfRoot(root: string): XmlFeedFormat | undefined {
  const local = root.slice(root.indexOf(':') + 1);
  if (root === 'rss') return 'rss';
  if (local === 'RDF') return 'rdf';
  if (local === 'feed') return 'atom';
  return undefined;
}

/** The first element's name, after declarations, comments, PIs and a doctype; undefined if none. */
export function rootElementName(xml: string): string | undefined {
  let i = 0;
  for (;;) {
    while (i < xml.length && /\s/.test(xml[i])) i++;
    if (xml.startsWith('<?', i)) i = endOf(xml, '?>', i);
    else if (xml.startsWith('<!--', i)) i = endOf(xml, '-->', i);
    else if (xml.slice(i, i + 9).toUpperCase() === '<!DOCTYPE') i = endOfDoctype(xml, i);
    else break;
    if (i < 0) return undefined;
  }
  return /^<([A-Za-z_][\w.:-]*)/.exec(xml.slice(i, i + 200))?.[1];
}

function endOf(xml: string, close: string, from: number): number {
  const j = xml.indexOf(close, from);
  return j < 0 ? -1 : j + close.length;
}

function endOfDoctype(xml: string, from: number): number {
  const bracket = xml.indexOf('[', from);
  const gt = xml.indexOf('>', from);
  if (bracket >= 0 && bracket < gt) {
    const close = xml.indexOf(']', bracket);
    return close < 0 ? -1 : endOf(xml, '>', close);
  }
  return gt < 0 ? -1 : gt + 1;
}

/** Finds the feed's root element, tolerating a BOM and junk printed before the XML. */
export function sniffFeedRoot(body: string): SniffResult {
  const text = body.replace(/^\uFEFF/, '');
  const root = rootElementName(text);
  const format = root && formatOfRoot(root);
  if (root && format) return { xml: text.trimStart(), root, format };
  const start = text.slice(0, START_WINDOW).search(XML_START);
  if (start > 0) {
    const rest = text.slice(start);
    const later = rootElementName(rest);
    const laterFormat = later && formatOfRoot(later);
    if (later && laterFormat) return { xml: rest, root: later, format: laterFormat };
  }
  if (root) return { otherRoot: root };
  return { notXml: true };
}

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
const AMPERSAND = /&(?:([A-Za-z][A-Za-z0-9]*);|#[0-9]+;|#x[0-9A-Fa-f]+;)?/g;
const UNTOUCHED = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g;

function mendAmpersand(match: string, name: string | undefined): string {
  if (match === '&') return '&amp;'; // a bare "&", e.g. "?id=1&cat=2"
  if (name === undefined || XML_ENTITIES.has(name)) return match;
  const decoded = decodeHTMLStrict(match);
  if (decoded === match) return `&amp;${name};`; // not an HTML entity either: keep it as text
  return [...decoded].map((ch) => `&#${ch.codePointAt(0)};`).join('');
}

/**
 * Rewrites HTML entities (`&nbsp;`, `&agrave;`) as numeric references and escapes bare `&`,
 * outside CDATA sections and comments, so a strict XML parser accepts the body.
 */
export function mendEntities(xml: string): string {
  let out = '';
  let last = 0;
  for (const m of xml.matchAll(UNTOUCHED)) {
    out += xml.slice(last, m.index).replace(AMPERSAND, mendAmpersand) + m[0];
    last = m.index + m[0].length;
  }
  return out + xml.slice(last).replace(AMPERSAND, mendAmpersand);
}

/**
 * Offset in `xml` where the parser stopped, from sax's "Line: L\nColumn: C" (both counted
 * from 0, in UTF-16 units); the end of the body when the error carries no position.
 */
export function errorOffset(xml: string, message: string): number {
  const m = /\nLine: (\d+)\nColumn: (\d+)/.exec(message);
  if (!m) return xml.length;
  let lineStart = 0;
  for (let line = Number(m[1]); line > 0; line--) {
    const nl = xml.indexOf('\n', lineStart);
    if (nl < 0) return xml.length;
    lineStart = nl + 1;
  }
  return Math.min(xml.length, lineStart + Number(m[2]));
}

/**
 * The body cut right after the last `</item>` (`</entry>` in Atom) that ends before `before`,
 * with the still-open channel and root elements closed; undefined when no item ends there.
 */
export function cutAfterLastItem(xml: string, before: number, root: FeedRoot): string | undefined {
  const close = root.format === 'atom' ? '</entry>' : '</item>';
  const at = xml.lastIndexOf(close, before - close.length - 1);
  if (at < 0 || at + close.length >= before) return undefined;
  const closers = root.format === 'rss' ? `</channel></${root.root}>` : `</${root.root}>`;
  return xml.slice(0, at + close.length) + '\n' + closers + '\n';
}

// ---- Atom: xhtml text constructs and xml:base ------------------------------------------------

/** An Atom text construct of type="xhtml" (not self-closed), with its element name, attributes and markup. */
const XHTML_CONSTRUCT = /<((?:[\w.-]+:)?(?:content|summary|title|subtitle|rights))(\s[^>]*?\btype\s*=\s*["']xhtml["'][^>]*?)(?<!\/)>([\s\S]*?)<\/\1\s*>/g;
const cdata = (s: string) => `<![CDATA[${s.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;

/** The markup inside the construct's wrapping xhtml <div>, without its namespace prefix or declarations. */
function xhtmlMarkup(inner: string): string {
  const div = /^\s*<(?:([\w.-]+):)?div\b[^>]*>([\s\S]*)<\/(?:[\w.-]+:)?div\s*>\s*$/.exec(inner);
  let markup = div ? div[2] : inner;
  if (div?.[1]) markup = markup.replace(new RegExp(`<(/?)${div[1]}:`, 'g'), '<$1');
  return markup.replace(/\sxmlns(?::[\w.-]+)?\s*=\s*(["'])[^"']*\1/g, '').trim();
}

/** A relative reference in an href or src attribute, as written in XML or escaped in text. */
const REFERENCE = /(\b(?:href|src)\s*=\s*)("|'|&quot;|&#34;|&#39;|&apos;)(.*?)\2/g;

function resolveAgainst(value: string, base: string): string {
  if (value === '' || value.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(value)) return value;
  try {
    return new URL(value, base).href;
  } catch {
    return value;
  }
}

const baseOf = (startTag: string) => /\sxml:base\s*=\s*(["'])(.*?)\1/.exec(startTag)?.[2];

/**
 * Atom before the parser: an xhtml text construct becomes escaped HTML (the parser would lose the
 * order of its mixed content: words after a <strong> come out before it), and where the feed or
 * an entry sets xml:base, the entries' relative links and the links in their content are made
 * absolute against it (the feed's own address stands below a relative xml:base).
 */
export function inlineAtom(xml: string, url?: string): string {
  let out = xml.includes('xhtml') ? xml.replace(XHTML_CONSTRUCT, (_m, name: string, attrs: string, inner: string) => `<${name}${attrs.replace(/\btype\s*=\s*["']xhtml["']/, 'type="html"')}>${cdata(xhtmlMarkup(inner))}</${name}>`) : xml;
  if (!out.includes('xml:base')) return out;
  const rootTag = /<(?:[\w.-]+:)?feed\b[^>]*>/.exec(out)?.[0] ?? '';
  const feedBase = absolute(baseOf(rootTag), url);
  out = out.replace(/(<(?:[\w.-]+:)?entry\b[^>]*>)([\s\S]*?)(<\/(?:[\w.-]+:)?entry\s*>)/g, (m, open: string, body: string, close: string) => {
    const base = absolute(baseOf(open), feedBase);
    if (!base || base === url) return m;
    return open + body.replace(REFERENCE, (_r, lead: string, q: string, v: string) => `${lead}${q}${resolveAgainst(v, base)}${q}`) + close;
  });
  return out;
}

function absolute(ref: string | undefined, base: string | undefined): string | undefined {
  if (ref === undefined) return base;
  try {
    return new URL(ref, base).href;
  } catch {
    return base;
  }
}

/**
 * RSS whose items stand after `</channel>` (hand-written generators, RSS 0.9x habits): the channel
 * is closed after them instead, so the parser, which reads the channel's items, sees them.
 */
export function itemsIntoChannel(xml: string): string {
  const close = xml.lastIndexOf('</channel>');
  if (close < 0 || !/<item[\s>]/.test(xml.slice(close))) return xml;
  const end = xml.lastIndexOf('</rss>');
  if (end < close) return xml;
  return `${xml.slice(0, close)}${xml.slice(close + '</channel>'.length, end)}</channel>${xml.slice(end)}`;
}
