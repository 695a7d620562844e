import { Hono, type Context } from 'hono';
import type { Env } from '../env';
import { districtTitle, findCommune, findProvince, provinceTitle } from '../regions';
import { answerQuery } from '../serve/answer-query';
import { MEDIA_TYPES, type FeedFormat } from '../serve/feed-doc';
import { notModified } from '../serve/http-cache';
import { parseFeedQuery, type FeedQuery } from '../serve/query';
import { SITE_DESCRIPTION, SITE_TITLE, selectionTitle } from '../serve/titles';
import { readCatalog } from '../store/catalog';
import { countingStore } from '../store/kv';
import { readStateVersioned } from '../store/state';
import { regionNames } from './region-names';
import { badQueryPage, missingScopePage, unknownCommunePage } from './missing-page';
import { missingScope } from './unknown-scope';
import { ArticleList } from '../pages/article-list';
import { communesWithSources, ProvinceCommunes } from '../pages/commune-list';
import { vnRelative } from '../pages/dates';
import { FEED_LABELS, FeedLinks } from '../pages/feed-links';
import { FiltersForm } from '../pages/filters-form';
import { Layout, type Alternate } from '../pages/layout';
import { Pager } from '../pages/pager';
import { districtChoices, provinceChoices, type Choice } from '../pages/region-choices';
import { htmlResponse, PAGE_CACHE, PAGE_ETAG_PARTS, pageEtag } from '../pages/respond';
import { hostOf, httpUrl } from '../pages/safe-url';
import { sourceGroups } from '../pages/source-rows';
import { SourceTable } from '../pages/source-table';
import { PAGE_JS, PAGE_JS_VERSION } from '../pages/page-script';
import { STYLE_CSS, STYLE_VERSION } from '../pages/style';
import { versionedAsset } from './versioned-asset';
import { capitalize } from '../vietnamese';
import { withoutUserinfo } from '../normalize/url';

export const pages = new Hono<{ Bindings: Env }>();
type Ctx = Context<{ Bindings: Env }>;

/** Articles per page unless the query says `limit`. */
export const PAGE_LIMIT = 20;
const FORMATS: FeedFormat[] = ['rss', 'atom', 'json'];
const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*';

/** What a page's route fixes, beyond its query string. */
interface PageScope {
  /** The page's own path: its pager and search stay on it. */
  path: string;
  province?: string;
  district?: string;
  /** A commune of today, by code. */
  commune?: string;
  source?: string;
}


/** The query string without empty values (what a GET form sends for untouched fields) and without some names. */
function cleanParams(params: URLSearchParams, drop: string[]): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of params) if (v.trim() && !drop.includes(k)) out.append(k, v);
  return out;
}

const withParams = (path: string, params: URLSearchParams) => (params.size ? `${path}?${params}` : path);

/** The one province and district on screen, from the route or the query ("district=bac-kan/cho-don" names both). */
function chosenRegion(query: FeedQuery): { province: string; district: string } {
  const d = query.districts[0];
  return { province: query.provinces[0] ?? d?.province ?? '', district: d?.district ?? '' };
}

/**
 * The feeds of what is on screen: the readable route when the page shows one province, district
 * or source (/p/thai-nguyen/feed.rss?q=…), else the combined feed with the same parameters.
 */
function feedLinks(origin: string, params: URLSearchParams, query: FeedQuery): Record<FeedFormat, string> {
  const region = chosenRegion(query);
  const single = query.provinces.length <= 1 && query.districts.length <= 1;
  let base: (f: FeedFormat) => string;
  let drop = ['cursor'];
  if (query.sources.length === 1 && !query.provinces.length && !query.districts.length) {
    base = (f) => `/s/${query.sources[0]}/feed.${f}`;
    drop = [...drop, 'source'];
  } else if (query.communes.length === 1 && !query.sources.length) {
    base = (f) => `/c/${query.communes[0]}/feed.${f}`;
    drop = [...drop, 'commune', 'province', 'district'];
  } else if (!query.sources.length && single && region.province) {
    const path = region.district ? `/p/${region.province}/${region.district}` : `/p/${region.province}`;
    base = (f) => `${path}/feed.${f}`;
    drop = [...drop, 'province', 'district'];
  } else {
    base = (f) => `/feed.${f}`;
  }
  const rest = cleanParams(params, drop);
  return Object.fromEntries(FORMATS.map((f) => [f, `${origin}${withParams(base(f), rest)}`])) as Record<FeedFormat, string>;
}

