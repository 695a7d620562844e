import { describe, expect, it } from 'vitest';
import { addSource, patchSource, urlChanged } from '../../../src/admin/source-edit';
import { validateCatalog, type Source } from '../../../src/sources/schema';

const catalog = (): Source[] => {
  const r = validateCatalog([
    { id: 'cho-don', name: 'Cổng Chợ Đồn', url: 'https://chodon.backan.gov.vn/rss', region: { province: 'bac-kan', district: 'cho-don' }, note: 'ghi chú' },
    { id: 'pac-nam', name: 'Cổng Pác Nặm', url: 'https://pacnam.backan.gov.vn/', region: { province: 'bac-kan' } },
  ]);
  if (!r.ok) throw new Error('fixture catalog invalid');
  return r.value;
};

describe('addSource', () => {
  it('appends a valid source with its defaults', () => {
    const r = addSource(catalog(), { id: 'ba-be', name: 'Cổng Ba Bể', url: 'https://babe.backan.gov.vn/', region: { province: 'bac-kan' } }, false);
    expect(r.ok && r.catalog.map((s) => s.id)).toEqual(['cho-don', 'pac-nam', 'ba-be']);
    expect(r.ok && r.source).toMatchObject({ kind: 'auto', enabled: true, intervalMinutes: 30 });
  });

  it('refuses a taken id with 409 and a bad or inward source with 400, naming the field', () => {
    expect(addSource(catalog(), { ...catalog()[0], name: 'khác' }, false)).toMatchObject({ ok: false, status: 409, errors: [{ field: 'id' }] });
    expect(addSource(catalog(), { id: 'x', name: 'x', url: 'ftp://chodon.vn/rss', region: { province: 'bac-kan' } }, false)).toMatchObject({ ok: false, status: 400, errors: [{ field: 'url' }] });
    expect(addSource(catalog(), { id: 'x', name: 'x', url: 'http://192.168.1.2/rss', region: { province: 'bac-kan' } }, false)).toMatchObject({ ok: false, status: 400, errors: [{ field: 'url' }] });
    expect(addSource(catalog(), { id: 'x', name: 'x', url: 'http://192.168.1.2/rss', region: { province: 'bac-kan' } }, true).ok).toBe(true);
  });
});

describe('patchSource', () => {
  it('changes only the fields given; null resets one', () => {
    const r = patchSource(catalog(), 'cho-don', { intervalMinutes: 90, note: null, enabled: false }, false);
    if (!r.ok) throw new Error(r.error);
    expect(r.source).toMatchObject({ id: 'cho-don', name: 'Cổng Chợ Đồn', intervalMinutes: 90, enabled: false, region: { district: 'cho-don' } });
    expect(r.source).not.toHaveProperty('note');
    expect(r.catalog[1]).toEqual(catalog()[1]);
    expect(patchSource(catalog(), 'cho-don', { kind: null }, false)).toMatchObject({ ok: true, source: { kind: 'auto' } });
  });

  it('refuses an unknown id, a new id, a body that is not an object, and an invalid result', () => {
    expect(patchSource(catalog(), 'nope', {}, false)).toMatchObject({ ok: false, status: 404 });
    expect(patchSource(catalog(), 'cho-don', { id: 'ba-be' }, false)).toMatchObject({ ok: false, status: 400, errors: [{ field: 'id' }] });
    expect(patchSource(catalog(), 'cho-don', { id: 'cho-don', name: 'Mới' }, false).ok).toBe(true);
    for (const body of [null, [], 'x']) expect(patchSource(catalog(), 'cho-don', body, false)).toMatchObject({ ok: false, status: 400 });
    expect(patchSource(catalog(), 'cho-don', { name: null }, false)).toMatchObject({ ok: false, status: 400, errors: [{ field: 'name' }] });
    expect(patchSource(catalog(), 'cho-don', { bogus: 1 }, false)).toMatchObject({ ok: false, status: 400 });
  });
});

describe('urlChanged', () => {
  it('names the sources kept whose URL differs, not the added or removed ones', () => {
    const before = catalog();
    const after = [{ ...before[0], url: 'https://chodon.backan.gov.vn/tin-tuc' }, { ...before[1], name: 'Khác' }, { ...before[1], id: 'moi', url: 'https://moi.vn/' }];
    expect(urlChanged(before, after)).toEqual(['cho-don']);
    expect(urlChanged(before, before)).toEqual([]);
  });
});
