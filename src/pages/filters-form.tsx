import type { FC } from 'hono/jsx';
import { Options } from './options';
import type { Choice } from './region-choices';

interface FiltersProps {
  /** Where the GET form goes: "/" for region choices, a source page for its own search. */
  action: string;
  q: string;
  /** Region choices; absent on a source page (its search stays within the source). */
  region?: {
    provinces: { current: Choice[]; former: Choice[] };
    province: string;
    /** The chosen province's districts (empty until a province is chosen). */
    districts: Choice[];
    district: string;
  };
}


/**
 * Province, district and words, as a plain GET form: works without JavaScript. The district
 * list is the chosen province's, so it fills in after the first "Xem tin" with a province.
 */
export const FiltersForm: FC<FiltersProps> = ({ action, q, region }) => (
  <form class="filters" method="get" action={action} role="search">
    {region ? (
      <>
        <label>
          Tỉnh, thành phố
          <select name="province">
            <option value="">Cả nước</option>
            <optgroup label="34 tỉnh, thành phố (từ 1/7/2025)">
              <Options choices={region.provinces.current} selected={region.province} />
            </optgroup>
            <optgroup label="Tỉnh cũ (trước 1/7/2025)">
              <Options choices={region.provinces.former} selected={region.province} />
            </optgroup>
          </select>
        </label>
        <label>
          Huyện (cũ)
          <select name="district" disabled={!region.districts.length}>
            <option value="">{region.province ? (region.districts.length ? 'Tất cả' : 'Không có nguồn cấp huyện') : 'Chọn tỉnh trước'}</option>
            <Options choices={region.districts} selected={region.district} />
          </select>
        </label>
      </>
    ) : null}
    <label>
      Tìm trong tiêu đề, tóm tắt
      <input type="search" name="q" value={q} maxlength={200} placeholder="ví dụ: cho don" />
    </label>
    <button type="submit">Xem tin</button>
  </form>
);
