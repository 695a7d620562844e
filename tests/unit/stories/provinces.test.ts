import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../src/stories/fingerprint';
import { provincesDiffer, provincesOf } from '../../../src/stories/provinces';
import { similarity } from '../../../src/stories/similarity';

const fp = (title: string, summary: string) => fingerprint(title, summary);

describe('provinces', () => {
  it('reads the provinces a text tells of, a former one as the one it is part of now, and a commune named like a province as the commune', () => {
    expect([...provincesOf(fp('Phường Long Bình ra quân', 'Sáng 3-10, phường Long Bình (TP.HCM) ra quân dọn rác.'))]).toEqual(['ho-chi-minh']);
    expect([...provincesOf(fp('Kiên Giang xử phạt 12 chủ tàu cá', 'Các lực lượng chức năng tỉnh đã lập biên bản.'))]).toEqual(['an-giang']);
    expect([...provincesOf(fp('Xã Quảng Ninh ra quân làm đường', 'Sáng 4-11, xã Quảng Ninh (Thanh Hoá) ra quân làm mới 3,5 km đường.'))]).toEqual(['thanh-hoa']);
  });

  it('keeps apart one ward\'s name in two provinces, and a commune named like a province from that province', () => {
    const ward = (province: string) =>
      fp('Phường Long Bình tổ chức Ngày hội Đại đoàn kết toàn dân tộc', `Sáng 3-10, phường Long Bình (${province}) tổ chức Ngày hội Đại đoàn kết toàn dân tộc tại khu phố 4, trao 40 suất quà cho hộ khó khăn.`);
    expect(provincesDiffer(ward('Đồng Nai'), ward('TP.HCM'))).toBe(true);
    expect(similarity(ward('Đồng Nai'), ward('TP.HCM'))).toBe(0);
    expect(provincesDiffer(ward('Đồng Nai'), ward('Đồng Nai'))).toBe(false);
    const commune = fp('Xã Quảng Ninh ra quân làm đường giao thông nông thôn', 'Sáng 4-11, xã Quảng Ninh (Thanh Hoá) ra quân làm mới 3,5 km đường giao thông nông thôn.');
    const province = fp('Quảng Ninh ra quân làm đường giao thông nông thôn', 'Sáng 5-11, tỉnh Quảng Ninh ra quân làm mới đường giao thông nông thôn tại các xã miền núi.');
    expect(provincesDiffer(commune, province)).toBe(true);
  });

  it('keeps a copy whose paper names the former province, or whose summary was cut before its province', () => {
    const portal = fp('Xử phạt 12 chủ tàu cá vi phạm quy định chống khai thác IUU', 'Các lực lượng chức năng tỉnh An Giang đã xử phạt 12 chủ tàu cá.');
    const paper = fp('Xử phạt 12 chủ tàu cá vi phạm quy định chống khai thác IUU', 'Các lực lượng chức năng tỉnh Kiên Giang đã xử phạt 12 chủ tàu cá.');
    expect(provincesDiffer(portal, paper)).toBe(false);
    const full = fp('Khai trương chợ đêm mới', 'Tối 4/1, phường Xuân Hương - Đà Lạt khai trương chợ đêm tại khu vực Hòa Bình với 120 gian hàng.');
    const cut = fp('Lâm Đồng: khai trương chợ đêm mới', 'Tối 4/1, phường Xuân Hương - Đà Lạt khai trương chợ…');
    expect(provincesDiffer(full, cut)).toBe(false);
  });
});
