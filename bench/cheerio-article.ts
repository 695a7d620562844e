import { load } from 'cheerio';
import { sanitizeHtml } from '../src/normalize/sanitize';

/**
 * The baseline for the article benchmark: the same extraction as src/article/ for a page of a
 * known platform, written the way scrapers do it with cheerio (parse5 builds the whole DOM,
 * then CSS queries): the known content container with the most text, site furniture removed,
 * the same sanitizer, the publication time and lead image from the page's meta tags.
 */
const CONTAINERS = '.tandan-content-view, .journal-content-article, .asset-content, #news-bodyhtml, .bodytext, .td-post-content, .detail__content, .news_detail, .ArticleContent, .ms-rtestate-field, .entry-content';
const FURNITURE =
  'script, style, noscript, iframe, form, button, input, select, textarea, nav, aside, footer, header, ins, svg, h1, [class*=share], [class*=related], [class*=social], [class*=print], [class*=comment], [class*=breadcrumb], [class*=menu], [class*=banner], [class*=ads], [class*=other], [class*=tag], [class*=cookie]';

export async function cheerioArticle(html: string, url: string) {
  const $ = load(html);
  let best = $(CONTAINERS).first();
  let most = 0;
  $(CONTAINERS).each((_, el) => {
    const n = $(el).text().replace(/\s+/g, '').length;
    if (n > most) {
      most = n;
      best = $(el);
    }
  });
  best.find(FURNITURE).remove();
  best.find('img').each((_, img) => {
    const lazy = $(img).attr('data-src') ?? $(img).attr('data-original');
    if (lazy) $(img).attr('src', lazy);
  });
  const contentHtml = await sanitizeHtml(best.html() ?? '', url);
  return {
    contentHtml,
    published: $('meta[property="article:published_time"]').attr('content'),
    image: $('meta[property="og:image"]').attr('content'),
  };
}
