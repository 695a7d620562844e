import { decodeHTML, decodeHTMLAttribute } from 'entities';

/**
 * Finds what would run in a browser in a piece of HTML, read with workerd's HTMLRewriter
 * (an HTML5 tokenizer, as a browser would read it). Returns one line per finding, so a
 * failing test shows exactly what got through. Two strictness levels:
 * - `content`: article HTML as bantin publishes it (content:encoded, content_html, RSS
 *   descriptions): only the sanitizer's allowlist, absolute http(s) URLs, no event handlers,
 *   no style.
 * - `page`: bantin's own pages, which may carry forms, styles and same-origin scripts; no
 *   event handlers, no script without src or nonce, no active URL anywhere.
 */
export type Strictness = 'content' | 'page';

const CONTENT_TAGS = new Set([
  'p', 'br', 'a', 'img', 'strong', 'b', 'em', 'i', 'u', 's', 'ul', 'ol', 'li', 'blockquote', 'h2', 'h3', 'h4', 'h5',
  'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'figure', 'figcaption', 'span', 'div', 'pre', 'code', 'hr', 'sub', 'sup',
]);
const CONTENT_ATTRS = new Set(['href', 'src', 'alt', 'title', 'width', 'height', 'rel', 'target', 'colspan', 'rowspan']);
const NEVER_TAGS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'isindex', 'portal']);
const URL_ATTRS = new Set([
  'href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'ping', 'cite', 'longdesc',
  'lowsrc', 'dynsrc', 'manifest', 'codebase', 'icon', 'srcset', 'imagesrcset',
]);

/** The scheme a browser would see: entities decoded, controls and spaces removed, lowercased. */
function scheme(value: string): string | null {
  // eslint-disable-next-line no-control-regex
  const v = decodeHTMLAttribute(value).replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  const m = /^([a-z][a-z0-9+.-]*):/.exec(v);
  return m ? m[1] : null;
}

/** A URL attribute's value is safe when it is relative (pages only) or absolute http(s). */
function badUrl(value: string, strictness: Strictness): string | null {
  const candidates = value.split(',').map((part) => part.trim().split(/\s+/)[0]).filter(Boolean);
  for (const c of candidates.length ? candidates : [value]) {
    const s = scheme(c);
    if (s === 'http' || s === 'https') continue;
    if (s === null && strictness === 'page') continue; // relative: same origin
    if (s === null && c.trim() === '') continue;
    return c;
  }
  return null;
}

export async function activeHtml(html: string, strictness: Strictness): Promise<string[]> {
  const found: string[] = [];
  let inScript: string | null = null;
  let inStyle = false;
  let styleText = '';
  let scriptText = '';
  const rewriter = new HTMLRewriter()
    .on('*', {
      element(el) {
        const tag = el.tagName.toLowerCase();
        const attrs = [...el.attributes];
        if (NEVER_TAGS.has(tag)) found.push(`<${tag}> element`);
        if (strictness === 'content' && !CONTENT_TAGS.has(tag)) found.push(`<${tag}> outside the allowlist`);
        for (const [name, value] of attrs) {
          const n = name.toLowerCase();
          if (n.startsWith('on')) found.push(`<${tag} ${n}=${JSON.stringify(value)}>`);
          if (strictness === 'content' && !CONTENT_ATTRS.has(n)) found.push(`<${tag} ${n}> outside the allowlist`);
          if (URL_ATTRS.has(n)) {
            const bad = badUrl(value, strictness);
            if (bad !== null) found.push(`<${tag} ${n}=${JSON.stringify(bad)}>`);
          }
          if (n === 'style' && /url\s*\(|expression|behavior|javascript/i.test(decodeHTMLAttribute(value))) found.push(`<${tag} style=${JSON.stringify(value)}>`);
        }
        if (tag === 'meta' && /refresh/i.test(el.getAttribute('http-equiv') ?? '')) found.push('<meta http-equiv=refresh>');
        if (tag === 'script') {
          const src = el.getAttribute('src');
          if (strictness === 'content') found.push('<script> element');
          else if (src === null && el.getAttribute('nonce') === null) found.push('inline <script> without a nonce');
          else if (src !== null && scheme(src) !== null) found.push(`<script src=${JSON.stringify(src)}> from elsewhere`);
          inScript = tag;
          scriptText = '';
          el.onEndTag(() => {
            if (/alert\(/.test(scriptText)) found.push(`script text runs the corpus: ${scriptText.slice(0, 80)}`);
            inScript = null;
          });
        }
        if (tag === 'style') {
          inStyle = true;
          styleText = '';
          el.onEndTag(() => {
            if (/javascript:|expression\(|@import|behavior/i.test(styleText)) found.push(`<style> with ${styleText.slice(0, 80)}`);
            inStyle = false;
          });
        }
      },
      text(t) {
        if (inScript) scriptText += t.text;
        if (inStyle) styleText += t.text;
      },
    })
    .onDocument({
      doctype() {
        if (strictness === 'content') found.push('a doctype');
      },
    });
  await rewriter.transform(new Response(html)).text();
  return found;
}

/** An absolute http(s) URL, or a finding. */
export function badLink(value: string | undefined | null, where: string): string[] {
  if (value == null) return [];
  try {
    const u = new URL(value);
    if (u.protocol === 'http:' || u.protocol === 'https:') return [];
  } catch {
    // falls through
  }
  return [`${where}: ${JSON.stringify(value)} is not an http(s) URL`];
}

/** Text as a reader would show it (one level of entity decoding), for looking at plain-text fields. */
export const shownText = (s: string) => decodeHTML(s);
