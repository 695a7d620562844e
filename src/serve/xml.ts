// Characters XML 1.0 forbids even when escaped (C0 controls but tab, LF, CR; lone surrogates; U+FFFE/FFFF).
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** A cheap first look for INVALID: its look-behind makes the full pattern slow on long bodies. */
const MAYBE_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;
const SPECIAL = /[&<>"']/;

const xmlChars = (text: string) => (MAYBE_INVALID.test(text) ? text.replace(INVALID, '') : text);

/** Escapes text for XML element content and attribute values alike. */
export function esc(text: string): string {
  const clean = xmlChars(text);
  return SPECIAL.test(clean) ? clean.replace(/[&<>"']/g, (c) => ESCAPES[c]) : clean;
}

/**
 * Long HTML (a full-text body) as element content: a CDATA section is the same text to an XML
 * reader, and costs one search instead of escaping every `<`, `>` and `"` of the markup.
 */
export function cdata(text: string): string {
  return `<![CDATA[${xmlChars(text).replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

/** RFC 822 date as RSS 2.0 wants it ("Fri, 27 Nov 2026 03:00:00 GMT"). */
export const rfc822 = (iso: string) => new Date(iso).toUTCString();

/** RFC 3339 without milliseconds ("2026-11-27T03:00:00Z"), for Atom and JSON Feed. */
export const rfc3339 = (iso: string) => new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
