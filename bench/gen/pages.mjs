import { author, dateParts, int, pad2, pick, rng, slugify, summary, title } from './words.mjs';

/**
 * Benchmark inputs, generated: a Liferay and a "story" CMS listing page of about `bytes`
 * bytes (page chrome plus as many varied items as fit), and an RSS 2.0 feed. The markup
 * follows the platforms' usual shapes (WordPress, Tân Dân, Liferay, NukeViet and the others in src/sources/presets.ts) so the presets in
 * src/sources/presets.ts match it.
 */

const KiB = 1024;
const byteLength = (s) => Buffer.byteLength(s, 'utf8');

/** Header, menu and footer of a portal page: markup the extractor has to read past. */
function chrome(r, host, siteName) {
  const menu = [];
  for (let i = 0; i < 60; i++) {
    const label = pick(r, ['Giới thiệu', 'Tin tức - Sự kiện', 'Văn bản chỉ đạo', 'Thủ tục hành chính', 'Lịch công tác', 'Hỏi đáp', 'Quy hoạch', 'Thông báo']);
    menu.push(`<li class="menu-item"><a href="https://${host}/web/guest/${slugify(label)}-${i}" title="${label}"><span>${label}</span></a></li>`);
  }
  const script = `<script>
    var Liferay = { ThemeDisplay: { getCompanyId: function() { return '20101'; }, getPathImage: function() { return '/image'; } } };
    (function () { var a = document.querySelectorAll('.menu-item'); for (var i = 0; i < a.length; i++) { a[i].addEventListener('mouseenter', function () { this.className += ' hover'; }); } })();
  </script>`;
  const head = `<!DOCTYPE html>
<html class="ltr" dir="ltr" lang="vi-VN">
<head>
<meta charset="utf-8">
<title>Tin tức - Sự kiện - ${siteName}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="https://${host}/o/classic-theme/css/main.css?browserId=other&amp;themeId=classic_WAR_classictheme&amp;minifierType=css">
<link rel="alternate" type="application/rss+xml" title="RSS" href="/rss/-/asset_publisher/aBcD1234/rss">
${script}
<style>.asset-abstract{margin:0 0 12px;border-bottom:1px dotted #ccc}.asset-title a{color:#0b4f9c;font-weight:bold}</style>
</head>
<body class="controls-visible guest-site signed-out public-page site">
<div id="wrapper"><header id="banner" role="banner"><div class="banner"><a class="logo" href="https://${host}/"><img alt="${siteName}" src="/documents/20181/0/banner.png"></a></div>
<nav class="navigation" id="navigation"><ul aria-label="Trang web" role="menubar">${menu.join('\n')}</ul></nav></header>
<div id="content"><div class="columns-2-l"><div class="portlet-column" id="column-1"><div class="portlet-boundary portlet-asset-publisher"><section class="portlet"><div class="portlet-content"><div class="portlet-body">`;
  const foot = `</div></div></section></div></div>
<div class="portlet-column" id="column-2"><div class="portlet-boundary"><div class="lich-cong-tac"><h2>Lịch công tác</h2><ul>${menu.slice(0, 20).join('')}</ul></div></div></div></div></div>
<footer id="footer" role="contentinfo"><p>${siteName}</p><p>Địa chỉ: Tổ 2, phường Đức Xuân, tỉnh Thái Nguyên &ndash; Điện thoại: 0209.3882.xxx</p></footer>
${script}
</div></body></html>`;
  return { head, foot };
}

/** Pads `itemAt(i)` items between head and foot until the page reaches `bytes`. */
function fill(head, foot, bytes, itemAt) {
  const parts = [head];
  let size = byteLength(head) + byteLength(foot);
  for (let i = 0; size < bytes; i++) {
    const item = itemAt(i);
    parts.push(item);
    size += byteLength(item);
  }
  parts.push(foot);
  return { html: parts.join('\n'), items: parts.length - 2 };
}

