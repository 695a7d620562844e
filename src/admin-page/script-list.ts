/**
 * The admin page's script, last part: the list of sources with their health and actions (refresh
 * now, edit, disable, retire, delete with or without articles), and what starts the page.
 */
export const SCRIPT_LIST = `
async function loadSources() {
  var status = $('sources-status');
  var [defs, health] = await Promise.all([api('GET', '/admin/sources'), api('GET', '/admin/status')]);
  if (!defs.ok || !health.ok) { say(status, 'Không tải được danh sách nguồn (HTTP ' + (defs.ok ? health.status : defs.status) + ').', 'bad'); return; }
  catalog = (await defs.json()).sources;
  var views = (await health.json()).sources;
  $('source-count').textContent = String(views.length);
  var body = $('source-table').tBodies[0];
  clear(body);
  views.forEach(function (v) { body.appendChild(sourceRow(v)); });
  say(status, views.length ? '' : 'Chưa có nguồn nào: thêm nguồn đầu tiên ở trên.');
}

function button(text, className, onClick) {
  var b = el('button', className || null, text);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

function sourceRow(v) {
  var tr = el('tr');
  tr.dataset.id = v.id;
  var name = el('td');
  name.appendChild(el('strong', 'name', v.name));
  name.appendChild(el('span', 'id', v.id));
  var link = el('a', 'url', v.url);
  if (/^https?:/i.test(v.url)) { link.href = v.url; link.rel = 'noopener noreferrer'; link.target = '_blank'; }
  name.appendChild(link);
  tr.appendChild(name);
  tr.appendChild(el('td', null, v.region));
  tr.appendChild(el('td', 'status ' + v.status.kind, v.status.text));
  tr.appendChild(el('td', 'count', v.articleCount));
  tr.appendChild(el('td', null, vnTime(v.lastSuccess)));
  var failures = el('td', 'failures');
  var recent = v.recentFailures.slice().reverse();
  if (recent.length) {
    var list = el('ul');
    recent.forEach(function (f) { list.appendChild(el('li', null, vnTime(f.at) + ' · ' + f.code + (f.status ? ' ' + f.status : '') + ': ' + f.text)); });
    failures.appendChild(list);
  } else if (v.lastFailure) {
    failures.textContent = vnTime(v.lastFailure.at) + ' · ' + (v.lastFailure.code || '') + ': ' + v.lastFailure.text;
  } else {
    failures.textContent = '—';
  }
  tr.appendChild(failures);
  tr.appendChild(actionsCell(v));
  return tr;
}

function actionsCell(v) {
  var td = el('td');
  var actions = el('div', 'row-actions');
  var note = el('span', 'row-status');
  note.setAttribute('role', 'status');
  var active = v.enabled && !v.retired;
  var refreshNow = button('Làm mới', null, async function () {
    refreshNow.disabled = true;
    var summary = await refresh('?source=' + encodeURIComponent(v.id), 'Làm mới “' + v.name + '”');
    var r = summary && summary.sources[0];
    await loadSources();
    var row = document.querySelector('#source-table tr[data-id="' + CSS.escape(v.id) + '"] .row-status');
    if (row && r) say(row, r.outcome === 'failed' ? (failureText(r.code, r.status) || r.error) : 'Vừa lấy: ' + r.newArticles + ' bài mới.', r.outcome === 'failed' ? 'bad' : 'ok');
  });
  refreshNow.disabled = !active;
  if (!active) refreshNow.title = 'Nguồn đang tắt hoặc đã lưu trữ: bật lại trước khi làm mới.';
  actions.appendChild(refreshNow);
  actions.appendChild(button('Sửa', 'secondary', function () { edit(v.id); }));
  actions.appendChild(button(v.enabled ? 'Tắt' : 'Bật', 'secondary', function () { act(v, v.enabled ? 'disable' : 'enable', note); }));
  actions.appendChild(button(v.retired ? 'Thôi lưu trữ' : 'Lưu trữ', 'secondary', function () { act(v, v.retired ? 'unretire' : 'retire', note); }));
  actions.appendChild(button('Xóa…', 'danger', function () { confirmDelete(v, actions, note); }));
  td.appendChild(actions);
  td.appendChild(note);
  return td;
}

async function act(v, action, note) {
  var res = await api('POST', '/admin/sources/' + encodeURIComponent(v.id) + '/' + action);
  if (!res.ok) { say(note, refusalText(res.status, await json(res)), 'bad'); return; }
  await loadSources();
}

/** Deleting asks once more, and whether the source's articles go with it. */
function confirmDelete(v, actions, note) {
  show(actions, false);
  var ask = el('div', 'row-actions confirm');
  ask.appendChild(el('span', null, 'Xóa “' + v.name + '”?'));
  var done = function () { ask.remove(); show(actions, true); };
  ask.appendChild(button('Xóa cả ' + v.articleCount + ' bài', 'danger', function () { remove(v, false, note).then(done); }));
  ask.appendChild(button('Xóa nguồn, giữ bài', 'secondary', function () { remove(v, true, note).then(done); }));
  ask.appendChild(button('Thôi', 'secondary', done));
  actions.parentNode.insertBefore(ask, actions);
}

async function remove(v, keep, note) {
  var res = await api('DELETE', '/admin/sources/' + encodeURIComponent(v.id) + (keep ? '?articles=keep' : ''));
  var body = await json(res);
  if (!res.ok) { say(note, refusalText(res.status, body), 'bad'); return; }
  await loadSources();
  say($('sources-status'), keep
    ? 'Đã ngừng lấy tin “' + v.name + '”; các bài đã lấy được giữ lại (nguồn lưu trữ).'
    : 'Đã xóa nguồn “' + v.name + '” và ' + body.articles + ' bài của nó.', 'ok');
}

/** Failures of the API calls themselves (network, a 401 already handled) end up here, said in words. */
function guarded(task) {
  return function (event) {
    if (event) event.preventDefault();
    return Promise.resolve().then(task).catch(function (e) {
      if (e instanceof Unauthorized) return;
      say($('form-status'), 'Không kết nối được tới bantin: ' + (e && e.message ? e.message : e), 'bad');
    });
  };
}

async function start() {
  show($('login'), false);
  show($('app'), true);
  resetForm();
  await loadSources();
}

$('login-form').addEventListener('submit', guarded(async function () {
  var typed = $('token').value.trim();
  if (!typed) return;
  var problem = await signIn(typed);
  $('token').value = '';
  if (problem) { say($('login-error'), problem, 'bad'); show($('login-error'), true); return; }
  show($('login-error'), false);
  await start();
}));
$('logout').addEventListener('click', function () { signOut(''); });
$('source-form').addEventListener('submit', guarded(save));
$('preview-button').addEventListener('click', guarded(preview));
$('cancel-edit').addEventListener('click', function () { resetForm(); say($('form-status'), ''); });
$('refresh-all').addEventListener('click', guarded(async function () {
  $('refresh-all').disabled = true;
  try { await refresh('?all=1', 'Làm mới tất cả'); await loadSources(); } finally { $('refresh-all').disabled = false; }
}));
$('f-province').addEventListener('change', guarded(function () { return loadRegions($('f-province').value); }));
['f-url', 'f-kind'].forEach(function (id) { $(id).addEventListener('input', updateSaveButton); });

if (token()) guarded(start)(); else $('token').focus();
`;
