import { load } from 'cheerio';
import type { RawItem } from '../src/model';
import type { Selectors } from '../src/sources/schema';

/**
 * The baseline for the listing benchmark: the same extraction as src/ingest/html-listing.ts
 * (same selectors, same fields: title, link, date text, summary, image) written the way
 * RSSHub routes do it, with cheerio's `load` (parse5 builds the whole DOM, then CSS queries).
 * In workerd the bundler picks cheerio's browser build, which is `load` without undici.
 */

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

function absolute(value: string | undefined, base: string): string | undefined {
  if (!value || value.startsWith('#')) return undefined;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const IMAGE_ATTRIBUTES = ['data-src', 'data-original', 'data-lazy-src', 'data-img-url', 'src'];

export function cheerioListing(html: string, selectors: Selectors, baseUrl: string): RawItem[] {
  const $ = load(html);
  const items: RawItem[] = [];
  $(selectors.item).each((_, el) => {
    const $item = $(el);
    const $title = $item.find(selectors.title ?? 'a').first();
    const raw: RawItem = {};
    const title = collapse($title.text());
    if (title) raw.title = title;
    const link = selectors.link
      ? $item.find(selectors.link).first().attr('href')
      : ($title.attr('href') ?? $title.find('a').first().attr('href'));
    raw.link = absolute(link, baseUrl);
    if (selectors.date) {
      const $date = $item.find(selectors.date).first();
      const date = collapse($date.attr('datetime') ?? $date.attr('content') ?? $date.text());
      if (date) raw.date = date;
    }
    if (selectors.summary) {
      const summary = collapse($item.find(selectors.summary).first().text());
      if (summary) raw.summary = summary;
    }
    const $img = $item.find(selectors.image ?? 'img').first();
    for (const name of IMAGE_ATTRIBUTES) {
      const value = $img.attr(name);
      if (!value || value.startsWith('data:')) continue;
      raw.image = absolute(value, baseUrl);
      if (raw.image) break;
    }
    if (raw.link) items.push(raw);
  });
  return items;
}
