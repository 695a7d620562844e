import { describe, expect, it } from 'vitest';
import { renderRss } from '../../../src/serve/render-rss';
import { doc } from '../../helpers/feed-doc';
import { child, children, parseXml } from '../../helpers/xml';

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
  });
  it('escapes text and drops characters XML forbids, so readers that take RSS text as HTML show it as text', () => {
    const item = children(channel, 'item')[0];
    expect(child(item, 'title')!.text).toBe('Hội nghị &lt;b&gt;& "tổng kết"&lt;/b&gt;');
    expect(child(item, 'content:encoded')!.text).toBe('<p>Nội dung &amp; ảnh</p>');
  });
  it('carries a body as CDATA that reads back exactly, even one holding "]]>" or characters XML forbids', () => {
    const body = '<p>Mã <code>a]]>b</code> và <a href="https://x.vn/?a=1&amp;b=2">liên kết</a>\u0001</p>';
    const one = { ...doc, items: [{ ...doc.items[0], contentHtml: body }] };
    const encoded = child(children(child(parseXml(renderRss(one)), 'channel')!, 'item')[0], 'content:encoded')!.text;
    expect(encoded).toBe(body.replace('\u0001', ''));
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
