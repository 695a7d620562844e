import { describe, expect, it } from 'vitest';
import { identifyingNumbers } from '../../../src/stories/numbers';
import { tokenize } from '../../../src/stories/tokens';

const read = (text: string) => Object.fromEntries([...identifyingNumbers(tokenize(text).words, text)].map(([k, v]) => [k, [...v]]));

describe('identifyingNumbers', () => {
  it('keeps a number by the word before it, not after a word that makes it an amount or a date', () => {
    expect(read('Kỳ họp thứ 14 HĐND tỉnh')).toEqual({ hop: ['14'] });
    expect(read('Ngày 12, hơn 200 người tham gia')).toEqual({});
  });

  it('keeps a range "từ N đến M" and a level after "cấp", which name what an item is about', () => {
    expect(read('Tiêm vắc xin cho trẻ từ 1 đến 5 tuổi')).toEqual({ range: ['1-5'] });
    expect(read('Hội thi giáo viên dạy giỏi cấp huyện')).toEqual({ cap: ['huyen'] });
    expect(read('Cấp giấy chứng nhận cho 20 hộ')).toEqual({});
    expect(read('Tiêm vắc xin trong 4 ngày từ 10 đến 13/11')).toEqual({}); // days of a month

  });
});
