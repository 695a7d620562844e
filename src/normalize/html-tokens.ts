/**
 * The project's one HTML reader, in plain TypeScript (the sanitizer, plain text for titles and
 * summaries, and the element tree all read through it): the WHATWG tokenizer's states
 * (tags with quoted and unquoted attributes, comments, bogus comments, doctype, CDATA in
 * foreign content, RCDATA/RAWTEXT/script data/PLAINTEXT content), with the few decisions the
 * tree builder would make about them simulated the way HTMLRewriter (lol-html) does: which
 * start tags switch the text type, and when SVG/MathML content is entered and left.
 *
 * It only reads: text is handed over as written (entities not decoded, no newline
 * normalization), marked raw where character references are not references, attribute
 * values raw. What becomes of the tokens is the caller's business;
 * the sanitizer writes its output from vetted pieces, so a difference from a browser's
 * reading of broken markup can change which harmless text shows, never what runs.
 * A tag cut off by the end of the input is dropped, as the standard says.
 */

export type Namespace = 'html' | 'svg' | 'math';

export interface StartTag {
  /** Lowercase (ASCII) name. */
  name: string;
  /** [lowercase name, raw value], first of each name only, in source order. */
  attrs: Array<[string, string]>;
  selfClosing: boolean;
  /** Namespace the element is in, after this tag's own effect (`<svg>` is in svg). */
  ns: Namespace;
}

export interface TokenSink {
  /**
   * `raw`: the text of RAWTEXT, script data, PLAINTEXT or CDATA, where `&` is just `&`;
   * otherwise data or RCDATA, whose character references a reader sees decoded.
   */
  text(text: string, raw: boolean): void;
  startTag(tag: StartTag): void;
  endTag(name: string): void;
}

const RCDATA = new Set(['title', 'textarea']);
const RAWTEXT = new Set(['style', 'iframe', 'xmp', 'noembed', 'noframes', 'noscript']);

/** Start tags that end SVG/MathML content (the HTML standard's list for foreign content). */
const LEAVES_FOREIGN = new Set([
  'b', 'big', 'blockquote', 'body', 'br', 'center', 'code', 'dd', 'div', 'dl', 'dt', 'em', 'embed',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'hr', 'i', 'img', 'li', 'listing', 'menu', 'meta',
  'nobr', 'ol', 'p', 'pre', 'ruby', 's', 'small', 'span', 'strong', 'strike', 'sub', 'sup', 'table',
  'tt', 'u', 'ul', 'var',
]);
const SVG_HTML_POINTS = new Set(['desc', 'title', 'foreignobject']);
const MATH_TEXT_POINTS = new Set(['mi', 'mo', 'mn', 'ms', 'mtext']);

const TAB = 9;
const LF = 10;
const FF = 12;
const CR = 13;
const SPACE = 32;
const BANG = 33;
const DQUOTE = 34;
const SQUOTE = 39;
const DASH = 45;
const SLASH = 47;
const LT = 60;
const EQ = 61;
const GT = 62;
const QMARK = 63;

const isSpace = (c: number): boolean => c === SPACE || c === LF || c === TAB || c === FF || c === CR;
const isAlpha = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const lowerAscii = (s: string): string => (/[A-Z]/.test(s) ? s.replace(/[A-Z]+/g, (m) => m.toLowerCase()) : s);

interface Tag {
  name: string;
  attrs: Array<[string, string]>;
  selfClosing: boolean;
  /** Index just past the tag's `>`. */
  end: number;
}

/**
 * Reads a tag from its name (at `i`, just after `<` or `</`) to its `>`, through the
 * attribute states. Null when the input ends inside the tag.
 */
