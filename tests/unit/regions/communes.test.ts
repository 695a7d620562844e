import { describe, expect, it } from 'vitest';
import {
  allCommunes,
  communesOf,
  communeTitle,
  findCommune,
  isCommuneCode,
  nearestCommunes,
  resolveCommune,
  searchCommunes,
} from '../../../src/regions/communes';
import { CURRENT_PROVINCES } from '../../../src/regions/provinces';

const codes = (cs: { code: string }[]) => cs.map((c) => c.code);

describe('the communes of today', () => {
  it('counts 3,321: 2,611 xã, 697 phường, 13 đặc khu, each code once', () => {
    const all = allCommunes();
    expect(all).toHaveLength(3321);
    const by = (k: string) => all.filter((c) => c.kind === k).length;
    expect([by('xa'), by('phuong'), by('dac-khu')]).toEqual([2611, 697, 13]);
    expect(new Set(codes(all)).size).toBe(3321);
    for (const c of all) {
      expect(c.code).toMatch(/^\d{5}$/);
      expect(c.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(c.name.normalize('NFC')).toBe(c.name);
    }
  });

  it('places every commune in one of the 34 provinces, and each province has some', () => {
    const slugs = new Set(CURRENT_PROVINCES.map((p) => p.slug));
    for (const c of allCommunes()) expect(slugs.has(c.province), c.code).toBe(true);
    const total = CURRENT_PROVINCES.reduce((n, p) => n + communesOf(p.slug).length, 0);
    expect(total).toBe(3321);
    expect(communesOf('thai-nguyen')).toHaveLength(92);
    expect(communesOf('ho-chi-minh')).toHaveLength(168);
  });

  it('finds a commune by its code, with its name, kind and province', () => {
    expect(findCommune('02143')).toEqual({ code: '02143', name: 'Văn Lang', kind: 'xa', slug: 'van-lang', province: 'thai-nguyen' });
    expect(findCommune('05665')).toMatchObject({ name: 'Văn Lăng', slug: 'van-lang', province: 'thai-nguyen' });
    expect(findCommune('00004')).toMatchObject({ name: 'Ba Đình', kind: 'phuong', province: 'ha-noi' });
    expect(findCommune('99999')).toBeUndefined();
    expect(communeTitle(findCommune('02143')!)).toBe('xã Văn Lang');
    expect(communeTitle(findCommune('00004')!)).toBe('phường Ba Đình');
    const special = allCommunes().find((c) => c.kind === 'dac-khu')!;
    expect(communeTitle(special)).toBe(`đặc khu ${special.name}`);
  });

  it('gives a former province the communes of the province it is part of', () => {
    expect(codes(communesOf('bac-kan'))).toEqual(codes(communesOf('thai-nguyen')));
    expect(communesOf('nowhere')).toEqual([]);
  });

  it('tells a code from a label', () => {
    expect(isCommuneCode('02143')).toBe(true);
    expect(isCommuneCode('2143')).toBe(false);
    expect(isCommuneCode('van-lang')).toBe(false);
  });
});

describe('slug collisions', () => {
  it('has ten slugs shared by two communes, inside eight provinces', () => {
    const seen = new Map<string, string[]>();
    for (const c of allCommunes()) {
      const key = `${c.province}/${c.slug}`;
      seen.set(key, [...(seen.get(key) ?? []), c.code]);
    }
    const shared = [...seen].filter(([, cs]) => cs.length > 1);
    expect(shared).toHaveLength(10);
    expect(new Set(shared.map(([k]) => k.split('/')[0])).size).toBe(8);
    expect(Object.fromEntries(shared)['thai-nguyen/van-lang']).toEqual(['02143', '05665']);
  });

  it('resolves a code always, an unambiguous slug, and names the candidates of an ambiguous one', () => {
    expect(resolveCommune('02143', 'thai-nguyen')).toMatchObject({ ok: true, commune: { name: 'Văn Lang' } });
    expect(resolveCommune('05665')).toMatchObject({ ok: true, commune: { name: 'Văn Lăng' } });
    const ambiguous = resolveCommune('van-lang', 'thai-nguyen');
    expect(ambiguous).toMatchObject({ ok: false, reason: 'ambiguous' });
    expect(ambiguous.ok ? [] : codes(ambiguous.candidates)).toEqual(['02143', '05665']);
    // Unique inside its province, though other provinces may share the slug.
    expect(resolveCommune('ba-dinh', 'ha-noi')).toMatchObject({ ok: true, commune: { code: '00004' } });
    // A former province's slug stands for today's province.
    expect(resolveCommune('05665', 'bac-kan')).toMatchObject({ ok: true });
  });

  it('finds both Văn Lang and Văn Lăng when searched without diacritics', () => {
    expect(codes(searchCommunes('van lang', 'thai-nguyen'))).toEqual(['02143', '05665']);
    expect(codes(searchCommunes('Văn Lăng', 'thai-nguyen'))).toEqual(['02143', '05665']);
    expect(codes(searchCommunes('02143'))).toEqual(['02143']);
    // Word starts only: "lang" does not match inside "Hoàng".
    expect(searchCommunes('lang', 'thai-nguyen').every((c) => / l[aă]ng/i.test(` ${c.name.normalize('NFD').replace(/\p{M}/gu, '')}`))).toBe(true);
    expect(searchCommunes('  ')).toEqual([]);
  });
});

describe('suggestions for a wrong commune', () => {
  it('reports a code of another province with that commune', () => {
    const r = resolveCommune('00004', 'thai-nguyen');
    expect(r).toMatchObject({ ok: false, reason: 'elsewhere' });
    expect(r.ok ? [] : r.candidates.map((c) => c.province)).toEqual(['ha-noi']);
  });

  it('suggests the nearest codes for an unknown code, inside the province when given', () => {
    const r = resolveCommune('02144', 'thai-nguyen');
    expect(r).toMatchObject({ ok: false, reason: 'unknown' });
    const near = r.ok ? [] : r.candidates;
    expect(near[0].code).toBe('02143');
    for (const c of near) expect(c.province).toBe('thai-nguyen');
  });

  it('suggests the nearest spellings for an unknown slug', () => {
    const near = nearestCommunes('van-lan', 'thai-nguyen');
    expect(codes(near).slice(0, 2).sort()).toEqual(['02143', '05665']);
    const wrong = resolveCommune('ba-dinhh', 'ha-noi');
    expect(wrong).toMatchObject({ ok: false, reason: 'unknown' });
    expect(wrong.ok ? undefined : wrong.candidates[0].code).toBe('00004');
  });
});
