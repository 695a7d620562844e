/**
 * The embeddable widget, served as /embed.js. Plain ES2017 for any browser a portal's
 * visitors use, kept as text here (the Worker serves it; the browser test runs it).
 *
 * Rules it keeps: every text goes in through textContent (never innerHTML), a link is made
 * only for an http(s) URL, styles live in its own shadow root (adopted stylesheet, so a host
 * page's Content-Security-Policy without 'unsafe-inline' still lets it style itself), and it
 * finds bantin's address from its own <script src>. It polls the JSON feed with If-None-Match.
 *
 * Attributes on the script tag: data-province, data-district, data-commune (a GSO code), data-source, data-q,
 * data-limit (1–50, default 10), data-refresh (seconds between polls, at least 10, default 300).
 */
export const WIDGET_JS = `/* bantin: tin mới của chính quyền địa phương. */
(function () {
  'use strict';
  var DAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
  var CSS = ':host{all:initial;display:block;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1f24}' +
    '.box{border:1px solid #dde1e6;border-radius:8px;background:#fff;padding:10px 12px;max-width:100%;box-sizing:border-box}' +
    '.head{margin:0 0 6px;font-weight:700;font-size:16px}' +
    'a{color:#0b57a4;text-decoration:none}a:hover{text-decoration:underline}' +
    '.list{list-style:none;margin:0;padding:0}' +
    '.item{padding:6px 0;border-top:1px solid #eef0f3}.item:first-child{border-top:0}' +
    '.title{display:block;font-weight:600;overflow-wrap:anywhere}' +
    '.meta{display:block;font-size:13px;color:#5b6573}' +
    '.status{margin:6px 0 0;font-size:13px;color:#5b6573}.status:empty{display:none}' +
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
    var ok = typeof url === 'string' && /^https?:\\/\\//i.test(url);
    var a = el(ok ? 'a' : 'span', cls, text);
    if (ok) {
      a.href = url;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
    }
    return a;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

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
    var params = new URLSearchParams();
    ['province', 'district', 'commune', 'source', 'q'].forEach(function (k) { if (data[k]) params.set(k, data[k]); });
    params.set('limit', String(limit));
    var feedUrl = new URL('feed.json?' + params.toString(), src).href;

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

    function render(feed) {
      var items = (feed && feed.items) || [];
      clear(head);
      head.appendChild(link(feed.home_page_url, String(feed.title || 'Tin mới').replace(/ — bantin$/, '')));
      clear(list);
      items.slice(0, limit).forEach(function (it) {
        var li = el('li', 'item');
        li.appendChild(link(it.url, it.title, 'title'));
        var source = it._bantin && it._bantin.source && it._bantin.source.name;
        li.appendChild(el('span', 'meta', vnDate(it.date_published, it._bantin && it._bantin.date_only) + (source ? ' · ' + source : '')));
        list.appendChild(li);
      });
      status.textContent = items.length ? '' : 'Chưa có tin.';
    }

    function load() {
      // A hidden tab need not poll; it catches up when seen again.
      if (document.hidden && etag) return later();
      var headers = etag ? { 'If-None-Match': etag } : {};
      fetch(feedUrl, { headers: headers, cache: 'no-store', credentials: 'omit' })
        .then(function (res) {
          if (res.status === 304) return;
          if (!res.ok) throw new Error('HTTP ' + res.status);
          var tag = res.headers.get('ETag');
          return res.json().then(function (feed) {
            render(feed);
            etag = tag;
          });
        })
        .catch(function () {
          if (!list.firstChild) status.textContent = 'Chưa tải được tin, sẽ thử lại.';
        })
        .then(later);
    }

    function later() {
      clearTimeout(timer);
      timer = setTimeout(load, every);
    }

    document.addEventListener('visibilitychange', function () { if (!document.hidden) load(); });
    load();
  }

  var me = document.currentScript;
  if (me && me.src) mount(me);
  else [].forEach.call(document.querySelectorAll('script[src*="embed.js"]:not([data-bantin])'), mount);
})();
`;
