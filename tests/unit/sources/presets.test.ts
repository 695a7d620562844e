import { describe, expect, it } from 'vitest';
import { assertSupportedSelectors } from '../../../src/ingest/listing-selectors';
import { IngestError } from '../../../src/ingest/types';
import { PRESETS, resolveSelectors } from '../../../src/sources/presets';
import { PRESET_NAMES } from '../../../src/sources/schema';

describe('PRESETS', () => {
  it('has one preset per platform, each with item and title selectors', () => {
    expect(Object.keys(PRESETS).sort()).toEqual([...PRESET_NAMES].sort());
    for (const name of PRESET_NAMES) {
      expect(PRESETS[name].item).toBeTruthy();
      expect(PRESETS[name].title).toBeTruthy();
    }
  });

  it.each(PRESET_NAMES)('%s uses only selectors HTMLRewriter can run', (name) => {
    expect(() => assertSupportedSelectors(PRESETS[name])).not.toThrow();
  });
});

describe('resolveSelectors', () => {
  it('gives the preset when the source names only a preset', () => {
    expect(resolveSelectors({ preset: 'liferay' })).toEqual(PRESETS.liferay);
  });

  it('lets explicit selectors override the preset field by field', () => {
    const s = resolveSelectors({ preset: 'tandan', selectors: { date: 'span.ngay-dang', image: 'img.anh' } });
    expect(s).toEqual({ ...PRESETS.tandan, date: 'span.ngay-dang', image: 'img.anh' });
    expect(s!.title).toBe(PRESETS.tandan.title);
    // the preset itself is not changed
    expect(PRESETS.tandan.date).not.toBe('span.ngay-dang');
  });

  it('an explicit item selector replaces the preset container', () => {
    const s = resolveSelectors({ preset: 'postdate', selectors: { item: 'li.tin' } });
    expect(s!.item).toBe('li.tin');
    expect(s!.title).toBe('h2.Title > a');
  });

  it('works with explicit selectors alone', () => {
    expect(resolveSelectors({ selectors: { item: 'div.bai', title: 'h4 a' } })).toEqual({ item: 'div.bai', title: 'h4 a' });
  });

  it('is null when neither preset nor selectors give an item', () => {
    expect(resolveSelectors({})).toBeNull();
    expect(resolveSelectors({ selectors: { title: 'h3 a' } })).toBeNull();
  });
});

describe('assertSupportedSelectors', () => {
  it('refuses a sibling combinator in a custom selector, naming field and selector', () => {
    expect(() => assertSupportedSelectors({ item: 'div.news-item', title: 'a + a' })).toThrow(IngestError);
    expect(() => assertSupportedSelectors({ item: 'div.news-item', title: 'a + a' })).toThrow(/title selector "a \+ a".*:nth-child/);
  });

  it('accepts + and ~ where they are not combinators', () => {
    expect(() => assertSupportedSelectors({ item: 'li:nth-child(2n+1)', title: 'a[class~="tieu-de"]' })).not.toThrow();
  });

  it('refuses a selector HTMLRewriter itself rejects', () => {
    expect(() => assertSupportedSelectors({ item: 'div.tin', date: 'span:hover' })).toThrow(/date selector "span:hover"/);
  });
});
