import { describe, expect, it } from 'vitest';
import { figuresIn } from '../../../src/stories/figures';

const read = (text: string) => {
  const f = figuresIn(text);
  return { amounts: [...f.amounts], days: [...f.days] };
};

describe('figuresIn', () => {
  it('reads amounts as written in Vietnamese: a dot groups thousands, a comma is the decimal mark', () => {
    expect(read('Cầu dài 86 m, tổng vốn 4,5 tỷ đồng, tiêm cho 1.240 trẻ; nước vượt 0,35 m')).toEqual({ amounts: ['86', '4.5', '1240', '0.35'], days: [] });
  });

  it('reads days as day/month, and leaves out years and counts under ten', () => {
    expect(read('Ngày 19/11/2025, 6 người bị thương; năm 2025 có 12 dự án')).toEqual({ amounts: ['12'], days: ['19/11'] });
  });
});
