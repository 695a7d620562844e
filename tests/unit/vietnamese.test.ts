import { describe, expect, it } from 'vitest';
import { capitalize, foldForSearch, vietnameseOrder } from '../../src/vietnamese';

describe('foldForSearch', () => {
  it('folds case, diacritics and đ/Đ', () => {
    expect(foldForSearch('Chợ Đồn')).toBe('cho don');
    expect(foldForSearch('BẮC KẠN  Thái   Nguyên')).toBe('bac kan thai nguyen');
    expect(foldForSearch('Đường đèo'.normalize('NFD'))).toBe('duong deo');
  });
});

describe('names in Vietnamese order and case', () => {
  it('sorts Đ after D and tones after their letter, as a Vietnamese reader expects', () => {
    expect(['Đồng Nai', 'Điện Biên', 'Cà Mau', 'Bắc Ninh', 'Dak Lak', 'An Giang'].sort(vietnameseOrder.compare)).toEqual(['An Giang', 'Bắc Ninh', 'Cà Mau', 'Dak Lak', 'Điện Biên', 'Đồng Nai']);
  });

  it('capitalizes the first letter only, diacritics and all', () => {
    expect(capitalize('huyện Chợ Đồn')).toBe('Huyện Chợ Đồn');
    expect(capitalize('đắk lắk')).toBe('Đắk lắk');
    expect(capitalize('')).toBe('');
  });
});
