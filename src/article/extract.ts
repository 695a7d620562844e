import type { DateOrder } from '../normalize/date';
import { parseHtml, type HtmlElement } from '../normalize/html-tree';
import { sanitizeHtml } from '../normalize/sanitize';
import { absoluteUrl } from '../normalize/url';
import { blockStats, type BlockStats } from './block-stats';
import { author, publishedDate } from './byline';
import { cleanBody } from './clean';
import { findContainer } from './container';
import { documentLink, pageDocuments } from './embedded-doc';
import { imageBeforeBody } from './image-block';
import { readJsonLd } from './json-ld';
import { findLead } from './lead';
import { pageFacts } from './page-facts';
import { isSiteImage, shownAsChrome } from './site-image';
import { capContent, plainTextHtml } from './size';
import { findTitle } from './title';
import { dateInUrl } from './url-date';

/** What an article's own page gives: each field only when the page has it. */
export interface ArticlePage {
  /** Sanitized HTML of the body, absolute URLs, capped (see size.ts). */
  contentHtml?: string;
  /** ISO instant. */
  published?: string;
  /** True when the page gave a time of day, not only the day. */
  hasTime?: boolean;
  author?: string;
  /** Absolute http(s) URL of the lead image: og:image, else JSON-LD's, else the body's first. */
  image?: string;
}

export interface ExtractContext {
  /** The page's final URL (after redirects): the base of relative links. */
  url: string;
  now: Date;
  order?: DateOrder;
}

/** A link to an attached document in our sanitized output: a body however short its text (a decision published as a PDF). */
const LINKED_DOCUMENT = /<a href="[^"]+\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|rtf)(?:[?#][^"]*)?"|<a [^>]*>[^<]*(?:tải về|tải xuống|download|tệp đính kèm|file đính kèm)/iu;

/** Less text than this is no article body (a stub, an error page). */
const MIN_BODY_CHARS = 60;

/** Reads an article page: body, publication time, author and lead image. Never throws. */
export async function extractArticle(html: string, ctx: ExtractContext): Promise<ArticlePage> {
  const root = parseHtml(html);
  const facts = pageFacts(root);
  const ld = readJsonLd(facts.jsonLd);
  const stats = blockStats(root);
  const title = findTitle(facts.all, facts.meta);
  const container = findContainer(facts.all, stats, title);

  const lead = container ? findLead(container, stats) : null;
  const leadHtml = lead ? `<p>${cleanBody(lead, stats, ctx.url)}</p>` : '';
  let body = container ? await sanitizeHtml(leadHtml + cleanBody(container, stats, ctx.url, title), ctx.url) : '';
  body = dropEmptyBlocks(body);
  const bodyChars = visibleLength(body);
  // JSON-LD's articleBody when the page's markup gave clearly less (a body rendered by script).
  if (ld.articleBody && bodyChars < 0.5 * ld.articleBody.length) body = dropEmptyBlocks(await sanitizeHtml(plainTextHtml(ld.articleBody), ctx.url));

  // A document shown in a viewer outside the body's container (or on a page with no text at all) is its content too.
  for (const doc of pageDocuments(facts.all, stats, ctx.url)) {
    if (!body.includes(`href="${doc.replaceAll('&', '&amp;')}"`)) body += await sanitizeHtml(documentLink(doc), ctx.url);
  }

  const page: ArticlePage = {};
  if (visibleLength(body) >= MIN_BODY_CHARS || body.includes('<img') || LINKED_DOCUMENT.test(body)) page.contentHtml = capContent(body, ctx.url);
  const byline = { facts, ld, container, now: ctx.now, order: ctx.order ?? 'dmy', stats };
  // The address's day only when the page itself states no date.
  const date = publishedDate(byline) ?? dateInUrl(ctx.url, ctx.now);
  if (date && !Number.isNaN(date.date.getTime())) {
    page.published = date.date.toISOString();
    page.hasTime = date.hasTime;
  }
  const name = author(byline, stats);
  if (name) page.author = name;
  const stated = [facts.meta.get('og:image'), facts.meta.get('og:image:url'), facts.meta.get('og:image:secure_url'), facts.meta.get('twitter:image'), ld.image];
  const chrome = (url: string) => shownAsChrome(url, facts.all, container, ctx.url);
  const beside = besideBody(container, stats, ctx.url);
  const image = leadImage(stated, ctx.url, chrome) ?? firstImage(page.contentHtml) ?? (beside && !chrome(beside) ? beside : undefined);
  if (image) page.image = image;
  return page;
}

function leadImage(candidates: Array<string | undefined>, base: string, chrome: (url: string) => boolean): string | undefined {
  for (const c of candidates) {
    const url = c ? absoluteUrl(c, base) : null;
    if (url && !isSiteImage(url) && !chrome(url)) return url;
  }
  return undefined;
}

/** A picture set apart just before the body (image-block.ts), unless it is the site's own. */
function besideBody(container: HtmlElement | null, stats: Map<HtmlElement, BlockStats>, base: string): string | undefined {
  const url = container ? imageBeforeBody(container, stats, base) : undefined;
  return url && !isSiteImage(url) ? url : undefined;
}

/** The first image of our own sanitized output (its `src` is absolute and escaped by us). */
function firstImage(html: string | undefined): string | undefined {
  const m = html ? /<img src="([^"]+)"/.exec(html) : null;
  return m ? m[1].replaceAll('&amp;', '&') : undefined;
}

/** Our sanitizer's output only: empty paragraphs and wrappers left by removed furniture. */
function dropEmptyBlocks(html: string): string {
  let prev;
  do {
    prev = html;
    html = html.replace(/<(p|div|span|strong|b|em|i|u|li|ul|ol|figure|blockquote|section|h[2-6])>(?:\s|&nbsp;|&#160;|<br>)*<\/\1>/g, '');
  } while (html !== prev);
  // Line breaks left at either end once a print version's own lines went (text-lines.ts).
  return html.replace(/^(?:\s|<br>)+|(?:\s|<br>)+$/g, '');
}

function visibleLength(html: string): number {
  return html.replace(/<[^>]*>/g, '').replace(/&nbsp;|\s+/g, '').length;
}
