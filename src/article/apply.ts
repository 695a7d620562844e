import type { Article } from '../model';
import { clampFuture } from '../normalize/date';
import type { ArticlePage } from './extract';

/**
 * An article with what its own page gave. The page's body replaces the listing's summary
 * content; its time replaces a date-only or estimated one (a page's bare day never overrules a
 * listing's time); its author is the article's author; its lead image replaces a listing
 * thumbnail. `pageRead` marks the article so a later listing fetch keeps these (bucket.ts).
 * With `metaOnly` (sources with `enrich`), only a missing date or image is filled.
 */
export function applyPage(article: Article, page: ArticlePage, at: Date, metaOnly = false): Article {
  const next: Article = { ...article };
  const published = page.published ? clampFuture(new Date(page.published), at).toISOString() : undefined;
  if (metaOnly) {
    if (published && article.dateEstimated) {
      next.published = published;
      delete next.dateEstimated;
    }
    if (!article.image && page.image) next.image = page.image;
    return next;
  }
  if (page.contentHtml) next.contentHtml = page.contentHtml;
  if (published && (page.hasTime || article.dateEstimated || isVietnamMidnight(article.published))) {
    next.published = published;
    delete next.dateEstimated;
  }
  if (page.author) next.author = page.author;
  if (page.image) next.image = page.image;
  next.pageRead = at.toISOString();
  return next;
}

/** A listing that gives only the day is stored at 00:00 Vietnam time (17:00 UTC the day before). */
function isVietnamMidnight(iso: string): boolean {
  return iso.endsWith('T17:00:00.000Z');
}
