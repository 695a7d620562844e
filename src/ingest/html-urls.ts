import { decodeHTMLAttribute } from 'entities';
import { attr, descendants, parseHtml } from '../normalize/html-tree';

/**
 * URLs found in HTML attributes. HTMLRewriter hands attribute values over entity-encoded
 * (`?a=1&amp;b=2`), so they are decoded before being resolved against the page.
 */

/** Absolute http(s) URL of an href/src value, or undefined for fragments, scripts, mail, junk. */
export function resolveHref(value: string | null | undefined, base: string): string | undefined {
  if (value == null) return undefined;
  const raw = decodeHTMLAttribute(value).trim();
  if (raw === '' || raw.startsWith('#')) return undefined;
  try {
    const url = new URL(raw, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}

/** The first candidate URL of a `srcset` ("a.jpg 300w, b.jpg 600w" → "a.jpg"). */
export function firstSrcsetUrl(srcset: string | null | undefined): string | undefined {
  if (!srcset) return undefined;
  const first = srcset.trim().split(/\s+/)[0];
  // A candidate without a descriptor still ends at its comma ("a.jpg,b.jpg 2x").
  return first ? first.replace(/,$/, '') : undefined;
}

/** Lazy-loading attributes first: `src` is often a placeholder when they are present. */
const IMAGE_ATTRIBUTES = ['data-src', 'data-original', 'data-lazy-src', 'data-img-url', 'src'] as const;

/** Spacer and lazy-loading placeholders: files named so, or 1×1 pixels. */
const PLACEHOLDER = /(?:^|[/_.-])(?:blank|spacer|pixel|placeholder|transparent|empty|clear|loading|lazy|grey|gray|1x1|no-?image|bullet|icon|arrow|dot)[^/]*\.(?:gif|png|svg)(?:[?#].*)?$/i;

/** Stand-ins for an article without a picture, in any format: no-image.jpg, noimage.png, no_photo.jpg, default-thumbnail.jpg, anh-mac-dinh.jpg. */
const NO_PICTURE = /(?:^|[/_.-])(?:no[-_]?(?:image|img|photo|pic|thumb)s?|default[-_]?(?:image|img|photo|thumb(?:nail)?)s?|anh[-_]?mac[-_]?dinh|khong[-_]?co[-_]?anh)(?:[-_.][^/]*)?\.(?:jpe?g|png|gif|svg|webp)(?:[?#].*)?$/i;

/**
 * "New" and "hot" badges that old portals put beside fresh titles: small animated GIFs named
 * for the badge (new.gif, hot1.gif, icon_moi.gif), or any picture whose alt is only the badge's word.
 */
const BADGE_FILE = /(?:^|[/_.-])(?:new|hot|moi)\d*\.gif$/i;
const BADGE_ALT = /^\s*(?:tin\s+)?(?:mới|new|hot)\s*!?\s*$/iu;

/** Whether an image URL is a placeholder or a badge rather than a picture. */
export function isPlaceholderImage(url: string): boolean {
  const path = new URL(url).pathname;
  return PLACEHOLDER.test(path) || BADGE_FILE.test(path) || NO_PICTURE.test(path);
}

/** The real image URL of an element, preferring lazy-load attributes, then `srcset`; never a placeholder. */
export function imageUrl(el: { getAttribute(name: string): string | null }, base: string): string | undefined {
  if (BADGE_ALT.test(decodeHTMLAttribute(el.getAttribute('alt') ?? ''))) return undefined;
  for (const name of IMAGE_ATTRIBUTES) {
    const value = el.getAttribute(name);
    if (!value || /^\s*data:/i.test(value)) continue; // inline placeholder pixels
    const url = resolveHref(value, base);
    if (url && !isPlaceholderImage(url)) return url;
  }
  for (const name of ['data-srcset', 'srcset']) {
    const url = resolveHref(firstSrcsetUrl(el.getAttribute(name)), base);
    if (url && !isPlaceholderImage(url)) return url;
  }
  return undefined;
}

/**
 * The first picture in an HTML fragment (a feed item's description or content, where NukeViet
 * and Joomla put the lead image), as written: the normalize stage makes it absolute.
 */
export function firstImageIn(html: string | undefined): string | undefined {
  if (!html || !/<img\b/i.test(html)) return undefined;
  for (const el of descendants(parseHtml(html))) {
    if (el.name !== 'img') continue;
    for (const name of [...IMAGE_ATTRIBUTES, 'data-srcset', 'srcset']) {
      const written = attr(el, name);
      const value = name.endsWith('srcset') ? firstSrcsetUrl(written) : written?.trim();
      const path = value?.split(/[?#]/)[0] ?? '';
      if (value && !/^data:/i.test(value) && !PLACEHOLDER.test(path) && !BADGE_FILE.test(path) && !NO_PICTURE.test(path)) return value;
    }
  }
  return undefined;
}
