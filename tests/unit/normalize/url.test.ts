import { describe, expect, it } from 'vitest';
import { absoluteUrl, canonicalUrl, withoutUserinfo } from '../../../src/normalize/url';

const base = 'https://chodon.backan.gov.vn/news/tin-tuc/';

describe('absoluteUrl', () => {
  it('resolves relative, root-relative and protocol-relative hrefs', () => {
    expect(absoluteUrl('hoi-nghi-70.html', base)).toBe('https://chodon.backan.gov.vn/news/tin-tuc/hoi-nghi-70.html');
    expect(absoluteUrl('/uploads/anh.jpg', base)).toBe('https://chodon.backan.gov.vn/uploads/anh.jpg');
    expect(absoluteUrl('//baobackan.com.vn/x-post123.html', base)).toBe('https://baobackan.com.vn/x-post123.html');
    expect(absoluteUrl('  http://backan.gov.vn/a  ', base)).toBe('http://backan.gov.vn/a');
  });

  it('decodes &amp; in hrefs', () => {
    expect(absoluteUrl('/Pages/tin.aspx?ItemID=5&amp;CateID=2', base)).toBe(
      'https://chodon.backan.gov.vn/Pages/tin.aspx?ItemID=5&CateID=2',
    );
  });

  it('leaves a parameter that only looks like a legacy entity alone, as a browser does', () => {
    expect(absoluteUrl('/tin.aspx?a=1&copy=2&section=3&lt=4', base)).toBe(
      'https://chodon.backan.gov.vn/tin.aspx?a=1&copy=2&section=3&lt=4',
    );
  });

  it('percent-encodes spaces and Vietnamese letters in paths', () => {
    expect(absoluteUrl('/PictureLibrary/ảnh hội nghị.jpg', base)).toBe(
      'https://chodon.backan.gov.vn/PictureLibrary/%E1%BA%A3nh%20h%E1%BB%99i%20ngh%E1%BB%8B.jpg',
    );
  });

  it('refuses everything that is not http(s)', () => {
    for (const href of [
      'javascript:alert(1)',
      ' javascript:alert(1)',
      'jav&#x09;ascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'mailto:ubnd@backan.gov.vn',
      'tel:0209',
      'ftp://backan.gov.vn/x',
      '',
      '   ',
      undefined,
    ]) {
      expect(absoluteUrl(href, base), String(href)).toBeNull();
    }
  });

  it('still accepts an absolute href when the base is unusable', () => {
    expect(absoluteUrl('https://backan.gov.vn/a', 'not a url')).toBe('https://backan.gov.vn/a');
    expect(absoluteUrl('/a', 'not a url')).toBeNull();
  });
});

describe('canonicalUrl', () => {
  it('drops tracking parameters and keeps the others in order', () => {
    expect(
      canonicalUrl(
        'https://baothainguyen.vn/tin-tuc/a-post1.html?utm_source=zalo&id=7&fbclid=abc&page=2&gclid=x&zarsrc=31&zalo_campaign=y&UTM_Medium=z',
      ),
    ).toBe('https://baothainguyen.vn/tin-tuc/a-post1.html?id=7&page=2');
  });

  it('removes the fragment, an empty ?, default port, and lowercases the host', () => {
    expect(canonicalUrl('HTTPS://BacKan.GOV.vn:443/Tin?utm_source=fb#binh-luan')).toBe('https://backan.gov.vn/Tin');
    expect(canonicalUrl('http://backan.gov.vn:80/a?')).toBe('http://backan.gov.vn/a');
    expect(canonicalUrl('http://127.0.0.1:8787/a')).toBe('http://127.0.0.1:8787/a');
  });

  it('keeps the encoding of the parameters it keeps', () => {
    expect(canonicalUrl('https://x.vn/tim?q=ch%E1%BB%A3+%C4%91%E1%BB%93n&utm_term=a')).toBe(
      'https://x.vn/tim?q=ch%E1%BB%A3+%C4%91%E1%BB%93n',
    );
  });

  it('gives the same URL for the same article found two ways', () => {
    const a = canonicalUrl(absoluteUrl('/-/view_content/123-hoi-nghi.html?utm_source=rss#top', base)!);
    const b = canonicalUrl('https://chodon.backan.gov.vn/-/view_content/123-hoi-nghi.html');
    expect(a).toBe(b);
  });
});

describe('user names and passwords are never kept', () => {
  it.each([
    ['http://user:secret@chodon.backan.gov.vn/tin/1.html', 'http://chodon.backan.gov.vn/tin/1.html'],
    ['https://user@chodon.backan.gov.vn/', 'https://chodon.backan.gov.vn/'],
    ['https://:secret@chodon.backan.gov.vn/a?b=1', 'https://chodon.backan.gov.vn/a?b=1'],
    ['//bientap:matkhau@baobackan.com.vn/anh.jpg', 'https://baobackan.com.vn/anh.jpg'],
  ])('absoluteUrl drops them from %s', (href, expected) => {
    expect(absoluteUrl(href, base)).toBe(expected);
  });

  it('canonicalUrl drops them, so the same article has one id with or without them', () => {
    expect(canonicalUrl('http://a:b@Chodon.Backan.gov.vn/tin/1.html?utm_source=x#top')).toBe('http://chodon.backan.gov.vn/tin/1.html');
  });

  it.each([
    ['http://user:secret@backan.gov.vn/rss.xml', 'http://backan.gov.vn/rss.xml'],
    ['https://backan.gov.vn/tin?email=a@b.vn', 'https://backan.gov.vn/tin?email=a@b.vn'],
    ['https://backan.gov.vn/@tin', 'https://backan.gov.vn/@tin'],
    ['not a url @ all', 'not a url @ all'],
  ])('withoutUserinfo(%s) is %s', (url, expected) => {
    expect(withoutUserinfo(url)).toBe(expected);
  });
});
