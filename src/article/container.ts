import { attr, contains, descendants, type HtmlElement } from '../normalize/html-tree';
import { linkDensity, prose, type BlockStats } from './block-stats';
import { insideFurniture, isFurniture } from './boilerplate';

/**
 * The element that holds an article page's body. First the known content containers of the
 * portal platforms (the one with the most prose; a nested known container that holds nearly
 * all of it is preferred, as the tighter fit). Else a generic choice by text density: each
 * paragraph-like block scores its parent and grandparent by its length and commas, a
 * candidate keeps its score less its share of link text, and sectioning elements, content-like
 * class names and `itemprop=articleBody` weigh in.
 */

/** `.class` or `#id`, compared without regard to case (portals write `ArticleContent`, `articlecontent`). */
export const KNOWN_CONTAINERS = [
  '.tandan-content-view', // Tân Dân SharePoint
  '.journal-content-article', '.asset-content', // Liferay
  '#news-bodyhtml', '.bodytext', // NukeViet
  '.td-post-content', // WordPress tagDiv
  '.detail__content', '.news_detail', '.detail-content', '.article__body', // story CMS papers
  '.articlecontent', // ASP.NET Title/PostDate
  '.ms-rtestate-field', '.newsdetail', '.news-detail', // SharePoint news-item
  '.entry-content', '.post-content', '.article-content', '.article-body', '.content-detail', '.noidung', '.chitiet',
].map((s) => ({ kind: s[0] === '#' ? ('id' as const) : ('class' as const), name: s.slice(1).toLowerCase() }));

/** Less prose than this in a known container means it is not the body (an empty template)… */
const MIN_KNOWN_CHARS = 80;
/** …unless it holds this many pictures. */
const MIN_PICTURES = 2;

const pictures = (el: HtmlElement) => descendants(el).filter((d) => d.name === 'img').length;

/** `title`: the element holding the article's title, when the page has one (title.ts). */
export function findContainer(all: HtmlElement[], stats: Map<HtmlElement, BlockStats>, title: HtmlElement | null = null): HtmlElement | null {
  return knownContainer(all, stats, title) ?? genericContainer(all, stats, title);
}


function isKnown(el: HtmlElement): boolean {
  const id = attr(el, 'id')?.toLowerCase();
  const cls = attr(el, 'class')?.toLowerCase().split(/\s+/);
  return KNOWN_CONTAINERS.some((k) => (k.kind === 'id' ? id === k.name : !!cls?.includes(k.name)));
}



function knownContainer(all: HtmlElement[], stats: Map<HtmlElement, BlockStats>, title: HtmlElement | null): HtmlElement | null {
  // A photo story says little: its pictures make it a body.
  let found = all.filter((el) => isKnown(el) && (prose(stats.get(el)) >= MIN_KNOWN_CHARS || pictures(el) >= MIN_PICTURES) && !insideFurniture(el, stats));
  if (!found.length) return null;
  // SharePoint and kin use the same class for every rich-text box, a long sidebar text included.
  if (title && found.length > 1) {
    const most = Math.max(...found.map((el) => prose(stats.get(el))));
    const scope = titleScope(title, found, (el) => paragraphCount(el) >= 2 && enoughProse(el, most, stats));
    if (scope) found = found.filter((el) => contains(scope, el));
  }
  found.sort((a, b) => prose(stats.get(b)) - prose(stats.get(a)));
  let best = found[0];
  // The tightest known container that still holds nearly all of the best one's prose.
  for (const el of found) {
    if (el !== best && contains(best, el) && prose(stats.get(el)) >= 0.8 * prose(stats.get(best))) best = el;
  }
  return best;
}

/** Paragraph-like blocks in `el` (itself too, when it holds its text as lines apart by `<br>`). */
function paragraphCount(el: HtmlElement): number {
  let n = ownTextChars(el) >= 25 ? 1 + el.children.filter((c) => c.type === 'element' && c.name === 'br').length / 2 : 0;
  for (const d of descendants(el)) if (PARAGRAPHS.has(d.name) && ownTextChars(d) >= 25) n++;
  return n;
}

// `body` too: a print version writes its text straight in it.
const PARAGRAPHS = new Set(['p', 'pre', 'blockquote', 'td', 'div', 'section', 'li', 'body']);
const CANDIDATES = new Set(['div', 'section', 'article', 'main', 'td', 'body', 'blockquote']);
const POSITIVE = /article|content|detail|body|entry|post|story|text|news|noidung|chitiet|main/i;
const NEGATIVE = /comment|footer|sidebar|menu|related|lienquan|share|banner|nav|breadcrumb|promo|sponsor|hidden|other|tinkhac/i;

