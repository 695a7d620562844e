import { describe, expect, it } from 'vitest';
import { dateAtTitleEdge } from '../../../src/ingest/listing-title-date';

describe('a day written inside the title link', () => {
  it('is split off before or after the title, in brackets or after a separator, with its time', () => {
    expect(dateAtTitleEdge('07/12/2024 - Khánh thành nhà văn hóa thôn')).toEqual({ title: 'Khánh thành nhà văn hóa thôn', date: '07/12/2024' });
    expect(dateAtTitleEdge('[07/12/2024] Khánh thành nhà văn hóa thôn')).toEqual({ title: 'Khánh thành nhà văn hóa thôn', date: '07/12/2024' });
    expect(dateAtTitleEdge('(07-12-2024 08:15) Khánh thành nhà văn hóa thôn')).toEqual({ title: 'Khánh thành nhà văn hóa thôn', date: '07-12-2024 08:15' });
    expect(dateAtTitleEdge('Khánh thành nhà văn hóa thôn (07/12/2024)')).toEqual({ title: 'Khánh thành nhà văn hóa thôn', date: '07/12/2024' });
    expect(dateAtTitleEdge('Khánh thành nhà văn hóa thôn - 07/12/2024')).toEqual({ title: 'Khánh thành nhà văn hóa thôn', date: '07/12/2024' });
  });

  it('stays where it is part of the title, and a title is never only a day', () => {
    expect(dateAtTitleEdge('Kỷ niệm ngày 20/11/2024 tại trường')).toBeUndefined();
    expect(dateAtTitleEdge('Lễ kỷ niệm Ngày Nhà giáo Việt Nam 20/11')).toBeUndefined();
    expect(dateAtTitleEdge('07/12/2024 - Tin')).toBeUndefined();
  });
});
