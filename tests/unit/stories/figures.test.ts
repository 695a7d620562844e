import { describe, expect, it } from 'vitest';
import { daysDiffer, figuresIn } from '../../../src/stories/figures';

const read = (text: string) => {
  const f = figuresIn(text);
  return { amounts: [...f.amounts], days: [...f.days] };
};

describe('figuresIn', () => {
  it('reads amounts as written in Vietnamese: a dot groups thousands, a comma is the decimal mark', () => {
    expect(read('Cầu dài 86 m, tổng vốn 4,5 tỷ đồng, tiêm cho 1.240 trẻ; nước vượt 0,35 m')).toEqual({ amounts: ['86', '4.5', '1240', '0.35'], days: [] });
  });

  it('reads days as day/month, leaves out years and shares, and keeps a count under ten with what it counts', () => {
    expect(read('Ngày 19/11/2025, 6 người bị thương; năm 2025 có 12 dự án đạt 19/19 tiêu chí')).toEqual({ amounts: ['6 nguoi', '12'], days: ['19/11'] });
  });

  it('tells two texts dating their events on different days, not one that dates nothing', () => {
    const first = figuresIn('Ngày 30/11, Công an phường kiểm tra chợ');
    expect(daysDiffer(first, figuresIn('Ngày 1/12, Công an phường kiểm tra chợ'))).toBe(true);
    expect(daysDiffer(first, figuresIn('Từ 28/11 đến 30/11, Công an phường kiểm tra chợ'))).toBe(false);
    expect(daysDiffer(first, figuresIn('Công an phường vừa kiểm tra chợ'))).toBe(false);
  });
});
