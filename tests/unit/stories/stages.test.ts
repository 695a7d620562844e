import { describe, expect, it } from 'vitest';
import { isRoutine, stages } from '../../../src/stories/stages';

const read = (text: string) => Object.fromEntries([...stages(text)].map(([k, v]) => [k, [...v]]));

describe('stages', () => {
  it('tells an exam schedule from its results', () => {
    expect(read('Sở GD&ĐT công bố lịch thi tuyển sinh lớp 10')).toEqual({ stage: ['schedule'] });
    expect(read('Sở GD&ĐT công bố điểm thi tuyển sinh lớp 10')).toEqual({ stage: ['result'] });
  });

  it('tells a chair from a deputy, elected or disciplined', () => {
    expect(read('Bầu Phó Chủ tịch UBND xã')).toEqual({ role: ['deputy'] });
    expect(read('Cách chức Chủ tịch UBND xã vì vi phạm')).toEqual({ role: ['head'] });
    expect(read('Chủ tịch UBND xã làm việc với các thôn')).toEqual({});
  });

  it('tells one union from another, however written', () => {
    expect(read('Đại hội Hội LHPN phường Tân An')).toEqual({ union: ['women'] });
    expect(read('Đại hội Đoàn Thanh niên phường Tân An')).toEqual({ union: ['youth'] });
  });

  it('knows a weekly agenda for routine', () => {
    expect(isRoutine('Lịch công tác tuần của lãnh đạo UBND huyện')).toBe(true);
    expect(isRoutine('Khai mạc kỳ họp thứ 14')).toBe(false);
  });
});
