import { attr, textContent, type HtmlElement } from '../normalize/html-tree';
import { collapseSpaces } from '../vietnamese';
import { prose, type BlockStats } from './block-stats';

/**
 * What around an article is not the article: site furniture named by its class or id
 * (menus, breadcrumbs, share/print/e-mail buttons, comment forms, related-news boxes, ads,
 * cookie banners), by its element (nav, aside, footer, forms), or by the Vietnamese label it
 * opens with ("Tin liên quan", "Tin khác", "Văn bản mới", …).
 */

/** Elements never part of an article's text. */
export const FURNITURE_ELEMENTS = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'object', 'embed', 'form', 'button', 'input',
  'select', 'textarea', 'nav', 'aside', 'footer', 'header', 'ins', 'svg', 'math', 'link', 'meta', 'title', 'dialog',
]);

/** Class or id words of site furniture; a word is matched whole, between `-`, `_` or the ends. */
const FURNITURE_WORDS = new RegExp(
  '(?:^|[-_])(?:' +
    [
      'related', 'relate', 'lienquan', 'lien-quan', 'tinkhac', 'tin-khac', 'othernews', 'other-news', 'other', 'more-news',
      'samecategory', 'cung-chuyen-muc', 'share', 'shares', 'sharing', 'social', 'socials', 'print', 'email', 'sendmail',
      'comment', 'comments', 'binhluan', 'binh-luan', 'ykien', 'y-kien', 'breadcrumb', 'breadcrumbs', 'menu', 'nav', 'navbar',
      'navigation', 'footer', 'banner', 'ads', 'adv', 'advert', 'advertisement', 'quangcao', 'quang-cao', 'cookie', 'cookies',
      'consent', 'gdpr', 'vanbanmoi', 'van-ban-moi', 'vanban', 'tags', 'tag', 'keywords', 'rating', 'toolbar', 'tools',
      'pager', 'pagination', 'sidebar', 'popup', 'modal', 'subscribe', 'newsletter', 'hotline', 'btn', 'button',
      'fb', 'facebook', 'zalo', 'twitter', 'like', 'font-size', 'fontsize', 'audio', 'player', 'listen', 'top-news', 'most-read',
      'docnhieu', 'doc-nhieu', 'xem-nhieu', 'xemnhieu', 'navigator', 'skip',
      // Ad networks' slots: Google Publisher Tag's `div-gpt-ad-…`, Admicro's `admzone123`.
      'gpt-ad', 'admzone\\d*', 'ad', 'adslot', 'adbox', 'adsense', 'dfp', 'qc', 'advertising', 'sponsor', 'sponsored',
    ]
      // Compound words are written with `-`, `_` or nothing between their parts ("binh-luan", "binh_luan", "binhluan").
      .map((w) => w.replace(/-/g, '[-_]?'))
      .join('|') +
    ')(?:$|[-_])',
  'i',
);

/** Labels that open a box of other articles ("Tin liên quan", "Các tin khác", "Tin mới"). */
const LIST_LABELS =
  /^(?:(?:các |những )?(?:tin|bài|bài viết|tin bài|tin tức|văn bản)\s+(?:liên quan|khác|cùng chuyên mục|cùng mục|cùng danh mục|cùng chủ đề|cùng loại|mới|mới nhất|đã đưa|xem nhiều|đọc nhiều|nổi bật)|có thể bạn quan tâm|bạn có thể quan tâm|có thể bạn muốn đọc|đọc nhiều nhất|xem nhiều nhất)(?=$|[\s:.,|»›>-])/iu;
/** Labels of page tools and of links elsewhere ("Chia sẻ", "In bài", "Xem thêm: <a>…" mid-body). */
const TOOL_LABELS =
  /^(?:chia sẻ|in bài|in trang|gửi email|gửi e-mail|gửi bài|bình luận|ý kiến bạn đọc|gửi ý kiến|từ khóa|từ khoá|tags?|xem thêm|đọc thêm|xem tiếp|mời xem|cỡ chữ|kích thước chữ|kích cỡ chữ|bài trước|bài sau|bài tiếp theo|tin trước|tin sau|tin tiếp theo)(?=$|[\s:.,|»›>-])/iu;

/** True for an element named as site furniture by its tag, class, id, role or visibility. */
export function isFurniture(el: HtmlElement): boolean {
  return isStructuralFurniture(el) || isNamedFurniture(el);
}

/** Furniture by its element, role or visibility: never part of the article, whatever it holds. */
function isStructuralFurniture(el: HtmlElement): boolean {
  if (FURNITURE_ELEMENTS.has(el.name)) return true;
  const role = (attr(el, 'role') ?? '').toLowerCase();
  if (role === 'navigation' || role === 'banner' || role === 'contentinfo' || role === 'complementary' || role === 'dialog') return true;
  if (attr(el, 'hidden') !== null || (attr(el, 'aria-hidden') ?? '') === 'true') return true;
  return /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attr(el, 'style') ?? '');
}

/** Furniture by a class or id word ("share", "sidebar"). */
function isNamedFurniture(el: HtmlElement): boolean {
  const id = attr(el, 'id');
  if (id && FURNITURE_WORDS.test(id)) return true;
  const cls = attr(el, 'class');
  if (cls) for (const c of cls.split(/\s+/)) if (c && FURNITURE_WORDS.test(c)) return true;
  return false;
}

/** Share of a named box's prose an element must hold for the box to be its wrapper. */
const WRAPPER_SHARE = 0.6;

/**
 * True when an ancestor is site furniture (a form or header may wrap the whole page: they do
 * not count). With `stats`, an ancestor named furniture only by its class or id, of whose prose
 * `el` holds most, is a wrapper of `el` rather than a box beside the article: a blog's
 * "widget Blog", a page builder's "elementor-widget-theme-post-content".
 */
export function insideFurniture(el: HtmlElement, stats?: Map<HtmlElement, BlockStats>): boolean {
  for (let p = el.parent; p; p = p.parent) {
    if (!isFurniture(p) || p.name === 'form' || p.name === 'header') continue;
    if (stats && !isStructuralFurniture(p) && prose(stats.get(el)) >= WRAPPER_SHARE * prose(stats.get(p))) continue;
    return true;
  }
  return false;
}

/**
 * True when the element's text opens with a furniture label ("Tin liên quan", "Văn bản mới",
 * "Chia sẻ", …); with `lists`, only with a label of a box of other articles.
 */
export function opensWithLabel(el: HtmlElement, maxChars = 200, lists = false): boolean {
  const text = collapseSpaces(textContent(el)).trim().slice(0, maxChars).normalize('NFC').replace(/^[\s:»›>•|-]+/u, '');
  return LIST_LABELS.test(text) || (!lists && TOOL_LABELS.test(text));
}
