import { describe, expect, it } from 'vitest';
import { districtChoices, provinceChoices } from '../../../src/pages/region-choices';

describe('region choices', () => {
  it('offers the 34 provinces A to Z in Vietnamese order, and the former ones with where they went', () => {
    const { current, former } = provinceChoices();
    expect(current).toHaveLength(34);
    const names = current.map((c) => c.label);
    expect(names.indexOf('Cần Thơ')).toBe(names.indexOf('Cao Bằng') + 1);
    expect(names.indexOf('Đà Nẵng')).toBeGreaterThan(names.indexOf('Cần Thơ'));
    expect(former).toContainEqual({ value: 'bac-kan', label: 'Bắc Kạn (cũ, nay thuộc Thái Nguyên)' });
    expect(former).toContainEqual({ value: 'thua-thien-hue', label: 'Thừa Thiên Huế (cũ, nay là Huế)' });
    expect(former.some((f) => f.value === 'thai-nguyen')).toBe(false);
  });

  it('lists a province’s districts from its sources, those of a merged province marked', () => {
    const regions = [
      { province: 'bac-kan', district: 'cho-don', districtName: 'huyện Chợ Đồn' },
      { province: 'bac-kan', district: 'cho-don', districtName: 'huyện Chợ Đồn' },
      { province: 'thai-nguyen', district: 'dai-tu' },
      { province: 'cao-bang', district: 'hoa-an' },
      { province: 'thai-nguyen' },
    ];
    expect(districtChoices(regions, 'thai-nguyen')).toEqual([
      { value: 'cho-don', label: 'Huyện Chợ Đồn (Bắc Kạn cũ)' },
      { value: 'dai-tu', label: 'Dai Tu' },
    ]);
    expect(districtChoices(regions, 'bac-kan')).toEqual([{ value: 'cho-don', label: 'Huyện Chợ Đồn' }]);
  });
});
