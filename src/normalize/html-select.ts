/**
 * CSS selectors over the element tree of `html-tree.ts`: type, universal, class, id and
 * attribute selectors (`=`, `~=`, `|=`, `^=`, `$=`, `*=`, with `i`), the descendant and child
 * combinators, `:first-child`, `:last-child`, `:nth-child()`, `:first-of-type`,
 * `:nth-of-type()` and `:not()`. A selector may start with `>` to mean "a child of the scope"
 * (relative selectors, as listing fields use). Anything else is refused with a reason.
 */
import { attr, type HtmlElement } from './html-tree';

export class SelectorError extends Error {
  override readonly name = 'SelectorError';
}

type AttrOp = '' | '=' | '~=' | '|=' | '^=' | '$=' | '*=';

interface Compound {
  tag?: string;
  ids: string[];
  classes: string[];
  attrs: Array<{ name: string; op: AttrOp; value: string; fold: boolean }>;
  /** Position tests: `of` counts siblings of the same type; a, b as in an+b; `last` counts from the end. */
  nth: Array<{ a: number; b: number; ofType: boolean; last: boolean }>;
  not: Compound[][];
}

/** A complex selector, rightmost compound last; `child[i]` says compound i+1 is a child of compound i. */
export interface Complex {
  compounds: Compound[];
  child: boolean[];
  /** Starts with `>`: the first compound is a child of the scope. */
  scopedChild: boolean;
}

export type SelectorList = Complex[];

const IDENT = /^-?(?:[_a-zA-Z\u00a0-\uffff]|\\.)(?:[-\w\u00a0-\uffff]|\\.)*/;

const unescape = (s: string) => s.replace(/\\(.)/g, '$1');

/** Parses a selector list; throws SelectorError saying what it cannot read. */
export function parseSelector(selector: string): SelectorList {
  const p = { s: selector, i: 0 };
  const list: SelectorList = [];
  for (;;) {
    list.push(parseComplex(p));
    skipSpace(p);
    if (p.i >= p.s.length) return list;
    if (p.s[p.i] !== ',') throw new SelectorError(`unexpected "${p.s[p.i]}" at ${p.i + 1}`);
    p.i++;
  }
}

interface Cursor {
  s: string;
  i: number;
}

function skipSpace(p: Cursor): boolean {
  const start = p.i;
  while (p.i < p.s.length && /\s/.test(p.s[p.i])) p.i++;
  return p.i > start;
}

function parseComplex(p: Cursor): Complex {
  skipSpace(p);
  const out: Complex = { compounds: [], child: [], scopedChild: false };
  if (p.s[p.i] === '>') {
    out.scopedChild = true;
    p.i++;
    skipSpace(p);
  }
  out.compounds.push(parseCompound(p));
  for (;;) {
    const spaced = skipSpace(p);
    const c = p.s[p.i];
    if (c === undefined || c === ',' || c === ')') return out;
    if (c === '+' || c === '~') throw new SelectorError(`the "${c}" combinator is not supported`);
    let child = false;
    if (c === '>') {
      child = true;
      p.i++;
      skipSpace(p);
    } else if (!spaced) throw new SelectorError(`unexpected "${c}" at ${p.i + 1}`);
    out.child.push(child);
    out.compounds.push(parseCompound(p));
  }
}

function ident(p: Cursor, what: string): string {
  const m = IDENT.exec(p.s.slice(p.i));
  if (!m) throw new SelectorError(`expected ${what} at ${p.i + 1}`);
  p.i += m[0].length;
  return unescape(m[0]);
}

function parseCompound(p: Cursor): Compound {
  const c: Compound = { ids: [], classes: [], attrs: [], nth: [], not: [] };
  const start = p.i;
  if (p.s[p.i] === '*') p.i++;
  else if (IDENT.test(p.s.slice(p.i))) c.tag = ident(p, 'a tag').toLowerCase();
  for (;;) {
    const ch = p.s[p.i];
    if (ch === '.') {
      p.i++;
      c.classes.push(ident(p, 'a class name'));
    } else if (ch === '#') {
      p.i++;
      c.ids.push(ident(p, 'an id'));
    } else if (ch === '[') {
      p.i++;
      c.attrs.push(parseAttr(p));
    } else if (ch === ':') {
      p.i++;
      parsePseudo(p, c);
    } else break;
  }
  if (p.i === start) throw new SelectorError(p.i >= p.s.length ? 'selector is empty or ends early' : `unexpected "${p.s[p.i]}" at ${p.i + 1}`);
  return c;
}

