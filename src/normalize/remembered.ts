/**
 * Feeds and listings list newest first and mostly repeat the last fetch's items: what the
 * isolate already normalized for a source is not normalized (or its id hashed) again.
 * Only an item's body is remembered; its dates are read again on every fetch (relative
 * dates, the estimated date, the future clamp and first-seen depend on the clock), so a
 * remembered item gives exactly the article normalizing it afresh would.
 */
import type { Article, RawItem } from '../model';
import { itemBody, normalizeItems, withDates, type ItemBody, type NormalizeContext } from './article';

/** A page's items by everything the body is read from; null: the item gives no article. */
type Page = Map<string, ItemBody | null>;

/** Per source, its last two pages, the newest first; sources in the order they were last used. */
const pagesBySource = new Map<string, [Page, Page?]>();
/** About how many characters of items the isolate keeps: the oldest-used sources go first. */
const MAX_CHARS = 4_000_000;
let chars = 0;

const pageChars = (page: Page | undefined) => {
  let n = 0;
  for (const key of page?.keys() ?? []) n += key.length;
  return n;
};

/** Every field `itemBody` reads, and the base its links resolve against. The date is read anew. */
const itemKey = (raw: RawItem, baseUrl: string) =>
  JSON.stringify([baseUrl, raw.link, raw.guid, raw.title, raw.summary, raw.contentHtml, raw.image, raw.author, raw.categories]);

function remember(sourceId: string, page: Page): void {
  const last = pagesBySource.get(sourceId);
  pagesBySource.delete(sourceId);
  chars -= pageChars(last?.[1]);
  chars += pageChars(page);
  pagesBySource.set(sourceId, [page, last?.[0]]);
  for (const [id, pages] of pagesBySource) {
    if (chars <= MAX_CHARS || id === sourceId) break;
    pagesBySource.delete(id);
    chars -= pageChars(pages[0]) + pageChars(pages[1]);
  }
}

/** `normalizeItems`, through what this isolate already normalized for the source. */
export async function normalizeRemembered(raws: RawItem[], ctx: NormalizeContext): Promise<Article[]> {
  const [last, before] = pagesBySource.get(ctx.source.id) ?? [];
  const page: Page = new Map();
  const articles = await normalizeItems(raws, ctx, async (raw, itemCtx) => {
    const key = itemKey(raw, itemCtx.baseUrl);
    const known = [page, last, before].find((pages) => pages?.has(key));
    const body = known ? (known.get(key) as ItemBody | null) : await itemBody(raw, itemCtx);
    page.set(key, body);
    return body && withDates(body, raw, itemCtx);
  });
  remember(ctx.source.id, page);
  return articles;
}
