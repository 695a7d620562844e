import { FAILURE_SENTENCES, failureSentence } from '../pages/failure-text';

/** The sentence of an `http` failure for every status a portal may answer, so the page says each as /sources does. */
const HTTP_SENTENCES = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [300 + i, failureSentence('http', 300 + i)]));

/**
 * The admin page's script, first half: the token, calls to the admin API, times and failures in
 * words, and refreshes with their progress. Runs inside the one function of app.js (see assets.ts).
 *
 * The token typed in is checked against the API, kept in sessionStorage (this tab only) and sent
 * only as `Authorization: Bearer`: never in a URL, never in a cookie. Every text that comes from
 * a source (names, titles, errors) goes in through textContent.
 */
export const SCRIPT_CORE = `
var TOKEN_KEY = 'bantin-admin-token';
var FAILURES = ${JSON.stringify(FAILURE_SENTENCES)};
var HTTP_FAILURES = ${JSON.stringify(HTTP_SENTENCES)};
var HTTP_FAILURE = ${JSON.stringify(failureSentence('http'))};
var $ = function (id) { return document.getElementById(id); };

function el(tag, className, text) {
  var e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}
function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
function show(node, on) { node.hidden = !on; }
function say(node, text, kind) {
  node.textContent = text || '';
  node.classList.toggle('ok', kind === 'ok');
  node.classList.toggle('bad', kind === 'bad');
}

function pad(n) { return (n < 10 ? '0' : '') + n; }
/** Vietnam time (UTC+7 all year): "07/12/2026 12:05", or the day alone where the portal gave no time. */
function vnTime(iso, dateOnly) {
  if (!iso) return '—';
  var d = new Date(Date.parse(iso) + 7 * 3600 * 1000);
  if (isNaN(d.getTime())) return '—';
  var day = pad(d.getUTCDate()) + '/' + pad(d.getUTCMonth() + 1) + '/' + d.getUTCFullYear();
  return dateOnly ? day : day + ' ' + pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes());
}
function failureText(code, status) {
  if (code === 'http') return HTTP_FAILURES[status] || HTTP_FAILURE;
  return FAILURES[code] || null;
}

var FIELD_NAMES = { url: 'Địa chỉ', name: 'Tên nguồn', id: 'Mã nguồn', kind: 'Loại', 'region.province': 'Tỉnh', 'region.district': 'Huyện',
  'region.districtName': 'Tên huyện', 'region.commune': 'Xã, phường', intervalMinutes: 'Số phút giữa hai lần lấy tin', '(body)': 'Nội dung' };
/** An API refusal in words: what was wrong, field by field (the API's own detail kept after it). */
function refusalText(status, body) {
  var errors = (body && body.errors) || [];
  var lead = status === 409 ? 'Mã nguồn này đã có, hãy chọn mã khác.'
    : status === 404 ? 'Không còn nguồn này (có thể vừa bị xóa).'
    : status === 413 ? 'Nội dung gửi đi quá lớn.'
    : status >= 500 ? 'bantin gặp lỗi khi xử lý (HTTP ' + status + '), hãy thử lại.'
    : 'Thông tin chưa hợp lệ.';
  var details = errors.map(function (e) { return (FIELD_NAMES[e.field] || e.field) + ': ' + e.message; });
  return details.length ? lead + ' ' + details.join('; ') : lead;
}

function token() { return sessionStorage.getItem(TOKEN_KEY) || ''; }

function Unauthorized() {}

/** One call to the admin API, with the token in its header and nothing cached. */
async function api(method, path, body, accept) {
  var headers = { authorization: 'Bearer ' + token(), accept: accept || 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  var res = await fetch(path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer' });
  if (res.status === 401) {
    signOut('Mã quản trị không còn đúng (có thể đã được đổi): hãy nhập lại.');
    throw new Unauthorized();
  }
  return res;
}
async function json(res) { try { return await res.json(); } catch (e) { return null; } }

function signOut(why) {
  sessionStorage.removeItem(TOKEN_KEY);
  show($('app'), false);
  show($('login'), true);
  say($('login-error'), why || '', 'bad');
  show($('login-error'), Boolean(why));
  $('token').value = '';
  $('token').focus();
}

async function signIn(candidate) {
  sessionStorage.setItem(TOKEN_KEY, candidate);
  var res;
  try {
    res = await fetch('/admin/sources', { headers: { authorization: 'Bearer ' + candidate }, cache: 'no-store', credentials: 'omit' });
  } catch (e) {
    sessionStorage.removeItem(TOKEN_KEY);
    return 'Không kết nối được tới bantin, hãy thử lại.';
  }
  if (res.status === 401) {
    sessionStorage.removeItem(TOKEN_KEY);
    return 'Mã quản trị không đúng. Hãy kiểm tra lại ADMIN_TOKEN (chữ hoa, chữ thường khác nhau).';
  }
  if (!res.ok) {
    sessionStorage.removeItem(TOKEN_KEY);
    return 'bantin không trả lời được (HTTP ' + res.status + '), hãy thử lại.';
  }
  return null;
}

/** A refresh run through the API, its progress shown as it streams. Resolves to the summary, or null. */
async function refresh(query, label) {
  var bar = $('refresh-progress'), status = $('refresh-status'), log = $('refresh-log');
  clear(log);
  bar.value = 0;
  show(bar, true);
  say(status, label + ': đang bắt đầu…');
  var res = await api('POST', '/admin/refresh' + query, undefined, 'application/x-ndjson');
  if (!res.ok || !res.body) {
    show(bar, false);
    say(status, label + ': ' + refusalText(res.status, await json(res)), 'bad');
    return null;
  }
  var reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  var buffered = '', failed = 0, fresh = 0, summary = null;
  for (;;) {
    var chunk = await reader.read();
    if (chunk.done) break;
    buffered += chunk.value;
    var nl;
    while ((nl = buffered.indexOf('\\n')) >= 0) {
      var line = JSON.parse(buffered.slice(0, nl));
      buffered = buffered.slice(nl + 1);
      if (line.event === 'started') {
        bar.max = Math.max(line.sources, 1);
        say(status, label + ': 0/' + line.sources + ' nguồn…');
      } else if (line.event === 'source') {
        var r = line.report;
        bar.value = line.done;
        if (r.outcome === 'failed') failed++;
        fresh += r.newArticles || 0;
        say(status, label + ': ' + line.done + '/' + line.sources + ' nguồn · ' + failed + ' lỗi · ' + fresh + ' bài mới');
        var item = el('li', r.outcome === 'failed' ? 'bad' : null);
        item.textContent = r.outcome === 'failed'
          ? r.id + ': ' + (failureText(r.code, r.status) || r.error || 'lỗi')
          : r.outcome === 'deferred' ? r.id + ': để lần sau (hết thời gian hoặc lượt truy cập của lần này)'
          : r.id + ': ' + (r.newArticles || 0) + ' bài mới';
        log.appendChild(item);
      } else if (line.event === 'storing') {
        say(status, label + ': đang lưu bài và cập nhật các trang tin…');
      } else if (line.event === 'finished') {
        summary = line.summary;
      } else if (line.event === 'failed') {
        say(status, label + ': dừng giữa chừng (' + line.error + ').', 'bad');
      }
    }
  }
  show(bar, false);
  if (summary) {
    var bad = summary.sources.filter(function (s) { return s.outcome === 'failed'; }).length;
    var added = summary.sources.reduce(function (n, s) { return n + (s.newArticles || 0); }, 0);
    var secs = Math.round(summary.durationMs / 100) / 10;
    say(status, label + ': xong ' + summary.sources.length + ' nguồn, ' + bad + ' lỗi, ' + added + ' bài mới (' + secs + ' giây).' +
      (summary.error ? ' Lưu ý: ' + summary.error : ''), bad || summary.error ? 'bad' : 'ok');
  }
  return summary;
}
`;
