import { describe, expect, it } from 'vitest';
import { renderJsonFeed } from '../../../src/serve/render-json';
import { doc, items } from '../../helpers/feed-doc';

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
      content_text: 'Nội dung & ảnh',
      image: 'https://chodon.backan.gov.vn/anh/a.png',
      date_published: '2026-11-20T01:00:00Z',
      _bantin: { source: { id: 'cho-don' }, region: { province: 'bac-kan', district: 'cho-don' } },
    });
    expect(feed.items[1].content_text).toBe('Tin a2');
    expect(feed.items[1]._bantin.date_estimated).toBe(true);
  });
});