function parseAttr(p: Cursor): Compound['attrs'][number] {
  skipSpace(p);
  const name = ident(p, 'an attribute name').toLowerCase();
  skipSpace(p);
  const op = /^(?:[~|^$*]?=)?/.exec(p.s.slice(p.i))![0] as AttrOp;
  p.i += op.length;
  let value = '';
  let fold = false;
  if (op) {
    skipSpace(p);
    const q = p.s[p.i];
    if (q === '"' || q === "'") {
      let j = p.i + 1;
      while (j < p.s.length && p.s[j] !== q) j += p.s[j] === '\\' ? 2 : 1;
      if (j >= p.s.length) throw new SelectorError('unclosed quote in an attribute selector');
      value = unescape(p.s.slice(p.i + 1, j));
      p.i = j + 1;
    } else value = ident(p, 'an attribute value');
    skipSpace(p);
    if (/^[iI]\b/.test(p.s.slice(p.i))) {
      fold = true;
      p.i++;
      skipSpace(p);
    }
  }
  if (p.s[p.i] !== ']') throw new SelectorError(`expected "]" at ${p.i + 1}`);
  p.i++;
  return { name, op, value: fold ? value.toLowerCase() : value, fold };
}

function parsePseudo(p: Cursor, c: Compound): void {
  const name = ident(p, 'a pseudo-class').toLowerCase();
  const simple: Record<string, Compound['nth'][number]> = {
    'first-child': { a: 0, b: 1, ofType: false, last: false },
    'last-child': { a: 0, b: 1, ofType: false, last: true },
    'first-of-type': { a: 0, b: 1, ofType: true, last: false },
    'last-of-type': { a: 0, b: 1, ofType: true, last: true },
  };
  if (simple[name]) {
    c.nth.push(simple[name]);
    return;
  }
  if (p.s[p.i] !== '(') throw new SelectorError(`:${name} is not supported`);
  p.i++;
  if (name === 'not') {
    const inner: Compound[] = [];
    for (;;) {
      skipSpace(p);
      inner.push(parseCompound(p));
      skipSpace(p);
      if (p.s[p.i] === ',') p.i++;
      else break;
    }
    c.not.push(inner);
  } else if (name === 'nth-child' || name === 'nth-of-type' || name === 'nth-last-child' || name === 'nth-last-of-type') {
    const end = p.s.indexOf(')', p.i);
    if (end < 0) throw new SelectorError(`unclosed :${name}(`);
    const [a, b] = parseNth(p.s.slice(p.i, end));
    p.i = end;
    c.nth.push({ a, b, ofType: name.endsWith('of-type'), last: name.includes('last') });
  } else throw new SelectorError(`:${name}() is not supported`);
  if (p.s[p.i] !== ')') throw new SelectorError(`expected ")" at ${p.i + 1}`);
  p.i++;
}

function parseNth(text: string): [number, number] {
  const t = text.replace(/\s+/g, '').toLowerCase();
  if (t === 'odd') return [2, 1];
  if (t === 'even') return [2, 0];
  const m = /^([+-]?\d*)n([+-]\d+)?$|^([+-]?\d+)$/.exec(t);
  if (!m) throw new SelectorError(`cannot read "${text}" as an+b`);
  if (m[3] !== undefined) return [0, Number(m[3])];
  const a = m[1] === '' || m[1] === '+' ? 1 : m[1] === '-' ? -1 : Number(m[1]);
  return [a, m[2] ? Number(m[2]) : 0];
}

/** Position of `el` among its parent's element children (1-based), of its type when `ofType`, from the end when `last`. */
function position(el: HtmlElement, ofType: boolean, last: boolean): number {
  const siblings = el.parent ? el.parent.children : [el];
  let n = 0;
  if (!last) {
    for (const s of siblings) {
      if (s.type !== 'element' || (ofType && s.name !== el.name)) continue;
      n++;
      if (s === el) return n;
    }
  } else {
    for (let i = siblings.length - 1; i >= 0; i--) {
      const s = siblings[i];
      if (s.type !== 'element' || (ofType && s.name !== el.name)) continue;
      n++;
      if (s === el) return n;
    }
  }
  return n;
}

