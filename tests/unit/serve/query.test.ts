import { describe, expect, it } from 'vitest';
import { parseFeedQuery } from '../../../src/serve/query';
import { keysFor } from '../../../src/serve/select';

const parse = (q: string) => parseFeedQuery(new URLSearchParams(q));

describe('feed query', () => {
  it('reads repeated and comma-separated filters with a default limit', () => {
    const r = parse('province=bac-kan&province=thai-nguyen&source=a,b');
    expect(r).toMatchObject({ ok: true, query: { provinces: ['bac-kan', 'thai-nguyen'], sources: ['a', 'b'], districts: [], limit: 50, dedupe: true } });
  });

  it('names the bad parameter', () => {
    expect(parse('limit=0')).toMatchObject({ ok: false, errors: [{ parameter: 'limit' }] });
    expect(parse('limit=501')).toMatchObject({ ok: false, errors: [{ parameter: 'limit' }] });
    expect(parse('limit=ten')).toMatchObject({ ok: false, errors: [{ parameter: 'limit' }] });
    expect(parse('province=Bắc Kạn')).toMatchObject({ ok: false, errors: [{ parameter: 'province' }] });
  });

  it('reads the narrowest stored set', () => {
    const q = (s: string) => (parse(s) as { query: Parameters<typeof keysFor>[0] }).query;
    expect(keysFor(q(''))).toEqual({ keys: ['snap:all'] });
    expect(keysFor(q('province=bac-kan'))).toEqual({ keys: ['snap:p:bac-kan'] });
    expect(keysFor(q('province=bac-kan&district=cho-don'))).toEqual({ keys: ['snap:d:bac-kan:cho-don'] });
    expect(keysFor(q('district=bac-kan/cho-don'))).toEqual({ keys: ['snap:d:bac-kan:cho-don'] });
    expect(keysFor(q('source=x&province=bac-kan'))).toEqual({ keys: ['src:x'] });
    expect(keysFor(q('district=cho-don'))).toMatchObject({ error: { parameter: 'district' } });
  });
});

describe('reader parameters', () => {
  it('reads q, RSSHub filters, dedupe and cursor, and refuses bad ones', () => {
    expect(parse('q=cho%20don&filter=lũ|bão&filterout=quảng cáo&filter_title=họp&filter_time=3600&dedupe=0')).toMatchObject({
      ok: true,
      query: { q: ['cho', 'don'], filter: ['lũ', 'bão'], filterout: ['quảng cáo'], filterTitle: ['họp'], filterTime: 3600, dedupe: false },
    });
    expect(parse(`q=${encodeURIComponent('"chợ đồn" lũ “hội nghị” "mở')}`)).toMatchObject({ ok: true, query: { q: ['chợ đồn', 'lũ', 'hội nghị', 'mở'] } });
    expect(parse(`q=${'a'.repeat(201)}`)).toMatchObject({ ok: false, errors: [{ parameter: 'q' }] });
    expect(parse('cursor=not*a*cursor')).toMatchObject({ ok: false, errors: [{ parameter: 'cursor' }] });
    expect(parse('cursor=Zm9v')).toMatchObject({ ok: false, errors: [{ parameter: 'cursor' }] });
    expect(parse('filter_time=-5')).toMatchObject({ ok: false, errors: [{ parameter: 'filter_time' }] });
    expect(parse('dedupe=maybe')).toMatchObject({ ok: false, errors: [{ parameter: 'dedupe' }] });
  });
});
