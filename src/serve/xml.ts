// Characters XML 1.0 forbids even when escaped (C0 controls but tab, LF, CR; lone surrogates; U+FFFE/FFFF).
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for XML element content and attribute values alike. */
export function esc(text: string): string {
  return text.replace(INVALID, '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** RFC 822 date as RSS 2.0 wants it ("Fri, 27 Nov 2026 03:00:00 GMT"). */
export const rfc822 = (iso: string) => new Date(iso).toUTCString();

/** RFC 3339 without milliseconds ("2026-11-27T03:00:00Z"), for Atom and JSON Feed. */
export const rfc3339 = (iso: string) => new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
