import { describe, expect, it } from 'vitest';
import { namesIn } from '../../../src/stories/places';

const slots = (title: string, summary = '') => Object.fromEntries([...namesIn(title, summary).slots].map(([slot, names]) => [slot, [...names].map((n) => n.trim())]));

describe('namesIn: every name by the slot it fills', () => {
  it('keeps a name of a kind no list knows by the word before it', () => {
    expect(slots('Lễ hội đền Đồng Cổ thu hút du khách')).toEqual({ đền: ['đồng cổ'] });
    expect(slots('Sạt lở trên đèo Khau Phạ', 'Lực lượng chức năng thông xe qua thác Dải Yếm và hang Pác Bó.')).toMatchObject({ đèo: ['khau phạ'], thác: ['dải yếm'], hang: ['pác bó'] });
  });

  it('puts an administrative unit of any level, and a title prefix, in one slot; every name of a list too', () => {
    expect(slots('Bạch Thông: Bàn giao nhà', 'Huyện Na Rì và Ngân Sơn, các xã Bằng Vân, Thượng Quan, thị xã Sa Pa.').unit.sort()).toEqual(
      ['bạch thông', 'bằng vân', 'na rì', 'ngân sơn', 'sa pa', 'thượng quan'],
    );
    expect(slots('Đoàn công tác thăm tỉnh Lạng Sơn')).toEqual({ unit: ['lạng sơn'] });
    expect(slots('Học sinh Trường Tiểu học Kim Đồng (phường Pleiku) đạt giải').unit).toEqual(['pleiku']);
  });

  it('reads a name at the start of a title or sentence, but not the name of a body or an office', () => {
    expect(slots('Pà Cò tổ chức Lễ hội Gầu Tào')).toEqual({ '^': ['pà cò'], hội: ['gầu tào'] });
    expect(slots('Hội Nông dân tỉnh tập huấn', 'Phó Chủ tịch Thường trực dự. Ban Chấp hành họp.')).toEqual({});
    // A post's kind opens its name, written whole or cut short: the post is named by what follows.
    expect(slots('Đồn Biên phòng Pò Mã trao quà Tết')).toEqual({ phòng: ['pò mã'] });
    expect(slots('Đồn Pò Mã trao quà Tết')).toEqual({ '^': ['pò mã'] });
  });

  it('keeps the marks of a name, tones placed as today: "Tuấn" is not "Tuân", "Hoà" is "Hòa"', () => {
    expect(slots('Bổ nhiệm ông Vi Văn Tuấn', 'Ông Vi Văn Tuân, xã Thanh Hoà.')).toMatchObject({ ông: ['vi văn tuấn', 'vi văn tuân'], unit: ['thanh hòa'] });
  });

  it('reads an abbreviated kind word as spelled out: "KCN Phú Hà" and "Khu công nghiệp Trung Hà" fill one slot', () => {
    expect(slots('Trao chứng nhận đầu tư vào KCN Phú Hà')).toEqual({ nghiệp: ['phú hà'] });
    expect(slots('Dự án vào Khu công nghiệp Trung Hà')).toEqual({ nghiệp: ['trung hà'] });
  });

  it('stops a list of people at an office', () => {
    expect(slots('Tiếp xúc cử tri', 'Đồng chí Hoàng Văn Nghiệm, Phó Chủ tịch UBND tỉnh dự.')).toEqual({ chí: ['hoàng văn nghiệm'] });
  });

  it('reads nothing in an all-capitals text: capitals no longer mark names', () => {
    expect(slots('RA QUÂN DỌN VỆ SINH HỒ BA BỂ')).toEqual({});
  });

  it('reads clergy by their honorific as people, and protected areas of any name in one slot', () => {
    expect(namesIn('Hòa thượng Thích Minh Đức thăm chùa', 'Linh mục Phạm Văn Tâm dự.').people).toEqual(new Set(['thich minh duc', 'pham van tam']));
    expect(slots('Tuần tra tại Vườn quốc gia Xuân Sơn và Khu bảo tồn thiên nhiên Xuân Liên')).toEqual({ protected: ['xuân sơn', 'xuân liên'] });
    expect(slots('Trồng cây tại rừng phòng hộ Sông Đà')).toEqual({ protected: ['sông đà'] });
  });
  it('reads a province followed by the name of its head as the province, and the head of an unnamed province as a person', () => {
    expect(slots('Trao giấy phép', 'Chủ tịch UBND tỉnh Thái Nguyên Trịnh Việt Hùng trao giấy phép cho 5 dự án.').unit).toEqual(['thái nguyên']);
    const head = namesIn('Trao giấy phép', 'Phó Chủ tịch UBND tỉnh Lê Thị Hồng trao giấy phép cho 5 dự án.');
    expect(head.slots.get('unit')).toBeUndefined();
    expect([...head.people]).toEqual(['le thi hong']);
  });

  it('reads no name in an office after "đồng chí", nor in the word opening a sentence ("Theo Công ty …")', () => {
    expect(slots('Dự lễ khánh thành', 'Đồng chí Phó Chủ tịch UBND tỉnh dự lễ.').chí).toBeUndefined();
    expect(slots('Xuất khẩu tăng', 'Theo Công ty Cổ phần Mía đường, sản lượng tăng.')['^']).toBeUndefined();
  });
});
