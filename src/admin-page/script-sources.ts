/**
 * The admin page's script, second half: adding a source (preview before saving), editing one, and
 * the list of sources with their health and actions. Runs after SCRIPT_CORE, in the same function.
 */
export const SCRIPT_SOURCES = `
var catalog = [];
var editing = null;
var previewed = null;

var PROBLEMS = {
  'no-articles': 'Không thấy bài nào có cả tiêu đề và liên kết.',
  'dates-estimated': 'Có bài không đọc được ngày đăng: sẽ lấy ngày bantin thấy bài.',
  'images-missing': 'Có bài không có ảnh.',
  'summaries-missing': 'Có bài không có tóm tắt.',
  'damaged-feed': 'Nguồn tin bị hỏng giữa chừng: chỉ đọc được các bài trước chỗ hỏng.',
  'feed-discovered': 'Trang có khai báo nguồn RSS: bantin đọc nguồn đó thay cho trang.'
};
var SEVERITY = { error: 'Lỗi', warning: 'Cảnh báo', info: 'Lưu ý' };
var WAYS = { selectors: 'theo bộ chọn đã đặt', remembered: 'theo cách đã nhớ', platform: 'theo mẫu của nền tảng', inferred: 'tự suy ra cấu trúc trang', feed: 'nguồn tin RSS/Atom/JSON' };

function formValue() {
  var region = { province: $('f-province').value };
  var district = $('f-district').value.trim(), districtName = $('f-district-name').value.trim(), commune = $('f-commune').value;
  if (district) region.district = district;
  if (district && districtName) region.districtName = districtName;
  if (commune) region.commune = commune;
  var old = editing && editing.region;
  if (old && old.commune === region.commune && old.communeName) region.communeName = old.communeName;
  var source = { id: $('f-id').value.trim(), name: $('f-name').value.trim(), url: $('f-url').value.trim(), kind: $('f-kind').value, region: region };
  var interval = $('f-interval').value;
  if (interval) source.intervalMinutes = Number(interval);
  return source;
}

/** Saving needs a preview of this very address and kind (an edit that keeps both needs none). */
function updateSaveButton() {
  var v = formValue();
  var same = editing && editing.url === v.url && editing.kind === v.kind;
  $('save-button').disabled = !(same || (previewed && previewed.url === v.url && previewed.kind === v.kind));
}

async function loadRegions(province, district, commune) {
  var communes = $('f-commune'), districts = $('f-districts');
  while (communes.options.length > 1) communes.remove(1);
  clear(districts);
  if (!province) return;
  var res = await api('GET', '/admin/regions/' + encodeURIComponent(province));
  if (!res.ok) return;
  var r = await res.json();
  r.communes.forEach(function (c) { communes.add(new Option(c.label, c.value, false, c.value === commune)); });
  r.districts.forEach(function (d) { var o = el('option'); o.value = d.value; o.label = d.label; districts.appendChild(o); });
  $('f-district').value = district || '';
}

function showPreview(p) {
  var box = $('preview');
  clear(box);
  show(box, true);
  box.appendChild(el('h3', null, 'Xem trước: bantin tìm thấy'));
  var reading = p.reading || {};
  var facts = el('p');
  facts.textContent = 'Nền tảng: ' + (reading.platform && reading.platform !== 'unknown' ? reading.platform : 'không nhận ra') +
    ' · Cách đọc: ' + (WAYS[reading.way] || reading.way || '—') + (p.format ? ' · Định dạng: ' + p.format : '') + ' · ' + p.articleCount + ' bài';
  box.appendChild(facts);
  if (reading.feed && reading.feed.followed && reading.feed.url) box.appendChild(el('p', null, 'Theo nguồn RSS của trang: ' + reading.feed.url));
  if (p.problems.length) {
    var problems = el('ul', 'problems');
    p.problems.forEach(function (pr) {
      var text = failureText(pr.code) || PROBLEMS[pr.code] || '';
      problems.appendChild(el('li', pr.severity, (SEVERITY[pr.severity] || pr.severity) + (pr.field ? ' (' + (FIELD_NAMES[pr.field] || pr.field) + ')' : '') + ': ' + (text ? text + ' — ' : '') + pr.message));
    });
    box.appendChild(problems);
  }
  if (p.articles.length) {
    var list = el('ol', 'preview-articles');
    p.articles.slice(0, 10).forEach(function (a) {
      var li = el('li');
      li.appendChild(el('span', 'title', a.title));
      li.appendChild(el('time', null, vnTime(a.published, a.dateOnly) + (a.dateEstimated ? ' (ước tính)' : '')));
      list.appendChild(li);
    });
    box.appendChild(list);
  }
}

async function preview() {
  var v = formValue();
  previewed = null;
  updateSaveButton();
  if (!v.url) { say($('form-status'), 'Hãy dán địa chỉ của cổng trước.', 'bad'); return; }
  say($('form-status'), 'Đang xem trước ' + v.url + '…');
  // An edited source is previewed with how it is read today (preset, selectors, article pages).
  var definition = { url: v.url, kind: v.kind };
  if (editing) ['preset', 'selectors', 'dateOrder', 'enrich', 'fullText'].forEach(function (k) { if (editing[k] !== undefined) definition[k] = editing[k]; });
  var res = await api('POST', '/admin/sources/preview', definition);
  var body = await json(res);
  if (!res.ok) { show($('preview'), false); say($('form-status'), refusalText(res.status, body), 'bad'); return; }
  showPreview(body);
  var failed = body.problems.some(function (p) { return p.severity === 'error'; });
  say($('form-status'), failed ? 'Chưa đọc được bài nào từ địa chỉ này: xem lỗi bên dưới. Vẫn có thể lưu nếu cổng chỉ tạm lỗi.'
    : 'Đọc được ' + body.articleCount + ' bài. Kiểm tra rồi bấm “Lưu nguồn”.', failed ? 'bad' : 'ok');
  previewed = { url: v.url, kind: v.kind };
  updateSaveButton();
}

async function save() {
  var v = formValue();
  var res = editing ? await api('PATCH', '/admin/sources/' + encodeURIComponent(editing.id), patchOf(editing, v)) : await api('POST', '/admin/sources', v);
  var body = await json(res);
  if (!res.ok) { say($('form-status'), 'Không lưu được. ' + refusalText(res.status, body), 'bad'); return; }
  var saved = body.source;
  resetForm();
  say($('form-status'), 'Đã lưu nguồn “' + saved.name + '” (' + saved.id + '). Bấm “Làm mới” ở dòng của nó để lấy tin ngay.', 'ok');
  await loadSources();
}

/** The fields an edit changed (intervalMinutes left empty keeps the source's own). */
function patchOf(before, after) {
  var patch = {};
  ['name', 'url', 'kind', 'intervalMinutes'].forEach(function (k) { if (after[k] !== undefined && after[k] !== before[k]) patch[k] = after[k]; });
  if (JSON.stringify(after.region) !== JSON.stringify(before.region)) patch.region = after.region;
  return patch;
}

function resetForm() {
  editing = null;
  previewed = null;
  $('source-form').reset();
  $('f-id').readOnly = false;
  $('form-title').textContent = 'Thêm nguồn tin';
  $('save-button').textContent = 'Lưu nguồn';
  show($('cancel-edit'), false);
  show($('preview'), false);
  loadRegions('');
  updateSaveButton();
}

async function edit(id) {
  var s = catalog.find(function (x) { return x.id === id; });
  if (!s) return;
  resetForm();
  editing = s;
  $('f-url').value = s.url; $('f-name').value = s.name; $('f-id').value = s.id; $('f-id').readOnly = true;
  $('f-kind').value = s.kind; $('f-interval').value = s.intervalMinutes || '';
  $('f-province').value = s.region.province;
  $('f-district-name').value = s.region.districtName || '';
  $('form-title').textContent = 'Sửa nguồn “' + s.name + '”';
  $('save-button').textContent = 'Lưu thay đổi';
  show($('cancel-edit'), true);
  await loadRegions(s.region.province, s.region.district, s.region.commune);
  updateSaveButton();
  $('editor').scrollIntoView();
}
`;