function nthMatches(pos: number, a: number, b: number): boolean {
  if (a === 0) return pos === b;
  const k = (pos - b) / a;
  return Number.isInteger(k) && k >= 0;
}

/** The raw value of an attribute (entities still encoded), or null. */
function rawAttr(el: HtmlElement, name: string): string | null {
  for (const [k, v] of el.attrs) if (k === name) return v;
  return null;
}

function hasWord(list: string, word: string): boolean {
  let i = list.indexOf(word);
  while (i >= 0) {
    const before = i === 0 || /\s/.test(list[i - 1]);
    const end = i + word.length;
    if (before && (end === list.length || /\s/.test(list[end]))) return true;
    i = list.indexOf(word, i + 1);
  }
  return false;
}

function compoundMatches(el: HtmlElement, c: Compound): boolean {
  if (c.tag !== undefined && el.name !== c.tag) return false;
  if (c.classes.length) {
    const raw = rawAttr(el, 'class');
    if (raw === null) return false;
    const value = raw.includes('&') ? attr(el, 'class')! : raw;
    for (const cls of c.classes) if (!hasWord(value, cls)) return false;
  }
  for (const id of c.ids) if (attr(el, 'id') !== id) return false;
  for (const a of c.attrs) {
    let v = attr(el, a.name);
    if (v === null) return false;
    if (a.fold) v = v.toLowerCase();
    const w = a.value;
    const ok =
      a.op === '' ||
      (a.op === '=' && v === w) ||
      (a.op === '~=' && w !== '' && v.split(/\s+/).includes(w)) ||
      (a.op === '|=' && (v === w || v.startsWith(`${w}-`))) ||
      (a.op === '^=' && w !== '' && v.startsWith(w)) ||
      (a.op === '$=' && w !== '' && v.endsWith(w)) ||
      (a.op === '*=' && w !== '' && v.includes(w));
    if (!ok) return false;
  }
  for (const n of c.nth) if (!nthMatches(position(el, n.ofType, n.last), n.a, n.b)) return false;
  for (const alternatives of c.not) if (alternatives.some((inner) => compoundMatches(el, inner))) return false;
  return true;
}

function complexMatches(el: HtmlElement, sel: Complex, i: number, scope: HtmlElement | null): boolean {
  if (!compoundMatches(el, sel.compounds[i])) return false;
  if (i === 0) return !sel.scopedChild || el.parent === scope;
  if (sel.child[i - 1]) {
    const p = el.parent;
    return !!p && p !== scope && p.name !== '#document' && complexMatches(p, sel, i - 1, scope);
  }
  for (let a = el.parent; a && a !== scope && a.name !== '#document'; a = a.parent) {
    if (complexMatches(a, sel, i - 1, scope)) return true;
  }
  return false;
}

/**
 * Whether `el` matches `list`. With a `scope`, ancestors the selector names must lie below
 * it (as with `scope.querySelectorAll`), and a leading `>` means a child of it.
 */
export function matches(el: HtmlElement, list: SelectorList, scope: HtmlElement | null = null): boolean {
  for (const sel of list) if (complexMatches(el, sel, sel.compounds.length - 1, scope)) return true;
  return false;
}

/** Every element below `scope` matching `list`, in document order. */
export function selectAll(scope: HtmlElement, list: SelectorList): HtmlElement[] {
  const out: HtmlElement[] = [];
  const walk = (e: HtmlElement) => {
    for (const c of e.children) {
      if (c.type !== 'element') continue;
      if (matches(c, list, scope)) out.push(c);
      walk(c);
    }
  };
  walk(scope);
  return out;
}

/** The first element below `scope` matching `list`, or null. */
export function selectFirst(scope: HtmlElement, list: SelectorList): HtmlElement | null {
  const walk = (e: HtmlElement): HtmlElement | null => {
    for (const c of e.children) {
      if (c.type !== 'element') continue;
      if (matches(c, list, scope)) return c;
      const found = walk(c);
      if (found) return found;
    }
    return null;
  };
  return walk(scope);
}

/**
 * The classes an element must have to match each member of `list` (its rightmost compound's):
 * a page holding none of one member's classes cannot match it, which is cheap to tell first.
 */
export function requiredClasses(list: SelectorList): string[][] {
  return list.map((sel) => sel.compounds[sel.compounds.length - 1].classes);
}
