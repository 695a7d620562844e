import { Hono } from 'hono';
import type { Env } from '../env';
import type { FeedFormat } from '../serve/feed-doc';
import { parseFeedQuery } from '../serve/query';
import { paramErrorResponse, serveFeed } from '../serve/serve-feed';

const FORMATS: FeedFormat[] = ['rss', 'atom', 'json'];

/** Vietnamese title for a selection ("Tin chính quyền địa phương — bac-kan"). */
function titleFor(q: { provinces: string[]; districts: string[]; sources: string[] }): string {
  const parts = [...q.provinces.map((p) => `tỉnh ${p}`), ...q.districts.map((d) => `huyện ${d}`), ...q.sources.map((s) => `nguồn ${s}`)];
  return parts.length ? `bantin — ${parts.join(', ')}` : 'bantin — Tin chính quyền địa phương Việt Nam';
}

export const feeds = new Hono<{ Bindings: Env }>();

for (const format of FORMATS) {
  feeds.get(`/feed.${format}`, async (c) => {
    const url = new URL(c.req.url);
    const parsed = parseFeedQuery(url.searchParams);
    if (!parsed.ok) return paramErrorResponse(parsed.errors);
    return serveFeed({
      url,
      format,
      query: parsed.query,
      ifNoneMatch: c.req.header('If-None-Match') ?? null,
      title: titleFor(parsed.query),
      description: 'Tin tức tổng hợp từ cổng thông tin điện tử của tỉnh, huyện, xã (bantin).',
      homePath: '/',
      feedPath: (f) => `/feed.${f}`,
      getText: (key) => c.env.KV.get(key, 'text'),
    });
  });
}
