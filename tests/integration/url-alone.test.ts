/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { ingestSource } from '../../src/ingest/ingest-source';
import type { Article } from '../../src/model';
import { sourceSchema, type PresetName } from '../../src/sources/schema';
import { emptyQuality, figures, score, type Expected, type Quality } from '../helpers/listing-quality';

/**
 * Any portal from its URL alone: each labelled listing page (layouts of no known platform,
 * tests/fixtures/inference) and each known platform's listing, read with only
 * `{ id, name, url, region }`. The figures are computed against the labels (for the platforms,
 * against what their preset reads when told); the bar is 100% on every one.
 */

const now = new Date('2024-12-09T03:00:00Z'); // 10:00 in Vietnam, Monday 9 December 2024
const pages = import.meta.glob('../fixtures/inference/*.html', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const labels = import.meta.glob('../fixtures/inference/*.json', { import: 'default', eager: true }) as Record<string, { url: string; region: { province: string }; items: Expected[] }>;
const platformPages = import.meta.glob('../fixtures/*/listing.html', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

const PLATFORM_URLS: Record<PresetName, string> = {
  tandan: 'https://chodon.backan.gov.vn/portal/Pages/Tin-tuc-su-kien.aspx',
  newsitem: 'https://backan.gov.vn/Pages/tin-tuc-su-kien.aspx',
  liferay: 'https://thainguyen.gov.vn/tin-hoat-dong',
  nukeviet: 'https://pacnam.backan.gov.vn/news/tin-tuc-su-kien/',
  wordpress: 'https://khuyennong.backan.gov.vn/category/tin-tuc/',
  story: 'https://baobackan.com.vn/thoi-su/',
  postdate: 'https://snnptnt.backan.gov.vn/News.aspx?CategoryID=4',
};

/** A web of one page: everything else (announced feeds included) answers 404. */
function onePage(url: string, html: string): typeof fetch {
  return (async (input: RequestInfo | URL) => {
    const asked = String(input instanceof Request ? input.url : input);
    if (asked !== url) return new Response('không tìm thấy', { status: 404 });
    return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } });
  }) as typeof fetch;
}

async function read(url: string, html: string, extra: Record<string, unknown> = {}): Promise<Article[]> {
  const source = sourceSchema.parse({ id: 'xa', name: 'Cổng thông tin', url, region: { province: 'thai-nguyen' }, ...extra });
  const r = await ingestSource({ source, validators: {} }, { fetch: onePage(url, html), allowPrivate: false, now });
  if (r.status !== 'parsed') throw new Error(r.status);
  return r.articles;
}

const label = (path: string) => path.replace(/^.*\/(.*?)\.\w+$/, '$1');

async function labelledQuality(): Promise<Quality> {
  const q = emptyQuality();
  for (const [path, html] of Object.entries(pages)) {
    const { url, items } = labels[path.replace(/\.html$/, '.json')];
    score(q, label(path), await read(url, html), items);
  }
  return q;
}

async function platformQuality(): Promise<Quality> {
  const q = emptyQuality();
  for (const [preset, url] of Object.entries(PLATFORM_URLS)) {
    const html = platformPages[`../fixtures/${preset}/listing.html`];
    const told = await read(url, html, { kind: 'html', preset });
    const want = told.map((a) => ({ title: a.title, link: a.url, date: a.dateEstimated ? null : a.published, image: a.image ?? null }));
    score(q, preset, await read(url, html), want);
  }
  return q;
}

describe('a listing page from its URL alone', () => {
  it('has at least 45 labelled pages of other layouts, and the 7 platforms', () => {
    expect(Object.keys(pages).length).toBeGreaterThanOrEqual(45);
    expect(Object.keys(PLATFORM_URLS)).toHaveLength(7);
  });

  it('reads every labelled page: recall, precision, titles, dates, images all 100%', async () => {
    const q = await labelledQuality();
    console.log('labelled pages', q.expected, 'items', figures(q));
    expect(q.misses).toEqual([]);
    expect(figures(q)).toEqual({ recall: 100, precision: 100, titles: 100, dates: 100, images: 100 });
  });

  it('reads the 7 platforms\' listings without being told the platform, as their presets do', async () => {
    const q = await platformQuality();
    console.log('platform pages', q.expected, 'items', figures(q));
    expect(q.misses).toEqual([]);
    expect(figures(q)).toEqual({ recall: 100, precision: 100, titles: 100, dates: 100, images: 100 });
  });
});
