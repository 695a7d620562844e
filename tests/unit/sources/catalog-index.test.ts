import { describe, expect, it } from 'vitest';
import { catalogIndex } from '../../../src/sources/catalog-index';
import { validateCatalog, type Source } from '../../../src/sources/schema';

const sources = (ids: [string, string][]): Source[] => {
  const r = validateCatalog(ids.map(([id, province]) => ({ id, name: `UBND ${id}`, url: `https://${id}.gov.vn/rss`, region: { province } })));
  if (!r.ok) throw new Error('fixture catalog invalid');
  return r.value;
};

describe('catalogIndex', () => {
  it('looks sources and regions up by id, and tells a one-province catalog', () => {
    const one = sources([['xa-a', 'lang-son'], ['xa-b', 'lang-son']]);
    const index = catalogIndex(one);
    expect(index.byId.get('xa-b')?.url).toBe('https://xa-b.gov.vn/rss');
    expect(index.regions.get('xa-a')).toEqual({ province: 'lang-son' });
    expect(index.oneProvince).toBe(true);
    expect(catalogIndex(sources([['xa-a', 'lang-son'], ['phuong-c', 'cao-bang']])).oneProvince).toBe(false);
  });

  it('builds a stored (frozen) catalog’s index once, and never serves a catalog changed in place from an old one', () => {
    const frozen = Object.freeze(sources([['xa-a', 'lang-son']]));
    expect(catalogIndex(frozen)).toBe(catalogIndex(frozen));
    const open = sources([['xa-a', 'lang-son']]);
    expect(catalogIndex(open).byId.has('phuong-c')).toBe(false);
    open.push(...sources([['phuong-c', 'cao-bang']]));
    expect(catalogIndex(open).byId.get('phuong-c')?.region.province).toBe('cao-bang');
    expect(catalogIndex(open).oneProvince).toBe(false);
  });
});
