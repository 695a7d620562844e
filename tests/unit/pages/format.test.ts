import { describe, expect, it } from 'vitest';
import { vnDateTime, vnRelative, vnShort } from '../../../src/pages/dates';
import { districtChoices, provinceChoices } from '../../../src/pages/region-choices';
import { sourceKindText, sourceStatus } from '../../../src/pages/source-status';

describe('dates as Vietnamese readers write them', () => {
  it('shows Vietnam time (UTC+7) with the weekday in words', () => {
    expect(vnDateTime('2026-11-27T03:00:00Z')).toBe('Thứ Sáu, 27/11/2026 10:00');
    // 17:30 UTC is already the next day in Vietnam.
    expect(vnDateTime('2026-11-26T17:30:00.000Z')).toBe('Thứ Sáu, 27/11/2026 00:30');
    expect(vnDateTime('2026-11-28T23:59:00Z')).toBe('Chủ nhật, 29/11/2026 06:59');
    expect(vnShort('2019-11-26T01:30:00Z')).toBe('08:30 26/11/2019');
    expect(vnDateTime('không phải ngày')).toBe('');
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

describe('source health in words', () => {
  const on = { enabled: true, retired: false };
  it('names each state', () => {
    expect(sourceStatus(on, { failures: 0, lastSuccess: '2026-11-27T09:00:00Z' })).toEqual({ kind: 'ok', text: 'Hoạt động', unverified: false });
    expect(sourceStatus(on, undefined)).toEqual({ kind: 'unverified', text: 'Chưa kiểm chứng', unverified: true });
    expect(sourceStatus(on, { failures: 3, lastSuccess: '2026-11-20T00:00:00Z', lastError: 'HTTP 503 Service Unavailable from https://backan.gov.vn/', lastErrorCode: 'http', lastErrorStatus: 503 })).toEqual({
      kind: 'failing',
      text: 'Lỗi: Máy chủ của cổng đang lỗi (HTTP 503). (3 lần liên tiếp)',
      unverified: false,
    });
    // Failing and never worked: both said, and counted as unverified like the row says.
    expect(sourceStatus(on, { failures: 1, lastError: 'cannot reach x', lastErrorCode: 'dns' })).toMatchObject({
      text: 'Chưa kiểm chứng · Lỗi: Không tìm thấy tên miền của cổng (tra cứu DNS thất bại): địa chỉ có thể sai, hoặc tên miền đã ngừng hoạt động. (1 lần)',
      unverified: true,
    });
    // A state written before codes were kept shows its stored text.
    expect(sourceStatus(on, { failures: 1, lastError: 'HTTP 404 from x' }).text).toBe('Chưa kiểm chứng · Lỗi: HTTP 404 from x (1 lần)');
    // An address from a list says where it came from until a refresh of it succeeds.
    const listed = { ...on, unverified: { from: 'một script công khai' } };
    expect(sourceStatus(listed, undefined)).toEqual({ kind: 'unverified', text: 'Chưa kiểm chứng (địa chỉ lấy từ một script công khai)', unverified: true });
    expect(sourceStatus(listed, { failures: 1, lastError: 'HTTP 404 from x' }).text).toBe('Chưa kiểm chứng (địa chỉ lấy từ một script công khai) · Lỗi: HTTP 404 from x (1 lần)');
    expect(sourceStatus(listed, { failures: 0, lastSuccess: '2026-11-27T09:00:00Z' }).text).toBe('Hoạt động');
    // Not fetched any more: an old error says nothing of today.
    expect(sourceStatus({ enabled: true, retired: true }, { failures: 2, lastError: 'x' }).text).toBe('Đã ngừng');
    expect(sourceStatus({ enabled: false, retired: false }, { failures: 2, lastError: 'x' }).text).toBe('Tắt');
  });

  it('says how a source is read', () => {
    expect(sourceKindText({ kind: 'html', preset: 'tandan' })).toBe('Trang HTML (mẫu tandan)');
    expect(sourceKindText({ kind: 'feed' })).toBe('Nguồn tin RSS/Atom/JSON');
  });
});

describe('region choices', () => {
  it('offers the 34 provinces A to Z in Vietnamese order, and the former ones with where they went', () => {
    const { current, former } = provinceChoices();
    expect(current).toHaveLength(34);
    const names = current.map((c) => c.label);
    expect(names.indexOf('Cần Thơ')).toBe(names.indexOf('Cao Bằng') + 1);
    expect(names.indexOf('Đà Nẵng')).toBeGreaterThan(names.indexOf('Cần Thơ'));
    expect(former).toContainEqual({ value: 'bac-kan', label: 'Bắc Kạn (cũ, nay thuộc Thái Nguyên)' });
    expect(former).toContainEqual({ value: 'thua-thien-hue', label: 'Thừa Thiên Huế (cũ, nay là Huế)' });
    expect(former.some((f) => f.value === 'thai-nguyen')).toBe(false);
  });

  it('lists a province’s districts from its sources, those of a merged province marked', () => {
    const regions = [
      { province: 'bac-kan', district: 'cho-don', districtName: 'huyện Chợ Đồn' },
      { province: 'bac-kan', district: 'cho-don', districtName: 'huyện Chợ Đồn' },
      { province: 'thai-nguyen', district: 'dai-tu' },
      { province: 'cao-bang', district: 'hoa-an' },
      { province: 'thai-nguyen' },
    ];
    expect(districtChoices(regions, 'thai-nguyen')).toEqual([
      { value: 'cho-don', label: 'Huyện Chợ Đồn (Bắc Kạn cũ)' },
      { value: 'dai-tu', label: 'Dai Tu' },
    ]);
    expect(districtChoices(regions, 'bac-kan')).toEqual([{ value: 'cho-don', label: 'Huyện Chợ Đồn' }]);
  });
});
