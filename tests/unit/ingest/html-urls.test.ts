import { describe, expect, it } from 'vitest';
import { firstImageIn, imageUrl, isPlaceholderImage } from '../../../src/ingest/html-urls';

const img = (attrs: Record<string, string>) => ({ getAttribute: (n: string) => attrs[n] ?? null });
const base = 'https://xa.example.gov.vn/tin-tuc/';

describe('images that are not pictures', () => {
  it('leaves out "new" and "hot" badges by their file name', () => {
    expect(isPlaceholderImage('https://xa.example.gov.vn/images/new.gif')).toBe(true);
    expect(isPlaceholderImage('https://xa.example.gov.vn/images/icon_hot2.gif')).toBe(true);
    expect(firstImageIn('<p><img src="/img/moi.gif"> <img src="/anh/hop-dan.jpg"></p>')).toBe('/anh/hop-dan.jpg');
  });

  it('leaves out a picture whose alt is only the badge word', () => {
    expect(imageUrl(img({ src: 'nhan-moi.png', alt: 'Tin mới' }), base)).toBeUndefined();
    expect(imageUrl(img({ src: 'nhan.png', alt: 'NEW' }), base)).toBeUndefined();
  });

  it('leaves out stand-ins for a missing picture in any format, not pictures whose names start alike', () => {
    for (const stand of ['/Images/no_image.jpg', '/images/noimage.jpg', '/assets/no-photo.png', '/img/default-thumbnail.jpg', '/upload/anh-mac-dinh.jpg', '/Content/images/NoImage.JPG']) {
      expect(isPlaceholderImage(`https://xa.example.gov.vn${stand}?v=2`)).toBe(true);
    }
    for (const real of ['/uploads/2024/12/no-le-hoi.jpg', '/uploads/default/hoi-nghi.jpg', '/uploads/nophong-chong-dich.jpg']) {
      expect(isPlaceholderImage(`https://xa.example.gov.vn${real}`)).toBe(false);
    }
  });

  it('keeps pictures whose names or alts merely contain those words', () => {
    expect(isPlaceholderImage('https://xa.example.gov.vn/uploads/news-2024.gif')).toBe(false);
    expect(isPlaceholderImage('https://xa.example.gov.vn/uploads/nong-thon-moi.jpg')).toBe(false);
    expect(imageUrl(img({ src: 'ntm.jpg', alt: 'Xã đạt chuẩn nông thôn mới' }), base)).toBe('https://xa.example.gov.vn/tin-tuc/ntm.jpg');
  });
});
