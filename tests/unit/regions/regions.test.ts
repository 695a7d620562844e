import { describe, expect, it } from 'vitest';
import {
  CURRENT_PROVINCES,
  FORMER_PROVINCES,
  currentProvinceOf,
  currentProvinceSlugs,
  districtTitle,
  findProvince,
  formerProvincesOf,
  knownProvinceSlugs,
  provinceCodeOf,
  provinceKindOn,
  provinceSlugsFor,
  provinceTitle,
} from '../../../src/regions';
import { PROVINCE_UNITS } from '../../../src/regions/units.generated';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe('province table (Resolution 202/2025/QH15)', () => {
  it('has the 34 provinces of today and the 63 of before, each slug once', () => {
    expect(CURRENT_PROVINCES).toHaveLength(34);
    expect(FORMER_PROVINCES).toHaveLength(63);
    expect(new Set(CURRENT_PROVINCES.map((p) => p.slug)).size).toBe(34);
    expect(new Set(FORMER_PROVINCES.map((p) => p.slug)).size).toBe(63);
  });

  it('maps every former province to a current one: 11 unchanged, 52 merged', () => {
    const current = new Map(CURRENT_PROVINCES.map((p) => [p.slug, p]));
    for (const f of FORMER_PROVINCES) expect(current.has(f.mergedInto), f.slug).toBe(true);
    const unchanged = FORMER_PROVINCES.filter((f) => current.get(f.mergedInto)!.absorbed.length === 0);
    expect(unchanged).toHaveLength(11);
    for (const f of unchanged) expect(f.mergedInto).toBe(f.slug);
    expect(FORMER_PROVINCES.length - unchanged.length).toBe(52);
    // 29 slugs disappeared; the 23 merged provinces kept a member's name.
    expect(FORMER_PROVINCES.filter((f) => f.mergedInto !== f.slug)).toHaveLength(29);
  });

  it('agrees both ways: absorbed lists and mergedInto describe the same merger', () => {
    for (const c of CURRENT_PROVINCES) {
      const members = FORMER_PROVINCES.filter((f) => f.mergedInto === c.slug).map((f) => f.slug);
      expect(members.sort(), c.slug).toEqual([c.slug, ...c.absorbed].sort());
    }
  });

  it('uses valid slugs and NFC names', () => {
    for (const p of [...CURRENT_PROVINCES, ...FORMER_PROVINCES]) {
      expect(p.slug).toMatch(SLUG);
      expect(p.name.normalize('NFC')).toBe(p.name);
    }
    for (const s of knownProvinceSlugs()) expect(s).toMatch(SLUG);
  });

  it('marks the seven centrally-run cities of today (Đồng Nai since 2026-04-30)', () => {
    const cities = CURRENT_PROVINCES.filter((p) => p.kind === 'thanh-pho').map((p) => p.slug);
    expect(cities.sort()).toEqual(['can-tho', 'da-nang', 'dong-nai', 'ha-noi', 'hai-phong', 'ho-chi-minh', 'hue']);
    expect(CURRENT_PROVINCES.filter((p) => p.kind === 'tinh')).toHaveLength(27);
  });

  it('gives each of the 34 its GSO code and the kind the official table gives it', () => {
    const units = new Map(PROVINCE_UNITS.map((u) => [u.slug, u]));
    expect(units.size).toBe(34);
    for (const p of CURRENT_PROVINCES) {
      expect(units.get(p.slug)?.kind, p.slug).toBe(p.kind);
      expect(provinceCodeOf(p.slug), p.slug).toMatch(/^\d{2}$/);
    }
    expect(provinceCodeOf('ha-noi')).toBe('01');
    expect(provinceCodeOf('thai-nguyen')).toBe('19');
    expect(provinceCodeOf('dong-nai')).toBe('75');
    expect(provinceCodeOf('ca-mau')).toBe('96');
    expect(provinceCodeOf('bac-kan')).toBeUndefined();
    expect(new Set(PROVINCE_UNITS.map((u) => u.code)).size).toBe(34);
  });
});

