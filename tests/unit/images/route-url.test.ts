import { describe, expect, it } from 'vitest';
import { imageRoute } from '../../../src/images/route-url';

describe('imageRoute', () => {
  it('puts an http(s) image URL into /img?u=, encoded so no quote or bracket of it reaches markup', () => {
    expect(imageRoute('http://backan.gov.vn/anh/le hội.jpg?w=300&h=200')).toBe(`/img?u=${encodeURIComponent('http://backan.gov.vn/anh/le hội.jpg?w=300&h=200')}`);
    const breakout = imageRoute('https://bao.example.vn/anh/che.jpg" onerror="alert(116)><script>alert(1)</script>')!;
    expect(breakout).not.toMatch(/["'<> ]/);
    expect(new URLSearchParams(breakout.slice('/img?'.length)).get('u')).toBe('https://bao.example.vn/anh/che.jpg" onerror="alert(116)><script>alert(1)</script>');
  });

  it('gives nothing for what is no absolute http(s) URL', () => {
    for (const u of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', '/anh/a.jpg', '', undefined]) expect(imageRoute(u)).toBeUndefined();
  });
});
