import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../src/stories/fingerprint';
import { resemblance } from '../../../src/stories/similarity';
import { standIns, synonyms } from '../../../src/stories/synonyms';

describe('synonyms', () => {
  it('knows verbs a republisher swaps for one another, and not other words', () => {
    expect(synonyms(['giúp', 'đỡ'], ['hỗ', 'trợ'])).toBe(true);
    expect(synonyms(['ra', 'mắt'], ['khai', 'trương'])).toBe(true);
    expect(synonyms(['khởi', 'công'], ['khánh', 'thành'])).toBe(false);
  });

  it('knows a thing made public and a planned cut announced in other words, and not other steps', () => {
    expect(synonyms(['công', 'bố'], ['chính', 'thức', 'có'])).toBe(true);
    expect(synonyms(['lịch', 'cắt'], ['thông', 'báo', 'ngừng', 'cấp'])).toBe(true);
    expect(synonyms(['ngừng', 'cấp'], ['công', 'bố'])).toBe(false);
  });

  it('knows how urgently a thing is done, as a republisher edits a title it keeps', () => {
    expect(synonyms(['khẩn', 'trương'], ['nhanh', 'chóng'])).toBe(true);
    expect(synonyms(['gấp', 'rút'], ['kịp', 'thời'])).toBe(true);
    expect(synonyms(['khẩn', 'trương'], ['sửa', 'chữa'])).toBe(false);
  });

  it('knows a gift\'s measure word, a cause\'s verb, a contest\'s name, a loanword and a country\'s other names', () => {
    expect(synonyms(['suất'], ['phần'])).toBe(true);
    expect(synonyms(['làm'], ['khiến'])).toBe(true);
    expect(synonyms(['cuộc', 'thi'], ['giải'])).toBe(true);
    expect(synonyms(['vắc', 'xin'], ['vaccine'])).toBe(true);
    expect(synonyms(['australia'], ['úc'])).toBe(true);
    expect(synonyms(['úc'], ['nhật', 'bản'])).toBe(false);
  });

  it('reads a two-syllable synonym as its group’s word, and leaves words that say other things', () => {
    expect(standIns(['xa', 'giup', 'do', 'ho', 'ngheo'])).toEqual(['xa', 'ho', 'tro', 'ho', 'ngheo']);
    // "ba con bo" is three cows, not "bà con".
    expect(standIns(['trao', 'ba', 'con', 'bo'])).toEqual(['trao', 'ba', 'con', 'bo']);
  });

  it('lets a title reworded with synonyms score as the words it stands for', () => {
    const a = fingerprint('Huyện Krông Pắc hỗ trợ 200 hộ nghèo sửa chữa nhà', '');
    const b = fingerprint('Huyện Krông Pắc giúp đỡ 200 hộ nghèo tu sửa nhà', '');
    const other = fingerprint('Huyện Krông Pắc vận động 200 hộ nghèo dời nhà', '');
    // As alike as the same title published twice.
    expect(resemblance(a, b)).toBeCloseTo(resemblance(a, fingerprint('Huyện Krông Pắc hỗ trợ 200 hộ nghèo sửa chữa nhà', '')), 6);
    expect(resemblance(a, other)).toBeLessThan(resemblance(a, b));
  });
});
