import { attr, textContent, type HtmlElement } from '../normalize/html-tree';
import { collapseSpaces } from '../vietnamese';
import { insideFurniture } from './boilerplate';

/**
 * The element that prints the article's title: a heading, or an element with a title-like
 * class, whose text is the page's `og:title` or begins its `<title>` (which often ends with
 * the site's name). Breadcrumbs and lists of other articles repeat titles: furniture is skipped.
 */

const TITLE_CLASS = /title|heading|headline|tieu-?de|tieude/i;
const HEADINGS = new Set(['h1', 'h2', 'h3']);
/** Shorter texts (a section name) are no article title. */
const MIN_TITLE_CHARS = 15;

export function findTitle(all: HtmlElement[], meta: Map<string, string>): HtmlElement | null {
  const pageTitle = all.find((el) => el.name === 'title');
  const titles = [meta.get('og:title'), pageTitle ? textContent(pageTitle) : undefined].filter((t): t is string => !!t).map(normalized);
  if (!titles.length) return null;
  for (const el of all) {
    if (el.name === 'title' || (!HEADINGS.has(el.name) && !TITLE_CLASS.test(attr(el, 'class') ?? ''))) continue;
    const text = normalized(textContent(el));
    if (text.length < MIN_TITLE_CHARS || !titles.some((t) => t.startsWith(text))) continue;
    if (!insideFurniture(el)) return el;
  }
  return null;
}

const normalized = (s: string) => collapseSpaces(s).trim().normalize('NFC').toLowerCase();
