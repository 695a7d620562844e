import type { FC } from 'hono/jsx';
import { Options } from '../pages/options';
import type { Choice } from '../pages/region-choices';

export interface EmbedChoice {
  province: string;
  district: string;
  limit: number;
}

interface EmbedBuilderProps {
  origin: string;
  choice: EmbedChoice;
  provinces: { current: Choice[]; former: Choice[] };
  districts: Choice[];
}

/** The script tag a portal pastes: attributes hold slugs and a number only. */
export function embedSnippet(origin: string, c: EmbedChoice): string {
  return `<script src="${origin}/embed.js" data-province="${c.province}" data-district="${c.district}" data-limit="${c.limit}" async></script>`;
}


/** The snippet builder: a GET form, the snippet to copy, and the widget itself as a preview. */
export const EmbedBuilder: FC<EmbedBuilderProps> = ({ origin, choice, provinces, districts }) => (
  <>
    <h1>Nhúng tin vào trang của bạn</h1>
    <p class="lead">Chọn vùng và số tin, rồi chép đoạn mã vào trang. Danh sách tự cập nhật vài phút một lần; chữ hiển thị đúng như tin gốc, không chạy mã nào của tin.</p>
    <form class="filters" method="get" action="/embed">
      <label>
        Tỉnh, thành phố
        <select name="province">
          <option value="">Cả nước</option>
          <optgroup label="34 tỉnh, thành phố (từ 1/7/2025)">
            <Options choices={provinces.current} selected={choice.province} />
          </optgroup>
          <optgroup label="Tỉnh cũ (trước 1/7/2025)">
            <Options choices={provinces.former} selected={choice.province} />
          </optgroup>
        </select>
      </label>
      <label>
        Huyện (cũ)
        <select name="district" disabled={!districts.length}>
          <option value="">{choice.province ? (districts.length ? 'Tất cả' : 'Không có nguồn cấp huyện') : 'Chọn tỉnh trước'}</option>
          <Options choices={districts} selected={choice.district} />
        </select>
      </label>
      <label>
        Số tin
        <input type="number" name="limit" min={1} max={50} value={String(choice.limit)} />
      </label>
      <button type="submit">Tạo mã</button>
    </form>
    <h2>Đoạn mã</h2>
    <pre class="snippet">
      <code>{embedSnippet(origin, choice)}</code>
    </pre>
    <h2>Xem trước</h2>
    <div class="preview">
      {/* Not async here: hono/jsx would hoist an async script into <head>, away from this box. */}
      <script src="/embed.js" data-province={choice.province} data-district={choice.district} data-limit={String(choice.limit)}></script>
    </div>
  </>
);
