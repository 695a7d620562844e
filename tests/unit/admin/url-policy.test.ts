import { describe, expect, it } from 'vitest';
import { checkCatalogUrls } from '../../../src/admin/url-policy';
import { INWARD_URLS } from '../../helpers/inward-urls';

// Address strings only: nothing here connects anywhere.

describe('catalog URLs are checked when they are set', () => {
  const entries = [
    { url: 'https://backan.gov.vn/rss' },
    { url: 'http://0x7f.1:8787/rss' },
    { url: 'http://[::ffff:10.0.0.1]/' },
  ];

  it('names the field of each inward URL', () => {
    expect(checkCatalogUrls(entries, false)).toEqual([
      { field: '[1].url', message: expect.stringMatching(/127\.0\.0\.1 is a loopback address/) },
      { field: '[2].url', message: expect.stringMatching(/private.*IPv4-mapped/) },
    ]);
  });

  it('accepts them when private sources are allowed', () => {
    expect(checkCatalogUrls(entries, true)).toEqual([]);
  });
});

describe('catalog URL spellings a resolver reads as inward', () => {
  it('names the field of each', () => {
    const errors = checkCatalogUrls(INWARD_URLS.map(([url]) => ({ url })), false);
    expect(errors).toEqual(INWARD_URLS.map(([, why], i) => ({ field: `[${i}].url`, message: expect.stringMatching(why) })));
  });
});
