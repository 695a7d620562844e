import { describe, expect, it } from 'vitest';
import { daysDiffer, figuresIn, measuresDiffer } from '../../../src/stories/figures';

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

  it('reads a day written with a dash after a day word opening a sentence, as papers date, but no deadline, span, other day or score', () => {
    expect(figuresIn('Ngày 18-3, đoàn đại biểu tỉnh hội đàm').days).toEqual(new Set(['18/3']));
    expect(figuresIn('Sáng 20-3-2026, đoàn đại biểu tỉnh hội đàm').days).toEqual(new Set(['20/3']));
    expect(daysDiffer(figuresIn('Ngày 18-3, tỉnh hội đàm với thành phố Sùng Tả'), figuresIn('Ngày 20-3, tỉnh hội đàm với thành phố Bằng Tường'))).toBe(true);
    expect(figuresIn('Các xã bàn giao mặt bằng trước ngày 30-10, chậm nhất ngày 5-11').days.size).toBe(0);
    expect(figuresIn('Từ ngày 5-5 đến 20-5, xã tiêm phòng cho đàn trâu').days.size).toBe(0);
    expect(figuresIn('Dân quân giúp dân dọn bùn sau trận mưa lớn đêm 10-8.').days.size).toBe(0);
    expect(figuresIn('Đội bóng thắng 2-0 trước đội khách').days.size).toBe(0);
  });

  it('tells two texts stating exactly different amounts of one thing: two seizures, two handovers', () => {
    const seized = figuresIn('Công an huyện bắt quả tang đối tượng vận chuyển 750 gam ma túy tổng hợp');
    expect(measuresDiffer(seized, figuresIn('Công an huyện bắt quả tang đối tượng vận chuyển 500 gam ma túy tổng hợp'))).toBe(true);
    expect(measuresDiffer(figuresIn('Xã bàn giao 8 căn nhà Đại đoàn kết'), figuresIn('Xã bàn giao 11 nhà Đại đoàn kết cho hộ nghèo'))).toBe(true);
    expect(measuresDiffer(figuresIn('Tỉnh giải ngân 65% vốn đầu tư công'), figuresIn('Tỷ lệ giải ngân vốn đầu tư công đạt 72%'))).toBe(true);
  });

  it('keeps together a copy that rounds, hedges or omits the amount', () => {
    const exact = figuresIn('Tiêm vắc xin cho 14.250 trẻ, tổng kinh phí 4,56 tỷ đồng');
    expect(measuresDiffer(exact, figuresIn('Tiêm vắc xin cho 14.000 trẻ, kinh phí 4,6 tỷ đồng'))).toBe(false);
    expect(measuresDiffer(exact, figuresIn('Tiêm vắc xin cho hơn 14 nghìn trẻ, kinh phí gần 5 tỷ đồng'))).toBe(false);
    expect(measuresDiffer(exact, figuresIn('Hơn 14.000 trẻ được tiêm vắc xin'))).toBe(false);
    expect(measuresDiffer(exact, figuresIn('Tiêm vắc xin cho trẻ trên địa bàn'))).toBe(false);
    expect(measuresDiffer(figuresIn('Giải ngân 58,46% kế hoạch vốn'), figuresIn('Giải ngân 58,5% kế hoạch vốn, hơn 60% vốn địa phương'))).toBe(false);
    // Words after a number that count nothing: a place in a table, a score, a year.
    expect(measuresDiffer(figuresIn('Thắng 2-0 trên sân nhà, vươn lên thứ 5 trên bảng'), figuresIn('Thắng 2-0 trước Hải Phòng, đứng thứ 3 trên bảng'))).toBe(false);
  });

  it('keeps together a count one text gives under another word', () => {
    const group = figuresIn('Nhóm 6 học sinh rủ nhau tắm suối, 2 em bị nước cuốn trôi; người dân cứu được 4 em.');
    expect(measuresDiffer(group, figuresIn('2 học sinh tử vong do đuối nước khi tắm suối'))).toBe(false);
    expect(measuresDiffer(group, figuresIn('3 học sinh tử vong do đuối nước khi tắm suối'))).toBe(true);
  });

  it('reads thousands written as a word as the number written out', () => {
    expect(read('Đón hơn 650 nghìn lượt khách').amounts).toContain('650000');
    expect(read('Thu 2,5 nghìn tỷ đồng').amounts).toContain('2500');
  });
});
