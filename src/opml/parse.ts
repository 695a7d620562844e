// @ts-expect-error: sax ships no types; it is the strict, pure-JS XML parser rss-parser already bundles.
import sax from 'sax';
import { errorText } from '../error-text';

/** One `<outline>` of an OPML file, with the attributes of its ancestors for inheritance. */
export interface OpmlOutline {
  /** Its attributes as written (names as written, e.g. `xmlUrl`, `bantin:province`). */
  attrs: Record<string, string>;
  /** Attributes of the enclosing outlines, nearest first. */
  ancestors: Array<Record<string, string>>;
  /** 1-based line of the element, for reports. */
  line: number;
}

export type OpmlParse = { ok: true; title?: string; outlines: OpmlOutline[] } | { ok: false; error: string };

interface SaxTag {
  name: string;
  attributes: Record<string, string>;
}
interface SaxParser {
  line: number;
  onerror: (e: Error) => void;
  onopentag: (t: SaxTag) => void;
  onclosetag: (name: string) => void;
  ontext: (t: string) => void;
  ondoctype: (d: string) => void;
  write(s: string): SaxParser;
  close(): SaxParser;
}

/** Outlines read from one file at most: a catalog is hundreds of sources, not millions. */
export const MAX_OUTLINES = 5000;

/**
 * Parses OPML with sax in strict mode. sax never fetches anything and expands no
 * entity it was not given, and a DOCTYPE is refused outright, so neither external
 * entities (XXE) nor entity bombs can do anything; only the five XML entities and
 * character references are read. Any well-formedness error fails the whole file,
 * with its line, rather than importing half of it silently.
 */
export function parseOpml(xml: string): OpmlParse {
  const parser = (sax as { parser(strict: boolean, opt: object): SaxParser }).parser(true, { xmlns: false, position: true });
  const outlines: OpmlOutline[] = [];
  const stack: Array<Record<string, string>> = [];
  const path: string[] = [];
  let title: string | undefined;
  let inTitle = false;
  let rootSeen = false;
  let failure: string | null = null;

  const fail = (why: string) => {
    failure ??= why;
    throw new Error(why);
  };
  parser.onerror = (e) => fail(`not well-formed XML at line ${parser.line + 1}: ${e.message.split('\n')[0]}`);
  parser.ondoctype = () => fail('a DOCTYPE is not accepted in OPML (no entity declarations are read)');
  parser.onopentag = (t) => {
    if (!rootSeen) {
      rootSeen = true;
      if (t.name.toLowerCase() !== 'opml') fail(`the root element is <${t.name}>, not <opml>`);
    }
    path.push(t.name);
    inTitle = t.name === 'title' && path.length === 3 && path[1] === 'head';
    if (t.name !== 'outline') return;
    if (outlines.length >= MAX_OUTLINES) fail(`more than ${MAX_OUTLINES} outlines`);
    const attrs = { ...t.attributes };
    outlines.push({ attrs, ancestors: [...stack].reverse(), line: parser.line + 1 });
    stack.push(attrs);
  };
  parser.onclosetag = (name) => {
    path.pop();
    inTitle = false;
    if (name === 'outline') stack.pop();
  };
  parser.ontext = (t) => {
    if (inTitle) title = (title ?? '') + t;
  };

  try {
    parser.write(xml).close();
  } catch (e) {
    return { ok: false, error: failure ?? errorText(e) };
  }
  if (!rootSeen) return { ok: false, error: 'empty document: no <opml> element' };
  return { ok: true, title: title?.trim() || undefined, outlines };
}
