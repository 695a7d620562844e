import { describe, expect, it } from 'vitest';
import { vnDateTime, vnRelative, vnShort } from '../../../src/pages/dates';

describe('dates as Vietnamese readers write them', () => {
  it('shows Vietnam time (UTC+7) with the weekday in words', () => {
    expect(vnDateTime('2026-11-27T03:00:00Z')).toBe('Thứ Sáu, 27/11/2026 10:00');
    // 17:30 UTC is already the next day in Vietnam.
    expect(vnDateTime('2026-11-26T17:30:00.000Z')).toBe('Thứ Sáu, 27/11/2026 00:30');
    expect(vnDateTime('2026-11-28T23:59:00Z')).toBe('Chủ nhật, 29/11/2026 06:59');
    expect(vnShort('2019-11-26T01:30:00Z')).toBe('08:30 26/11/2019');
    expect(vnDateTime('không phải ngày')).toBe('');
    // A day the portal gave without a time: no "00:00".
    expect(vnDateTime('2019-11-25T17:00:00.000Z', true)).toBe('Thứ Ba, 26/11/2019');
  });

  it('says how long ago or how soon, in words', () => {
    const now = new Date('2026-11-27T10:00:00Z');
    expect(vnRelative('2026-11-27T09:59:40Z', now)).toBe('vừa xong');
    expect(vnRelative('2026-11-27T09:45:00Z', now)).toBe('15 phút trước');
    expect(vnRelative('2026-11-27T07:30:00Z', now)).toBe('2 giờ trước');
    expect(vnRelative('2026-11-24T10:00:00Z', now)).toBe('3 ngày trước');
    expect(vnRelative('2026-11-27T10:12:00Z', now)).toBe('12 phút nữa');
    expect(vnRelative('2024-11-01T10:00:00Z', now)).toBe('2 năm trước');
  });
});
