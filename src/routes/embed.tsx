import { Hono } from 'hono';
import { WIDGET_JS } from '../widget/script';
import type { Env } from '../env';
import { findProvince } from '../regions';
import { EmbedBuilder, type EmbedChoice } from '../widget/builder';
import { Layout } from '../pages/layout';
import { districtChoices, provinceChoices } from '../pages/region-choices';
import { htmlResponse, PAGE_CACHE, pageEtag } from '../pages/respond';
import { etagOf, notModified } from '../serve/http-cache';
import { readCatalog } from '../store/catalog';
import { countingStore } from '../store/kv';

export const embed = new Hono<{ Bindings: Env }>();

const WIDGET_ETAG = etagOf([WIDGET_JS]);
// Unversioned URL pasted into other sites: an hour fresh, revalidated by ETag after.
const WIDGET_CACHE = 'public, max-age=3600, stale-while-revalidate=86400';

embed.get('/embed.js', (c) => {
  const headers = { ETag: WIDGET_ETAG, 'Cache-Control': WIDGET_CACHE };
  const unchanged = notModified(c.req.header('If-None-Match'), WIDGET_ETAG, WIDGET_CACHE);
  if (unchanged) return unchanged;
  return new Response(WIDGET_JS, { headers: { ...headers, 'Content-Type': 'application/javascript; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
});

/** The snippet builder: unknown or malformed choices fall back to the defaults rather than fail. */
embed.get('/embed', async (c) => {
  const url = new URL(c.req.url);
  const province = c.req.query('province') ?? '';
  const known = findProvince(province) ? province : '';
  const catalog = known ? await readCatalog(countingStore(c.env.KV)) : null;
  const etag = pageEtag('embed', catalog?.version ?? '', url.origin, url.search);
  const unchanged = notModified(c.req.header('If-None-Match'), etag, PAGE_CACHE);
  if (unchanged) return unchanged;

  const districts = catalog ? districtChoices(catalog.sources().map((s) => s.region), known) : [];
  const district = c.req.query('district') ?? '';
  const limit = Number(c.req.query('limit'));
  const choice: EmbedChoice = {
    province: known,
    district: districts.some((d) => d.value === district) ? district : '',
    limit: Number.isInteger(limit) && limit >= 1 && limit <= 50 ? limit : 10,
  };
  return htmlResponse(
    <Layout title="Nhúng tin vào trang — bantin" nav="embed" description="Tạo đoạn mã nhúng danh sách tin mới của một tỉnh, huyện vào trang web.">
      <EmbedBuilder origin={url.origin} choice={choice} provinces={provinceChoices()} districts={districts} />
    </Layout>,
    { etag },
  );
});
