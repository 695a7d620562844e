import { beforeAll, describe, expect, it } from 'vitest';
import { adminCall, call, origin } from '../helpers/worker';
import { activeHtml, badLink } from '../helpers/xss';
import corpusRss from '../fixtures/xss/corpus-rss.xml?raw';
import { child, children, parseXml, type XmlNode } from '../helpers/xml';

// The XSS corpus (tests/fixtures/xss/corpus-*) — script tags, event handlers, javascript: and
// data: URLs, SVG and MathML, style tricks, entity-encoded and double-encoded variants, broken
// markup, CDATA breakouts — in titles, summaries, content, links, image URLs, authors,
// categories and the source's own name, served by the loopback fixture origin as RSS, JSON
// Feed and an HTML listing, refreshed for real. Then every output bantin serves is read the
// way its consumer reads it, and nothing in it may run.

const HOSTILE_NAME = `Cổng "xã" <script>alert('nguồn')</script> & <img src=x onerror=alert(0)>`;
const catalog = () => [
  { id: 'xss-rss', name: HOSTILE_NAME, url: `${origin()}/xss/corpus-rss.xml`, kind: 'feed', region: { province: 'bac-kan', district: 'cho-don' } },
  { id: 'xss-json', name: 'Báo <svg onload=alert(0)>', url: `${origin()}/xss/corpus-feed.json`, kind: 'feed', region: { province: 'bac-kan' } },
  {
    id: 'xss-listing',
    name: 'UBND xã Nà Phặc',
    url: `${origin()}/xss/corpus-listing.html`,
    kind: 'html',
    selectors: { item: 'div.tin', title: 'h3 > a', link: 'h3 > a', date: 'span.ngay', summary: 'p.tom-tat', image: 'img.anh' },
    region: { province: 'bac-kan' },
  },
];
const SOURCES = 'source=xss-rss&source=xss-json&source=xss-listing';

/** Everything found in one output, labelled with where it was. */
type Check = () => Promise<string[]>;
const findings = async (checks: Record<string, Check>) => {
  const out: string[] = [];
  for (const [where, check] of Object.entries(checks)) for (const f of await check()) out.push(`${where}: ${f}`);
  return out;
};

const get = async (path: string) => {
  const res = await call(path);
  expect({ path, status: res.status }).toEqual({ path, status: 200 });
  return res;
};

/** RSS, read strictly; `fields` chooses which HTML fields to check (descriptions are separate, see below). */
async function rssFindings(path: string, fields: string[] = ['content:encoded']): Promise<string[]> {
  const res = await get(path);
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  const doc = parseXml(await res.text()); // strict: a breakout would make it ill-formed
  const channel = child(doc, 'channel')!;
  const out: string[] = [];
  const items = children(channel, 'item');
  expect(items.length).toBeGreaterThan(5);
  for (const item of items) {
    const id = child(item, 'guid')?.text ?? '?';
    for (const name of fields) {
      const html = child(item, name)?.text;
      if (html) for (const f of await activeHtml(html, 'content')) out.push(`${id} ${name}: ${f}`);
    }
    out.push(...badLink(child(item, 'link')?.text, `${id} link`));
    for (const name of ['enclosure', 'media:thumbnail', 'media:content']) for (const n of children(item, name)) out.push(...badLink(n.attrs.url, `${id} ${name}`));
    out.push(...badLink(child(item, 'source')?.attrs.url, `${id} source`));
  }
  return out;
}

async function atomFindings(path: string): Promise<string[]> {
  const res = await get(path);
  const feed = parseXml(await res.text());
  const out: string[] = [];
  const entries = children(feed, 'entry');
  expect(entries.length).toBeGreaterThan(5);
  for (const entry of entries) {
    const id = child(entry, 'id')!.text;
    for (const name of ['title', 'summary', 'content']) {
      const n = child(entry, name);
      if (!n) continue;
      const type = n.attrs.type ?? 'text';
      if (type === 'html' || type === 'xhtml') for (const f of await activeHtml(n.text, 'content')) out.push(`${id} ${name}: ${f}`);
      else if (type !== 'text') out.push(`${id} ${name}: unexpected type ${type}`);
    }
    const links = (n: XmlNode) => children(n, 'link').map((l) => l.attrs.href);
    for (const href of links(entry)) out.push(...badLink(href, `${id} link`));
    const source = child(entry, 'source');
    if (source) for (const href of links(source)) out.push(...badLink(href, `${id} source link`));
  }
  return out;
}

interface JsonFeedItem {
  id: string;
  url?: string;
  external_url?: string;
  image?: string;
  banner_image?: string;
  content_html?: string;
  authors?: { url?: string }[];
  _bantin?: { source?: { url?: string; feed_url?: string } };
}

