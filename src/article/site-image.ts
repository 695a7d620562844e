import { attr, contains, type HtmlElement } from '../normalize/html-tree';
import { isFurniture } from './boilerplate';
import { pictureUrl } from './clean';

/**
 * The site's own pictures, which many portals give as every page's `og:image`: its logo, a
 * default share picture, the masthead banner. No lead image of an article: the body's first
 * picture is taken instead, or none. Known by the file's name, by a theme's folder (articles'
 * pictures live under uploads, never in the theme), or by where the page itself shows the
 * picture: only in its masthead, a banner or a link to the home page.
 */

const SITE_FILE = /(?:^|[/_.-])(?:logo|favicon|default|no-?image|placeholder|banner|masthead|og-?image|share-?image)[^/]*$/i;
const THEME_FOLDER = /\/(?:themes?|templates?|skins?)\//i;
/** A file named only for sharing, with nothing of an article in its name: `og.png`, `share.jpg`, `anh-dai-dien.jpg`. */
const SHARE_FILE = /\/(?:og|share|social|thumb|thumbnail|cover|header|no-?thumb(?:nail)?|anh-?dai-?dien|avatar)\.(?:jpe?g|png|gif|webp)$/i;
/** A block named as the page's masthead: the site's header, its logo or brand. */
const MASTHEAD = /(?:^|[-_\s])(?:header|masthead|logo|brand|site-?title|top-?banner)(?:$|[-_\s])/i;

export function isSiteImage(url: string): boolean {
  try {
    const path = new URL(url).pathname;
    return SITE_FILE.test(path) || THEME_FOLDER.test(path) || SHARE_FILE.test(path);
  } catch {
    return false;
  }
}

/** True when the page shows `url` only as its chrome: in furniture or its masthead, or linked to the site's home page. */
export function shownAsChrome(url: string, all: HtmlElement[], container: HtmlElement | null, baseUrl: string): boolean {
  const shown = all.filter((el) => el.name === 'img' && pictureUrl(el, baseUrl) === url);
  if (!shown.length) return false;
  return shown.every((img) => !(container && img !== container && contains(container, img)) && inChrome(img, baseUrl));
}


/**
 * Inside a block of furniture or one named as the masthead, or linked to the home page. A link
 * is judged by where it leads (a lightbox's "modal" link is the picture's zoom), and a form
 * wraps whole ASP.NET pages.
 */
function inChrome(img: HtmlElement, baseUrl: string): boolean {
  for (let p = img.parent; p; p = p.parent) {
    if (p.name === 'form') continue;
    if (p.name === 'a') {
      if (linksHome(p, baseUrl)) return true;
      continue;
    }
    if (isFurniture(p) || MASTHEAD.test(attr(p, 'class') ?? '') || MASTHEAD.test(attr(p, 'id') ?? '')) return true;
  }
  return false;
}

function linksHome(a: HtmlElement, baseUrl: string): boolean {
  try {
    const href = new URL(attr(a, 'href') ?? '', baseUrl);
    return href.origin === new URL(baseUrl).origin && (href.pathname === '/' || /^\/(?:index|default|trang-chu)[^/]*$/i.test(href.pathname)) && !href.search;
  } catch {
    return false;
  }
}
