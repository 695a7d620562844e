import { describe, expect, it } from 'vitest';
import { explainCopy } from '../../../src/stories';

describe('explainCopy', () => {
  it('names what two copies share: title words, places, numbers, and their similarity', () => {
    const why = explainCopy(
      { title: 'Kỳ họp thứ 22 HĐND tỉnh Bắc Kạn khai mạc', summary: 'Sáng 10/12, Kỳ họp thứ 22 HĐND tỉnh Bắc Kạn khóa X khai mạc tại Trung tâm Hội nghị tỉnh.' },
      { title: 'Khai mạc Kỳ họp thứ 22 Hội đồng nhân dân tỉnh Bắc Kạn', summary: 'Kỳ họp thứ 22 HĐND tỉnh Bắc Kạn khóa X đã khai mạc.' },
    );
    expect(why.score).toBeGreaterThanOrEqual(0.5);
    expect(why.words).toEqual(expect.arrayContaining(['ky', 'bac', 'kan', 'khai', 'mac']));
    expect(why.words).not.toContain('tinh'); // a grammar or kind word proves nothing
    expect(why.names).toEqual(['bắc kạn']);
    expect(why.numbers).toEqual(expect.arrayContaining(['hop 22', 'khoa 10']));
  });

  it('says what carried a retelling in other words: the figures and names both report', () => {
    const why = explainCopy(
      { title: 'Khánh thành cầu treo bản Nà Pàn, xã Tam Thanh', summary: 'Ngày 19/11, xã Tam Thanh khánh thành cầu treo bản Nà Pàn dài 86 m, tổng vốn 4,5 tỷ đồng.' },
      { title: 'Người dân bản Nà Pàn hết cảnh lội suối nhờ cây cầu treo 4,5 tỷ đồng', summary: 'Cây cầu treo dài 86 m ở bản Nà Pàn, xã Tam Thanh đã được đưa vào sử dụng từ ngày 19/11.' },
    );
    expect(why.score).toBe(0.5);
    expect(why.numbers).toEqual(expect.arrayContaining(['amount 86', 'amount 4.5', 'day 19/11']));
    expect(why.names).toEqual(expect.arrayContaining(['nà pàn', 'tam thanh']));
  });

  it('gives a similarity of 0 and no shared place for two look-alikes of different places', () => {
    const why = explainCopy(
      { title: 'Xã Bằng Vân ra quân tổng vệ sinh môi trường', summary: '' },
      { title: 'Xã Thượng Quan ra quân tổng vệ sinh môi trường', summary: '' },
    );
    expect(why.score).toBe(0);
    expect(why.names).toEqual([]);
  });
});
