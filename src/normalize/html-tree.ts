/**
 * A light element tree over `tokenizeHtml`, for reading a page's structure (listings, article
 * pages): the one HTML reader of the project, with the HTML standard's tree-building decisions
 * that shape real portals' markup — void elements, the implied end tags of `p`, `li`, `dd`/`dt`,
 * table rows and cells, `option`, headings and nested links — and end tags that close what they
 * name only within the table boundary they are in. Stray end tags are ignored. Text and attribute
 * values are kept as written (decoded on demand), so a subtree can be written back as it was.
 */
import { tokenizeHtml, type StartTag } from './html-tokens';
import { HIDDEN_CONTENT, INLINE, decodeAttribute, decodeEntities } from './text';

export interface HtmlElement {
  readonly type: 'element';
  /** Lowercase name; the root is `#document`. */
  readonly name: string;
  /** [lowercase name, value as written], first of each name, in source order. */
  readonly attrs: ReadonlyArray<readonly [string, string]>;
  readonly children: HtmlNode[];
  readonly parent: HtmlElement | null;
  /** Order of the start tag in the document (the root is 0). */
  readonly order: number;
}

export interface HtmlText {
  readonly type: 'text';
  /** As written: entities not decoded. */
  raw: string;
  readonly parent: HtmlElement;
}

export type HtmlNode = HtmlElement | HtmlText;

export const VOID_ELEMENTS = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);

/** Start tags that close an open `p` (the standard's list). */
const CLOSES_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'main',
  'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'ul', 'li', 'dd', 'dt', 'plaintext', 'xmp', 'listing',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Elements an implied or explicit end tag never reaches past. */
const SCOPE = new Set(['html', 'table', 'td', 'th', 'caption', 'template', 'object', 'marquee', 'applet', 'button']);
/** Where the search for an open `li`/`dd`/`dt` to close stops. */
const LIST_SCOPE = new Set([...SCOPE, 'ul', 'ol', 'dl']);
const TABLE_PARTS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption']);

interface MutableElement extends HtmlElement {
  children: HtmlNode[];
}

/** Reads `html` into a tree rooted at a `#document` element. Never throws. */
export function parseHtml(html: string): HtmlElement {
  const root: MutableElement = { type: 'element', name: '#document', attrs: [], children: [], parent: null, order: 0 };
  const stack: MutableElement[] = [root];
  let order = 0;
  const current = () => stack[stack.length - 1];

  /** Closes the nearest open element named in `names`, unless a `stop` element comes first. */
  const closeNearest = (names: ReadonlySet<string> | string, stop: ReadonlySet<string>): boolean => {
    for (let i = stack.length - 1; i > 0; i--) {
      const n = stack[i].name;
      if (typeof names === 'string' ? n === names : names.has(n)) {
        stack.length = i;
        return true;
      }
      if (stop.has(n)) return false;
    }
    return false;
  };

  /**
   * A link inside an open link ends that one. When blocks opened inside the old link are
   * still open (`<a><img><div class=item><h3><a>`), the standard's adoption agency keeps them
   * open for the new link; here the old link just stops being open, and they stay where they are.
   */
  const closeOpenLink = () => {
    for (let i = stack.length - 1; i > 0; i--) {
      const n = stack[i].name;
      if (n === 'a') {
        if (stack.slice(i + 1).every((e) => INLINE.has(e.name))) stack.length = i;
        else stack.splice(i, 1);
        return;
      }
      if (SCOPE.has(n)) return;
    }
  };

  const open = (tag: StartTag) => {
    const name = tag.name;
    if (tag.ns === 'html') {
      if (CLOSES_P.has(name)) closeNearest('p', SCOPE);
      if (name === 'li') closeNearest('li', LIST_SCOPE);
      else if (name === 'dd' || name === 'dt') closeNearest(DD_DT, LIST_SCOPE);
      else if (name === 'tr') closeNearest('tr', TABLE_ONLY);
      else if (name === 'td' || name === 'th') closeNearest(CELLS, ROW_STOP);
      else if (name === 'thead' || name === 'tbody' || name === 'tfoot') closeNearest(SECTIONS, TABLE_ONLY);
      else if (name === 'option') closeNearest('option', SCOPE);
      else if (name === 'a') closeOpenLink();
      if (HEADINGS.has(name) && HEADINGS.has(current().name)) stack.pop();
    }
    const el: MutableElement = { type: 'element', name, attrs: tag.attrs, children: [], parent: current(), order: ++order };
    current().children.push(el);
    if (!VOID_ELEMENTS.has(name) && !(tag.selfClosing && tag.ns !== 'html')) stack.push(el);
  };

  const close = (name: string) => {
    if (name === 'br') return;
    // An end tag closes what it names, but never reaches out of a table cell or table it is not about.
    closeNearest(name, TABLE_PARTS.has(name) ? TABLE_ONLY_OUTER : SCOPE);
  };

  tokenizeHtml(html, {
    text(raw) {
      const parent = current();
      const last = parent.children[parent.children.length - 1];
      if (last && last.type === 'text') last.raw += raw;
      else parent.children.push({ type: 'text', raw, parent });
    },
    startTag: open,
    endTag: close,
  });
  return root;
}