/** A Liferay asset publisher listing (`abstracts` display), as on district portals. */
export function liferayListing(bytes = 200 * KiB, seed = 1) {
  const r = rng(seed);
  const host = 'chodon.backan.gov.vn';
  const { head, foot } = chrome(r, host, 'Cổng thông tin điện tử huyện Chợ Đồn');
  return {
    baseUrl: `https://${host}/web/guest/tin-tuc-su-kien`,
    ...fill(head, foot, bytes, (i) => {
      const t = title(r);
      const id = 4_100_000 + i * 7;
      const href = `https://${host}/-/view_content/${id}-${slugify(t)}.html`;
      const { y, m, d, hh, mm } = dateParts(i);
      const h12 = hh % 12 === 0 ? 12 : hh % 12;
      const date = r() < 0.5 ? ` ${pad2(d)}/${pad2(m)}/${y} | ${pad2(h12)}:${pad2(mm)} ${hh < 12 ? 'AM' : 'PM'} ` : `Ngày đăng ${pad2(d)}/${pad2(m)}/${y} | ${pad2(hh)}:${pad2(mm)}`;
      return `<div class="asset-abstract ">
  <span class="asset-anchor" id="${id}"></span>
  <div class="lfr-meta-actions asset-actions"></div>
  <h3 class="asset-title">
    <a href="${href}"><img alt="" src="https://${host}/o/classic-theme/images/common/web_content.png"> ${t}</a>
  </h3>
  <div class="assetPublishDate">${date}</div>
  <div class="asset-content">
    <div class="asset-summary">
      <img src="/documents/20181/${int(r, 100000, 999999)}/anh-${i}.jpg/${int(r, 1000, 9999)}-thumb?t=${1700000000 + i}" style="width:120px;float:left;margin-right:8px"> ${summary(r, int(r, 1, 3))}
    </div>
    <div class="asset-more"><a href="${href}">Xem tiếp &raquo; <span class="hide-accessible">về ${t}</span></a></div>
  </div>
  <div class="asset-metadata"><span class="metadata-entry metadata-author">${author(r)}</span><span class="metadata-entry metadata-view-count">${int(r, 10, 5000)} lượt xem</span></div>
</div>`;
    }),
  };
}

/** A provincial newspaper listing on the "story" CMS: lazy images, <time datetime>. */
export function storyListing(bytes = 200 * KiB, seed = 2) {
  const r = rng(seed);
  const host = 'baobackan.com.vn';
  const { head, foot } = chrome(r, host, 'Báo Bắc Kạn điện tử');
  return {
    baseUrl: `https://${host}/thoi-su/`,
    ...fill(head, foot, bytes, (i) => {
      const t = title(r);
      const href = `/${slugify(t)}-post${60_000 + i * 3}.html`;
      const { y, m, d, hh, mm } = dateParts(i);
      const h = i % 5 === 0 ? 'h2' : 'h3';
      return `<article class="story${i % 5 === 0 ? ' story--featured' : ''}">
  <figure class="story__thumb"><a href="${href}" title="${t}"><img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" data-src="https://cdn.${host}/images/${y}/${pad2(m)}/${pad2(d)}/${int(r, 10000, 99999)}-anh.jpg" alt="${t}" class="lazyload"></a></figure>
  <${h} class="story__heading"><a class="cms-link" href="${href}" title="${t}">${t}</a></${h}>
  <div class="story__meta"><a class="story__cate" href="/thoi-su/">Thời sự</a> <time datetime="${y}-${pad2(m)}-${pad2(d)}T${pad2(hh)}:${pad2(mm)}:00+0700">${pad2(hh)}:${pad2(mm)} ${pad2(d)}/${pad2(m)}/${y}</time></div>
  <div class="story__summary">${summary(r, int(r, 1, 2))}</div>
</article>`;
    }),
  };
}

/**
 * A listing of no known platform (a VNPT-style portal: `ul.list-news > li.item`), with a
 * "Tin đọc nhiều" box repeating the same markup in the sidebar: the page the inference reads.
 * `selectors` are the ones an operator would write for cheerio.
 */
