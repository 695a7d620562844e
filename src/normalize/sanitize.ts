import { absoluteUrl } from './url';
import { decodeAttribute, dropInvalidXmlChars } from './text';

/*
 * HTML sanitizer on the Workers HTMLRewriter, used as a streaming tokenizer only: its own output
 * is thrown away and the result is written by us from vetted pieces (allowed tag, allowed
 * attributes re-escaped, text with no raw `<`), with every element closed. So whatever the
 * rewriter makes of broken input, nothing it passes through unchecked reaches the result:
 * no stray end tags, no unbalanced `<a>` swallowing the rest of a page, no attribute we did
 * not write ourselves.
 */

const ALLOWED = new Set([
  'p', 'br', 'a', 'img', 'strong', 'b', 'em', 'i', 'u', 's', 'ul', 'ol', 'li', 'blockquote',
  'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'figure',
  'figcaption', 'span', 'div', 'pre', 'code', 'hr', 'sub', 'sup',
]);
const RENAMED: Record<string, string> = { h1: 'h2' };
const VOID = new Set(['br', 'img', 'hr']);

/**
 * Removed together with their content: code, embedded documents, foreign markup, form
 * controls, and the raw-text/RCDATA elements (title, noembed, noframes) whose content is
 * not markup at all. `form` itself is only unwrapped: ASP.NET/SharePoint pages wrap the
 * whole body in one, and an extract from such a page must not lose the article.
 */
const DROP_WITH_CONTENT = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param',
  'noscript', 'template', 'svg', 'math', 'input', 'button', 'textarea', 'select', 'option',
  'link', 'meta', 'base', 'title', 'noembed', 'noframes', 'portal',
]);

/** Opening one of these closes an open `<p>`, as an HTML parser would. */
const CLOSES_P = new Set([
  'p', 'div', 'ul', 'ol', 'blockquote', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'figure', 'pre', 'hr',
]);

const REL = 'noopener noreferrer nofollow';

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text as the rewriter gives it is still entity-encoded; only a raw `<`/`>` needs escaping. */
function escapeText(s: string): string {
  return dropInvalidXmlChars(s.normalize('NFC')).replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A plain attribute value: decoded, cleaned, re-escaped by us. */
function plainValue(raw: string | null): string | null {
  if (raw == null) return null;
  const v = dropInvalidXmlChars(decodeAttribute(raw)).normalize('NFC').trim();
  return v ? v : null;
}

function firstSrcsetUrl(srcset: string | null): string | undefined {
  const first = srcset?.trim().split(/\s+/, 1)[0]?.replace(/,+$/, '');
  return first || undefined;
}

/** The image's real address: lazy loaders keep it in data-* while `src` holds a placeholder. */
function imageSrc(el: Element, base: string): string | null {
  const candidates = [
    el.getAttribute('data-src'),
    el.getAttribute('data-original'),
    el.getAttribute('data-lazy-src'),
    el.getAttribute('src'),
    firstSrcsetUrl(el.getAttribute('srcset')),
    firstSrcsetUrl(el.getAttribute('data-srcset')),
  ];
  for (const c of candidates) {
    const url = c ? absoluteUrl(c, base) : null;
    if (url) return url;
  }
  return null;
}

function dimension(raw: string | null, max: number): string | null {
  const v = raw?.trim() ?? '';
  if (!/^\d{1,5}$/.test(v)) return null;
  const n = Number(v);
  return n >= 1 && n <= max ? String(n) : null;
}

/** Allowed attributes of an allowed element, as [name, value] with values not yet escaped. */
function attributesOf(tag: string, el: Element, base: string): Array<[string, string]> | null {
  const out: Array<[string, string]> = [];
  const add = (name: string, value: string | null) => {
    if (value != null) out.push([name, value]);
  };
  switch (tag) {
    case 'a': {
      const href = absoluteUrl(el.getAttribute('href') ?? undefined, base);
      add('href', href);
      add('title', plainValue(el.getAttribute('title')));
      if (href) {
        add('rel', REL);
        add('target', '_blank');
      }
      break;
    }
    case 'img': {
      const src = imageSrc(el, base);
      if (!src) return null; // an image without a usable address is nothing to show
      add('src', src);
      add('alt', plainValue(el.getAttribute('alt')) ?? '');
      add('title', plainValue(el.getAttribute('title')));
      add('width', dimension(el.getAttribute('width'), 10000));
      add('height', dimension(el.getAttribute('height'), 10000));
      break;
    }
    case 'td':
    case 'th':
      add('colspan', dimension(el.getAttribute('colspan'), 1000));
      add('rowspan', dimension(el.getAttribute('rowspan'), 65534));
      break;
  }
  return out;
}

interface Open {
  tag: string;
  closed: boolean;
}

/**
 * Sanitizes untrusted HTML from a feed or page: allowlisted tags and attributes only, links
 * and images absolute http(s) against `baseUrl`, links open in a new tab without referrer,
 * every element closed. Text stays as written (entity-encoded), so `&lt;script&gt;` stays text.
 */
export async function sanitizeHtml(html: string, baseUrl: string): Promise<string> {
  let out = '';
  const stack: Open[] = [];
  /** > 0 while inside an element removed with its content. */
  let dropping = 0;
  let pendingText = '';

  const flushText = () => {
    if (pendingText) out += escapeText(pendingText);
    pendingText = '';
  };
  /** Closes `entry` and everything opened inside it that is still open. */
  const close = (entry: Open) => {
    if (entry.closed) return;
    flushText();
    while (stack.length) {
      const top = stack.pop()!;
      top.closed = true;
      out += `</${top.tag}>`;
      if (top === entry) break;
    }
  };
  const open = (tag: string, attrs: Array<[string, string]>): Open | null => {
    flushText();
    const top = stack[stack.length - 1];
    if (top && CLOSES_P.has(tag) && top.tag === 'p') close(top);
    if (top && tag === 'li' && top.tag === 'li') close(top);
    if (tag === 'a') {
      const outer = stack.find((e) => e.tag === 'a'); // links do not nest
      if (outer) close(outer);
    }
    out += `<${tag}${attrs.map(([n, v]) => ` ${n}="${escapeAttr(v)}"`).join('')}>`;
    if (VOID.has(tag)) return null;
    const entry: Open = { tag, closed: false };
    stack.push(entry);
    return entry;
  };
  /** Registers an end-tag callback; false when the element has no end tag (void, `<svg/>`). */
  const onEnd = (el: Element, fn: () => void): boolean => {
    try {
      el.onEndTag(fn);
      return true;
    } catch {
      return false;
    }
  };

  const rewriter = new HTMLRewriter()
    .on('*', {
      element(el) {
        if (dropping > 0) return;
        const name = el.tagName.toLowerCase();
        if (DROP_WITH_CONTENT.has(name)) {
          if (onEnd(el, () => void dropping--)) {
            flushText();
            dropping++;
          }
          return;
        }
        const tag = RENAMED[name] ?? name;
        if (!ALLOWED.has(tag)) return; // unwrapped: its content still comes through
        const attrs = attributesOf(tag, el, baseUrl);
        if (!attrs) return;
        const entry = open(tag, attrs);
        if (entry) onEnd(el, () => close(entry));
      },
    })
    .onDocument({
      text(t) {
        if (dropping === 0) pendingText += t.text;
      },
      comments(c) {
        c.remove();
      },
    });

  await rewriter.transform(new Response(html)).arrayBuffer();
  flushText();
  while (stack.length) close(stack[stack.length - 1]);
  return out;
}
