import { Hono } from 'hono';
import type { Env } from '../env';
import { capitalize } from '../vietnamese';
import { communesOf, currentProvinceSlugs, findCommune, findProvince, nearestCommunes, provinceTitle, searchCommunes } from '../regions';
import { CommuneLinks, CommuneSearchForm, communesWithSources } from '../pages/commune-list';
import { Layout } from '../pages/layout';
import { htmlResponse } from '../pages/respond';
import { readCatalog } from '../store/catalog';
import { countingStore } from '../store/kv';
import { ErrorPage } from '../pages/error-page';

/**
 * `/c`: finding one of the 3,321 communes of today without JavaScript. With `q` (a name without
 * diacritics, or a code) it goes to the one commune that matches, lists several, or answers 404
 * with the nearest; with only `province` it lists that province's communes; bare, the provinces.
 */
export const communes = new Hono<{ Bindings: Env }>();

const CACHE = 'public, max-age=300';

communes.get('/c', async (c) => {
  const province = c.req.query('province')?.trim() ?? '';
  const q = (c.req.query('q') ?? '').trim().slice(0, 100);
  if (province && !findProvince(province)?.current) {
    const known = currentProvinceSlugs().join(', ');
    return htmlResponse(<ErrorPage title="Không có tỉnh, thành phố này" messages={[`Không có tỉnh, thành phố "${province}" (từ 1/7/2025). Có: ${known}.`]} />, { status: 404 });
  }
  const region = province ? capitalize(provinceTitle(province)) : 'Cả nước';

  if (q) {
    // "Văn Lang (02143)", as the datalist offers it, or a bare code.
    const code = /\b(\d{5})\b/.exec(q)?.[1];
    const found = code ? [findCommune(code)].filter((x) => x !== undefined) : searchCommunes(q.replace(/-/g, ' '), province || undefined);
    if (found.length === 1 && (!province || found[0].province === province)) return c.redirect(`/c/${found[0].code}`, 302);
    const near = found.length ? found : nearestCommunes(code ?? q, province || undefined, 5);
    return htmlResponse(
      <Layout title={`Tìm xã, phường “${q}” — bantin`}>
        <h1>{found.length ? `${found.length} xã, phường khớp với “${q}”` : `Không có xã, phường nào khớp với “${q}”`}</h1>
        <p class="lead">{region}</p>
        <CommuneSearchForm province={province || undefined} communes={province ? communesOf(province) : []} q={q} />
        {found.length ? null : <h2>Gần nhất</h2>}
        <CommuneLinks communes={near} />
      </Layout>,
      { status: found.length ? 200 : 404, cacheControl: CACHE },
    );
  }

  if (province) {
    const catalog = (await readCatalog(countingStore(c.env.KV))).sources();
    const all = communesOf(province);
    return htmlResponse(
      <Layout title={`Xã, phường của ${provinceTitle(province)} — bantin`}>
        <h1>{`Xã, phường, đặc khu của ${provinceTitle(province)}`}</h1>
        <p class="lead">
          {all.length} đơn vị cấp xã từ 1/7/2025 · <a href={`/p/${province}`}>Tin {provinceTitle(province)}</a>
        </p>
        <CommuneSearchForm province={province} communes={all} />
        <CommuneLinks communes={all} withSources={communesWithSources(catalog.map((s) => s.region), province)} grouped />
      </Layout>,
      { cacheControl: CACHE },
    );
  }

  return htmlResponse(
    <Layout title="Xã, phường theo tỉnh — bantin">
      <h1>Tìm tin theo xã, phường</h1>
      <CommuneSearchForm />
      <h2>Chọn tỉnh, thành phố</h2>
      <ul class="communes">
        {currentProvinceSlugs().map((p) => (
          <li>
            <a href={`/c?province=${p}`}>{capitalize(provinceTitle(p))}</a> <small>{communesOf(p).length}</small>
          </li>
        ))}
      </ul>
    </Layout>,
    { cacheControl: CACHE },
  );
});

/** A commune named by slug in a path (/c/van-lang): the commune when unique, else the candidates. */
communes.get('/c/:name{[a-z0-9]+(?:-[a-z0-9]+)*}', (c) => {
  const name = c.req.param('name');
  return c.redirect(`/c?q=${encodeURIComponent(name.replace(/-/g, ' '))}`, 302);
});

