import type { FC } from 'hono/jsx';
import { communesOf, communeTitle, findCommune, type Commune, type CommuneKind } from '../regions';

/** Picking one of 3,321 communes without JavaScript: a GET form to /c, a datalist when the province is known. */
export const CommuneSearchForm: FC<{ province?: string; communes?: Commune[]; q?: string }> = ({ province, communes = [], q = '' }) => (
  <form class="filters commune-search" method="get" action="/c" role="search">
    {province ? <input type="hidden" name="province" value={province} /> : null}
    <label>
      Xã, phường, đặc khu (tên hoặc mã)
      <input type="search" name="q" value={q} maxlength={100} list={communes.length ? 'ds-xa' : undefined} placeholder="ví dụ: van lang hoặc 02143" autocomplete="off" />
    </label>
    {communes.length ? (
      <datalist id="ds-xa">
        {communes.map((c) => (
          <option value={`${c.name} (${c.code})`}>{communeTitle(c)}</option>
        ))}
      </datalist>
    ) : null}
    <button type="submit">Tìm xã</button>
  </form>
);

const KIND_HEADINGS: [CommuneKind, string][] = [
  ['phuong', 'Phường'],
  ['xa', 'Xã'],
  ['dac-khu', 'Đặc khu'],
];

/** Links to communes, "Văn Lang 02143", those with sources marked; grouped by kind when asked. */
export const CommuneLinks: FC<{ communes: Commune[]; withSources?: Set<string>; grouped?: boolean }> = ({ communes, withSources, grouped }) => {
  const list = (cs: Commune[]) => (
    <ul class="communes">
      {cs.map((c) => (
        <li class={withSources?.has(c.code) ? 'has-sources' : undefined}>
          <a href={`/c/${c.code}`}>{grouped ? c.name : communeTitle(c)}</a> <small>{c.code}</small>
          {withSources?.has(c.code) ? <small> · có nguồn tin</small> : null}
        </li>
      ))}
    </ul>
  );
  if (!grouped) return list(communes);
  return (
    <>
      {KIND_HEADINGS.map(([kind, heading]) => {
        const cs = communes.filter((c) => c.kind === kind);
        return cs.length ? (
          <section class="group">
            <h2>
              {heading} ({cs.length})
            </h2>
            {list(cs)}
          </section>
        ) : null;
      })}
    </>
  );
};

/** Codes of the communes of today that sources name, within a province of today when given. */
export function communesWithSources(regions: { province: string; commune?: string }[], province?: string): Set<string> {
  const codes = new Set<string>();
  for (const r of regions) {
    const c = r.commune ? findCommune(r.commune) : undefined;
    if (c && (!province || c.province === province)) codes.add(c.code);
  }
  return codes;
}

/** On a province page of today: its communes that have sources, and the way to any other. */
export const ProvinceCommunes: FC<{ province: string; withSources: Set<string> }> = ({ province, withSources }) => {
  const all = communesOf(province);
  const listed = all.filter((c) => withSources.has(c.code));
  return (
    <section class="province-communes">
      <h2>Tin theo xã, phường</h2>
      {listed.length ? <CommuneLinks communes={listed} withSources={withSources} /> : <p class="lead">Chưa có nguồn tin cấp xã nào của tỉnh này.</p>}
      <CommuneSearchForm province={province} communes={all} />
      <p class="feeds">
        <a href={`/c?province=${province}`}>Tất cả {all.length} xã, phường, đặc khu</a>
      </p>
    </section>
  );
};
