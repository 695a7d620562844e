import type { Article, RawItem } from '../model';
import type { Source } from '../sources/schema';
import { VIETNAM_OFFSET_MINUTES, clampFuture, monthWrittenAsMinutes, parseDate } from './date';
import { articleId } from './id';
import { sanitizeHtml } from './sanitize';
import { cleanText, htmlToText, summarize } from './text';
import { absoluteUrl, canonicalUrl } from './url';

export interface NormalizeContext {
  source: Pick<Source, 'id' | 'dateOrder'>;
  /** The page or feed the items came from: the base of relative links. */
  baseUrl: string;
  now: Date;
  /** The generator's times are wrong (NukeViet writes the month as minutes): keep only the day. */
  untrustedTimes?: boolean;
}

const SUMMARY_MAX = 300;

// WordPress appends "The post <title> appeared first on <site>." (or its Vietnamese
// translation) to every feed description: a footer, not part of the summary.
const WP_FOOTER = /\s*(?:The post .{1,400}? appeared first on|Bài viết .{1,400}? xuất hiện đầu tiên (?:tại|trên)) .{1,200}?\.?\s*$/u;
const withoutFeedFooter = (text: string) => text.replace(WP_FOOTER, '');
const TITLE_FROM_SUMMARY_MAX = 120;
const OFFSET_MS = VIETNAM_OFFSET_MINUTES * 60_000;

/** 00:00 Vietnam time of the Vietnamese calendar day `date` falls on. */
function vietnamMidnight(date: Date): Date {
  const local = new Date(date.getTime() + OFFSET_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - OFFSET_MS);
}

/**
 * The article's page: its link, else its guid when that is an absolute URL. A link back to
 * the listing/feed itself (`href="#"`, `href=""`) is no article page.
 */
function articleUrl(raw: RawItem, baseUrl: string): string | null {
  const page = canonicalUrl(baseUrl);
  const candidates = [absoluteUrl(raw.link, baseUrl)];
  if (raw.guid && /^\s*https?:\/\//i.test(raw.guid)) candidates.push(absoluteUrl(raw.guid, baseUrl));
  for (const c of candidates) {
    if (!c) continue;
    const canonical = canonicalUrl(c);
    if (canonical !== page) return canonical;
  }
  return null;
}

function published(raw: RawItem, ctx: NormalizeContext): { published: string; dateEstimated?: true; dateOnly?: true } {
  const parsed = raw.date ? parseDate(cleanText(raw.date), { now: ctx.now, order: ctx.source.dateOrder }) : null;
  if (!parsed || Number.isNaN(parsed.date.getTime())) {
    return { published: ctx.now.toISOString(), dateEstimated: true };
  }
  const date = ctx.untrustedTimes ? vietnamMidnight(parsed.date) : parsed.date;
  return { published: clampFuture(date, ctx.now).toISOString(), ...(ctx.untrustedTimes || !parsed.hasTime ? { dateOnly: true as const } : {}) };
}

/** What an item gives whatever the clock says: all but its dates (see `withDates`). */
export type ItemBody = Omit<Article, 'published' | 'dateEstimated' | 'dateOnly' | 'firstSeen'>;

/** An item's fields that do not depend on `ctx.now`, or null when it has no usable title and link. */
export async function itemBody(raw: RawItem, ctx: NormalizeContext): Promise<ItemBody | null> {
  const url = articleUrl(raw, ctx.baseUrl);
  if (!url) return null; // an article must be linkable

  const summaryText = withoutFeedFooter(cleanText(raw.summary || raw.contentHtml || ''));
  const title = cleanText(raw.title ?? '') || summarize(summaryText, TITLE_FROM_SUMMARY_MAX);
  if (!title) return null;
  // Many feeds repeat the title as the description: showing it twice helps no one.
  const summary = summaryText === title ? '' : summarize(summaryText, SUMMARY_MAX);

  const guid = raw.guid?.trim() || undefined;
  const body: ItemBody = { id: await articleId(ctx.source.id, url, guid), url, title, summary, sourceId: ctx.source.id };
  if (guid) body.guid = guid;

  if (raw.contentHtml) {
    const html = (await sanitizeHtml(raw.contentHtml, ctx.baseUrl)).trim();
    // Kept only if something would show: an image or some text.
    if (html.includes('<img') || htmlToText(html).trim()) body.contentHtml = html;
  }
  const image = absoluteUrl(raw.image, ctx.baseUrl);
  if (image) body.image = image;
  const author = cleanText(raw.author ?? '');
  if (author) body.author = author;
  const categories = [...new Set((raw.categories ?? []).map(cleanText).filter(Boolean))];
  if (categories.length) body.categories = categories;
  return body;
}

/** The article of an item's body: its dates read now (they depend on `ctx.now`). */
export function withDates({ id, url, title, summary, sourceId, categories, ...rest }: ItemBody, raw: RawItem, ctx: NormalizeContext): Article {
  return {
    id,
    url,
    title,
    summary,
    ...published(raw, ctx),
    firstSeen: ctx.now.toISOString(),
    sourceId,
    ...rest,
    ...(categories ? { categories: [...categories] } : {}),
  };
}

/** One raw item to an Article, or null when it has no usable title and link. */
export async function normalizeItem(raw: RawItem, ctx: NormalizeContext): Promise<Article | null> {
  const body = await itemBody(raw, ctx);
  return body && withDates(body, raw, ctx);
}

/**
 * NukeViet's generator writes the month where the minutes belong: when every timed
 * date of a page does that, its times say nothing and only the days are kept.
 */
export function timesLookWrong(raws: RawItem[], ctx: NormalizeContext): boolean {
  const dates: Date[] = [];
  for (const raw of raws) {
    const parsed = raw.date ? parseDate(cleanText(raw.date), { now: ctx.now, order: ctx.source.dateOrder }) : null;
    if (parsed?.hasTime) dates.push(parsed.date);
  }
  return monthWrittenAsMinutes(dates);
}

/** All items; duplicates within the source (same canonical URL or same guid) become one (the first). */
export async function normalizeItems(
  raws: RawItem[],
  ctx: NormalizeContext,
  normalize: (raw: RawItem, ctx: NormalizeContext) => Promise<Article | null> = normalizeItem,
): Promise<Article[]> {
  if (ctx.untrustedTimes === undefined) ctx = { ...ctx, untrustedTimes: timesLookWrong(raws, ctx) };
  const out: Article[] = [];
  const seenUrls = new Set<string>();
  const seenGuids = new Set<string>();
  for (const raw of raws) {
    const article = await normalize(raw, ctx);
    if (!article) continue;
    if (seenUrls.has(article.url) || (article.guid && seenGuids.has(article.guid))) continue;
    seenUrls.add(article.url);
    if (article.guid) seenGuids.add(article.guid);
    out.push(article);
  }
  return out;
}
