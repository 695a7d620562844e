import { describe, expect, it } from 'vitest';
import { checkCommune } from '../../../src/sources/region-check';
import { validateSource } from '../../../src/sources/schema';

const source = (region: Record<string, string>) => ({ id: 'xa-van-lang', name: 'UBND xã Văn Lang', url: 'https://vanlang.thainguyen.gov.vn/', region });

describe('a source naming a commune of today', () => {
  it('accepts the code of a commune of its province, or of the province its former province joined', () => {
    const r = validateSource(source({ province: 'thai-nguyen', commune: '02143' }));
    expect(r.ok).toBe(true);
    expect(r.ok && r.value.region).toEqual({ province: 'thai-nguyen', commune: '02143' });
    expect(validateSource(source({ province: 'bac-kan', commune: '02143' })).ok).toBe(true);
    expect(validateSource(source({ province: 'thai-nguyen', commune: '05665', communeName: 'xã Văn Lăng' })).ok).toBe(true);
  });

  it('keeps any other value as a label as published (former communes are not checked)', () => {
    expect(validateSource(source({ province: 'bac-kan', commune: 'bang-lang', communeName: 'xã Bằng Lãng' })).ok).toBe(true);
    expect(validateSource(source({ province: 'thai-nguyen', commune: 'van-lang' })).ok).toBe(true);
  });

  it('names the field and the nearest codes when the code is unknown', () => {
    const r = validateSource(source({ province: 'thai-nguyen', commune: '02144' }));
    expect(r.ok).toBe(false);
    const e = r.ok ? undefined : r.errors[0];
    expect(e?.field).toBe('region.commune');
    expect(e?.message).toContain('02143 (xã Văn Lang, thai-nguyen)');
  });

  it('says which province a code belongs to when it is another province’s', () => {
    const r = validateSource(source({ province: 'thai-nguyen', commune: '00004' }));
    expect(r.ok ? [] : r.errors).toEqual([{ field: 'region.commune', message: 'commune 00004 is phường Ba Đình of ha-noi, not of thai-nguyen' }]);
  });

  it('catches a display name that is another commune’s and points to it', () => {
    const r = validateSource(source({ province: 'thai-nguyen', commune: '02143', communeName: 'Xã Văn Lăng' }));
    expect(r.ok).toBe(false);
    const e = r.ok ? undefined : r.errors[0];
    expect(e?.field).toBe('region.communeName');
    expect(e?.message).toBe('commune 02143 is xã Văn Lang; "Xã Văn Lăng" is 05665 (xã Văn Lăng, thai-nguyen)');
    // Its own name with or without the kind word is fine.
    expect(checkCommune({ province: 'thai-nguyen', commune: '02143', communeName: 'UBND xã Văn Lang' })).toEqual([]);
    expect(checkCommune({ province: 'thai-nguyen', commune: '02143', communeName: 'Văn Lang' })).toEqual([]);
  });

  it('rejects a value that is neither a code nor a slug, and leaves an unknown province to its own error', () => {
    const r = validateSource(source({ province: 'thai-nguyen', commune: 'Văn Lang' }));
    expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual(['region.commune']);
    const p = validateSource(source({ province: 'nowhere', commune: '02143' }));
    expect(p.ok ? [] : p.errors.map((e) => e.field)).toEqual(['region.province']);
  });
});