async function jsonFindings(path: string): Promise<string[]> {
  const res = await get(path);
  expect(res.headers.get('content-type')).toMatch(/^application\/(feed\+)?json/);
  const feed = (await res.json()) as { items: JsonFeedItem[]; home_page_url?: string; feed_url?: string; next_url?: string };
  const out = [...badLink(feed.home_page_url, 'home_page_url'), ...badLink(feed.feed_url, 'feed_url'), ...badLink(feed.next_url, 'next_url')];
  expect(feed.items.length).toBeGreaterThan(5);
  for (const item of feed.items) {
    if (item.content_html) for (const f of await activeHtml(item.content_html, 'content')) out.push(`${item.id} content_html: ${f}`);
    for (const key of ['url', 'external_url', 'image', 'banner_image'] as const) out.push(...badLink(item[key], `${item.id} ${key}`));
    for (const a of item.authors ?? []) out.push(...badLink(a.url, `${item.id} author url`));
    out.push(...badLink(item._bantin?.source?.url, `${item.id} _bantin.source.url`), ...badLink(item._bantin?.source?.feed_url, `${item.id} _bantin.source.feed_url`));
  }
  return out;
}

/** Every string value under a key that names a URL, anywhere in a JSON document. */
function jsonUrls(value: unknown, path = ''): Array<[string, string]> {
  if (Array.isArray(value)) return value.flatMap((v, i) => jsonUrls(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) =>
      typeof v === 'string' && /(^|_)(url|image|href|link)$/i.test(k) ? [[`${path}.${k}`, v] as [string, string]] : jsonUrls(v, `${path}.${k}`),
    );
  }
  return [];
}

async function apiFindings(path: string): Promise<string[]> {
  const res = await get(path);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  const body = (await res.json()) as unknown;
  const out = jsonUrls(body).flatMap(([where, v]) => badLink(v, `${path} ${where}`));
  const html = JSON.stringify(body).match(/"content_?html":"(?:[^"\\]|\\.)*"/gi) ?? [];
  for (const h of html) for (const f of await activeHtml(JSON.parse(`{${h}}`)[h.slice(1, h.indexOf('"', 1))] as string, 'content')) out.push(`${path} content html: ${f}`);
  return out;
}

async function pageFindings(path: string): Promise<string[]> {
  const res = await get(path);
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-/);
  return activeHtml(await res.text(), 'page');
}

