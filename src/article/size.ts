/**
 * The size of an article's stored body. Bodies live in their source's bucket (up to 200
 * articles, read and rewritten whenever the source changes) and the newest ones also in the
 * snapshots feeds are served from, so each is capped: 32 KiB of HTML holds a long government
 * article (most are 3–15 KiB) while keeping a full bucket under ~7 MiB and a feed of 50 bodies
 * cheap to parse and render. A longer body is cut at a top-level block and ends with a link to
 * the rest on the portal.
 */
export const MAX_CONTENT_CHARS = 32 * 1024;

/** Cuts our own sanitized HTML at the last top-level block that fits, adding a link to the page. */
export function capContent(html: string, url: string, max = MAX_CONTENT_CHARS): string {
  if (html.length <= max) return html;
  const more = `<p><a href="${escapeAttr(url)}" target="_blank" rel="noopener noreferrer nofollow">Đọc tiếp trên trang gốc</a></p>`;
  const room = max - more.length;
  let depth = 0;
  let cut = 0;
  const tag = /<(\/?)([a-z0-9]+)[^>]*>/g;
  for (let m = tag.exec(html); m && m.index < room; m = tag.exec(html)) {
    const end = m.index + m[0].length;
    if (VOID.has(m[2])) {
      if (depth === 0 && end <= room) cut = end;
      continue;
    }
    depth += m[1] ? -1 : 1;
    if (depth === 0 && end <= room) cut = end;
  }
  return html.slice(0, cut) + more;
}

const VOID = new Set(['br', 'img', 'hr']);

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Plain text (JSON-LD `articleBody`) as paragraphs. */
export function plainTextHtml(text: string): string {
  return text
    .normalize('NFC')
    .split(/\n\s*\n|\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeText(p)}</p>`)
    .join('');
}