/** A sentence under a region's title saying what the 2025 map changed for it. */
function regionNote(province: string): string | null {
  const info = findProvince(province);
  if (!info) return null;
  if (!info.current) {
    const today = provinceTitle(info.mergedInto);
    return `Từ 1/7/2025, ${provinceTitle(province).replace(/ \(cũ.*$/, '')} ${info.change === 'renamed' ? 'là' : 'thuộc'} ${today}. Trang này gồm tin của các nguồn đăng dưới tên cũ.`;
  }
  if (info.formerProvinces.length) {
    return `Gồm cả tin của ${info.formerProvinces.map((p) => provinceTitle(p).replace(/ \(cũ.*$/, ' (cũ)')).join(', ')}, đã nhập vào ${provinceTitle(province)} từ 1/7/2025.`;
  }
  return null;
}


/** Why a page without a search has no article, and where to look. */
const NothingYet = () => (
  <>
    Chưa có bài nào: bantin chưa lấy được tin từ nguồn nào của trang này. Có thể lần cập nhật đầu tiên chưa chạy (tin được lấy
    mỗi 15 phút), hoặc các nguồn đang lỗi. <a href="/sources">Xem tình trạng các nguồn tin</a>.
  </>
);

/** `/`, `/p/<province>`, `/p/<province>/<district>`, `/s/<source>`: one page of articles with filters, feeds and paging. */
async function articlesPage(c: Ctx, scope: PageScope): Promise<Response> {
  const url = new URL(c.req.url);
  const params = url.searchParams;
  const parsed = parseFeedQuery(params);
  if (!parsed.ok) return badQueryPage(parsed.errors);
  let query: FeedQuery = { ...parsed.query, limit: params.has('limit') ? parsed.query.limit : PAGE_LIMIT };
  if (scope.source) query = { ...query, sources: [scope.source], dedupe: false };
  if (scope.province) query = { ...query, provinces: [scope.province] };
  if (scope.province && scope.district) query = { ...query, districts: [{ province: scope.province, district: scope.district }] };
  if (scope.commune) query = { ...query, provinces: [], districts: [], communes: [scope.commune] };

  const region = chosenRegion(query);
  const store = countingStore(c.env.KV);
  const catalogRead = region.province || query.sources.length ? await readCatalog(store) : null;
  const catalog = catalogRead ? catalogRead.sources() : null;
  const districts: Choice[] = region.province && catalog ? districtChoices(catalog.map((s) => s.region), region.province) : [];
  // A district left over from another province (the form kept it) would show nothing: drop it.
  // One that no source of any province has is a typo, answered below with a 404.
  const elsewhere = (d: string) => catalog?.some((s) => s.region.district === d);
  if (!scope.district && region.district && !districts.some((d) => d.value === region.district) && elsewhere(region.district)) {
    query = { ...query, districts: [] };
    region.district = '';
  }

  const answer = await answerQuery({
    query,
    store,
    ifNoneMatch: c.req.header('If-None-Match'),
    now: new Date(),
    etagParts: [...PAGE_ETAG_PARTS, 'articles', catalogRead?.version ?? '', url.pathname, url.search],
    cache: PAGE_CACHE,
  });
  if (answer.kind === 'bad-request') return badQueryPage(answer.errors);
  if (answer.kind === 'not-modified') return answer.response;
  const { items, next, total, selected, etag } = answer;

  const source = scope.source ? selected[0]?.source ?? catalog?.find((s) => s.id === scope.source) : undefined;
  if (!selected.length && catalog) {
    const missing = missingScope(catalog, query);
    if (missing) return missingScopePage(missing);
  }

  const names = regionNames(selected, catalog);
  const title = selectionTitle(query, names);
  const heading = title === SITE_TITLE ? 'Tin mới nhất' : title.replace(/ — bantin$/, '');
  const feeds = feedLinks(url.origin, params, query);
  const alternates: Alternate[] = FORMATS.map((f) => ({ type: MEDIA_TYPES[f].split(';')[0], title: `${heading} (${FEED_LABELS[f]})`, href: feeds[f] }));
  const kept = cleanParams(params, ['cursor']);
  const nextParams = new URLSearchParams(kept);
  if (next) nextParams.set('cursor', next);
  const q = params.get('q')?.trim() ?? '';
  const portal = source ? httpUrl(withoutUserinfo(source.url)) : undefined;
  const note = region.province && !region.district && !scope.source ? regionNote(region.province) : null;
  const commune = scope.commune ? findCommune(scope.commune) : undefined;
  // A province page of today lists its communes with sources and leads to any other.
  const provinceOfToday = region.province && !region.district && !scope.source && findProvince(region.province)?.current ? region.province : '';

  return htmlResponse(
    <Layout title={title} description={SITE_DESCRIPTION} alternates={alternates} nav={scope.path === '/' ? 'home' : undefined}>
      <h1>{capitalize(heading)}</h1>
      {note ? <p class="lead">{note}</p> : null}
      {commune ? (
        <p class="lead">
          {`Mã ${commune.code} · `}
          <a href={`/p/${commune.province}`}>{capitalize(provinceTitle(commune.province))}</a>
          {' · '}
          <a href={`/c?province=${commune.province}`}>Các xã, phường khác</a>
        </p>
      ) : null}
      {source ? (
        <p class="lead">
          {capitalize(source.region.district ? `${districtTitle(source.region.district, { name: source.region.districtName })}, ${provinceTitle(source.region.province)}` : provinceTitle(source.region.province))}
          {portal ? (
            <>
              {' · Trang gốc: '}
              <a href={portal} rel="nofollow noopener">
                {hostOf(portal)}
              </a>
            </>
          ) : null}
          {' · '}
          <a href={`/sources#nguon-${source.id}`}>Tình trạng nguồn</a>
        </p>
      ) : null}
      <FiltersForm
        action={scope.source || commune ? scope.path : '/'}
        q={q}
        region={scope.source || commune ? undefined : { provinces: provinceChoices(), province: region.province, districts, district: region.district }}
      />
      <FeedLinks links={feeds} />
      {q && total ? <p class="search-count">{`Kết quả tìm “${q}”: ${total} bài khớp.`}</p> : null}
      <ArticleList items={items} empty={q ? `Không có bài nào khớp với “${q}”.` : <NothingYet />} />
      <Pager nextHref={next ? withParams(scope.path, nextParams) : undefined} firstHref={query.cursor ? withParams(scope.path, kept) : undefined} />
      {provinceOfToday && catalog ? <ProvinceCommunes province={provinceOfToday} withSources={communesWithSources(catalog.map((s) => s.region), provinceOfToday)} /> : null}
    </Layout>,
    { etag },
  );
}

