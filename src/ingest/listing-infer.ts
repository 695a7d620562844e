import { attr, contains, rawText, type HtmlElement } from '../normalize/html-tree';
import { decodeEntities } from '../normalize/text';
import { collapse } from './html-head';
import { resolveHref } from './html-urls';
import { chromePenalty, headsOtherList, type PageName } from './listing-boxes';
import { listsBeside, type Scored } from './listing-beside';
import { groupLinks, inNestedList, isWide, withoutOddBoxes, type ArticleLink, type Group } from './listing-groups';
import { headingBefore, leadsOn, READ_MORE } from './listing-readmore';
import { DATE_TEXT, pictureAlt } from './listing-item';
import { datesLead, siblingsUntilNext } from './listing-runs';

/**
 * Finds the main list of news on a page no preset knows: the repeated structure whose
 * members each link to an article of the site with a title-like text. Menus, footers and tag
 * clouds fail the title test (short texts); boxes of other lists ("Đọc nhiều", "Văn bản mới")
 * are named by their headings and left out; the rest is scored by title text, with dates,
 * images and summaries as evidence of news.
 */

/** The members of the main list (item elements, or the first element of each wrapper-less item). */
export interface MainList {
  members: HtmlElement[];
  /** Each member's title link. */
  titles: Map<HtmlElement, ArticleLink>;
  /** Items have no wrapper: each member starts a run of siblings. */
  runs: boolean;
  /** Lead stories standing before the list in blocks of their own (newspaper homes). */
  leads: HtmlElement[];
  /** Other lists of the same column read with it, each in document order (listing-beside.ts). */
  beside: HtmlElement[][];
}

const FILES = /\.(?:pdf|docx?|xlsx?|pptx?|zip|rar|7z|jpe?g|png|gif)$/i;
const MIN_WORDS = 4;

/** The host without `www.`. */
const site = (host: string) => host.replace(/^www\./, '');

function articleHref(el: HtmlElement, base: string, host: string, self: string): string | undefined {
  const written = el.attrs.find(([k]) => k === 'href')?.[1];
  if (!written || written[0] === '#' || /^\s*(?:javascript|mailto|tel):/i.test(written)) return undefined;
  const href = resolveHref(written, base);
  if (!href) return undefined;
  const url = new URL(href);
  if (site(url.hostname) !== host) return undefined;
  if (url.pathname === '/' && !url.search) return undefined;
  if (FILES.test(url.pathname)) return undefined;
  url.hash = '';
  return url.href === self ? undefined : href;
}

/** Whether a link's text (decoded, collapsed) can be an article's title: a few words, not "Xem thêm". */
export const isTitleLike = (text: string) => text.split(' ').length >= MIN_WORDS && !READ_MORE.test(text);

/** Every link of the page to an article of the site with a title-like text. */
export function articleLinks(root: HtmlElement, base: string, pageUrl: string): ArticleLink[] {
  const page = new URL(pageUrl);
  page.hash = '';
  const host = site(page.hostname);
  const out: ArticleLink[] = [];
  const walk = (el: HtmlElement) => {
    for (const c of el.children) {
      if (c.type !== 'element') continue;
      if (c.name === 'a') {
        const href = articleHref(c, base, host, page.href);
        const text = href ? collapse(decodeEntities(rawText(c))) : '';
        const alt = href && !text ? collapse(decodeEntities(pictureAlt(c))) : '';
        if (href && isTitleLike(text)) out.push({ el: c, href, text });
        else if (href && alt && isTitleLike(alt)) out.push({ el: c, href, text: alt, fromAlt: true });
        else if (href && leadsOn(text)) {
          const heading = headingBefore(c);
          const title = heading ? collapse(decodeEntities(rawText(heading))) : '';
          if (heading && isTitleLike(title)) out.push({ el: c, href, text: title, heading });
        }
      }
      walk(c);
    }
  };
  walk(root);
  // A picture's alt, or a heading before "Chi tiết", names an article only when no written link does
  // (most image links repeat a title link). Between an alt and a heading, the heading.
  const written = new Set(out.filter((l) => !l.fromAlt && !l.heading).map((l) => l.href));
  const headed = new Set(out.filter((l) => l.heading).map((l) => l.href));
  return out.filter((l) => (!l.fromAlt && !l.heading) || (!written.has(l.href) && !(l.fromAlt && headed.has(l.href))));
}

