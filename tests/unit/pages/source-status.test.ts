import { describe, expect, it } from 'vitest';
import { sourceKindText, sourceStatus } from '../../../src/pages/source-status';

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
