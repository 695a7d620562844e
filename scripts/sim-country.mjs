// A simulated country of portals on 127.0.0.1, for the scale benchmark (bench/scale.mjs).
//
// N synthetic portals of the platforms portals run on — WordPress RSS, NukeViet RSS, Liferay
// Atom, Tân Dân SharePoint and "story" CMS listing pages — each publishing articles at a
// rate of its kind (a provincial paper dozens a day, a province portal several, a commune one
// or two a week), mostly in office hours. Everything is a pure function of (seed, portal,
// simulated time): the benchmark sets the clock, and the same seed gives the same country,
// the same articles and the same failures. Portals honour ETag / If-None-Match and
// Last-Modified / If-Modified-Since as their platform usually does (some send neither, some
// change bytes on every request, like an ASP.NET __VIEWSTATE or a Liferay feed stamped
// "now"); a share is slow, flaky, down, or never answers.
//
// Loopback only. `node scripts/sim-country.mjs --n 1000 [--port 8790] [--catalog out.json]`
// serves on the real clock until --max-seconds (default 3600) or Ctrl-C.
import http from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// ---------------------------------------------------------------- deterministic randomness

/** A 32-bit integer hash of integers (splitmix-like); the same inputs, the same output. */
function mix(...xs) {
  let h = 0x9e3779b9;
  for (const x of xs) {
    h = Math.imul(h ^ (x | 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}
/** A uniform number in [0, 1) from integers. */
const unit = (...xs) => mix(...xs) / 4294967296;
const pickBy = (list, u) => list[Math.floor(u * list.length)];
const strInt = (s) => [...s].reduce((h, c) => mix(h, c.codePointAt(0)), 7);

// ---------------------------------------------------------------- the map (since 1 July 2025)

/** The 34 provinces, with approximate commune-level unit counts (3,321 in all) as weights. */
export const PROVINCES = [
  ['ha-noi', 'Hà Nội', 126], ['hue', 'Huế', 40], ['lai-chau', 'Lai Châu', 38], ['dien-bien', 'Điện Biên', 45],
  ['son-la', 'Sơn La', 75], ['lang-son', 'Lạng Sơn', 65], ['quang-ninh', 'Quảng Ninh', 54], ['thanh-hoa', 'Thanh Hóa', 166],
  ['nghe-an', 'Nghệ An', 130], ['ha-tinh', 'Hà Tĩnh', 69], ['cao-bang', 'Cao Bằng', 56], ['tuyen-quang', 'Tuyên Quang', 124],
  ['lao-cai', 'Lào Cai', 99], ['thai-nguyen', 'Thái Nguyên', 92], ['phu-tho', 'Phú Thọ', 148], ['bac-ninh', 'Bắc Ninh', 99],
  ['hung-yen', 'Hưng Yên', 104], ['hai-phong', 'Hải Phòng', 114], ['ninh-binh', 'Ninh Bình', 129], ['quang-tri', 'Quảng Trị', 78],
  ['da-nang', 'Đà Nẵng', 94], ['quang-ngai', 'Quảng Ngãi', 96], ['gia-lai', 'Gia Lai', 135], ['khanh-hoa', 'Khánh Hòa', 65],
  ['lam-dong', 'Lâm Đồng', 124], ['dak-lak', 'Đắk Lắk', 102], ['ho-chi-minh', 'Hồ Chí Minh', 168], ['dong-nai', 'Đồng Nai', 95],
  ['tay-ninh', 'Tây Ninh', 96], ['can-tho', 'Cần Thơ', 103], ['vinh-long', 'Vĩnh Long', 124], ['dong-thap', 'Đồng Tháp', 102],
  ['ca-mau', 'Cà Mau', 64], ['an-giang', 'An Giang', 102],
].map(([slug, name, communes]) => ({ slug, name, communes }));

/** The 29 former provinces and the province each merged into. */
export const FORMER = [
  ['ha-giang', 'Hà Giang', 'tuyen-quang'], ['yen-bai', 'Yên Bái', 'lao-cai'], ['bac-kan', 'Bắc Kạn', 'thai-nguyen'],
  ['vinh-phuc', 'Vĩnh Phúc', 'phu-tho'], ['hoa-binh', 'Hòa Bình', 'phu-tho'], ['bac-giang', 'Bắc Giang', 'bac-ninh'],
  ['thai-binh', 'Thái Bình', 'hung-yen'], ['hai-duong', 'Hải Dương', 'hai-phong'], ['ha-nam', 'Hà Nam', 'ninh-binh'],
  ['nam-dinh', 'Nam Định', 'ninh-binh'], ['quang-binh', 'Quảng Bình', 'quang-tri'], ['quang-nam', 'Quảng Nam', 'da-nang'],
  ['kon-tum', 'Kon Tum', 'quang-ngai'], ['binh-dinh', 'Bình Định', 'gia-lai'], ['ninh-thuan', 'Ninh Thuận', 'khanh-hoa'],
  ['dak-nong', 'Đắk Nông', 'lam-dong'], ['binh-thuan', 'Bình Thuận', 'lam-dong'], ['phu-yen', 'Phú Yên', 'dak-lak'],
  ['binh-duong', 'Bình Dương', 'ho-chi-minh'], ['ba-ria-vung-tau', 'Bà Rịa - Vũng Tàu', 'ho-chi-minh'],
  ['binh-phuoc', 'Bình Phước', 'dong-nai'], ['long-an', 'Long An', 'tay-ninh'], ['soc-trang', 'Sóc Trăng', 'can-tho'],
  ['hau-giang', 'Hậu Giang', 'can-tho'], ['ben-tre', 'Bến Tre', 'vinh-long'], ['tra-vinh', 'Trà Vinh', 'vinh-long'],
  ['tien-giang', 'Tiền Giang', 'dong-thap'], ['bac-lieu', 'Bạc Liêu', 'ca-mau'], ['kien-giang', 'Kiên Giang', 'an-giang'],
].map(([slug, name, into]) => ({ slug, name, into }));

const PLACE_WORDS = ['Tân', 'Phú', 'An', 'Bình', 'Hòa', 'Thạnh', 'Phước', 'Long', 'Đông', 'Tây', 'Nam', 'Bắc', 'Trung', 'Xuân', 'Hưng', 'Thịnh', 'Quang', 'Minh', 'Thuận', 'Lộc', 'Vĩnh', 'Yên', 'Bằng', 'Lãng', 'Nà', 'Khuổi', 'Pác', 'Cốc', 'Đồng', 'Sơn', 'Thủy', 'Lâm', 'Hải', 'Mỹ', 'Phong', 'Hiệp', 'Nghĩa', 'Đức', 'Thái', 'Hợp'];

/** ASCII slug of Vietnamese text: diacritics dropped, đ folded to d (Unicode does not). */
export const slugify = (s) =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

// ---------------------------------------------------------------- the map of today, from the repo

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

/** The 3,321 communes of today from the generated unit table: { code, kind, name, province }. */
export function communesOfToday() {
  const text = readFileSync(resolve(SRC, 'regions/units.generated.ts'), 'utf8');
  const out = [];
  let province = null;
  for (const line of text.split('\n')) {
    const p = /^\s*\{ code: "\d{2}", slug: "([a-z-]+)"/.exec(line);
    if (p) province = p[1];
    const c = /^\s*\["(\d{5})", "([a-z-]+)", "([^"]+)", "[a-z0-9-]+"\],$/.exec(line);
    if (c) out.push({ code: c[1], kind: c[2], name: c[3], province });
  }
  return out;
}

/** The national catalog's provincial papers (province may be a former one). */
export function nationalPapers() {
  const text = readFileSync(resolve(SRC, 'sources/national.generated.ts'), 'utf8');
  return [...text.matchAll(/\{ province: "([a-z-]+)", url: "([^"]+)", feed: "([^"]+)" \}/g)].map((m) => ({ province: m[1], url: m[2] }));
}

const COMMUNE_WORD = { xa: 'xã', phuong: 'phường', 'dac-khu': 'đặc khu' };
const provinceName = (slug) => (PROVINCES.find((p) => p.slug === slug) ?? FORMER.find((f) => f.slug === slug))?.name ?? slug;

// ---------------------------------------------------------------- portals

/**
 * What each kind of portal is like. `rate`: articles per day, a range; `platforms`: weights.
 * `office`: share of articles in office hours (7:00–17:30, Vietnam time) on weekdays.
 */
const KINDS = {
  province: { rate: [6, 14], platforms: { liferay: 5, tandan: 3, nukeviet: 2 }, office: 0.85, items: 15 },
  newspaper: { rate: [30, 60], platforms: { story: 1 }, office: 0.6, items: 20 },
  commune: { rate: [0.1, 0.35], busyShare: 0.15, busyRate: [0.7, 1.5], platforms: { tandan: 35, nukeviet: 30, wordpress: 25, liferay: 10 }, office: 0.9, items: 10 },
  // One province's own sources (makeCountry's `province`): rates of a busy province.
  'province-own': { rate: [12, 18], platforms: { liferay: 5, tandan: 3, nukeviet: 2 }, office: 0.85, items: 15 },
  'newspaper-own': { rate: [50, 70], platforms: { story: 1 }, office: 0.6, items: 20 },
  department: { rate: [1, 3], platforms: { liferay: 4, tandan: 3, nukeviet: 2, wordpress: 1 }, office: 0.95, items: 10 },
  'commune-own': { rate: [0.3, 0.7], platforms: { tandan: 35, nukeviet: 30, wordpress: 25, liferay: 10 }, office: 0.9, items: 10 },
  archive: { rate: [0, 0], platforms: { tandan: 5, liferay: 3, nukeviet: 2 }, office: 1, items: 10 },
};

/** Behaviour shares: slow (2–5 s), flaky (a fifth of requests fail), down (always 5xx), hang (never answers). */
const BEHAVIOUR = [['hang', 0.005], ['down', 0.015], ['flaky', 0.03], ['slow', 0.03]];

/** How platforms answer conditional requests, and which of them change bytes on every request. */
const VALIDATORS = {
  wordpress: () => 'both',
  nukeviet: (u) => (u < 0.5 ? 'lastmod' : 'none'),
  liferay: () => 'none',
  tandan: () => 'none',
  story: (u) => (u < 0.8 ? 'both' : 'none'),
};
const DYNAMIC_SHARE = { liferay: 0.5, tandan: 0.4 };

const PATHS = {
  wordpress: { path: '/feed/', kind: 'feed' },
  nukeviet: { path: '/news/rss/', kind: 'feed' },
  liferay: { path: '/rss/-/asset_publisher/tin-tuc/rss', kind: 'feed' },
  tandan: { path: '/portal/Pages/Tin-tuc-su-kien.aspx', kind: 'html', preset: 'tandan' },
  story: { path: '/thoi-su/', kind: 'html', preset: 'story' },
};

function weighted(weights, u) {
  const total = Object.values(weights).reduce((a, b) => a + b, 0);
  let x = u * total;
  for (const [k, w] of Object.entries(weights)) if ((x -= w) < 0) return k;
  return Object.keys(weights)[0];
}

/**
 * The country's portals: `n` of them — the 34 province portals first, then the 34 provincial
 * newspapers, then communes spread over the provinces by their weights (`communesOnly`: only
 * communes; `national`: instead, the national catalog's portals and papers and one portal for
 * each of the 3,321 communes of today, by code) — plus, when asked, `archives` archived portals
 * of former provinces and districts (weekly, publishing nothing).
 */
export function makeCountry({ n, seed = 1, archives = 0, communesOnly = false, province = null, intervalMinutes = 30, national = false }) {
  const portals = [];
  const add = (p) => portals.push({ idx: portals.length, ...p });
  if (province) addProvince(add, seed, province);
  if (national) {
    // The national catalog (a portal per province, the listed papers, former provinces' under
    // theirs) and a portal for every commune of today, named by its code.
    for (const pr of PROVINCES) add({ kind: 'province', id: `tinh-${pr.slug}`, name: `Cổng TTĐT ${pr.name}`, region: { province: pr.slug } });
    for (const paper of nationalPapers()) add({ kind: 'newspaper', id: `bao-${paper.province}`, name: `Báo ${provinceName(paper.province)}`, region: { province: paper.province } });
    for (const c of communesOfToday()) add({ kind: 'commune', id: `xa-${c.code}`, name: `UBND ${COMMUNE_WORD[c.kind]} ${c.name}`, region: { province: c.province, commune: c.code } });
    n = portals.length;
  }
  for (let i = 0; i < (communesOnly || province || national ? 0 : Math.min(n, PROVINCES.length)); i++) {
    const pr = PROVINCES[i];
    add({ kind: 'province', id: `tinh-${pr.slug}`, name: `Cổng TTĐT tỉnh ${pr.name}`, region: { province: pr.slug } });
  }
  for (let i = 0; i < (communesOnly || province ? 0 : Math.min(n - portals.length, PROVINCES.length)); i++) {
    const pr = PROVINCES[i];
    add({ kind: 'newspaper', id: `bao-${pr.slug}`, name: `Báo ${pr.name}`, region: { province: pr.slug } });
  }
  // Communes: province by weight (deterministic stride), names from syllables, ids unique.
  const totalWeight = PROVINCES.reduce((a, p) => a + p.communes, 0);
  const counts = new Map();
  for (let c = 0; !province && portals.length < n; c++) {
    const u = unit(seed, 11, c);
    let x = u * totalWeight;
    const pr = PROVINCES.find((p) => (x -= p.communes) < 0) ?? PROVINCES[0];
    const k = (counts.get(pr.slug) ?? 0) + 1;
    counts.set(pr.slug, k);
    const name = `${pickBy(PLACE_WORDS, unit(seed, 12, c))} ${pickBy(PLACE_WORDS, unit(seed, 13, c))}`;
    add({ kind: 'commune', id: `${pr.slug}-xa-${slugify(name)}-${k}`, name: `UBND xã ${name}, ${pr.name}`, region: { province: pr.slug, commune: `${slugify(name)}-${k}` } });
  }
  for (let a = 0; a < archives; a++) {
    const fp = FORMER[a % FORMER.length];
    if (a < FORMER.length) {
      add({ kind: 'archive', id: `cu-tinh-${fp.slug}`, name: `Cổng TTĐT tỉnh ${fp.name} (lưu trữ)`, region: { province: fp.slug } });
    } else {
      const d = `${pickBy(PLACE_WORDS, unit(seed, 21, a))} ${pickBy(PLACE_WORDS, unit(seed, 22, a))}`;
      const dslug = `${slugify(d)}-${a}`;
      add({ kind: 'archive', id: `cu-huyen-${dslug}`, name: `Cổng TTĐT huyện ${d} (lưu trữ)`, region: { province: fp.slug, district: dslug, districtName: `huyện ${d}` } });
    }
  }
  for (const p of portals) {
    const k = KINDS[p.kind];
    const r = (x) => unit(seed, 31, p.idx, x);
    p.platform = weighted(k.platforms, r(1));
    const busy = k.busyShare && r(2) < k.busyShare;
    const [lo, hi] = busy ? k.busyRate : k.rate;
    p.ratePerDay = lo + (hi - lo) * r(3);
    p.office = k.office;
    p.items = k.items;
    p.validators = VALIDATORS[p.platform](r(4));
    p.dynamic = p.validators === 'none' && r(5) < (DYNAMIC_SHARE[p.platform] ?? 0);
    let b = r(6);
    p.behaviour = p.kind === 'archive' ? 'ok' : (BEHAVIOUR.find(([, share]) => (b -= share) < 0)?.[0] ?? 'ok');
    // Round trip of a healthy portal: 80–800 ms (Vietnamese hosting seen from an edge).
    p.latencyMs = p.behaviour === 'slow' ? 2000 + 3000 * r(7) : 80 + 720 * r(7) ** 2;
    p.intervalMinutes = p.kind === 'archive' ? 7 * 24 * 60 : intervalMinutes;
    p.path = PATHS[p.platform].path;
  }
  return { seed, portals };
}

const DEPARTMENTS = ['Sở Nội vụ', 'Sở Tài chính', 'Sở Xây dựng', 'Sở Y tế', 'Sở Giáo dục và Đào tạo', 'Sở Nông nghiệp và Môi trường', 'Sở Văn hóa, Thể thao và Du lịch', 'Sở Công Thương'];

/**
 * One province's sources: its portal (~15 articles a day), its paper (~60), 8 department
 * portals (~2 each) and 90 commune portals (~0.5 each, the busier end of communes).
 */
function addProvince(add, seed, slug) {
  const pr = PROVINCES.find((p) => p.slug === slug);
  if (!pr) throw new Error(`unknown province ${slug}`);
  add({ kind: 'province-own', id: `tinh-${pr.slug}`, name: `Cổng TTĐT tỉnh ${pr.name}`, region: { province: pr.slug } });
  add({ kind: 'newspaper-own', id: `bao-${pr.slug}`, name: `Báo ${pr.name}`, region: { province: pr.slug } });
  for (const d of DEPARTMENTS) add({ kind: 'department', id: `${slugify(d)}-${pr.slug}`, name: `${d} tỉnh ${pr.name}`, region: { province: pr.slug } });
  for (let c = 0; c < 90; c++) {
    const name = `${pickBy(PLACE_WORDS, unit(seed, 12, c))} ${pickBy(PLACE_WORDS, unit(seed, 13, c))}`;
    add({ kind: 'commune-own', id: `${pr.slug}-xa-${slugify(name)}-${c + 1}`, name: `UBND xã ${name}, ${pr.name}`, region: { province: pr.slug, commune: `${slugify(name)}-${c + 1}` } });
  }
}

/** The catalog (source format of src/sources/schema.ts) for a country served at `origin`. */
/** An article page of about 20 KiB: menus, a body of 8 paragraphs in `.bodytext`, its time, a sidebar. */
function articlePage(portal, path) {
  const para = (i) => `<p>Đoạn ${i} của bài ${esc(path)}: ủy ban nhân dân tổ chức hội nghị, triển khai kế hoạch, giao các phòng, ban theo dõi, đôn đốc thực hiện đúng tiến độ đề ra.</p>`;
  const menu = Array.from({ length: 40 }, (_, i) => `<li><a href="/p/${portal.id}/muc-${i}">Chuyên mục ${i}</a></li>`).join('');
  const side = Array.from({ length: 30 }, (_, i) => `<li><a href="/p/${portal.id}/tin-khac-${i}.html">Tin khác số ${i} của cổng thông tin</a></li>`).join('');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Bài viết</title><meta property="article:published_time" content="2026-11-27T08:30:00+07:00"><meta property="og:image" content="/p/${portal.id}/anh.jpg"><style>${'.x{color:red}'.repeat(200)}</style><script>${'var a=1;'.repeat(300)}</script></head><body><nav><ul>${menu}</ul></nav><div class="bodytext">${Array.from({ length: 8 }, (_, i) => para(i + 1)).join('')}<p>Tác giả: Nguyễn Văn An</p></div><div class="other-news"><h3>Tin khác</h3><ul>${side}</ul></div><footer>${portal.name}</footer></body></html>`;
}

export function catalogFor(country, origin, { fullText = false } = {}) {
  return country.portals.map((p) => {
    const { kind, preset } = PATHS[p.platform];
    const { districtName: _d, ...region } = p.region;
    return {
      id: p.id,
      name: p.name,
      url: `${origin}/p/${p.id}${p.path}`,
      kind,
      ...(preset ? { preset } : {}),
      region,
      intervalMinutes: p.intervalMinutes,
      ...(fullText ? { fullText: true } : {}),
      note: `simulated ${p.kind} portal (${p.platform})`,
    };
  });
}

// ---------------------------------------------------------------- articles over time

const HOUR = 3_600_000;
const VN = 7 * HOUR;

/** Relative publishing weight of an hour (UTC ms), by Vietnam-time hour and weekday. */
function hourWeight(portal, hourStart) {
  const t = new Date(hourStart + VN);
  const h = t.getUTCHours();
  const weekend = t.getUTCDay() === 0 || t.getUTCDay() === 6;
  const office = h >= 7 && h < 18 && h !== 12;
  // Office hours are 10 of 24: weights that keep the daily mean at the portal's rate.
  const w = office ? portal.office / (10 / 24) : (1 - portal.office) / (14 / 24);
  return weekend ? w * (portal.kind.startsWith('newspaper') ? 0.8 : 0.25) : w;
}

/** Poisson draw from a uniform number (bounded: a portal posts at most 40 in an hour). */
function poisson(lambda, u) {
  let k = 0;
  let p = Math.exp(-lambda);
  let cum = p;
  while (u > cum && k < 40) {
    k++;
    p *= lambda / k;
    cum += p;
  }
  return k;
}

/** The articles a portal published in one hour (ms at an hour boundary), oldest first. */
function articlesOfHour(country, portal, hourStart) {
  const hourNo = Math.floor(hourStart / HOUR);
  const count = poisson((portal.ratePerDay / 24) * hourWeight(portal, hourStart), unit(country.seed, 41, portal.idx, hourNo));
  const out = [];
  for (let k = 0; k < count; k++) {
    out.push({ no: hourNo * 64 + k, at: hourStart + Math.floor(unit(country.seed, 42, portal.idx, hourNo, k) * HOUR) });
  }
  return out.sort((a, b) => a.at - b.at || a.no - b.no);
}

/** Oldest history a listing reaches back to (an archive's last article is a year old at most). */
const LOOKBACK_HOURS = 400 * 24;

/**
 * The newest `portal.items` articles at time `t`, newest first. Complete hours are cached per
 * portal (time only moves forward in a benchmark; going back recomputes).
 */
function listingAt(country, portal, t, cache) {
  const currentHour = Math.floor(t / HOUR) * HOUR;
  let c = cache.get(portal.idx);
  if (!c || c.upTo > currentHour) {
    // First fill: walk back from the current hour until the listing is full.
    const items = [];
    for (let h = currentHour - HOUR, n = 0; items.length < portal.items && n < LOOKBACK_HOURS; h -= HOUR, n++) {
      items.push(...articlesOfHour(country, portal, h).reverse());
    }
    c = { upTo: currentHour, items: items.slice(0, portal.items) };
    cache.set(portal.idx, c);
  } else if (c.upTo < currentHour) {
    // Hours completed since the last request, oldest first, then newest first in front.
    const fresh = [];
    for (let h = Math.max(c.upTo, currentHour - LOOKBACK_HOURS * HOUR); h < currentHour; h += HOUR) fresh.push(...articlesOfHour(country, portal, h));
    c.items = [...fresh.reverse(), ...c.items].slice(0, portal.items);
    c.upTo = currentHour;
  }
  const partial = articlesOfHour(country, portal, currentHour).filter((a) => a.at <= t).reverse();
  return [...partial, ...c.items].slice(0, portal.items);
}

// ---------------------------------------------------------------- text

// Titles and summaries built from slots, in the style of local government news: the shared
// phrases of the genre ("xây dựng nông thôn mới", "6 tháng đầu năm") with the place names,
// people, numbers and villages that make each item its own. No text is copied from the web.
const TOPICS = [
  'xây dựng nông thôn mới', 'chuyển đổi số', 'cải cách hành chính', 'phòng, chống thiên tai', 'tiêm chủng mở rộng',
  'giảm nghèo bền vững', 'phòng cháy, chữa cháy rừng', 'cấp căn cước cho công dân', 'xóa nhà tạm, nhà dột nát',
  'an toàn giao thông', 'bảo hiểm xã hội tự nguyện', 'sản phẩm OCOP', 'trồng rừng gỗ lớn', 'chăn nuôi an toàn sinh học',
  'phòng, chống dịch tả lợn châu Phi', 'nước sạch nông thôn', 'tuyển chọn và gọi công dân nhập ngũ', 'khuyến học, khuyến tài',
  'xây dựng gia đình văn hóa', 'bảo vệ môi trường', 'thu gom rác thải', 'quản lý đất đai', 'đo đạc, cấp giấy chứng nhận quyền sử dụng đất',
  'phát triển du lịch cộng đồng', 'trồng cây ăn quả có múi', 'cây quế hữu cơ', 'chè đặc sản', 'lúa chất lượng cao',
  'giải ngân vốn đầu tư công', 'chương trình mục tiêu quốc gia', 'phổ biến, giáo dục pháp luật', 'hòa giải ở cơ sở',
  'phòng, chống ma túy', 'an ninh trật tự', 'dân số và phát triển', 'chăm sóc sức khỏe người cao tuổi', 'bình đẳng giới',
  'phòng, chống bạo lực gia đình', 'kiên cố hóa kênh mương', 'bê tông hóa đường thôn', 'điện chiếu sáng nông thôn',
  'thanh toán không dùng tiền mặt', 'dịch vụ công trực tuyến', 'tổng điều tra kinh tế', 'bầu cử đại biểu Quốc hội',
];
const VERBS = ['triển khai', 'ra quân', 'đẩy mạnh', 'kiểm tra', 'tuyên truyền', 'tập huấn', 'hỗ trợ', 'sơ kết', 'tổng kết', 'hướng dẫn', 'giám sát', 'đối thoại về', 'rà soát', 'nghiệm thu'];
const EVENTS = ['Hội nghị sơ kết', 'Hội nghị tổng kết', 'Lễ phát động', 'Hội thi tìm hiểu', 'Diễn đàn', 'Tọa đàm', 'Lớp tập huấn', 'Phiên họp'];
const PERIODS = ['6 tháng đầu năm 2026', 'năm 2026', 'quý IV/2026', 'tháng 11/2026', 'giai đoạn 2026 - 2030', 'đợt 2 năm 2026', '9 tháng năm 2026'];
const ROLES = ['Chủ tịch UBND', 'Phó Chủ tịch UBND', 'Bí thư Đảng ủy', 'Chủ tịch HĐND', 'Trưởng Công an', 'Chủ tịch Ủy ban MTTQ'];
const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hà', 'Lương', 'Nông', 'Triệu', 'Lò', 'Đinh'];
const MIDDLES = ['Văn', 'Thị', 'Đức', 'Minh', 'Ngọc', 'Xuân', 'Thanh', 'Hữu', 'Quang', 'Thu'];
const GIVEN = ['Hùng', 'Lan', 'Tuấn', 'Hương', 'Dũng', 'Mai', 'Thắng', 'Hà', 'Sơn', 'Nga', 'Cường', 'Thảo', 'Bình', 'Yến', 'Khánh', 'Phúc'];
const VILLAGE = ['Nà', 'Bản', 'Khuổi', 'Pác', 'Cốc', 'Nặm', 'Phiêng', 'Lũng', 'Đồng', 'Tân', 'Làng', 'Xóm'];
const GROUPS = ['hộ nghèo', 'học sinh có hoàn cảnh khó khăn', 'người có công', 'hộ đồng bào dân tộc thiểu số', 'hội viên nông dân', 'thanh niên', 'người cao tuổi'];

function article(country, portal, a) {
  const u = (x) => unit(country.seed, 51, portal.idx, a.no, x);
  const pick = (list, x) => pickBy(list, u(x));
  const n = (x, lo, hi) => lo + Math.floor(u(x) * (hi - lo + 1));
  const place = portal.name.replace(/^(Cổng TTĐT |UBND |Báo )/, '').replace(/,.*$/, '');
  const village = `thôn ${pick(VILLAGE, 20)} ${pick(PLACE_WORDS, 21)}`;
  const person = `${pick(SURNAMES, 22)} ${pick(MIDDLES, 23)} ${pick(GIVEN, 24)}`;
  const topic = pick(TOPICS, 25);
  const shapes = [
    () => `${place} ${pick(VERBS, 26)} ${topic}`,
    () => `${pick(EVENTS, 27)} ${topic} ${pick(PERIODS, 28)}`,
    () => `${pick(ROLES, 29)} ${place} ${pick(VERBS, 30)} ${topic} tại ${village}`,
    () => `${place}: Hơn ${n(31, 20, 900)} ${pick(GROUPS, 32)} được hỗ trợ ${topic}`,
    () => `Trao ${n(33, 10, 300)} suất quà cho ${pick(GROUPS, 34)} ${village}`,
    () => `${place} hoàn thành ${n(35, 60, 100)}% kế hoạch ${topic} ${pick(PERIODS, 36)}`,
  ];
  const raw = shapes[Math.floor(u(1) * shapes.length)]();
  const title = raw[0].toUpperCase() + raw.slice(1);
  const sentences = [
    `Ngày ${n(40, 1, 28)}/11, ${place} tổ chức ${pick(EVENTS, 41).toLowerCase()} ${topic} với sự tham dự của ${n(42, 30, 250)} đại biểu.`,
    `Đồng chí ${person}, ${pick(ROLES, 43)} ${place} chủ trì.`,
    `Đến nay, ${village} đã có ${n(44, 12, 180)} hộ tham gia, đạt ${n(45, 55, 100)}% chỉ tiêu.`,
    `Tổng kinh phí thực hiện hơn ${n(46, 1, 95)} tỷ đồng, từ nguồn ngân sách và xã hội hóa.`,
    `Trong thời gian tới, ${place.toLowerCase().startsWith('xã') ? 'xã' : 'địa phương'} tiếp tục ${pick(VERBS, 47)} ${pick(TOPICS, 48)}, phấn đấu hoàn thành trước ngày ${n(49, 1, 31)}/12.`,
    `Các đại biểu đã thảo luận, đóng góp ${n(50, 5, 40)} ý kiến sát với thực tiễn ${village}.`,
  ];
  const s0 = Math.floor(u(2) * sentences.length);
  const summary = `${sentences[s0]} ${sentences[(s0 + 1 + Math.floor(u(3) * (sentences.length - 1))) % sentences.length]}`;
  const slug = slugify(title).slice(0, 80);
  return { ...a, title, slug, summary, paragraphs: [summary, sentences[n(52, 0, 5)], sentences[n(53, 0, 5)]] };
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const pad = (n) => String(n).padStart(2, '0');
/** Vietnam-time parts of an instant. */
const vn = (ms) => {
  const d = new Date(ms + VN);
  return { y: d.getUTCFullYear(), m: pad(d.getUTCMonth() + 1), d: pad(d.getUTCDate()), H: pad(d.getUTCHours()), M: pad(d.getUTCMinutes()), S: pad(d.getUTCSeconds()) };
};
const rfc822 = (ms) => new Date(ms).toUTCString().replace('GMT', '+0000');
const rfc822vn = (ms) => {
  const t = vn(ms);
  const wd = new Date(ms + VN).toUTCString().slice(0, 3);
  const mon = new Date(ms + VN).toUTCString().slice(8, 11);
  return `${wd}, ${t.d} ${mon} ${t.y} ${t.H}:${t.M}:${t.S} +0700`;
};

// ---------------------------------------------------------------- rendering per platform

function boilerplateLinks(country, portal, n, prefix) {
  let out = '';
  for (let i = 0; i < n; i++) {
    const u = unit(country.seed, 61, portal.idx, i);
    const text = `${pickBy(VERBS, u)} ${pickBy(TOPICS, unit(country.seed, 62, portal.idx, i))}`;
    out += `<li><a href="${prefix}/${slugify(text).slice(0, 50)}-${i}.aspx" title="${esc(text)}">${esc(text)}</a></li>\n`;
  }
  return out;
}

const RENDER = {
  wordpress(country, portal, base, items) {
    const site = `${base}/p/${portal.id}`;
    const body = items
      .map((a) => {
        const link = `${site}/${a.slug}/`;
        return `\t<item>
\t\t<title>${esc(a.title)}</title>
\t\t<link>${link}</link>
\t\t<dc:creator><![CDATA[Ban biên tập]]></dc:creator>
\t\t<pubDate>${rfc822(a.at)}</pubDate>
\t\t<category><![CDATA[Tin tức - Sự kiện]]></category>
\t\t<guid isPermaLink="false">${site}/?p=${a.no}</guid>
\t\t<description><![CDATA[<p>${a.summary}</p>]]></description>
\t\t<content:encoded><![CDATA[${a.paragraphs.map((p) => `<p>${p}</p>`).join('\n')}<p><img src="${site}/wp-content/uploads/2026/11/${a.slug.slice(0, 30)}.jpg" alt="" /></p>]]></content:encoded>
\t</item>`;
      })
      .join('\n');
    return {
      type: 'application/rss+xml; charset=UTF-8',
      body: `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
\t<title>${esc(portal.name)}</title>
\t<atom:link href="${site}/feed/" rel="self" type="application/rss+xml" />
\t<link>${site}</link>
\t<description>Thông tin hoạt động</description>
\t<lastBuildDate>${rfc822(items[0]?.at ?? 0)}</lastBuildDate>
\t<language>vi</language>
\t<generator>https://wordpress.org/?v=6.5.5</generator>
${body}
</channel>
</rss>
`,
    };
  },
  nukeviet(country, portal, base, items) {
    const site = `${base}/p/${portal.id}`;
    const body = items
      .map(
        (a) => `\t\t<item>
\t\t\t<title>${esc(a.title)}</title>
\t\t\t<link>${site}/news/tin-tuc-su-kien/${a.slug}-${a.no}.html</link>
\t\t\t<guid isPermaLink="false">news_${a.no}</guid>
\t\t\t<description><![CDATA[<img src="${site}/assets/news/2026_11/${a.slug.slice(0, 20)}.jpg" width="100" align="left" border="0">${a.summary}]]></description>
\t\t\t<pubDate>${rfc822vn(a.at)}</pubDate>
\t\t</item>`,
      )
      .join('\n');
    return {
      type: 'application/rss+xml; charset=utf-8',
      body: `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
\t<channel>
\t\t<title>${esc(portal.name)} - Tin Tức</title>
\t\t<link>${site}/news/</link>
\t\t<atom:link href="${site}/news/rss/" rel="self" type="application/rss+xml" />
\t\t<description>Tin tức, sự kiện</description>
\t\t<language>vi</language>
\t\t<generator>NukeViet v4.5</generator>
${body}
\t</channel>
</rss>
`,
    };
  },
  liferay(country, portal, base, items, now) {
    const site = `${base}/p/${portal.id}`;
    const body = items
      .map((a) => {
        const link = `${site}/-/view_content/${a.no}-${a.slug}.html`;
        const iso = new Date(a.at).toISOString().replace('.000', '');
        return `  <entry>
    <title>${esc(a.title)}</title>
    <link rel="alternate" href="${link}" />
    <author><name>Văn phòng UBND</name></author>
    <id>${link}</id>
    <updated>${iso}</updated>
    <published>${iso}</published>
    <summary type="html">${esc(`<p>${a.summary}</p>`)}</summary>
    <dc:creator>Văn phòng UBND</dc:creator>
  </entry>`;
      })
      .join('\n');
    // Some Liferay feeds stamp the feed itself with the time of the request.
    const updated = new Date(portal.dynamic ? now : (items[0]?.at ?? 0)).toISOString();
    return {
      type: 'application/atom+xml; charset=UTF-8',
      body: `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <title>Tin tức - Sự kiện</title>
  <link rel="alternate" href="${site}/tin-tuc-su-kien" />
  <subtitle>${esc(portal.name)}</subtitle>
  <updated>${updated}</updated>
${body}
</feed>
`,
    };
  },
  tandan(country, portal, base, items, now) {
    const list = items
      .map((a) => {
        const t = vn(a.at);
        const href = `/p/${portal.id}/portal/Pages/${t.y}-${Number(t.m)}-${Number(t.d)}/${a.slug}-${a.no.toString(36)}.aspx`;
        return `      <div class="channel-news-item">
        <div class="channel-news-img"><a href="${href}"><img src="/p/${portal.id}/portal/PublishingImages/${t.y}-${t.m}/${a.slug.slice(0, 24)}.jpg" alt="" /></a></div>
        <div class="channel-news-content">
          <label class="channel-news-title"><a href="${href}">${esc(a.title)}</a></label>
          <span class="channel-news-date">${t.d} - ${t.m} - ${t.y}</span>
          <div class="channel-news-summary">${esc(a.summary)}</div>
        </div>
      </div>`;
      })
      .join('\n');
    // ASP.NET's __VIEWSTATE: on some portals it differs on every request, so no two bodies hash alike.
    const state = portal.dynamic ? mix(portal.idx, Math.floor(now / 1000), now % 1000).toString(36) : 'c3RhYmxl';
    const viewstate = `/wEPDwUBMA9kFgJmD2QWAgIBD2QWBAIBD2QWAgIGD2QWAmYPZBYCZg8WAh4TUHJldmlvdXNDb250cm9sTW9kZQspiAFNaWNyb3NvZnQ${state}${'QWAgIBD2QWBAIBD2QW'.repeat(60)}`;
    return {
      type: 'text/html; charset=utf-8',
      body: `<!DOCTYPE html>
<html dir="ltr" lang="vi-VN">
<head>
<meta http-equiv="X-UA-Compatible" content="IE=10" />
<meta http-equiv="Content-type" content="text/html; charset=utf-8" />
<title>Tin tức - Sự kiện - ${esc(portal.name)}</title>
<link rel="stylesheet" type="text/css" href="/_layouts/15/1066/styles/Themable/corev15.css?rev=2p4A5mJxJ%2Bw%3D%3DTAG0"/>
<script type="text/javascript" src="/_layouts/15/init.js?rev=ZT5jUqUbnYbMf%2BzrbbnY4A%3D%3DTAG0"></script>
<script type="text/javascript">var _spPageContextInfo = {webServerRelativeUrl: "/portal", webAbsoluteUrl: "${base}/p/${portal.id}/portal", siteClientTag: "0$$16.0.5361.1000", currentLanguage: 1066, currentUICultureName: "vi-VN"};</script>
</head>
<body>
<form method="post" action="./Tin-tuc-su-kien.aspx" id="aspnetForm">
<div class="aspNetHidden">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="${viewstate}" />
</div>
<div id="tandan-wrapper">
  <div class="tandan-header"><a href="/portal/Pages/default.aspx" class="tandan-logo"><img src="/portal/_catalogs/masterpage/TanDan/images/banner.png" alt="${esc(portal.name)}" /></a>
    <ul class="tandan-menu">
${boilerplateLinks(country, portal, 24, '/portal/Pages')}    </ul>
  </div>
  <div class="tandan-main">
    <div class="channel-news">
      <h2 class="channel-title">Tin tức - Sự kiện</h2>
${list}
      <div class="channel-pager"><a href="?PageIndex=2">2</a> <a href="?PageIndex=3">3</a> <a href="?PageIndex=2">Trang sau</a></div>
    </div>
    <div class="tandan-sidebar">
      <h3>Văn bản chỉ đạo điều hành</h3><ul>
${boilerplateLinks(country, portal, 20, '/portal/VanBan')}      </ul>
      <h3>Thủ tục hành chính</h3><ul>
${boilerplateLinks(country, portal, 20, '/portal/TTHC')}      </ul>
    </div>
  </div>
  <div class="tandan-footer">Cơ quan chủ quản: ${esc(portal.name)}. Địa chỉ: thôn Bản Chang. Điện thoại: 0209.3877.xxx. Ghi rõ nguồn khi phát hành lại thông tin từ cổng thông tin này.</div>
</div>
</form>
</body>
</html>
`,
    };
  },
  story(country, portal, base, items) {
    const list = items
      .map((a, i) => {
        const t = vn(a.at);
        const href = `/p/${portal.id}/thoi-su/${a.slug}-post${a.no}.html`;
        const iso = `${t.y}-${t.m}-${t.d}T${t.H}:${t.M}:${t.S}+0700`;
        return `            <article class="story${i === 0 ? ' story--featured' : ''}">
                <figure class="story__thumb"><a class="cms-link" href="${href}" title="${esc(a.title)}"><img class="lazyload" src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" data-src="https://image.example.vn/w300/Uploaded/${t.y}/${a.slug.slice(0, 24)}.jpg" alt=""></a></figure>
                <h${i === 0 ? 2 : 3} class="story__heading"><a class="cms-link" href="${href}" title="${esc(a.title)}">${esc(a.title)}</a></h${i === 0 ? 2 : 3}>
                <div class="story__meta"><time class="time" datetime="${iso}">${t.H}:${t.M} ${t.d}/${t.m}/${t.y}</time></div>
                <div class="story__summary">${esc(a.summary)}</div>
            </article>`;
      })
      .join('\n');
    return {
      type: 'text/html; charset=utf-8',
      body: `<!DOCTYPE html>
<html lang="vi">
<head>
    <meta charset="utf-8">
    <title>Thời sự - ${esc(portal.name)} điện tử</title>
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta property="og:site_name" content="${esc(portal.name)}">
    <link rel="stylesheet" href="/web/css/common.min.css?v=20260101">
    <script>window.lazySizesConfig = window.lazySizesConfig || {}; lazySizesConfig.loadMode = 1;</script>
    <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsMediaOrganization","name":"${esc(portal.name)}","url":"${base}/p/${portal.id}/"}</script>
</head>
<body class="category-page">
<header class="site-header"><div class="container"><nav class="menu"><ul>
${boilerplateLinks(country, portal, 40, '/chuyen-muc')}</ul></nav></div></header>
<main class="main-content"><div class="container">
        <section class="category-featured">
${list}
        </section>
        <div class="pagination"><a class="pagination__next" href="/thoi-su/trang-2.html">Xem thêm</a></div>
        <aside class="sidebar"><h3 class="sidebar__title">Đọc nhiều</h3><ul>
${boilerplateLinks(country, portal, 30, '/doc-nhieu')}</ul></aside>
</div></main>
<footer class="site-footer">Cơ quan của Đảng bộ tỉnh. Giấy phép số 12/GP-BTTTT. Tổng biên tập: ... Ghi rõ nguồn khi phát hành lại thông tin từ báo điện tử.</footer>
<script src="/web/js/lazysizes.min.js" async></script>
</body>
</html>
`,
    };
  },
};

// ---------------------------------------------------------------- the server

const httpDate = (ms) => new Date(Math.floor(ms / 1000) * 1000).toUTCString();

/**
 * Serves a country on 127.0.0.1. `latencyScale` multiplies every delay (round trips, slow
 * portals, hangs): 0.1 runs a simulated second in 100 ms. The clock is the benchmark's
 * (`setClock`), or the real one if never set.
 *
 * Control routes (also callable as methods): POST /__clock?t=<ms>, POST /__mode?fast=1&frozen=1
 * (fast: no delays and no failures; frozen: the clock stands still), GET /__stats.
 */
export async function startSimCountry({ country, port = 0, latencyScale = 1, routes = {} }) {
  const byId = new Map(country.portals.map((p) => [p.id, p]));
  const cache = new Map();
  const bodies = new Map();
  let clock = null;
  let fast = false;
  const stats = { requests: 0, ok: 0, notModified: 0, errors: 0, hung: 0, bytes: 0 };
  /** Per portal: simulated times of its requests (for the starvation check). */
  const fetchedAt = new Map();
  const sockets = new Set();
  const timers = new Set();
  const later = (ms, fn) => {
    const t = setTimeout(() => (timers.delete(t), fn()), ms);
    timers.add(t);
  };
  const now = () => clock ?? Date.now();

  /** The portal's current body, rendered once per content version (dynamic bytes spliced per request). */
  function current(portal, base, t) {
    const items = listingAt(country, portal, t, cache).map((a) => article(country, portal, a));
    const version = `${items.length}:${items[0]?.no ?? 0}`;
    let b = bodies.get(portal.idx);
    if (portal.dynamic || !b || b.version !== version) {
      const { type, body } = RENDER[portal.platform](country, portal, base, items, t);
      b = { version, type, body, etag: `"${mix(country.seed, portal.idx, items[0]?.no ?? 0, items.length).toString(16)}"`, lastModified: items[0]?.at ?? 0 };
      if (!portal.dynamic) bodies.set(portal.idx, b);
    }
    return b;
  }

  function answer(req, res, portal) {
    const t = now();
    const base = `http://${req.headers.host}`;
    const b = current(portal, base, t);
    const headers = { 'content-type': b.type, 'cache-control': 'no-cache' };
    if (portal.validators === 'both' || portal.validators === 'etag') headers.etag = b.etag;
    if (portal.validators === 'both' || portal.validators === 'lastmod') headers['last-modified'] = httpDate(b.lastModified);
    const inm = req.headers['if-none-match'];
    const ims = Date.parse(req.headers['if-modified-since'] ?? '');
    const notModified = headers.etag ? inm === headers.etag : headers['last-modified'] && !inm && ims >= Math.floor(b.lastModified / 1000) * 1000;
    if (notModified) {
      stats.notModified++;
      return res.writeHead(304, headers.etag ? { etag: headers.etag } : {}).end();
    }
    stats.ok++;
    const buf = Buffer.from(b.body);
    stats.bytes += buf.length;
    res.writeHead(200, { ...headers, 'content-length': buf.length }).end(buf);
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://sim');
    const path = url.pathname;
    if (routes[path]) return routes[path](req, res, url);
    if (path === '/__clock') {
      clock = Number(url.searchParams.get('t'));
      return res.writeHead(204).end();
    }
    if (path === '/__mode') {
      fast = url.searchParams.get('fast') === '1';
      return res.writeHead(204).end();
    }
    if (path === '/__stats') return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(stats));
    const m = /^\/p\/([a-z0-9-]+)(\/.*)$/.exec(path);
    const portal = m && byId.get(m[1]);
    // Any other page of a portal is one of its articles (for sources with fullText).
    if (portal && m[2] !== portal.path && m[2].length > 1) {
      stats.articlePages = (stats.articlePages ?? 0) + 1;
      return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articlePage(portal, m[2]));
    }
    if (!portal || m[2] !== portal.path) return res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>Không tìm thấy trang</h1>');
    stats.requests++;
    const n = stats.requests;
    const times = fetchedAt.get(portal.id) ?? [];
    times.push(now());
    fetchedAt.set(portal.id, times);
    const fail = (status) => {
      stats.errors++;
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(`<h1>${status} - Lỗi máy chủ</h1>`);
    };
    if (!fast && portal.behaviour === 'hang') {
      // Accepts and never answers; the socket is dropped after a while so nothing lingers.
      stats.hung++;
      return later(60_000 * latencyScale, () => res.destroy());
    }
    const delay = fast ? 0 : portal.latencyMs * latencyScale;
    later(delay, () => {
      if (res.destroyed) return;
      if (!fast && portal.behaviour === 'down') return fail(503);
      if (!fast && portal.behaviour === 'flaky' && unit(country.seed, 71, portal.idx, n) < 0.2) return fail(unit(country.seed, 72, n) < 0.5 ? 500 : 502);
      answer(req, res, portal);
    });
  });
  server.keepAliveTimeout = 5000;
  server.on('connection', (s) => (sockets.add(s), s.on('close', () => sockets.delete(s))));
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const actual = server.address().port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    setClock: (t) => (clock = t),
    setFast: (on) => (fast = on),
    stats: () => ({ ...stats }),
    fetchedAt,
    close: () =>
      new Promise((ok) => {
        for (const t of timers) clearTimeout(t);
        for (const s of sockets) s.destroy();
        server.close(ok);
      }),
  };
}

// ---------------------------------------------------------------- CLI

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const country = makeCountry({ n: Number(arg('n', 100)), seed: Number(arg('seed', 1)), archives: Number(arg('archives', 0)) });
  const sim = await startSimCountry({ country, port: Number(arg('port', 8790)), latencyScale: Number(arg('latency-scale', 1)) });
  const out = arg('catalog');
  if (out) writeFileSync(out, JSON.stringify(catalogFor(country, sim.url), null, 1));
  console.log(`${country.portals.length} simulated portals on ${sim.url}${out ? `; catalog in ${out}` : ''}`);
  const stop = () => sim.close().then(() => process.exit(0));
  setTimeout(stop, Number(arg('max-seconds', 3600)) * 1000).unref();
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** How many articles a portal published in [from, to) (ms): what a refresh should have stored. */
export function publishedBetween(country, portal, from, to) {
  let n = 0;
  for (let h = Math.floor(from / HOUR) * HOUR; h < to; h += HOUR) n += articlesOfHour(country, portal, h).filter((a) => a.at >= from && a.at < to).length;
  return n;
}
