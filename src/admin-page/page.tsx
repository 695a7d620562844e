import { Options } from '../pages/options';
import { provinceChoices } from '../pages/region-choices';
import { STYLE_VERSION } from '../pages/style';
import { ADMIN_ASSET_VERSION } from './assets';

/**
 * The admin page: public markup with nothing secret in it. Everything it shows comes from the
 * token-protected JSON API, called by /admin/app.js with the token the operator typed (kept in
 * sessionStorage, sent only in the Authorization header). No inline script or style. The token
 * field has no name, and forms may post nowhere (CSP form-action 'none'): without the script,
 * the token can never end up in a URL.
 */
export const AdminPage = () => {
  const provinces = provinceChoices();
  return (
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>Quản trị nguồn tin — bantin</title>
        <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
        <link rel="stylesheet" href={`/style.css?v=${STYLE_VERSION}`} />
        <link rel="stylesheet" href={`/admin/app.css?v=${ADMIN_ASSET_VERSION}`} />
        <script src={`/admin/app.js?v=${ADMIN_ASSET_VERSION}`} defer></script>
      </head>
      <body class="wide">
        <header class="site">
          <div class="wrap">
            <a class="brand" href="/">
              bantin<small>Quản trị</small>
            </a>
            <nav aria-label="Trang">
              <a href="/sources">Tình trạng nguồn tin</a>
            </nav>
          </div>
        </header>
        <main class="wrap admin">
          <h1>Quản trị nguồn tin</h1>
          <noscript>
            <p class="error">Trang quản trị cần JavaScript.</p>
          </noscript>

          <section id="login">
            <form id="login-form" class="panel" autocomplete="off">
              <label>
                Mã quản trị (ADMIN_TOKEN)
                <input id="token" type="password" autocomplete="off" required />
              </label>
              <button type="submit">Đăng nhập</button>
            </form>
            <p id="login-error" class="error" role="alert" hidden></p>
            <p class="hint">Mã chỉ được giữ trong thẻ trình duyệt này (mất khi đóng thẻ) và chỉ được gửi kèm yêu cầu tới bantin, không bao giờ nằm trong địa chỉ trang.</p>
          </section>

          <div id="app" hidden>
            <p class="bar">
              <span>Đã đăng nhập.</span> <button type="button" id="logout" class="secondary">Đăng xuất</button>
            </p>

            <section id="editor" class="panel">
              <h2 id="form-title">Thêm nguồn tin</h2>
              <form id="source-form" autocomplete="off">
                <label class="span2">
                  Địa chỉ trang tin hoặc nguồn RSS của cổng
                  <input id="f-url" type="url" required placeholder="https://chodon.backan.gov.vn/tin-tuc" />
                </label>
                <label>
                  Tên nguồn
                  <input id="f-name" required maxlength={200} placeholder="Cổng TTĐT huyện Chợ Đồn" />
                </label>
                <label>
                  Mã nguồn (chữ thường, không dấu)
                  <input id="f-id" required pattern="[a-z0-9]+(-[a-z0-9]+)*" placeholder="cho-don" />
                </label>
                <label>
                  Tỉnh, thành phố
                  <select id="f-province" required>
                    <option value="">— Chọn tỉnh —</option>
                    <optgroup label="Từ 1/7/2025">
                      <Options choices={provinces.current} selected="" />
                    </optgroup>
                    <optgroup label="Tỉnh cũ (trước 1/7/2025)">
                      <Options choices={provinces.former} selected="" />
                    </optgroup>
                  </select>
                </label>
                <label>
                  Xã, phường (không bắt buộc)
                  <select id="f-commune">
                    <option value="">— Cả tỉnh —</option>
                  </select>
                </label>
                <label>
                  Huyện cũ (mã, không bắt buộc)
                  <input id="f-district" list="f-districts" pattern="[a-z0-9]+(-[a-z0-9]+)*" placeholder="cho-don" />
                  <datalist id="f-districts"></datalist>
                </label>
                <label>
                  Tên huyện (không bắt buộc)
                  <input id="f-district-name" maxlength={100} placeholder="huyện Chợ Đồn" />
                </label>
                <label>
                  Loại
                  <select id="f-kind">
                    <option value="auto">Tự nhận biết</option>
                    <option value="feed">Nguồn tin RSS/Atom/JSON</option>
                    <option value="html">Trang HTML</option>
                  </select>
                </label>
                <label>
                  Lấy tin mỗi (phút)
                  <input id="f-interval" type="number" min={5} max={10080} step={1} placeholder="30" />
                </label>
                <div class="actions span2">
                  <button type="button" id="preview-button">Xem trước</button>
                  <button type="submit" id="save-button" disabled>
                    Lưu nguồn
                  </button>
                  <button type="button" id="cancel-edit" class="secondary" hidden>
                    Thôi sửa
                  </button>
                </div>
              </form>
              <p id="form-status" role="status"></p>
              <div id="preview" hidden></div>
            </section>

            <section id="refresh" class="panel">
              <h2>Làm mới</h2>
              <p>
                <button type="button" id="refresh-all">Làm mới tất cả nguồn ngay</button>
              </p>
              <progress id="refresh-progress" max={1} value={0} hidden></progress>
              <p id="refresh-status" role="status"></p>
              <ul id="refresh-log" class="log"></ul>
            </section>

            <section id="sources">
              <h2>
                Nguồn tin (<span id="source-count">0</span>)
              </h2>
              <p id="sources-status" role="status"></p>
              <div class="table-scroll">
                <table id="source-table">
                  <thead>
                    <tr>
                      <th>Nguồn</th>
                      <th>Khu vực</th>
                      <th>Tình trạng</th>
                      <th>Bài</th>
                      <th>Lấy được lần cuối</th>
                      <th>Lỗi gần đây</th>
                      <th>Thao tác</th>
                    </tr>
                  </thead>
                  <tbody></tbody>
                </table>
              </div>
            </section>
          </div>
        </main>
      </body>
    </html>
  );
};