function readTag(s: string, i: number): Tag | null {
  const n = s.length;
  let j = i;
  while (j < n) {
    const c = s.charCodeAt(j);
    if (isSpace(c) || c === SLASH || c === GT) break;
    j++;
  }
  if (j >= n) return null;
  const name = lowerAscii(s.slice(i, j));
  const attrs: Array<[string, string]> = [];
  // A repeated attribute is ignored; a set once there are many (a tag of thousands must stay linear).
  let names: Set<string> | null = null;
  const add = (attr: string, value: string) => {
    if (names) {
      if (names.has(attr)) return;
      names.add(attr);
    } else {
      for (const a of attrs) if (a[0] === attr) return;
      if (attrs.length === 16) names = new Set([...attrs.map(([a]) => a), attr]);
    }
    attrs.push([attr, value]);
  };
  for (;;) {
    // before attribute name (also after a quoted value: anything else starts a new name)
    while (j < n && isSpace(s.charCodeAt(j))) j++;
    if (j >= n) return null;
    let c = s.charCodeAt(j);
    if (c === GT) return { name, attrs, selfClosing: false, end: j + 1 };
    if (c === SLASH) {
      j++;
      if (j >= n) return null;
      if (s.charCodeAt(j) === GT) return { name, attrs, selfClosing: true, end: j + 1 };
      continue; // a stray solidus: read on as if it were a space
    }
    // attribute name; its first character may be anything, `=` too
    const start = j++;
    while (j < n) {
      c = s.charCodeAt(j);
      if (isSpace(c) || c === SLASH || c === GT || c === EQ) break;
      j++;
    }
    if (j >= n) return null;
    const attr = lowerAscii(s.slice(start, j));
    // after attribute name
    while (j < n && isSpace(s.charCodeAt(j))) j++;
    if (j >= n) return null;
    if (s.charCodeAt(j) !== EQ) {
      add(attr, '');
      continue;
    }
    j++;
    // before attribute value
    while (j < n && isSpace(s.charCodeAt(j))) j++;
    if (j >= n) return null;
    c = s.charCodeAt(j);
    if (c === DQUOTE || c === SQUOTE) {
      const close = s.indexOf(c === DQUOTE ? '"' : "'", j + 1);
      if (close < 0) return null;
      add(attr, s.slice(j + 1, close));
      j = close + 1;
      continue;
    }
    if (c === GT) {
      add(attr, '');
      return { name, attrs, selfClosing: false, end: j + 1 };
    }
    const valueStart = j;
    while (j < n) {
      c = s.charCodeAt(j);
      if (isSpace(c) || c === GT) break;
      j++;
    }
    if (j >= n) return null;
    add(attr, s.slice(valueStart, j));
  }
}

/** Index just past the comment that starts with `<!--` at `i` (or the end of the input). */
function commentEnd(s: string, i: number): number {
  const k = i + 4;
  if (s.charCodeAt(k) === GT) return k + 1; // <!-->
  if (s.charCodeAt(k) === DASH && s.charCodeAt(k + 1) === GT) return k + 2; // <!--->
  const a = s.indexOf('-->', k);
  // `--!>` also ends it, when it comes first (looked for only up to `-->`: many comments stay linear).
  const b = (a < 0 ? s.slice(k) : s.slice(k, a + 3)).indexOf('--!>');
  if (b >= 0) return k + b + 4;
  return a < 0 ? s.length : a + 3;
}

/** Index just past the next `>` from `i` (a bogus comment or doctype), or the end. */
function toGt(s: string, i: number): number {
  const k = s.indexOf('>', i);
  return k < 0 ? s.length : k + 1;
}

/**
 * Where the RCDATA/RAWTEXT content from `i` ends: the `<` of the first `</name` followed by
 * a space, `/` or `>` (any case), or -1 when it runs to the end.
 */
function rawTextEnd(s: string, i: number, name: string): number {
  let k = i;
  for (;;) {
    k = s.indexOf('</', k);
    if (k < 0) return -1;
    if (appropriateEndTag(s, k, name)) return k;
    k += 2;
  }
}

/** `</name` (any case) at `k`, followed by a space, `/` or `>`. */
function appropriateEndTag(s: string, k: number, name: string): boolean {
  if (s.charCodeAt(k) !== LT || s.charCodeAt(k + 1) !== SLASH) return false;
  const after = k + 2 + name.length;
  if (after >= s.length) return false;
  const c = s.charCodeAt(after);
  if (!(isSpace(c) || c === SLASH || c === GT)) return false;
  return lowerAscii(s.slice(k + 2, after)) === name;
}

/**
 * Where script data from `i` ends (the `<` of its `</script`), following the standard's
 * escaped and double-escaped states (`<!--` ... `<script>` ... `-->`), or -1.
 */
function scriptEnd(s: string, i: number): number {
  const n = s.length;
  let state: 'data' | 'escaped' | 'double' = 'data';
  let dashes = 0; // consecutive '-' just read in an escaped state
  let k = i;
  while (k < n) {
    const c = s.charCodeAt(k);
    if (state === 'data') {
      const lt = s.indexOf('<', k);
      if (lt < 0) return -1;
      if (appropriateEndTag(s, lt, 'script')) return lt;
      if (s.startsWith('<!--', lt)) {
        state = 'escaped';
        dashes = 2;
        k = lt + 4;
      } else {
        k = lt + 1;
      }
      continue;
    }
    if (c === DASH) {
      dashes++;
      k++;
      continue;
    }
    if (c === GT && dashes >= 2) {
      state = 'data';
      dashes = 0;
      k++;
      continue;
    }
    dashes = 0;
    if (c !== LT) {
      k++;
      continue;
    }
    if (state === 'escaped') {
      if (appropriateEndTag(s, k, 'script')) return k;
      if (scriptWordAt(s, k + 1)) state = 'double';
    } else if (s.charCodeAt(k + 1) === SLASH && scriptWordAt(s, k + 2)) {
      state = 'escaped';
    }
    k++;
  }
  return -1;
}

/** "script" (any case) at `k`, followed by a space, `/` or `>`. */
function scriptWordAt(s: string, k: number): boolean {
  if (k + 6 >= s.length) return false;
  const c = s.charCodeAt(k + 6);
  return (isSpace(c) || c === SLASH || c === GT) && lowerAscii(s.slice(k, k + 6)) === 'script';
}

