import { tokenizeHtml, type StartTag } from './html-tokens';
import { absoluteUrl } from './url';
import { decodeAttribute, dropInvalidXmlChars } from './text';

/*
 * HTML sanitizer. The input is only read, by a tokenizer (./html-tokens.ts, the HTML
 * standard's tokenizer with HTMLRewriter's reading of where SVG/MathML and raw-text content
 * begin and end), and the result is written by us from vetted pieces (allowed tag, allowed
 * attributes re-escaped, text with no raw `<`), with every element closed. So whatever the
 * tokenizer makes of broken input, nothing it passes through unchecked reaches the result:
 * no stray end tags, no unbalanced `<a>` swallowing the rest of a page, no attribute we did
 * not write ourselves.
 *
 * The tokenizer replaced an HTMLRewriter pass per item: in workerd every handler call (each
 * element, end tag and text chunk) costs a few microseconds, which made sanitizing most of a
 * feed's normalize time. End tags close elements the way HTMLRewriter reports them: an end
 * tag closes the innermost open element of its name and everything opened inside it.
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

/** The attributes of a start tag, read as HTMLRewriter's `getAttribute` reads them (the first of a name). */
interface Attributes {
  getAttribute(name: string): string | null;
}

function attributes(tag: StartTag): Attributes {
  return {
    getAttribute(name) {
      for (const [n, v] of tag.attrs) if (n === name) return v;
      return null;
    },
  };
}

/** The image's real address: lazy loaders keep it in data-* while `src` holds a placeholder. */
function imageSrc(el: Attributes, base: string): string | null {
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
function attributesOf(tag: string, el: Attributes, base: string): Array<[string, string]> | null {
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

/** Elements that never have content, so no end tag closes them (as HTMLRewriter counts them). */
const NO_END_TAG = new Set([
  'area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link',
  'meta', 'param', 'source', 'track', 'wbr',
]);

/** An element of the input still open, and what to do when it ends. */
interface InputElement {
  name: string;
  onEnd?: () => void;
}

/**
 * Sanitizes untrusted HTML from a feed or page: allowlisted tags and attributes only, links
 * and images absolute http(s) against `baseUrl`, links open in a new tab without referrer,
 * every element closed. Text stays as written (entity-encoded), so `&lt;script&gt;` stays text.
 */
export async function sanitizeHtml(html: string, baseUrl: string): Promise<string> {
  // No tag at all (plain text descriptions): the whole input is text.
  if (!html.includes('<')) return escapeText(html);

  let out = '';
  const stack: Open[] = [];
  /** > 0 while inside an element removed with its content. */
  let dropping = 0;
  let pendingText = '';
  /** The input's open elements, outermost first, and how many of each name (an end tag of none skips the search). */
  const elements: InputElement[] = [];
  const openCount = new Map<string, number>();
  /** The open link, if any: links do not nest. */
  let link: Open | null = null;

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
    if (tag === 'a' && link && !link.closed) close(link); // links do not nest
    out += `<${tag}${attrs.map(([n, v]) => ` ${n}="${escapeAttr(v)}"`).join('')}>`;
    if (VOID.has(tag)) return null;
    const entry: Open = { tag, closed: false };
    stack.push(entry);
    if (tag === 'a') link = entry;
    return entry;
  };

  tokenizeHtml(html, {
    startTag(tag) {
      const name = tag.name;
      const element: InputElement = { name };
      const hasEnd = tag.ns === 'html' ? !NO_END_TAG.has(name) : !tag.selfClosing;
      if (hasEnd) {
        elements.push(element);
        openCount.set(name, (openCount.get(name) ?? 0) + 1);
      }
      if (dropping > 0) return;
      if (DROP_WITH_CONTENT.has(name)) {
        if (hasEnd) {
          flushText();
          dropping++;
          element.onEnd = () => void dropping--;
        }
        return;
      }
      const allowed = RENAMED[name] ?? name;
      if (!ALLOWED.has(allowed)) return; // unwrapped: its content still comes through
      const attrs = attributesOf(allowed, attributes(tag), baseUrl);
      if (!attrs) return;
      const entry = open(allowed, attrs);
      if (entry && hasEnd) element.onEnd = () => close(entry);
    },
    endTag(name) {
      if (!openCount.get(name)) return;
      for (let i = elements.length - 1; i >= 0; i--) {
        if (elements[i].name !== name) continue;
        for (const e of elements.splice(i)) {
          openCount.set(e.name, openCount.get(e.name)! - 1);
          e.onEnd?.();
        }
        return;
      }
    },
    text(t, raw) {
      // Raw text (xmp, plaintext) has no character references: its `&` is shown as written.
      if (dropping === 0) pendingText += raw ? t.replace(/&/g, '&amp;') : t;
    },
  });

  flushText();
  while (stack.length) close(stack[stack.length - 1]);
  return out;
}