function classWeight(el: HtmlElement, stats: Map<HtmlElement, BlockStats>): number {
  let w = 0;
  for (const name of [attr(el, 'class'), attr(el, 'id')]) {
    if (!name) continue;
    if (NEGATIVE.test(name)) w -= 25;
    if (POSITIVE.test(name)) w += 25;
  }
  if (el.name === 'article' || el.name === 'main') w += 25;
  if ((attr(el, 'itemprop') ?? '').toLowerCase() === 'articlebody') w += 50;
  // A teaser of another article (`<article class="post"><h3><a>…</a></h3><p>excerpt</p>`) names itself like a body.
  return w > 0 && isTeaser(el, stats) ? 0 : w;
}

/** Longest text of a teaser card. */
const TEASER_MAX = 600;
const HEADINGS = new Set(['h2', 'h3', 'h4', 'h5']);

/** A small block whose heading is a link: a card pointing to another article. */
function isTeaser(el: HtmlElement, stats: Map<HtmlElement, BlockStats>): boolean {
  if ((stats.get(el)?.chars ?? 0) > TEASER_MAX) return false;
  return descendants(el).some((d) => HEADINGS.has(d.name) && (stats.get(d)?.chars ?? 0) > 0 && linkDensity(stats.get(d)) >= 0.8);
}

/**
 * Prose written directly in `el` or in its inline elements, however nested (editors wrap a
 * line in `<span><span>`), not in child blocks: what makes a `<div>` a paragraph.
 */
function ownTextChars(el: HtmlElement, depth = 0): number {
  let n = 0;
  for (const c of el.children) {
    if (c.type === 'text') n += c.raw.trim().length;
    else if (INLINE.has(c.name) && depth < MAX_INLINE_DEPTH) n += ownTextChars(c, depth + 1);
  }
  return n;
}
const MAX_INLINE_DEPTH = 6;
const INLINE = new Set(['a', 'b', 'strong', 'em', 'i', 'u', 'span', 'font', 'sub', 'sup', 'br']);

function genericContainer(all: HtmlElement[], stats: Map<HtmlElement, BlockStats>, title: HtmlElement | null): HtmlElement | null {
  const scores = new Map<HtmlElement, number>();
  /** How many paragraph-like blocks scored each candidate (a body has more than one). */
  const blocks = new Map<HtmlElement, number>();
  for (const el of all) {
    if (!PARAGRAPHS.has(el.name)) continue;
    const s = stats.get(el);
    if (!s || s.chars < 25) continue;
    if (el.name !== 'p' && el.name !== 'pre' && ownTextChars(el) < 25) continue;
    if (isFurniture(el)) continue;
    const score = 1 + s.commas + Math.min(Math.floor(s.chars / 100), 3);
    // A cell or div holding the text itself (lines split by <br>) is a container too.
    if (CANDIDATES.has(el.name) && ownTextChars(el) >= 100) scores.set(el, (scores.get(el) ?? classWeight(el, stats)) + score);
    let level = 0;
    for (let p = el.parent; p && level < 3; p = p.parent, level++) {
      if (!CANDIDATES.has(p.name)) continue;
      if (!scores.has(p)) scores.set(p, classWeight(p, stats));
      scores.set(p, scores.get(p)! + score / (level === 0 ? 1 : level * 2));
      blocks.set(p, (blocks.get(p) ?? 0) + 1);
    }
  }
  const ranked: Array<{ el: HtmlElement; score: number }> = [];
  for (const [el, score] of scores) {
    if (isFurniture(el) || insideFurniture(el, stats)) continue;
    const final = score * (1 - linkDensity(stats.get(el)));
    if (final > 0) ranked.push({ el, score: final });
  }
  ranked.sort((a, b) => b.score - a.score);
  if (!ranked.length) return null;
  const most = Math.max(...ranked.map((r) => prose(stats.get(r.el))));
  // A lead paragraph under the title alone is no body: the body may sit in a sibling wrapper.
  const scope = title ? titleScope(title, ranked.map((r) => r.el), (el) => (blocks.get(el) ?? 0) >= 2 && enoughProse(el, most, stats)) : null;
  return (scope ? ranked.find((r) => contains(scope, r.el)) : ranked[0])!.el;
}

/** Prose a candidate beside the title needs, in characters and as a share of the page's best. */
const MIN_SCOPED_CHARS = 100;
const MIN_SCOPED_SHARE = 0.15;

/**
 * The smallest part of the page around the article's title that holds a real body after it.
 * A short article beside a long sidebar text ("Giới thiệu chung", a list of notices with
 * summaries) would lose on density alone; the body is the text that follows its own title.
 */
function titleScope(title: HtmlElement, candidates: HtmlElement[], isBody: (el: HtmlElement) => boolean): HtmlElement | null {
  for (let scope = title.parent; scope; scope = scope.parent) {
    const found = candidates.some((el) => (el === scope || (contains(scope, el) && el.order > title.order)) && isBody(el));
    if (found) return scope;
  }
  return null;
}

const enoughProse = (el: HtmlElement, most: number, stats: Map<HtmlElement, BlockStats>) =>
  prose(stats.get(el)) >= Math.max(MIN_SCOPED_CHARS, MIN_SCOPED_SHARE * most);