/** The tree builder's say on namespaces, as HTMLRewriter simulates it. */
class Namespaces {
  private readonly stack: Namespace[] = ['html'];
  current: Namespace = 'html';

  private enter(ns: Namespace): void {
    this.stack.push(ns);
    this.current = ns;
  }

  private leave(): void {
    if (this.stack.length > 1) this.stack.pop();
    this.current = this.stack[this.stack.length - 1];
  }

  /** Updates for a start tag; true when the tag's content is read in HTML (text types apply). */
  start(tag: Tag): boolean {
    const name = tag.name;
    if (name === 'svg') {
      this.enter('svg');
      return false;
    }
    if (name === 'math') {
      this.enter('math');
      return false;
    }
    if (this.current === 'html') return true;
    if (LEAVES_FOREIGN.has(name)) {
      this.leave();
      return false;
    }
    if (!tag.selfClosing) {
      if ((this.current === 'svg' && SVG_HTML_POINTS.has(name)) || (this.current === 'math' && MATH_TEXT_POINTS.has(name))) {
        this.enter('html');
        return false;
      }
      if (this.current === 'math' && name === 'annotation-xml') {
        const encoding = lowerAscii(tag.attrs.find(([a]) => a === 'encoding')?.[1] ?? '');
        if (encoding === 'text/html' || encoding === 'application/xhtml+xml') this.enter('html');
        return false;
      }
    }
    if (name === 'font' && tag.attrs.some(([a]) => a === 'color' || a === 'size' || a === 'face')) this.leave();
    return false;
  }

  end(name: string): void {
    if (this.current === 'html') {
      const prev = this.stack[this.stack.length - 2];
      if (
        (prev === 'math' && (MATH_TEXT_POINTS.has(name) || name === 'annotation-xml')) ||
        (prev === 'svg' && SVG_HTML_POINTS.has(name))
      ) {
        this.leave();
      }
    } else if ((this.current === 'svg' && name === 'svg') || (this.current === 'math' && name === 'math')) {
      this.leave();
    } else if (name === 'p' || name === 'br') {
      this.leave(); // `</p>` and `</br>` end foreign content
    }
  }
}

/** Tokenizes `s`, reporting text, start tags and end tags to `sink` in order. */
export function tokenizeHtml(s: string, sink: TokenSink): void {
  const n = s.length;
  const ns = new Namespaces();
  let i = 0;
  while (i < n) {
    const lt = s.indexOf('<', i);
    if (lt < 0) {
      sink.text(s.slice(i), false);
      return;
    }
    if (lt > i) sink.text(s.slice(i, lt), false);
    i = lt;
    const c = s.charCodeAt(lt + 1);
    if (isAlpha(c)) {
      const tag = readTag(s, lt + 1);
      if (!tag) return; // the input ends inside the tag
      const html = ns.start(tag);
      sink.startTag({ name: tag.name, attrs: tag.attrs, selfClosing: tag.selfClosing, ns: ns.current });
      i = tag.end;
      if (!html) continue;
      // The element's content is text up to its end tag, for these elements.
      const name = tag.name;
      if (name === 'plaintext') {
        if (i < n) sink.text(s.slice(i), true);
        return;
      }
      let end: number;
      if (name === 'script') end = scriptEnd(s, i);
      else if (RCDATA.has(name) || RAWTEXT.has(name)) end = rawTextEnd(s, i, name);
      else continue;
      const raw = !RCDATA.has(name);
      if (end < 0) {
        if (i < n) sink.text(s.slice(i), raw);
        return;
      }
      if (end > i) sink.text(s.slice(i, end), raw);
      i = end; // the end tag is read as any other
      continue;
    }
    if (c === SLASH) {
      const d = s.charCodeAt(lt + 2);
      if (isAlpha(d)) {
        const tag = readTag(s, lt + 2);
        if (!tag) return;
        ns.end(tag.name);
        sink.endTag(tag.name);
        i = tag.end;
      } else if (d === GT) {
        i = lt + 3; // `</>` is nothing
      } else if (lt + 2 >= n) {
        sink.text('</', false);
        return;
      } else {
        i = toGt(s, lt + 2); // bogus comment
      }
      continue;
    }
    if (c === BANG) {
      if (s.startsWith('<!--', lt)) i = commentEnd(s, lt);
      else if (ns.current !== 'html' && s.startsWith('<![CDATA[', lt)) {
        const close = s.indexOf(']]>', lt + 9);
        const text = close < 0 ? s.slice(lt + 9) : s.slice(lt + 9, close);
        if (text) sink.text(text, true);
        i = close < 0 ? n : close + 3;
      } else i = toGt(s, lt + 2); // doctype or bogus comment
      continue;
    }
    if (c === QMARK) {
      i = toGt(s, lt + 1);
      continue;
    }
    // Not markup: the `<` is text.
    sink.text('<', false);
    i = lt + 1;
  }
}
