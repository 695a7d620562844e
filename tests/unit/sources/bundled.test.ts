import { describe, expect, it } from 'vitest';
import { currentProvinceOf, findProvince } from '../../../src/regions';
import { BUNDLED_SOURCES } from '../../../src/sources/bundled';
import { PROVINCIAL_PAPERS, PROVINCIAL_PORTALS } from '../../../src/sources/national.generated';
import { validateCatalog } from '../../../src/sources/schema';

const host = (u: string) => new URL(u).hostname;

describe('the bundled catalog', () => {
  const r = validateCatalog(BUNDLED_SOURCES);
  const sources = r.ok ? r.value : [];

  it('is valid, with unique ids, and every entry unverified with where its address came from', () => {
    expect(r.ok ? [] : r.errors).toEqual([]);
    expect(sources.length).toBeGreaterThan(70);
    for (const s of sources) expect(s.unverified?.from, s.id).toMatch(/\S/);
  });

  it('carries a portal for each of the 34 provinces of today', () => {
    const portals = sources.filter((s) => PROVINCIAL_PORTALS.some((p) => host(p.url) === host(s.url)));
    expect(portals).toHaveLength(34);
    expect(new Set(portals.map((s) => s.region.province)).size).toBe(34);
    for (const s of portals) expect(findProvince(s.region.province)?.current, s.id).toBe(true);
    expect(portals.find((s) => s.region.province === 'dong-nai')?.name).toBe('Cổng TTĐT thành phố Đồng Nai');
    expect(portals.find((s) => s.region.province === 'cao-bang')?.name).toBe('Cổng TTĐT tỉnh Cao Bằng');
  });

  it('carries every listed paper once, a paper of a former province under that province', () => {
    for (const p of PROVINCIAL_PAPERS) {
      const found = sources.filter((s) => host(s.url) === host(p.url));
      expect(found, p.url).toHaveLength(1);
      expect(found[0].region.province).toBe(p.province);
    }
    const binhDuong = sources.find((s) => host(s.url) === 'baobinhduong.vn')!;
    expect(binhDuong).toMatchObject({ name: 'Báo Bình Dương', region: { province: 'binh-duong' } });
    expect(currentProvinceOf(binhDuong.region.province)).toBe('ho-chi-minh');
    expect(sources.filter((s) => !findProvince(s.region.province)?.current).length).toBeGreaterThan(15);
  });

  it('gives the national entries no preset or selectors: they are read from their address alone', () => {
    const listed = new Set([...PROVINCIAL_PORTALS, ...PROVINCIAL_PAPERS].map((p) => host(p.url)));
    // The two papers the local list already had keep its knowledge of their platform.
    const national = sources.filter((s) => listed.has(host(s.url)) && !['baothainguyen', 'baobackan'].includes(s.id));
    expect(national.length).toBe(34 + PROVINCIAL_PAPERS.length - 2);
    for (const s of national) {
      expect(s.preset, s.id).toBeUndefined();
      expect(s.selectors, s.id).toBeUndefined();
      expect(s.kind).toBe('auto');
    }
  });
});