const DD_DT = new Set(['dd', 'dt']);
const CELLS = new Set(['td', 'th']);
const SECTIONS = new Set(['thead', 'tbody', 'tfoot']);
const TABLE_ONLY = new Set(['table', 'template', 'html']);
const ROW_STOP = new Set(['tr', 'table', 'template', 'html']);
const TABLE_ONLY_OUTER = new Set(['html', 'template']);

/** An attribute's value, entities decoded as a browser does in attributes; null when absent. */
export function attr(el: HtmlElement, name: string): string | null {
  for (const [k, v] of el.attrs) if (k === name) return decodeAttribute(v);
  return null;
}

/** The element's classes. */
export function classes(el: HtmlElement): string[] {
  const c = attr(el, 'class');
  return c ? c.split(/[\t\n\f\r ]+/).filter(Boolean) : [];
}

/** Child elements only. */
export function childElements(el: HtmlElement): HtmlElement[] {
  const out: HtmlElement[] = [];
  for (const c of el.children) if (c.type === 'element') out.push(c);
  return out;
}

/** Every element below `el`, in document order (not `el` itself). */
/** Whether `el` is `ancestor` or stands inside it (as the DOM's Node.contains). */
export function contains(ancestor: HtmlElement, el: HtmlElement): boolean {
  for (let n: HtmlElement | null = el; n; n = n.parent) if (n === ancestor) return true;
  return false;
}

export function descendants(el: HtmlElement): HtmlElement[] {
  const out: HtmlElement[] = [];
  const walk = (e: HtmlElement) => {
    for (const c of e.children) {
      if (c.type !== 'element') continue;
      out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

/**
 * The text a reader sees in `node`, entities decoded, without script, style and other hidden
 * content; block boundaries become spaces so words of adjacent blocks do not run together.
 * Whitespace is left as it is (callers collapse it).
 */
export function textContent(node: HtmlNode): string {
  return decodeEntities(rawText(node));
}

/**
 * `textContent` with entities left as written (for readers that decode later, once).
 * `apart`: inline elements' texts are kept apart too, as for dates drawn as badges
 * (`<span>08</span><span>Tháng 12</span><span>2024</span>` is "08 Tháng 12 2024", not "08Tháng 122024").
 */
export function rawText(node: HtmlNode, apart = false): string {
  if (node.type === 'text') return node.raw;
  const parts: string[] = [];
  const walk = (e: HtmlElement) => {
    for (const c of e.children) {
      if (c.type === 'text') parts.push(c.raw);
      else if (!HIDDEN_CONTENT.has(c.name)) {
        const inline = !apart && INLINE.has(c.name);
        if (!inline) parts.push(' ');
        walk(c);
        if (!inline) parts.push(' ');
      }
    }
  };
  walk(node);
  return parts.join('');
}

/** The markup of `el`'s content, written back from the tree (attribute values and text as written). */
export function innerHtml(el: HtmlElement): string {
  const out: string[] = [];
  for (const c of el.children) writeNode(c, out);
  return out.join('');
}

/** The markup of `el` itself and its content. */
export function outerHtml(el: HtmlElement): string {
  const out: string[] = [];
  writeNode(el, out);
  return out.join('');
}

function writeNode(node: HtmlNode, out: string[]): void {
  if (node.type === 'text') {
    out.push(node.raw);
    return;
  }
  out.push('<', node.name);
  for (const [k, v] of node.attrs) out.push(' ', k, '="', v.replaceAll('"', '&quot;'), '"');
  out.push('>');
  if (VOID_ELEMENTS.has(node.name)) return;
  for (const c of node.children) writeNode(c, out);
  out.push('</', node.name, '>');
}
