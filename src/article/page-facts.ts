import { attr, type HtmlElement } from '../normalize/html-tree';

/**
 * The page's statements about itself, gathered in one walk of its tree: `<meta>` values by
 * property/name/itemprop (first of each, lowercase key), JSON-LD scripts, and the elements
 * marked up as the publication time or the author.
 */
export interface PageFacts {
  meta: Map<string, string>;
  jsonLd: string[];
  /** `time[datetime]`, `[itemprop=datePublished]`: their machine-readable values, in document order. */
  times: Array<{ el: HtmlElement; value: string; published: boolean }>;
  /** `[itemprop=author]`, `[rel=author]`, `.author` and kin, in document order. */
  authors: HtmlElement[];
  /** Every element, in document order (the walk is done once and shared). */
  all: HtmlElement[];
}

const AUTHOR_CLASS = /(?:^|[-_])(?:author|byline|writer|tac-?gia|tacgia|nguoi-?viet)(?:$|[-_])/i;
/** A first look, before a class is parted into words (most elements' classes name no author). */
const AUTHOR_WORD = /author|byline|writer|tac-?gia|tacgia|nguoi-?viet/i;
/** A part of an author box that is not the name: the writer's role, picture, biography, date. */
const AUTHOR_OTHER = /(?:^|[-_])(?:role|position|job|chuc-?vu|avatar|photo|picture|img|image|bio|desc|description|date|time)(?:$|[-_])/i;

/** Class names written in camelCase ("edn_articleAuthor") parted into words as `-` would part them. */
export const camelWords = (name: string) => name.replace(/([a-z\d])([A-Z])/g, '$1-$2');

export function pageFacts(root: HtmlElement): PageFacts {
  const facts: PageFacts = { meta: new Map(), jsonLd: [], times: [], authors: [], all: [] };
  const walk = (e: HtmlElement) => {
    for (const c of e.children) {
      if (c.type !== 'element') continue;
      facts.all.push(c);
      visit(c, facts);
      walk(c);
    }
  };
  walk(root);
  return facts;
}

function visit(el: HtmlElement, facts: PageFacts): void {
  if (el.name === 'meta') {
    const key = (attr(el, 'property') ?? attr(el, 'name') ?? attr(el, 'itemprop') ?? '').trim().toLowerCase();
    const content = (attr(el, 'content') ?? '').trim();
    if (key && content && !facts.meta.has(key)) facts.meta.set(key, content);
    if (key === 'datepublished' && content) facts.times.push({ el, value: content, published: true });
    return;
  }
  if (el.name === 'script') {
    const type = (attr(el, 'type') ?? '').split(';')[0].trim().toLowerCase();
    if (type === 'application/ld+json') facts.jsonLd.push(el.children.map((c) => (c.type === 'text' ? c.raw : '')).join(''));
    return;
  }
  const itemprop = (attr(el, 'itemprop') ?? '').toLowerCase().split(/\s+/);
  if (itemprop.includes('datepublished')) {
    // Blogger writes it as `<abbr itemprop="datePublished" title="2026-…">14:35</abbr>`.
    const value = attr(el, 'datetime') ?? attr(el, 'content') ?? (el.name === 'abbr' ? attr(el, 'title') : null);
    if (value?.trim()) facts.times.push({ el, value: value.trim(), published: true });
  } else if (el.name === 'time') {
    const value = attr(el, 'datetime');
    if (value?.trim()) facts.times.push({ el, value: value.trim(), published: false });
  }
  const cls = attr(el, 'class') ?? '';
  if (itemprop.includes('author') || (attr(el, 'rel') ?? '').toLowerCase() === 'author' || (AUTHOR_WORD.test(cls) && cls.split(/\s+/).map(camelWords).some((c) => AUTHOR_CLASS.test(c) && !AUTHOR_OTHER.test(c)))) {
    facts.authors.push(el);
  }
}
