import { describe, expect, it } from 'vitest';
import { dateInUrl } from '../../../src/article/url-date';

const now = new Date('2026-01-01T00:00:00Z');

describe('dateInUrl', () => {
  it('reads a year/month/day path as the start of that day in Vietnam time, without a time', () => {
    expect(dateInUrl('https://truong.example.vn/2024/12/05/bai-viet/', now)).toEqual({ date: new Date('2024-12-04T17:00:00Z'), hasTime: false });
    expect(dateInUrl('https://truong.example.vn/tin/2024/3/9', now)?.date.toISOString()).toBe('2024-03-08T17:00:00.000Z');
  });

  it('gives nothing for ids, partial dates, impossible days, queries, days to come or a bad address', () => {
    for (const url of [
      'https://xa.example.vn/tin-tuc/2024/12/bai-viet',
      'https://xa.example.vn/news/20241205/bai',
      'https://xa.example.vn/2024/02/30/bai',
      'https://xa.example.vn/bai?d=/2024/12/05/',
      'https://xa.example.vn/2024/12/05123/bai',
      'https://xa.example.vn/2026/06/01/bai',
      'not a url',
    ]) expect(dateInUrl(url, now), url).toBeNull();
  });
});
