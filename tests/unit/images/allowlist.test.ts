import { describe, expect, it } from 'vitest';
import { allowedImageHosts, otherImageHosts } from '../../../src/images/allowlist';

describe('the image hosts', () => {
  it('of a source’s articles leave out its own host, and are absent when that is all', () => {
    const url = 'https://backan.gov.vn/rss/tin-tuc.rss';
    expect(otherImageHosts(url, ['https://backan.gov.vn/a.jpg', 'http://backan.gov.vn/b.jpg', undefined])).toBeUndefined();
    expect(otherImageHosts(url, ['https://cdn.backan.gov.vn/a.jpg', 'https://backan.gov.vn/b.jpg', 'HTTP://CDN.backan.gov.vn:8080/c.jpg'])).toEqual([
      'cdn.backan.gov.vn',
      'cdn.backan.gov.vn:8080',
    ]);
  });

  it('allowed: every source’s host, its discovered feed’s and its articles’ image hosts, once each, sorted', () => {
    const sources = [
      { id: 'backan', url: 'https://backan.gov.vn/' },
      { id: 'cho-don', url: 'https://chodon.backan.gov.vn/tin-tuc' },
      { id: 'moi', url: 'https://backan.gov.vn/moi' },
    ];
    const state = {
      version: 1 as const,
      sources: {
        backan: { failures: 0, feedUrl: 'https://rss.backan.gov.vn/feed', imageHosts: ['cdn.backan.gov.vn'] },
        'cho-don': { failures: 0, imageHosts: ['cdn.backan.gov.vn', 'i.baobackan.vn'] },
        // A deleted source's state does not count.
        cu: { failures: 0, imageHosts: ['cu.example.vn'] },
      },
    };
    expect(allowedImageHosts(sources, state)).toEqual(['backan.gov.vn', 'cdn.backan.gov.vn', 'chodon.backan.gov.vn', 'i.baobackan.vn', 'rss.backan.gov.vn']);
  });
});