describe('the XSS corpus through every output', () => {
  let summary: { sources: { id: string; outcome: string; error?: string }[] };

  beforeAll(async () => {
    const put = await adminCall('/admin/sources', 'PUT', catalog());
    if (put.status !== 200) throw new Error(await put.text());
    summary = (await (await adminCall('/admin/refresh', 'POST')).json()) as typeof summary;
  });

  it('reads the hostile sources (the corpus is stored, not refused)', () => {
    expect(summary.sources.map((s) => [s.id, s.outcome]).sort()).toEqual([
      ['xss-json', 'updated'],
      ['xss-listing', 'updated'],
      ['xss-rss', 'updated'],
    ]);
  });

  it('(the checker itself sees what runs in the corpus as written)', async () => {
    const raw = [...corpusRss.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)].map((m) => m[1]).join('\n');
    const found = (await activeHtml(raw, 'content')).join('\n');
    for (const needle of ['<script> element', 'onclick=', 'onerror=', '"javascript:alert(8)"', '<iframe> element', 'style=', '<svg> outside', 'data:text/html', '<base> element', 'xlink:href']) {
      expect(found).toContain(needle);
    }
    expect(await activeHtml('<a href="/sources">x</a><script src="/embed.js"></script><script nonce="abc">1</script>', 'page')).toEqual([]);
    expect(await activeHtml('<a href="jav&#x09;ascript:alert(1)">x</a><script>alert(2)</script>', 'page')).toHaveLength(3);
  });

  it('drops articles whose only link is not http(s), keeps the others', async () => {
    const feed = (await (await call(`/feed.json?${SOURCES}&limit=500`)).json()) as { items: { url: string; title: string }[] };
    const titles = feed.items.map((i) => i.title);
    expect(titles).not.toContain('Trao quà cho hộ nghèo dịp Tết'); // data: link
    expect(titles).not.toContain('Bài có liên kết độc'); // javascript: link
    expect(titles).toContain('Khánh thành cầu treo bản Nà Pài');
    expect(titles).toContain('Tập huấn phòng chống cháy rừng mùa khô'); // javascript: link, but an http guid
    expect(feed.items.length).toBeGreaterThanOrEqual(10);
  });

  it('RSS: well-formed; content:encoded sanitized; links, enclosures, thumbnails http(s)', async () => {
    expect(await findings({ all: () => rssFindings('/feed.rss?limit=500'), sources: () => rssFindings(`/feed.rss?${SOURCES}&limit=500`) })).toEqual([]);
  });

  // KNOWN BUG, reported to the serve owner (src/serve/render-rss.ts, not fixed here): RSS 2.0
  // readers take <description> as (entity-encoded) HTML, but bantin writes its plain-text
  // summary into it escaped only once for XML. A portal that double-encodes markup
  // ("&amp;lt;script&amp;gt;alert(35)…", item bangvan-104) yields the summary text
  // "<script>alert(35)</script> Thôn Khuổi Cuồng…", which a reader then runs. The fix: escape
  // the summary as HTML before XML (or write it as sanitized HTML). When fixed, this test
  // fails: drop `.fails` and move 'description' into the check above.
  it('RSS: <description>, read as the HTML it is to readers, has nothing that runs', async () => {
    expect(await findings({ all: () => rssFindings('/feed.rss?limit=500', ['description']) })).toEqual([]);
  });

  it('Atom: well-formed, and nothing in it runs', async () => {
    expect(await findings({ all: () => atomFindings('/feed.atom?limit=500'), sources: () => atomFindings(`/feed.atom?${SOURCES}&limit=500`) })).toEqual([]);
  });

  it('JSON Feed: content_html sanitized, every URL http(s)', async () => {
    expect(await findings({ all: () => jsonFindings('/feed.json?limit=500'), sources: () => jsonFindings(`/feed.json?${SOURCES}&limit=500`) })).toEqual([]);
  });

  it('JSONP wraps the feed without letting it break out of the call', async () => {
    const res = await get('/feed.json?limit=500&callback=bantin.render');
    const js = await res.text();
    const m = /^\/\*\*\/ typeof bantin\.render === 'function' && bantin\.render\(([\s\S]*)\);$/.exec(js);
    expect(m).not.toBeNull();
    expect(() => JSON.parse(m![1])).not.toThrow();
  });

  it('the JSON API: every URL http(s), content sanitized', async () => {
    const list = (await (await call(`/api/articles?${SOURCES}&limit=100`)).json()) as { items?: { id: string }[]; articles?: { id: string }[] };
    const ids = (list.items ?? list.articles ?? []).map((a) => a.id.replace(/^.*:/, ''));
    expect(ids.length).toBeGreaterThan(5);
    const checks: Record<string, Check> = {
      sources: () => apiFindings('/api/sources'),
      articles: () => apiFindings(`/api/articles?${SOURCES}&limit=100`),
    };
    for (const id of ids) checks[id] = () => apiFindings(`/api/articles/${id}`);
    expect(await findings(checks)).toEqual([]);
  });

  it('the web pages: no script but our own, no handler, no active URL', async () => {
    const probe = await call('/');
    if (!(probe.headers.get('content-type') ?? '').startsWith('text/html')) return; // pages not mounted
    expect(
      await findings({
        home: () => pageFindings('/?limit=100'),
        province: () => pageFindings('/p/bac-kan'),
        source: () => pageFindings('/s/xss-rss'),
        search: () => pageFindings(`/?q=${encodeURIComponent('<script>alert(1)</script>')}`),
        sources: () => pageFindings('/sources'),
        embed: () => pageFindings('/embed'),
      }),
    ).toEqual([]);
  });

  it('the pages show hostile text as text', async () => {
    const probe = await call('/s/xss-rss');
    if (!(probe.headers.get('content-type') ?? '').startsWith('text/html')) return;
    const html = await probe.text();
    expect(html).toContain('&lt;script&gt;alert(&#39;nguồn&#39;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(0)&gt;');
    expect(html).not.toMatch(/<script>alert|<img src=x/);
  });

  it('the widget script writes text only as text', async () => {
    const res = await call('/embed.js');
    if (res.status === 404) return; // not built yet
    expect(res.headers.get('content-type')).toMatch(/^application\/javascript/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const js = await res.text();
    expect(js).not.toMatch(/\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function|setTimeout\(\s*['"]/);
    expect(js).toMatch(/textContent/);
  });

  it('OPML of the sources is well-formed with the hostile name escaped', async () => {
    const res = await call('/sources.opml');
    if (res.status === 404) return; // not built yet
    const doc = parseXml(await res.text());
    const names = JSON.stringify(doc);
    expect(names).toContain(HOSTILE_NAME.replace(/"/g, '\\"'));
  });
});
