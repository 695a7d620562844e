import { describe, expect, it } from 'vitest';
import { identifyingNumbers, numberDropped, numberedNames } from '../../../src/stories/numbers';
import { tokenize } from '../../../src/stories/tokens';

const read = (text: string) => Object.fromEntries([...identifyingNumbers(tokenize(text).words, text)].map(([k, v]) => [k, [...v]]));

describe('identifyingNumbers', () => {
  it('takes no year compared with for the year of the news', () => {
    expect(read('Sản lượng vải đạt 130.000 tấn, cao hơn năm 2023')).toEqual({});
    expect(read('Giá lúa tăng so với năm 2024')).toEqual({});
    expect(read('Kế hoạch phát triển kinh tế năm 2025')).toEqual({ nam: ['2025'] });
  });

  it('reads the North–South road with or without its old letter as one road, and other lettered roads as their own', () => {
    expect(read('Bắt giữ xe tải trên Quốc lộ 1A')).toEqual(read('Bắt giữ xe tải trên Quốc lộ 1'));
    expect(read('Sạt lở trên Quốc lộ 3B')).not.toEqual(read('Sạt lở trên Quốc lộ 3'));
  });

  it('keeps a number by the word before it, not after a word that makes it an amount or a date', () => {
    expect(read('Kỳ họp thứ 14 HĐND tỉnh')).toEqual({ hop: ['14'] });
    expect(read('Ngày 12, hơn 200 người tham gia')).toEqual({});
  });

  it('reads ordinal words after a reading or a round as its number, and a number before a counted noun as an amount', () => {
    expect(read('HĐND thảo luận lần đầu dự thảo nghị quyết')).toEqual({ lan: ['1'] });
    expect(read('Cho ý kiến lần thứ hai dự thảo')).toEqual({ lan: ['2'] });
    expect(read('Đợt hai tiêm vắc xin')).toEqual({ dot: ['2'] });
    expect(read('Lũ quét làm 12 nhà bị cuốn trôi, di dời 40 hộ')).toEqual({});
    expect(read('Kỳ họp thứ 14 HĐND huyện')).toEqual({ hop: ['14'] });
  });

  it('reads a decimal or a weight before what it counts as an amount, whatever word precedes it', () => {
    expect(read('Mua bán trái phép 2,5 kg ma túy đá')).toEqual({});
    expect(read('Thu giữ 2.500 gam ma túy đá')).toEqual({});
  });

  it('keeps a road’s number whatever word follows it, and the abbreviation joined to the number', () => {
    expect(read('Sạt lở trên Quốc lộ 279 đoạn qua xã Phú Bình')).toEqual({ lo: ['279'] });
    expect(read('Sạt lở trên QL279 qua xã Phú Bình')).toEqual({ lo: ['279'] });
    expect(read('Va chạm trên QL 14C đoạn Km 1608')).toMatchObject({ lo: ['14c'] });
    expect(read('Đoàn 279 đoàn viên về nguồn')).toEqual({});
  });

  it('keeps a range "từ N đến M" and a level after "cấp", which name what an item is about', () => {
    expect(read('Tiêm vắc xin cho trẻ từ 1 đến 5 tuổi')).toEqual({ range: ['1-5'] });
    expect(read('Hội thi giáo viên dạy giỏi cấp huyện')).toEqual({ cap: ['huyen'] });
    expect(read('Cấp giấy chứng nhận cho 20 hộ')).toEqual({});
    expect(read('Tiêm vắc xin trong 4 ngày từ 10 đến 13/11')).toEqual({}); // days of a month

  });
});

describe('numberedNames', () => {
  const named = (text: string) => {
    const t = tokenize(text);
    return numberedNames(t.words, t.name);
  };
  const text = (s: string) => ` ${tokenize(s).words.join(' ')} `;

  it('keeps a works named with a number, not a year, a day or a count after a place', () => {
    expect([...named('Phân luồng xe qua cầu Mỹ Thuận 2 dịp Tết')]).toEqual([['my thuan', new Set(['2'])]]);
    expect([...named('Nhà máy Nhiệt điện Duyên Hải 3 hòa lưới')]).toEqual([['duyen hai', new Set(['3'])]]);
    expect(named('Lễ hội Tết Bính Ngọ 2026 ở xã Tân Lập 5 hộ nhận quà').size).toBe(0);
  });

  it('tells a name with a number from the same name without one, but not from itself', () => {
    const two = named('Phân luồng xe qua cầu Mỹ Thuận 2');
    expect(numberDropped(two, text('Phân luồng xe qua cầu Mỹ Thuận'), named('Phân luồng xe qua cầu Mỹ Thuận'))).toBe(true);
    expect(numberDropped(two, text('Xe qua cầu Mỹ Thuận 2 từ 12/2'), named('Xe qua cầu Mỹ Thuận 2 từ 12/2'))).toBe(false);
    expect(numberDropped(two, text('Phân luồng xe qua cầu Cần Thơ'), named('Phân luồng xe qua cầu Cần Thơ'))).toBe(false);
  });

  it('reads a document number whose issuer is spelled out as the one written in initials', () => {
    const doc = (text: string) => [...(identifyingNumbers(tokenize(text).words, text).get('doc') ?? [])];
    expect(doc('Công văn số 418/Ủy ban nhân dân-KT về phòng chống hạn')).toEqual(doc('Công văn số 418/UBND-KT về phòng chống hạn'));
    expect(doc('CÔNG VĂN SỐ 27/HỘI ĐỒNG NHÂN DÂN-VP')).toEqual(['27/hdnd-vp']);
    expect(doc('Công văn số 418/Ủy ban nhân dân-KT')).not.toEqual(doc('Công văn số 419/UBND-KT'));
  });

  it('reads a duration in months whichever word tells it, and a school year or a date as no duration', () => {
    expect(read('Thời gian thi công 36 tháng, chia 3 giai đoạn')).toEqual(read('Thời gian thi công 3 năm, chia 3 giai đoạn'));
    expect(read('Thời gian thi công 36 tháng, chia 3 giai đoạn')).not.toEqual(read('Thời gian thi công 2 năm, chia 3 giai đoạn'));
    expect(read('Triển khai tiêm vắc-xin đợt 1 năm 2026 cho đàn trâu').dot).toEqual(['1']);
    expect(read('Tuyển sinh lớp 10 năm học 2026-2027').lop).toEqual(['10']);
    expect(read('Ngày 5 tháng 3 năm 2026, tỉnh họp').thang).toEqual(['3']);
  });

  it('reads a text ending on "năm" both as a duration and as a year to come: a summary cut there told either', () => {
    expect(read('Trường tổ chức lễ kỷ niệm 50 năm').niem).toEqual(['50', '600']);
    expect(read('Trường tổ chức lễ kỷ niệm 50 năm thành lập').niem).toEqual(['600']);
    expect(read('Triển khai tiêm vắc-xin đợt 1 năm').dot).toEqual(['1']);
  });
});
