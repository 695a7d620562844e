import { describe, expect, it } from 'vitest';
import { wordFilter } from '../../../src/serve/filter';
import { parseFeedQuery } from '../../../src/serve/query';

const now = new Date('2026-11-27T03:00:00Z');
const items = [
  { id: '1', title: 'Huyện Chợ Đồn tổ chức hội nghị', summary: 'Sáng 26/11, UBND huyện họp bàn phòng chống lũ.', published: '2026-11-27T01:00:00Z' },
  { id: '2', title: 'ĐẠI HỘI Đảng bộ xã Đồng Lạc', summary: 'Nhiệm kỳ 2025–2030.', published: '2026-11-20T01:00:00Z' },
  { id: '3', title: 'London Marathon', summary: 'Quảng cáo du lịch', published: '2026-11-26T05:00:00Z' },
];
const run = (qs: string) => {
  const r = parseFeedQuery(new URLSearchParams(qs));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const f = wordFilter(r.query, now);
  return f ? items.filter(f).map((i) => i.id) : items.map((i) => i.id);
};

describe('word filters', () => {
  it('finds words without regard to diacritics or case, đ folded to d', () => {
    expect(run('q=cho don')).toEqual(['1']);
    expect(run('q=CHỢ ĐỒN')).toEqual(['1']);
    expect(run('q=dai hoi')).toEqual(['2']);
    expect(run('q=dong')).toEqual(['2']);
  });
  it('needs every word of q, at word starts', () => {
    expect(run('q=cho don lu')).toEqual(['1']);
    expect(run('q=cho don bao')).toEqual([]);
    expect(run('q=don')).toEqual(['1', '2']); // Đồn and Đồng, not "London"
  });
  it('keeps RSSHub semantics for filter, filterout, filter_title and filter_time', () => {
    expect(run('filter=lũ|đại hội')).toEqual(['1', '2']);
    expect(run('filterout=quảng cáo')).toEqual(['1', '2']);
    expect(run('filter_title=hội nghị')).toEqual(['1']);
    expect(run('filter_title=phòng chống')).toEqual([]);
    expect(run('filter_time=86400')).toEqual(['1', '3']);
  });
  it('treats regex syntax as plain text, so nothing can run away', () => {
    expect(run(`filter=${encodeURIComponent('(a+)+$')}`)).toEqual([]);
  });
});