export function portalListing(bytes = 200 * KiB, seed = 4) {
  const r = rng(seed);
  const host = 'dongtam.thainguyen.gov.vn';
  const { head, foot } = chrome(r, host, 'Cổng thông tin điện tử xã Đồng Tâm');
  const item = (i, cls) => {
    const t = title(r);
    const href = `/tin-tuc-su-kien/${slugify(t)}-${5000 + i}`;
    const { y, m, d } = dateParts(i);
    return `<li class="item${cls}">
  <div class="img"><a href="${href}" title="${t}"><img class="lazy" src="/Content/images/loading.gif" data-original="/Upload/NewsImages/${y}/${pad2(m)}/${5000 + i}.jpg" alt=""></a></div>
  <div class="content"><h3 class="title"><a href="${href}">${t}</a></h3><span class="time">(${pad2(d)}/${pad2(m)}/${y})</span>
  <div class="sapo">${summary(r, int(r, 1, 2))}</div></div>
</li>`;
  };
  const side = `</ul></div></div><div class="col-md-3"><div class="portlet"><div class="portlet-title"><h2>Tin đọc nhiều</h2></div><ul class="list-news">${[0, 1, 2, 3].map((i) => item(90_000 + i, '')).join('\n')}</ul></div></div></div>`;
  const page = fill(`${head}<div class="row"><div class="col-md-9"><div class="portlet"><div class="portlet-title"><h2>Tin tức - Sự kiện</h2></div><ul class="list-news">`, `${side}${foot}`, bytes, (i) => item(i, i % 2 ? ' even' : ''));
  return {
    baseUrl: `https://${host}/tin-tuc-su-kien`,
    selectors: { item: 'div.col-md-9 ul.list-news > li.item', title: 'h3.title > a', date: 'span.time', summary: 'div.sapo', image: 'img' },
    ...page,
  };
}

/** A WordPress-style RSS 2.0 feed with `count` items, content:encoded and +0000 dates. */
export function rssFeed(count = 100, seed = 3) {
  const r = rng(seed);
  const host = 'khuyennong.backan.gov.vn';
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const items = [];
  for (let i = 0; i < count; i++) {
    const t = title(r).replace(/&quot;/g, '"');
    const link = `https://${host}/${slugify(t)}-${i}/`;
    const when = new Date(Date.UTC(2025, 5, 25, 2, 15, 32) - i * 37 * 3600_000);
    const pubDate = `${days[when.getUTCDay()]}, ${pad2(when.getUTCDate())} ${months[when.getUTCMonth()]} ${when.getUTCFullYear()} ${pad2(when.getUTCHours())}:${pad2(when.getUTCMinutes())}:${pad2(when.getUTCSeconds())} +0000`;
    const body = [summary(r, 3), summary(r, 2), summary(r, 3)];
    items.push(`	<item>
		<title>${t.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</title>
		<link>${link}</link>
		<comments>${link}#respond</comments>
		<dc:creator><![CDATA[${author(r)}]]></dc:creator>
		<pubDate>${pubDate}</pubDate>
		<category><![CDATA[${pick(r, ['Tin tức - Sự kiện', 'Khuyến nông', 'Chuyển giao kỹ thuật', 'Thông báo'])}]]></category>
		<guid isPermaLink="false">https://${host}/?p=${9000 + i * 11}</guid>
		<description><![CDATA[${body[0].slice(0, 220)} [&#8230;]]]></description>
		<content:encoded><![CDATA[<p>${body[0]}</p>
<figure class="wp-block-image size-large"><img decoding="async" src="https://${host}/wp-content/uploads/2025/06/anh-${i}-1024x683.jpg" alt="" class="wp-image-${9100 + i}" srcset="https://${host}/wp-content/uploads/2025/06/anh-${i}-1024x683.jpg 1024w, https://${host}/wp-content/uploads/2025/06/anh-${i}-300x200.jpg 300w" sizes="(max-width: 1024px) 100vw, 1024px" /></figure>
<p>${body[1]}</p>
<p>${body[2]}</p>
<p style="text-align: right;"><strong>${author(r)}</strong></p>
<script>console.log('tracking')</script>]]></content:encoded>
		<wfw:commentRss>${link}feed/</wfw:commentRss>
		<slash:comments>0</slash:comments>
	</item>`);
  }
  return {
    baseUrl: `https://${host}/feed/`,
    items: count,
    xml: `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:atom="http://www.w3.org/2005/Atom"
	xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
	xmlns:slash="http://purl.org/rss/1.0/modules/slash/"
	>
<channel>
	<title>Trung tâm Dịch vụ Nông nghiệp tỉnh Bắc Kạn</title>
	<atom:link href="https://${host}/feed/" rel="self" type="application/rss+xml" />
	<link>https://${host}</link>
	<description>Thông tin khuyến nông, chuyển giao khoa học kỹ thuật</description>
	<lastBuildDate>Wed, 25 Jun 2025 02:20:11 +0000</lastBuildDate>
	<language>vi</language>
	<sy:updatePeriod>hourly</sy:updatePeriod>
	<sy:updateFrequency>1</sy:updateFrequency>
	<generator>https://wordpress.org/?v=6.5.5</generator>
${items.join('\n')}
</channel>
</rss>
`,
  };
}
