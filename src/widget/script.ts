/**
 * The embeddable widget, served as /embed.js. Plain ES2017 for any browser a portal's
 * visitors use, kept as text here (the Worker serves it; the browser test runs it).
 *
 * Rules it keeps: every text goes in through textContent (never innerHTML), a link is made
 * only for an http(s) URL, styles live in its own shadow root (adopted stylesheet, so a host
 * page's Content-Security-Policy without 'unsafe-inline' still lets it style itself), and it
 * finds bantin's address from its own <script src>. It polls the JSON feed with If-None-Match.
 * Article images come through bantin's image route (/img?u=), framed with a neutral placeholder
 * that stays when an image fails. Wrong attributes are said in the box in Vietnamese (and their
 * machine code logged to the console), and never retried: only a network failure or a 5xx is
 * retried, after 5 s, then twice as long each time up to the poll interval. A single source,
 * district or commune is asked by its own feed's path, which answers 404 naming what exists.
 *
 * Attributes on the script tag: data-province, data-district, data-commune (a GSO code), data-source, data-q,
 * data-limit (1–50, default 10), data-refresh (seconds between polls, at least 10, default 300).
 */
export const WIDGET_JS = `/* bantin: tin mới của chính quyền địa phương. */
(function () {
  'use strict';
  var HTTP = /^https?:\\/\\//i;
  var DAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
  var CSS = ':host{all:initial;display:block;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1f24}' +
    '.box{border:1px solid #dde1e6;border-radius:8px;background:#fff;padding:10px 12px;max-width:100%;box-sizing:border-box}' +
    '.head{margin:0 0 6px;font-weight:700;font-size:16px}' +
    'a{color:#0b57a4;text-decoration:none}a:hover{text-decoration:underline}' +
    '.list{list-style:none;margin:0;padding:0}' +
    '.item{display:flex;gap:8px;padding:6px 0;border-top:1px solid #eef0f3}.item:first-child{border-top:0}' +
    '.text{flex:1;min-width:0}' +
    '.frame{flex:none;width:64px;height:48px;border-radius:4px;overflow:hidden;background:#e9ecef}' +
    '.frame img,.icon img{display:block;width:100%;height:100%;object-fit:cover}.frame img.broken,.icon img.broken{visibility:hidden}' +
    '.icon{display:inline-block;width:14px;height:14px;vertical-align:-2px;margin-right:4px;border-radius:2px;overflow:hidden;background:#dde1e6}' +
    '.title{display:block;font-weight:600;overflow-wrap:anywhere}' +
    '.meta{display:block;font-size:13px;color:#5b6573}' +
    '.status{margin:6px 0 0;font-size:13px;color:#5b6573}.status:empty{display:none}' +
    '.wrong{color:#a11d1d}' +
    '.foot{display:block;margin-top:6px;font-size:12px;color:#5b6573;text-align:right}';

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  // Vietnam keeps UTC+7 all year: "Thứ Sáu, 27/11/2026 10:00", without the time when the portal gave none.
  function vnDate(iso, dateOnly) {
    var t = Date.parse(iso);
    if (isNaN(t)) return '';
    var d = new Date(t + 7 * 3600000);
    return DAYS[d.getUTCDay()] + ', ' + pad(d.getUTCDate()) + '/' + pad(d.getUTCMonth() + 1) + '/' + d.getUTCFullYear() +
      (dateOnly ? '' : ' ' + pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes()));
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = String(text);
    return e;
  }

  // A link only to http(s); anything else (javascript:, data:) stays plain text.
  function link(url, text, cls) {
    var ok = typeof url === 'string' && HTTP.test(url);
    var a = el(ok ? 'a' : 'span', cls, text);
    if (ok) {
      a.href = url;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
    }
    return a;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  var SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

  // An image through bantin's image route, in a frame whose placeholder shows if it fails.
  function picture(url, base, cls) {
    var frame = el('span', cls);
    var img = el('img');
    img.alt = '';
    img.loading = 'lazy';
    img.addEventListener('error', function () { img.className = 'broken'; });
    img.src = new URL('img?u=' + encodeURIComponent(url), base).href;
    frame.appendChild(img);
    return frame;
  }

  // Why the attributes are wrong, from what bantin answered (4xx): a machine code and a sentence.
  function whyWrong(status, body, data) {
    var e = (body && body.error) || '';
    if (e === 'unknown source') return ['unknown-source', 'Không có nguồn tin “' + body.source + '” (data-source). Danh sách nguồn ở trang Nguồn tin của bantin.'];
    if (e === 'unknown district') return ['unknown-district', 'Tỉnh “' + body.province + '” không có nguồn tin cấp huyện “' + body.district + '” (data-district).' + (body.districts && body.districts.length ? ' Các huyện có nguồn: ' + body.districts.join(', ') + '.' : '')];
    if (e === 'unknown commune') return ['unknown-commune', 'Không có xã, phường, đặc khu mã “' + body.commune + '” (data-commune).'];
    var p = body && body.parameters && body.parameters[0];
    if (p && p.parameter === 'province') return ['unknown-province', 'Không có tỉnh “' + data.province + '” (data-province): dùng mã như “thai-nguyen”.'];
    if (p) return ['bad-' + p.parameter, 'Giá trị của data-' + p.parameter + ' không hợp lệ.'];
    return ['http-' + status, 'Đoạn mã nhúng không lấy được tin (HTTP ' + status + '): hãy kiểm tra các thuộc tính data-….'];
  }

  // Attributes wrong before asking anything: a code and a sentence, or null.
  function checkAttributes(data) {
    if (data.limit != null && data.limit !== '' && !/^(?:[1-9]|[1-4][0-9]|50)$/.test(data.limit.trim())) return ['bad-limit', 'Số tin (data-limit) phải là số nguyên từ 1 đến 50, không phải “' + data.limit + '”.'];
    var names = ['province', 'district', 'source'];
    for (var i = 0; i < names.length; i++) {
      var v = data[names[i]];
      if (v && !v.split(',').every(function (x) { return SLUG.test(x.trim()); })) return ['bad-' + names[i], 'Mã “' + v + '” (data-' + names[i] + ') không hợp lệ: viết thường, không dấu, nối bằng gạch ngang, như “thai-nguyen”.'];
    }
    if (data.commune && !/^\\d{5}$|^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(data.commune)) return ['bad-commune', 'Mã xã (data-commune) “' + data.commune + '” không hợp lệ: năm chữ số, như “02143”.'];
    return null;
  }

  // One source, district or commune alone: its own feed's path, which says 404 when it does not exist.
  function feedPath(data) {
    var only = function (k) { return data[k] && data[k].indexOf(',') < 0; };
    if (only('source') && !data.province && !data.district && !data.commune) return 's/' + data.source + '/feed.json';
    if (only('commune') && !data.source && !data.district) return 'c/' + data.commune + '/feed.json';
    if (only('province') && only('district') && !data.source && !data.commune) return 'p/' + data.province + '/' + data.district + '/feed.json';
    return 'feed.json';
  }

  function style(root) {
    try {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
    } catch (e) {
      root.appendChild(el('style', null, CSS));
    }
  }

  function mount(script) {
    script.setAttribute('data-bantin', 'on');
    var src = new URL(script.src, location.href);
    var data = script.dataset;
    var limit = Math.min(50, Math.max(1, parseInt(data.limit, 10) || 10));
    var every = Math.max(10, parseInt(data.refresh, 10) || 300) * 1000;
    var path = feedPath(data);
    var params = new URLSearchParams();
    // A path names its source, district or commune itself; the query carries the rest.
    var keys = path === 'feed.json' ? ['province', 'district', 'commune', 'source', 'q'] : ['q'];
    keys.forEach(function (k) { if (data[k]) params.set(k, data[k]); });
    params.set('limit', String(limit));
    var feedUrl = new URL(path + '?' + params.toString(), src).href;

    var host = el('div', 'bantin-embed');
    script.parentNode.insertBefore(host, script.nextSibling);
    var root = host.attachShadow ? host.attachShadow({ mode: 'open' }) : host;
    style(root);
    var box = el('section', 'box');
    var head = el('p', 'head', 'Tin mới');
    var list = el('ol', 'list');
    var status = el('p', 'status', 'Đang tải tin…');
    box.appendChild(head);
    box.appendChild(list);
    box.appendChild(status);
    box.appendChild(link(new URL('./', src).href, 'Tổng hợp bởi bantin', 'foot'));
    root.appendChild(box);

    var etag = null;
    var timer = 0;
    var stopped = false;
    var retry = 5000;

    // Wrong attributes: said in the box, logged with their code, and not asked again.
    function wrong(why) {
      stopped = true;
      clearTimeout(timer);
      status.className = 'status wrong';
      status.textContent = why[1];
      if (window.console) console.error('bantin: ' + why[0] + ' (' + script.src + ')');
    }

    function render(feed) {
      var items = (feed && feed.items) || [];
      clear(head);
      head.appendChild(link(feed.home_page_url, String(feed.title || 'Tin mới').replace(/ — bantin$/, '')));
      clear(list);
      items.slice(0, limit).forEach(function (it) {
        var li = el('li', 'item');
        var text = el('div', 'text');
        text.appendChild(link(it.url, it.title, 'title'));
        var from = (it._bantin && it._bantin.source) || {};
        var meta = el('span', 'meta');
        if (typeof from.icon === 'string' && HTTP.test(from.icon)) meta.appendChild(picture(from.icon, src, 'icon'));
        meta.appendChild(document.createTextNode(vnDate(it.date_published, it._bantin && it._bantin.date_only) + (from.name ? ' · ' + from.name : '')));
        text.appendChild(meta);
        li.appendChild(text);
        if (typeof it.image === 'string' && HTTP.test(it.image)) li.appendChild(picture(it.image, src, 'frame'));
        list.appendChild(li);
      });
      status.textContent = items.length ? '' : 'Chưa có tin.';
    }

    function load() {
      if (stopped) return;
      // A hidden tab need not poll; it catches up when seen again.
      if (document.hidden && etag) return later(every);
      var headers = etag ? { 'If-None-Match': etag } : {};
      fetch(feedUrl, { headers: headers, cache: 'no-store', credentials: 'omit' })
        .then(function (res) {
          if (res.status === 304) return later(every);
          if (res.status >= 400 && res.status < 500) {
            return res.json().catch(function () { return null; }).then(function (body) { wrong(whyWrong(res.status, body, data)); });
          }
          if (!res.ok) throw new Error('HTTP ' + res.status);
          var tag = res.headers.get('ETag');
          return res.json().then(function (feed) {
            render(feed);
            etag = tag;
            retry = 5000;
            later(every);
          });
        })
        .catch(function () {
          // A network failure or a 5xx: tried again, each time later.
          if (!list.firstChild) status.textContent = 'Chưa tải được tin, sẽ thử lại.';
          later(retry);
          retry = Math.min(retry * 2, every);
        });
    }

    function later(ms) {
      clearTimeout(timer);
      if (!stopped) timer = setTimeout(load, ms);
    }

    document.addEventListener('visibilitychange', function () { if (!document.hidden) load(); });
    var bad = checkAttributes(data);
    if (bad) wrong(bad);
    else load();
  }

  var me = document.currentScript;
  if (me && me.src) mount(me);
  else [].forEach.call(document.querySelectorAll('script[src*="embed.js"]:not([data-bantin])'), mount);
})();
`;
