import { describe, expect, it } from 'vitest';
import { bundledCatalog, catalogFromText } from '../../../src/sources/catalog';

const one = (name: string) =>
  JSON.stringify([{ id: 'backan', name, url: 'https://backan.gov.vn/rss', kind: 'feed', region: { province: 'bac-kan' } }]);

// Every refresh (and, in queue mode, every consumer invocation) reads the catalog; a warm
// isolate reuses the last validated one while its stored text is unchanged.
describe('the runtime catalog from its stored text', () => {
  it('follows an admin change at once: new text, new catalog', () => {
    expect(catalogFromText(one('Cổng TTĐT tỉnh Bắc Kạn'))[0].name).toBe('Cổng TTĐT tỉnh Bắc Kạn');
    expect(catalogFromText(one('Cổng thông tin điện tử Bắc Kạn'))[0].name).toBe('Cổng thông tin điện tử Bắc Kạn');
    expect(catalogFromText(one('Cổng TTĐT tỉnh Bắc Kạn'))[0].name).toBe('Cổng TTĐT tỉnh Bắc Kạn');
  });

  it('fills defaults once and hands every caller the same validated sources, which none can change', () => {
    const text = one('Cổng TTĐT tỉnh Bắc Kạn');
    const first = catalogFromText(text);
    expect(catalogFromText(text)).toBe(first);
    expect(first[0].enabled).toBe(true);
    expect(() => first.push(first[0])).toThrow(TypeError);
  });

  it('falls back to the bundled catalog when the text is absent, not JSON, or no longer valid', () => {
    const bundled = bundledCatalog();
    expect(bundled.length).toBeGreaterThan(0);
    expect(catalogFromText(null)).toBe(bundled);
    expect(catalogFromText('{not json')).toBe(bundled);
    expect(catalogFromText(JSON.stringify([{ id: 'x' }]))).toBe(bundled);
  });
});
