/**
 * Bytes to text, finding the charset the way browsers do, with two
 * adjustments for Vietnamese portals whose declarations are often wrong.
 *
 * Order: byte order mark (or UTF-16 XML's `<?` without one), then the HTTP header, then an XML prolog, then a
 * <meta> in the first 1024 bytes, else UTF-8. The BOM goes first (as in the
 * WHATWG encoding sniffing algorithm and TextDecoder itself): it is written by
 * the tool that produced the bytes, while headers come from server defaults.
 * Labels are resolved by TextDecoder, which knows the WHATWG labels
 * (`utf8`, `cp1258`, `iso-8859-1` → windows-1252, ...); an unknown label is
 * skipped and the next source is asked.
 */

export interface DecodedBody {
  text: string;
  /** WHATWG name of the encoding used, e.g. "utf-8", "windows-1258". */
  charset: string;
}

const PRESCAN_BYTES = 1024;

/**
 * Encodings with more than one byte per character; every other encoding
 * TextDecoder knows (windows-125x, iso-8859-x, koi8, macintosh...) is single-byte.
 */
const MULTIBYTE = new Set([
  'utf-8',
  'utf-16le',
  'utf-16be',
  'gbk',
  'gb18030',
  'big5',
  'euc-jp',
  'iso-2022-jp',
  'shift_jis',
  'euc-kr',
  'replacement',
]);

export function decodeBody(bytes: Uint8Array, contentTypeHeader: string | null): DecodedBody {
  const declared =
    bomCharset(bytes) ??
    resolveLabel(headerCharset(contentTypeHeader)) ??
    inDocumentCharset(bytes);

  let charset: string;
  const inDocument = declared === 'utf-8' && !bomCharset(bytes) ? inDocumentCharset(bytes) : null;
  if (inDocument && !MULTIBYTE.has(inDocument) && !isValidUtf8(bytes)) {
    // A server's UTF-8 default over bytes that are not UTF-8, which name their own single-byte
    // charset (a windows-1258 feed's prolog): the document knows better.
    charset = inDocument;
  } else if (declared === null) {
    // Nothing declared: UTF-8 when the bytes are UTF-8; otherwise windows-1258,
    // the HTML standard's default for Vietnamese-locale documents without a
    // declaration (better than a page of replacement characters).
    charset = isValidUtf8(bytes) ? 'utf-8' : 'windows-1258';
  } else if (!MULTIBYTE.has(declared) && isUtf8WithMultibyte(bytes)) {
    // Heuristic: a single-byte charset is declared (often iso-8859-1, a server
    // default) but the bytes are valid UTF-8 and contain multibyte sequences.
    // Real single-byte text almost never forms valid UTF-8 sequences by accident
    // (it would take pairs like "Ã©" everywhere), while UTF-8 pages served under
    // a wrong default header are common. So read it as UTF-8.
    charset = 'utf-8';
  } else {
    charset = declared;
  }

  // TextDecoder drops a BOM matching the encoding. windows-1258 writes tones as
  // combining marks and some sites serve NFD: store NFC everywhere.
  const text = new TextDecoder(charset).decode(bytes).normalize('NFC');
  return { text, charset };
}

/** The WHATWG encoding name for a label, or null when TextDecoder does not know it. */
export function resolveLabel(label: string | null | undefined): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

/** The `charset` parameter of a Content-Type header value. */
export function headerCharset(contentType: string | null): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^;,\s]+))/i.exec(contentType);
  return m ? (m[1] ?? m[2] ?? m[3]).trim() || null : null;
}

function bomCharset(b: Uint8Array): string | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  // UTF-16 XML without a BOM: its `<?` is sure enough (XML 1.0, appendix F).
  if (b[0] === 0x3c && b[1] === 0 && b[2] === 0x3f && b[3] === 0) return 'utf-16le';
  if (b[0] === 0 && b[1] === 0x3c && b[2] === 0 && b[3] === 0x3f) return 'utf-16be';
  return null;
}

/** Charset from an XML prolog or an HTML <meta>, read from the first 1024 bytes as ASCII. */
function inDocumentCharset(bytes: Uint8Array): string | null {
  const head = latin1(bytes.subarray(0, PRESCAN_BYTES));

  const prolog = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([^"']+)["']/i.exec(head);
  const fromProlog = asciiCompatible(resolveLabel(prolog?.[1]));
  if (fromProlog) return fromProlog;

  // Both <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">.
  const noComments = head.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  const metaRe = /<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:+-]+)/gi;
  for (const m of noComments.matchAll(metaRe)) {
    const found = asciiCompatible(resolveLabel(m[1]));
    if (found) return found;
  }
  return null;
}

/**
 * A declaration we could read in ASCII cannot truly mean UTF-16 (the HTML
 * standard reads it as UTF-8), nor x-user-defined (read as windows-1252).
 */
function asciiCompatible(charset: string | null): string | null {
  if (charset === 'utf-16le' || charset === 'utf-16be') return 'utf-8';
  if (charset === 'x-user-defined') return 'windows-1252';
  return charset;
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function isUtf8WithMultibyte(bytes: Uint8Array): boolean {
  return bytes.some((b) => b >= 0x80) && isValidUtf8(bytes);
}