/** Wrapper-less items start with one of these (a heading, a link, a bold title, a term). */
const BARE = new Set(['a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'span', 'dt', 'font']);

/** The compound that tells siblings of one kind: tag and classes. */
export function signature(el: HtmlElement): string {
  const cls = (attr(el, 'class') ?? '').split(/\s+/).filter(Boolean).sort().join('.');
  return cls ? `${el.name}.${cls}` : el.name;
}

/** The page's main list of news, or null when nothing on it repeats like one. */
export function findMainList(root: HtmlElement, links: ArticleLink[], page?: PageName): MainList | null {
  const excluded = new Map<HtmlElement, boolean>();
  /** Whether a member stands in a box of another list: its container or one above, up to the page's columns. */
  const isExcludedBox = (m: HtmlElement) => {
    for (let p = m.parent, level = 0; p && p.name !== '#document' && level < 4; p = p.parent, level++) if (isExcluded(p)) return true;
    return false;
  };
  const isExcluded = (p: HtmlElement) => {
    let v = excluded.get(p);
    if (v === undefined) {
      v = headsOtherList(p, page);
      excluded.set(p, v);
    }
    return v;
  };
  const signatures = new Map<HtmlElement, string>();
  const sig = (el: HtmlElement) => {
    let v = signatures.get(el);
    if (v === undefined) signatures.set(el, (v = signature(el)));
    return v;
  };
  const scored: Scored[] = [];
  let best: Scored | null = null;
  for (const g of groupLinks(links, sig)) {
    g.members = withoutOddBoxes(g, sig);
    if (g.members.length < 2) continue;
    const wide = g.members.filter((m) => isWide(g, m)).length;
    if (wide > g.members.length / 4) continue;
    // Members in boxes of other lists (by their headings) are left out; asked only of candidates.
    g.members = g.members.filter((m) => !isExcludedBox(m));
    if (g.members.length < 2) continue;
    chooseTitles(g, sig);
    const c = groupScore(g);
    scored.push(c);
    if (!best || c.score > best.score) best = c;
  }
  if (!best) return null;
  const members = best.g.members.sort((a, b) => a.order - b.order);
  const titles = best.g.titles;
  const runs = isRun(members);
  const beside = listsBeside(best, scored, sig).map((g) => {
    for (const [m, t] of g.titles) titles.set(m, t);
    return g.members.sort((a, b) => a.order - b.order);
  });
  const listed = new Set([...members, ...beside.flat()].map((m) => titles.get(m)!.href));
  // Lead stories stand before the first of the lists read.
  const first = [members[0], ...beside.map((b) => b[0])].reduce((a, b) => (b.order < a.order ? b : a));
  return { members, titles, runs, beside, leads: runs ? [] : leadsBefore(first, links, listed, titles) };
}

/**
 * Each member's title link. Items write their title in the same place: the place whose links
 * read most like titles over all members wins, where a link to an article other members link
 * to too (a category label, "Kinh tế - Cửa khẩu") counts little. In that place, or failing it
 * anywhere in the member, a written title beats an alt, then the longer.
 */
function chooseTitles(g: Group, sig: (el: HtmlElement) => string): void {
  const members = new Map<string, number>();
  for (const m of g.members) for (const href of g.targets.get(m)!) members.set(href, (members.get(href) ?? 0) + 1);
  const places = new Map<string, number>();
  const placeOf = new Map<ArticleLink, string>();
  for (const m of g.members) {
    for (const l of g.links.get(m)!) {
      const place = placeIn(l.el, m, sig);
      placeOf.set(l, place);
      // Links in a list nested in the member are its related stories, not its title.
      const weight = (members.get(l.href) === 1 ? 1 : 0.1) * (l.fromAlt ? 0.5 : 1) * (inNestedList(l.el, m) ? 0.1 : 1);
      places.set(place, (places.get(place) ?? 0) + Math.min(l.text.length, 160) * weight);
    }
  }
  let best = '';
  let bestScore = -1;
  for (const [place, score] of places) if (score > bestScore) [best, bestScore] = [place, score];
  const pick = (links: ArticleLink[]) => links.reduce((a, b) => (betterTitle(b, a) ? b : a));
  for (const m of g.members) {
    const links = g.links.get(m)!;
    const there = links.filter((l) => placeOf.get(l) === best);
    g.titles.set(m, pick(there.length ? there : links));
  }
}

/** Where `el` stands inside `member`: the kinds of elements down to it. */
function placeIn(el: HtmlElement, member: HtmlElement, sig: (el: HtmlElement) => string): string {
  let place = '';
  for (let n: HtmlElement | null = el; n && n !== member; n = n.parent) place = `${sig(n)}>${place}`;
  return place;
}

/** A written title beats a picture's alt; then the longer text. */
const betterTitle = (a: ArticleLink, b: ArticleLink) => (!!a.fromAlt === !!b.fromAlt ? a.text.length > b.text.length : !a.fromAlt);

const HEADING = new Set(['h1', 'h2', 'h3']);
const HEADINGS = /^h[1-6]$/;

/**
 * Lead stories: blocks just before the list (or before its containers) that each hold one
 * article of the site under a heading, not in another box and not page chrome.
 */
function leadsBefore(first: HtmlElement, links: ArticleLink[], listed: Set<string>, titles: Map<HtmlElement, ArticleLink>): HtmlElement[] {
  const leads: HtmlElement[] = [];
  const linksIn = (el: HtmlElement) => links.filter((l) => contains(el, l.el));
  let node: HtmlElement | null = first.parent;
  for (let level = 0; node?.parent && level < 3; level++, node = node.parent) {
    const siblings = node.parent.children;
    for (let i = siblings.indexOf(node) - 1; i >= 0; i--) {
      const s = siblings[i];
      if (s.type !== 'element') continue;
      const inside = linksIn(s);
      const targets = new Set(inside.map((l) => l.href));
      if (targets.size !== 1 || listed.has(inside[0].href) || chromePenalty(s) < 1) {
        if (targets.size > 1) return leads;
        continue;
      }
      const title = inside.reduce((a, b) => (betterTitle(b, a) ? b : a));
      if (!HEADING.has((title.heading ?? title.el.parent)?.name ?? '') && title.text.split(' ').length < 6) continue;
      leads.unshift(s);
      titles.set(s, title);
    }
  }
  return leads;
}


function groupScore(g: Group): Scored {
  let titles = 0;
  let dated = 0;
  let pictured = 0;
  const sorted = [...g.members].sort((a, b) => a.order - b.order);
  const runs = isRun(sorted);
  const leading = runs && datesLead(sorted[0].parent!.children, sorted);
  for (const m of sorted) {
    const title = g.titles.get(m)!;
    // Pictures' alts are titles only where nothing better is written (banners carry alts too).
    titles += Math.min(title.text.length, 160) * (title.fromAlt ? 0.5 : 1);
    // A wrapper-less item's date and picture stand beside its title.
    const nodes = runs ? siblingsUntilNext(m, sorted, leading) : [m];
    const text = nodes.map((n) => collapse(decodeEntities(rawText(n, true)))).join(' ');
    if (DATE_TEXT.test(text.replace(title.text, ''))) dated++;
    if (nodes.some((n) => n.type === 'element' && (n.name === 'img' || hasImage(n)))) pictured++;
  }
  const n = g.members.length;
  // Between a wrapper and the bare title inside it, which read the same, the wrapper.
  const bare = runs ? 0.95 : 1;
  // Titles that carry a document's number ("Quyết định số 2871/QĐ-UBND …") make a box of documents, not news.
  const numbered = sorted.filter((m) => DOCUMENT_NUMBER.test(g.titles.get(m)!.text)).length;
  const documents = numbered * 2 >= n ? 0.1 : 1;
  const score = titles * (1 + dated / n + (0.5 * pictured) / n) * bare * documents * chromePenalty(g.members[0].parent!);
  const headed = sorted.every((m) => HEADINGS.test((g.titles.get(m)!.heading ?? g.titles.get(m)!.el.parent)?.name ?? ''));
  return { g, score, allDated: dated === n, runs, allPictured: pictured === n, headed };
}

/** A Vietnamese administrative document's number and symbol: `2871/QĐ-UBND`, `45/2024/QĐ-UBND`, `3512/UBND-KT1`, `57-NQ/TW`. */
const DOCUMENT_NUMBER = /(?<![\p{L}\d])\d{1,5}(?:\/\d{4})?\/\p{Lu}[\p{L}\d]*-\p{Lu}[\p{L}\d]*|(?<![\p{L}\d])\d{1,5}-\p{Lu}{2,}\/\p{Lu}/u;

function hasImage(el: HtmlElement): boolean {
  for (const c of el.children) if (c.type === 'element' && (c.name === 'img' || hasImage(c))) return true;
  return false;
}

/** Members that are bare titles with their date or summary standing beside them, not inside. */
function isRun(members: HtmlElement[]): boolean {
  if (!BARE.has(members[0].name)) return false;
  const siblings = members[0].parent!.children;
  for (let i = siblings.indexOf(members[0]) + 1; i < siblings.length; i++) {
    const s = siblings[i];
    if (s.type === 'element' && members.includes(s)) return false;
    if ((s.type === 'text' && s.raw.trim()) || s.type === 'element') return true;
  }
  return false;
}