describe('province lookups', () => {
  it('finds current, former and renamed provinces', () => {
    expect(findProvince('thai-nguyen')).toMatchObject({ name: 'Thái Nguyên', kind: 'tinh', current: true });
    expect(findProvince('bac-kan')).toMatchObject({
      name: 'Bắc Kạn',
      current: false,
      mergedInto: 'thai-nguyen',
      change: 'merged',
    });
    expect(findProvince('ba-ria-vung-tau')?.mergedInto).toBe('ho-chi-minh');
    expect(findProvince('thua-thien-hue')).toMatchObject({ mergedInto: 'hue', change: 'renamed' });
    expect(findProvince('cho-don')).toBeUndefined();
  });

  it('resolves a former province to today’s', () => {
    expect(currentProvinceOf('bac-kan')).toBe('thai-nguyen');
    expect(currentProvinceOf('thai-nguyen')).toBe('thai-nguyen');
    expect(currentProvinceOf('hau-giang')).toBe('can-tho');
    expect(currentProvinceOf('ha-noi')).toBe('ha-noi');
    expect(currentProvinceOf('nowhere')).toBeUndefined();
  });

  it('lists the former provinces of a current one', () => {
    expect(formerProvincesOf('thai-nguyen')).toEqual(['bac-kan']);
    expect(formerProvincesOf('phu-tho')).toEqual(['vinh-phuc', 'hoa-binh']);
    expect(formerProvincesOf('ha-noi')).toEqual([]);
    expect(formerProvincesOf('bac-kan')).toEqual([]);
  });

  it('gives the region slugs a province feed covers', () => {
    expect(provinceSlugsFor('thai-nguyen')).toEqual(['thai-nguyen', 'bac-kan']);
    expect(provinceSlugsFor('bac-kan')).toEqual(['bac-kan']);
    expect(provinceSlugsFor('ho-chi-minh')).toEqual(['ho-chi-minh', 'binh-duong', 'ba-ria-vung-tau']);
    expect(provinceSlugsFor('hue')).toEqual(['hue', 'thua-thien-hue']);
    expect(provinceSlugsFor('cao-bang')).toEqual(['cao-bang']);
    expect(provinceSlugsFor('nowhere')).toEqual([]);
  });

  it('knows every current and former slug', () => {
    const known = knownProvinceSlugs();
    expect(known).toHaveLength(34 + 29 + 1);
    expect(known).toContain('bac-kan');
    expect(known).toContain('thai-nguyen');
    expect(currentProvinceSlugs()).toHaveLength(34);
    expect(currentProvinceSlugs()).not.toContain('bac-kan');
  });
});

describe('titles', () => {
  it('says tỉnh or thành phố, and where a former province went', () => {
    expect(provinceTitle('thai-nguyen')).toBe('tỉnh Thái Nguyên');
    expect(provinceTitle('ha-noi')).toBe('thành phố Hà Nội');
    expect(provinceTitle('bac-kan')).toBe('tỉnh Bắc Kạn (cũ, nay thuộc tỉnh Thái Nguyên)');
    expect(provinceTitle('hai-duong')).toBe('tỉnh Hải Dương (cũ, nay thuộc thành phố Hải Phòng)');
    expect(provinceTitle('thua-thien-hue')).toBe('tỉnh Thừa Thiên Huế (cũ, nay là thành phố Huế)');
  });

  it('says thành phố Đồng Nai from 30 April 2026 and tỉnh before', () => {
    expect(provinceTitle('dong-nai')).toBe('thành phố Đồng Nai');
    expect(provinceTitle('dong-nai', '2026-04-30')).toBe('thành phố Đồng Nai');
    expect(provinceTitle('dong-nai', '2026-04-29')).toBe('tỉnh Đồng Nai');
    expect(provinceTitle('dong-nai', '2025-07-01')).toBe('tỉnh Đồng Nai');
    expect(provinceKindOn('dong-nai', '2026-05-01')).toBe('thanh-pho');
    expect(provinceKindOn('dong-nai', '2026-01-15')).toBe('tinh');
    expect(provinceTitle('binh-phuoc')).toBe('tỉnh Bình Phước (cũ, nay thuộc thành phố Đồng Nai)');
    expect(provinceTitle('binh-phuoc', '2025-12-01')).toBe('tỉnh Bình Phước (cũ, nay thuộc tỉnh Đồng Nai)');
    // A kind that never changed is the same on every day.
    expect(provinceTitle('thai-nguyen', '2025-08-01')).toBe('tỉnh Thái Nguyên');
    expect(provinceKindOn('nowhere')).toBeUndefined();
  });

  it('titles a district from its display name, else from its slug', () => {
    expect(districtTitle('cho-don', { name: 'Chợ Đồn', kind: 'huyen' })).toBe('huyện Chợ Đồn');
    expect(districtTitle('cho-don', { name: 'Huyện Chợ Đồn', kind: 'huyen' })).toBe('huyện Chợ Đồn');
    expect(districtTitle('bac-kan', { name: 'Bắc Kạn', kind: 'thanh-pho' })).toBe('thành phố Bắc Kạn');
    expect(districtTitle('cho-don')).toBe('Cho Don');
    expect(districtTitle('cho-moi', { kind: 'huyen' })).toBe('huyện Cho Moi');
  });
});
