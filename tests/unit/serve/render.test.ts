import { describe, expect, it } from 'vitest';
import type { FeedDoc } from '../../../src/serve/feed-doc';
import { renderAtom } from '../../../src/serve/render-atom';
import { renderJsonFeed } from '../../../src/serve/render-json';
import { renderRss } from '../../../src/serve/render-rss';
import type { FeedItem } from '../../../src/serve/feed-item';
import { article } from '../../helpers/articles';
import { child, children, parseXml } from '../../helpers/xml';

const source = { id: 'cho-don', name: 'Cổng TTĐT huyện Chợ Đồn', url: 'https://chodon.backan.gov.vn/', region: { province: 'bac-kan', district: 'cho-don' } };
const items: FeedItem[] = [
  {
    ...article({ id: 'a1', sourceId: 'cho-don', title: 'Hội nghị <b>& "tổng kết"</b>\u0001', image: 'https://chodon.backan.gov.vn/anh/a.png', categories: ['Thời sự'] }),
    contentHtml: '<p>Nội dung &amp; ảnh</p>',
    source,
  },
  { ...article({ id: 'a2', sourceId: 'cho-don', summary: '', dateEstimated: true, published: '2026-11-19T00:00:00.000Z' }), source },
];
const doc: FeedDoc = {
  title: 'bantin — huyện Chợ Đồn',
  description: 'Tin tức',
  homeUrl: 'https://bantin.example/?district=bac-kan/cho-don',
  selfUrl: 'https://bantin.example/feed.rss?district=bac-kan/cho-don',
  formats: { rss: 'https://bantin.example/feed.rss', atom: 'https://bantin.example/feed.atom', json: 'https://bantin.example/feed.json' },
  updated: '2026-11-27T03:00:00.000Z',
  builtAt: '2026-11-27T03:05:00.000Z',
  items,
  nextUrl: 'https://bantin.example/feed.rss?cursor=abc',
  sourceFeedUrl: (id) => `https://bantin.example/feed.rss?source=${id}`,
};

describe('RSS 2.0', () => {
  const rss = parseXml(renderRss(doc));
  const channel = child(rss, 'channel')!;
  it('has the channel elements readers and validators expect', () => {
    expect(rss.attrs.version).toBe('2.0');
    expect(child(channel, 'language')!.text).toBe('vi');
    const links = children(channel, 'atom:link');
    expect(links.find((l) => l.attrs.rel === 'self')!.attrs.href).toBe(doc.selfUrl);
    expect(links.find((l) => l.attrs.rel === 'next')!.attrs.href).toBe(doc.nextUrl);
    expect(child(channel, 'lastBuildDate')!.text).toBe('Fri, 27 Nov 2026 03:00:00 GMT');
  });
  it('leaves lastBuildDate out of a feed that never had an article, rather than saying 1 January 1970', () => {
    const empty = { ...doc, updated: null, items: [], nextUrl: undefined };
    expect(child(child(parseXml(renderRss(empty)), 'channel')!, 'lastBuildDate')).toBeUndefined();
    expect(child(parseXml(renderAtom(empty)), 'updated')!.text).toBe('2026-11-27T03:05:00Z');
  });
  it('escapes text and drops characters XML forbids, so readers that take RSS text as HTML show it as text', () => {
    const item = children(channel, 'item')[0];
    expect(child(item, 'title')!.text).toBe('Hội nghị &lt;b&gt;& "tổng kết"&lt;/b&gt;');
    expect(child(item, 'content:encoded')!.text).toBe('<p>Nội dung &amp; ảnh</p>');
  });
  it('gives each item a guid, an RFC 822 date, its portal and its image', () => {
    const item = children(channel, 'item')[0];
    expect(child(item, 'guid')!.text).toBe('urn:bantin:article:a1');
    expect(child(item, 'pubDate')!.text).toBe('Fri, 20 Nov 2026 01:00:00 GMT');
    expect(child(item, 'source')!.attrs.url).toBe('https://bantin.example/feed.rss?source=cho-don');
    expect(child(item, 'source')!.text).toBe('Cổng TTĐT huyện Chợ Đồn');
    expect(child(item, 'enclosure')!.attrs).toMatchObject({ type: 'image/png', length: '0' });
    expect(child(item, 'media:thumbnail')!.attrs.url).toBe('https://chodon.backan.gov.vn/anh/a.png');
    expect(child(item, 'category')!.text).toBe('Thời sự');
    expect(child(children(channel, 'item')[1], 'description')).toBeUndefined();
  });
});

describe('Atom 1.0', () => {
  const feed = parseXml(renderAtom(doc));
  it('has feed id, updated, author and self link', () => {
    expect(feed.attrs.xmlns).toBe('http://www.w3.org/2005/Atom');
    expect(child(feed, 'id')!.text).toBe(doc.formats.atom);
    expect(child(feed, 'updated')!.text).toBe('2026-11-27T03:00:00Z');
    expect(child(child(feed, 'author')!, 'name')!.text).toBe('bantin');
    expect(children(feed, 'link').find((l) => l.attrs.rel === 'self')!.attrs.href).toBe(doc.selfUrl);
  });
  it('gives each entry an id, dates, a link and a source', () => {
    const entry = children(feed, 'entry')[0];
    expect(child(entry, 'id')!.text).toBe('urn:bantin:article:a1');
    expect(child(entry, 'updated')!.text).toBe('2026-11-20T01:00:00Z');
    expect(child(entry, 'published')!.text).toBe('2026-11-20T01:00:00Z');
    expect(child(entry, 'link')!.attrs.href).toBe('https://backan.gov.vn/tin/a1.html');
    const src = child(entry, 'source')!;
    expect(child(src, 'title')!.text).toBe('Cổng TTĐT huyện Chợ Đồn');
    expect(child(src, 'id')!.text).toBe('urn:bantin:source:cho-don');
  });
});

describe('JSON Feed 1.1', () => {
  const feed = JSON.parse(renderJsonFeed(doc));
  it('declares 1.1, Vietnamese, authors and paging', () => {
    expect(feed).toMatchObject({ version: 'https://jsonfeed.org/version/1.1', language: 'vi', authors: [{ name: 'bantin' }], next_url: doc.nextUrl, feed_url: doc.selfUrl });
  });
  it('gives items ids, RFC 3339 dates, content and the _bantin extension', () => {
    expect(feed.items[0]).toMatchObject({
      id: 'urn:bantin:article:a1',
      url: 'https://backan.gov.vn/tin/a1.html',
      content_html: '<p>Nội dung &amp; ảnh</p>',
      image: 'https://chodon.backan.gov.vn/anh/a.png',
      date_published: '2026-11-20T01:00:00Z',
      _bantin: { source: { id: 'cho-don' }, region: { province: 'bac-kan', district: 'cho-don' } },
    });
    expect(feed.items[1].content_text).toBe('Tin a2');
    expect(feed.items[1]._bantin.date_estimated).toBe(true);
  });
});
