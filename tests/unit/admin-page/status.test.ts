import { describe, expect, it } from 'vitest';
import { regionOptions, sourceViews } from '../../../src/admin-page/status';
import { validateCatalog, type Source } from '../../../src/sources/schema';
import type { StateDoc } from '../../../src/store/types';

const catalog = (): Source[] => {
  const r = validateCatalog([
    { id: 'cho-don', name: 'Cổng Chợ Đồn', url: 'https://nguoi:matkhau@chodon.backan.gov.vn/rss', region: { province: 'bac-kan', district: 'cho-don', districtName: 'huyện Chợ Đồn' } },
    { id: 'ba-be', name: 'Cổng Ba Bể', url: 'https://babe.backan.gov.vn/', region: { province: 'bac-kan', district: 'ba-be' }, enabled: false },
    { id: 'moi', name: 'Cổng mới', url: 'https://moi.thainguyen.gov.vn/', region: { province: 'thai-nguyen' } },
  ]);
  if (!r.ok) throw new Error('fixture catalog invalid');
  return r.value;
};

const state: StateDoc = {
  version: 1,
  sources: {
    'cho-don': {
      failures: 2,
      lastSuccess: '2026-12-06T01:00:00.000Z',
      articleCount: 14,
      lastError: 'cannot reach https://chodon.backan.gov.vn/rss: DNS lookup failed',
      lastErrorCode: 'dns',
      lastErrorAt: '2026-12-07T01:00:00.000Z',
      recentFailures: [
        { at: '2026-12-07T00:30:00.000Z', code: 'http', status: 503 },
        { at: '2026-12-07T01:00:00.000Z', code: 'dns' },
      ],
    },
    'ba-be': { failures: 1, lastError: 'HTTP 404', lastErrorCode: 'http', lastErrorStatus: 404, lastErrorAt: '2026-12-07T01:00:00.000Z' },
  },
};

describe('sourceViews', () => {
  it('says each source’s state and failures in Vietnamese beside their codes, without credentials', () => {
    const [choDon, baBe, moi] = sourceViews(catalog(), state);
    expect(choDon).toMatchObject({
      id: 'cho-don',
      url: 'https://chodon.backan.gov.vn/rss',
      region: 'Huyện Chợ Đồn, tỉnh Bắc Kạn (cũ, nay thuộc tỉnh Thái Nguyên)',
      status: { kind: 'failing' },
      articleCount: 14,
      lastSuccess: '2026-12-06T01:00:00.000Z',
      lastFailure: { code: 'dns', text: expect.stringContaining('Không tìm thấy tên miền') },
      recentFailures: [
        { at: '2026-12-07T00:30:00.000Z', code: 'http', status: 503, text: 'Máy chủ của cổng đang lỗi (HTTP 503).' },
        { at: '2026-12-07T01:00:00.000Z', code: 'dns', text: expect.stringContaining('DNS') },
      ],
    });
    expect(choDon.status.text).toContain('2 lần liên tiếp');
    // A disabled source says so; its last failure stays visible with its status.
    expect(baBe).toMatchObject({ enabled: false, status: { kind: 'disabled', text: 'Tắt' }, lastFailure: { code: 'http', status: 404, text: expect.stringContaining('HTTP 404') } });
    expect(moi).toMatchObject({ status: { kind: 'unverified', text: 'Chưa kiểm chứng' }, articleCount: 0, lastSuccess: null, lastFailure: null, recentFailures: [] });
  });
});

describe('regionOptions', () => {
  it('offers the districts sources publish under and the communes of today, a former province giving its new one’s', () => {
    const r = regionOptions(catalog(), 'bac-kan');
    expect(r.districts.map((d) => d.value).sort()).toEqual(['ba-be', 'cho-don']);
    expect(r.communes).toContainEqual({ value: '02143', label: 'Xã Văn Lang (02143)' });
    expect(regionOptions(catalog(), 'thai-nguyen').communes).toEqual(r.communes);
  });
});
