import { describe, expect, it } from 'vitest';
import { wordFilter } from '../../../src/serve/filter';
import { parseFeedQuery } from '../../../src/serve/query';

const now = new Date('2026-11-27T03:00:00Z');
const items = [
  { id: '1', title: 'Huyện Chợ Đồn tổ chức hội nghị', summary: 'Sáng 26/11, UBND huyện họp bàn phòng chống lũ.', published: '2026-11-27T01:00:00Z' },
  { id: '2', title: 'ĐẠI HỘI Đảng bộ xã Đồng Lạc', summary: 'Nhiệm kỳ 2025–2030.', published: '2026-11-20T01:00:00Z' },
  { id: '3', title: 'London Marathon', summary: 'Quảng cáo du lịch', published: '2026-11-26T05:00:00Z' },
  { id: '4', title: 'Phiên chợ Tết 0 đồng cho hộ nghèo', summary: 'Xã tổ chức phiên chợ cho người khó khăn.', published: '2026-11-25T05:00:00Z' },
  { id: '5', title: 'Cho Don district news', summary: 'Tin viết không dấu.', published: '2026-11-24T05:00:00Z' },
];
const run = (qs: string) => {
  const r = parseFeedQuery(new URLSearchParams(qs));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const f = wordFilter(r.query, now);
  return f ? items.filter(f).map((i) => i.id) : items.map((i) => i.id);
};

describe('word filters', () => {
  it('finds words typed without diacritics in every spelling that folds to them, đ folded to d', () => {
    expect(run('q=cho don')).toEqual(['1', '5']);
    expect(run('q=dai hoi')).toEqual(['2']);
    expect(run('q=dong')).toEqual(['2', '4']);
  });
  it('holds words typed with diacritics to them: "chợ đồn" is Chợ Đồn, not "chợ Tết 0 đồng"', () => {
    expect(run('q=chợ đồn')).toEqual(['1']);
    expect(run('q=CHỢ ĐỒN')).toEqual(['1']);
    expect(run('q=đồng')).toEqual(['2', '4']);
    expect(run('q=chợ don')).toEqual(['1']);
  });
  it('matches whole words and needs every one', () => {
    expect(run('q=cho don lu')).toEqual(['1']);
    expect(run('q=cho don bao')).toEqual([]);
    expect(run('q=don')).toEqual(['1', '5']); // Đồn and Don, not "London" or "đồng"
    expect(run('q=hoi')).toEqual(['1', '2']);
  });
  it('takes quoted words as a phrase, in order and side by side', () => {
    expect(run(`q=${encodeURIComponent('"chợ tết"')}`)).toEqual(['4']);
    expect(run(`q=${encodeURIComponent('"tết chợ"')}`)).toEqual([]);
    expect(run(`q=${encodeURIComponent('"phiên chợ" nghèo')}`)).toEqual(['4']);
    expect(run(`q=${encodeURIComponent('“hội nghị”')}`)).toEqual(['1']);
    // A phrase does not run from the end of the title into the summary.
    expect(run(`q=${encodeURIComponent('"nghị sáng"')}`)).toEqual([]);
  });
  it('keeps RSSHub semantics for filter, filterout, filter_title and filter_time', () => {
    expect(run('filter=lũ|đại hội')).toEqual(['1', '2']);
    expect(run('filter=phiên chợ')).toEqual(['4']);
    expect(run('filterout=quảng cáo')).toEqual(['1', '2', '4', '5']);
    expect(run('filter_title=hội nghị')).toEqual(['1']);
    expect(run('filter_title=phòng chống')).toEqual([]);
    expect(run('filter_time=86400')).toEqual(['1', '3']);
  });
  it('treats regex syntax as plain text, so nothing can run away', () => {
    expect(run(`filter=${encodeURIComponent('(a+)+$')}`)).toEqual([]);
  });
});