pages.get('/', (c) => articlesPage(c, { path: '/' }));
pages.get(`/p/:province{${SLUG}}`, (c) => {
  const province = c.req.param('province');
  return articlesPage(c, { path: `/p/${province}`, province });
});
pages.get(`/p/:province{${SLUG}}/:district{${SLUG}}`, (c) => {
  const { province, district } = c.req.param();
  return articlesPage(c, { path: `/p/${province}/${district}`, province, district });
});
pages.get('/c/:code{[0-9]{5}}', (c) => {
  const code = c.req.param('code');
  if (!findCommune(code)) return unknownCommunePage(code);
  return articlesPage(c, { path: `/c/${code}`, commune: code });
});
pages.get(`/s/:source{${SLUG}}`, (c) => {
  const source = c.req.param('source');
  return articlesPage(c, { path: `/s/${source}`, source });
});

const SOURCES_CACHE = 'public, max-age=60';

/** Every source's health, for people: grouped by province, statuses in words, times relative and exact. */
pages.get('/sources', async (c) => {
  const store = countingStore(c.env.KV);
  const [catalog, stateRead] = await Promise.all([readCatalog(store), readStateVersioned(store)]);
  const now = new Date();
  // "2 giờ trước" moves with the clock: a minute's ETag.
  const etag = pageEtag('sources', catalog.version, stateRead.version, Math.floor(now.getTime() / 60_000));
  const unchanged = notModified(c.req.header('If-None-Match'), etag, SOURCES_CACHE);
  if (unchanged) return unchanged;

  const state = stateRead.state();
  const groups = sourceGroups(catalog.sources(), state);
  const rows = groups.flatMap((g) => g.rows);
  const count = (kind: string) => rows.filter((r) => r.status.kind === kind).length;
  const lastRun = state?.lastRun?.at;
  return htmlResponse(
    <Layout title="Nguồn tin và tình trạng — bantin" nav="sources" wide description="Mọi cổng thông tin bantin đọc tin, lần cuối lấy được tin và lỗi nếu có.">
      <h1>Nguồn tin và tình trạng</h1>
      <p class="lead">
        {rows.length} nguồn: {count('ok')} hoạt động, {count('failing')} đang lỗi, {rows.filter((r) => r.status.unverified).length} chưa kiểm chứng, {count('retired')} đã ngừng, {count('disabled')} tắt.{' '}
        {lastRun ? `Lần cập nhật gần nhất ${vnRelative(lastRun, now)}.` : 'Chưa cập nhật lần nào.'}
      </p>
      <p class="feeds">
        Theo dõi tất cả trong trình đọc tin:<a href="/sources.opml">OPML (theo tỉnh)</a>
      </p>
      <SourceTable groups={groups} now={now} />
    </Layout>,
    { etag, cacheControl: SOURCES_CACHE },
  );
});

pages.get('/page.js', versionedAsset(PAGE_JS, 'application/javascript; charset=utf-8', PAGE_JS_VERSION));
pages.get('/style.css', versionedAsset(STYLE_CSS, 'text/css; charset=utf-8', STYLE_VERSION));
