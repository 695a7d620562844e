import type { PresetName, Selectors, Source } from './schema';

/**
 * Listing selectors per portal platform: the CMSs most Vietnamese government portals run on.
 *
 * Every field selector is relative to `item`: the extractor matches `${item} ${field}`,
 * so a field may start with `>` to mean a direct child of the item. Only selectors
 * HTMLRewriter understands are allowed: no `:has`, `+`, `~`, `:last-child`.
 *
 * The title/date selectors come from public scrapers of these platforms; where those
 * name no container, the item container is the element that wraps one article's title,
 * date, summary and image in the platform's usual markup (noted per preset).
 */
export const PRESETS: Record<PresetName, Selectors> = {
  // WordPress with the tagDiv Newspaper theme. The <time> carries an ISO `datetime`,
  // which the extractor prefers over the "25 Tháng 6, 2025" text.
  wordpress: {
    item: 'div.td_module_10',
    title: 'h3.entry-title > a',
    date: 'time.entry-date',
    summary: 'div.td-excerpt',
    image: 'div.td-module-thumb img',
  },
  // SharePoint by Tân Dân (/portal/Pages/...aspx). Scrapers name only the title label;
  // the wrapper `div.channel-news-item` is assumed. Dates read "26 - 11 - 2019".
  tandan: {
    item: 'div.channel-news-item',
    title: 'label.channel-news-title > a',
    date: '.channel-news-date',
    summary: '.channel-news-summary',
    image: '.channel-news-img img',
  },
  // Liferay asset publisher ("abstracts" display). The title link also holds an icon <img>,
  // so the image is taken from the summary's small image, not from the first <img>.
  liferay: {
    item: 'div.asset-abstract',
    title: 'h3.asset-title > a',
    date: 'div.assetPublishDate',
    summary: 'div.asset-summary',
    image: 'div.asset-summary img',
  },
  // NukeViet news module: one panel per article; the thumbnail link comes first and has no
  // text, the <h3> link has the title; the date is the first entry of the meta list
  // ("&nbsp;26/11/2019 08:30:00 AM"); the intro text is a direct <p> of the panel body.
  nukeviet: {
    item: '.news_column .panel-body',
    title: 'h3 > a',
    date: '.text-muted li:first-child',
    summary: '> p',
    image: 'img',
  },
  // Provincial newspapers on the "story" CMS. Smaller stories use <h3> headings, so the
  // class alone is matched (a superset of `h2.story__heading > a`). Images are lazy
  // (`data-src`), which the extractor prefers over the placeholder `src`.
  story: {
    item: 'article.story',
    title: '.story__heading > a',
    date: 'time',
    summary: '.story__summary',
    image: '.story__thumb img',
  },
  // Other SharePoint portals (e.g. backan.gov.vn): `div.news-item > a + a` in scrapers.
  // HTMLRewriter has no `+`; `> a:not(:first-child)` matches the same title link when the
  // image link comes first, and the extractor keeps the first matching link with text,
  // so an extra text-less link before it does no harm.
  newsitem: {
    item: 'div.news-item',
    title: '> a:not(:first-child)',
    date: '.news-date',
    summary: '.news-sapo',
    image: 'img',
  },
  // ASP.NET portals with `h2.Title > a` and `div.PostDate`; the wrapper `div.NewsItem`
  // is assumed (scrapers name only the title and the date).
  postdate: {
    item: 'div.NewsItem',
    title: 'h2.Title > a',
    date: 'div.PostDate',
    summary: 'div.Summary',
    image: 'img',
  },
};

const FIELDS = ['item', 'title', 'link', 'date', 'summary', 'image'] as const;

/**
 * The selectors a source's listing is read with: its preset, overridden field by field by
 * its explicit selectors. Null when neither gives an item selector (not an HTML listing).
 */
export function resolveSelectors(source: Pick<Source, 'preset' | 'selectors'>): Selectors | null {
  const merged: Partial<Selectors> = source.preset ? { ...PRESETS[source.preset] } : {};
  const explicit = source.selectors ?? {};
  for (const field of FIELDS) {
    const value = explicit[field];
    if (value !== undefined && value.trim() !== '') merged[field] = value;
  }
  if (!merged.item) return null;
  return merged as Selectors;
}
