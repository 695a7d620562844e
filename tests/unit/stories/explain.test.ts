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

  it('gives a similarity of 0 and no shared place for two look-alikes of different places', () => {
    const why = explainCopy(
      { title: 'Xã Bằng Vân ra quân tổng vệ sinh môi trường', summary: '' },
      { title: 'Xã Thượng Quan ra quân tổng vệ sinh môi trường', summary: '' },
    );
    expect(why.score).toBe(0);
    expect(why.names).toEqual([]);
  });
});
