import type { FC } from 'hono/jsx';
import { communeTitle, type Commune, type CommuneKind } from '../regions';

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
