import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../src/stories/fingerprint';
import { slotsDiffer } from '../../../src/stories/slots';

const fp = (title: string, summary = '') => fingerprint(title, summary);

describe('slotsDiffer', () => {
  it('tells a shorter name from a longer one whose extra words the shorter text never tells', () => {
    const keo = fp('Khai mạc lễ hội chùa Keo mùa thu', 'Sáng 16/10, lễ hội chùa Keo khai mạc.');
    const keoHanhThien = fp('Khai mạc lễ hội chùa Keo Hành Thiện mùa thu', 'Sáng 16/10, lễ hội chùa Keo Hành Thiện khai mạc.');
    expect(slotsDiffer(keo, keoHanhThien)).toBe(true);
    expect(slotsDiffer(keoHanhThien, fp('Lễ hội chùa Keo Hành Thiện', 'Chùa Keo (Hành Thiện) mở hội.'))).toBe(false);
  });

  it('takes a name with its province appended for the same name', () => {
    const department = fp('Sở Công Thương đề nghị tạm dừng đưa nông sản lên cửa khẩu', '');
    expect(slotsDiffer(department, fp('Sở Công Thương Lạng Sơn đề nghị tạm dừng đưa nông sản lên cửa khẩu', ''))).toBe(false);
  });

  it('tells two things named in one role where one shares its name with the commune', () => {
    const a = fp('Kiểm tra phòng cháy tại chợ Đông Kinh', 'Công an phường Đông Kinh kiểm tra phòng cháy tại chợ Đông Kinh.');
    const b = fp('Kiểm tra phòng cháy tại chợ Giếng Vuông', 'Công an phường Đông Kinh kiểm tra phòng cháy tại chợ Giếng Vuông.');
    expect(slotsDiffer(a, b)).toBe(true);
  });

  it('tells two foreign places marked with one country, whatever word names their kind', () => {
    const yunnan = fp('Đoàn công tác tỉnh thăm, làm việc tại tỉnh Vân Nam (Trung Quốc)', 'Đoàn công tác đã làm việc tại tỉnh Vân Nam (Trung Quốc), trao đổi về thương mại.');
    const guangxi = fp('Tỉnh tăng cường hợp tác với Khu tự trị dân tộc Choang Quảng Tây (Trung Quốc)', 'Đoàn công tác đã làm việc tại Khu tự trị dân tộc Choang Quảng Tây (Trung Quốc), trao đổi về thương mại.');
    expect(slotsDiffer(yunnan, guangxi)).toBe(true);
    // A copy naming the place without its country states no other place.
    expect(slotsDiffer(yunnan, fp('Hợp tác thương mại với Vân Nam', 'Đoàn công tác làm việc tại tỉnh Vân Nam, trao đổi về thương mại.'))).toBe(false);
  });

  it('tells schools of two levels with one name', () => {
    const primary = fp('Khánh thành 8 phòng học tại Trường Tiểu học Nà Phặc', '');
    expect(slotsDiffer(primary, fp('Khánh thành 8 phòng học tại Trường THCS Nà Phặc', ''))).toBe(true);
    expect(slotsDiffer(fp('Khánh thành 8 phòng học tại Trường THCS Nà Phặc', ''), fp('Trường trung học cơ sở Nà Phặc có 8 phòng học mới', ''))).toBe(false);
  });

  it('tells a city named as its province from a district of that province, and keeps the city in the province', () => {
    const city = 'Công bố nghị quyết sắp xếp các xã, phường thuộc thành phố Kon Tum';
    const told = 'Ngày 24/10, UBND tỉnh Kon Tum công bố nghị quyết sắp xếp đơn vị hành chính cấp xã';
    expect(slotsDiffer(fp(city, `${told} thuộc thành phố Kon Tum.`), fp('Công bố nghị quyết sắp xếp các xã, phường thuộc huyện Đắk Hà', `${told} thuộc huyện Đắk Hà.`))).toBe(true);
    // The province's portal names only the province: no other place.
    expect(slotsDiffer(fp('Thành phố Thái Nguyên ra quân tổng vệ sinh', 'Sáng 5/3, thành phố Thái Nguyên ra quân.'), fp('Thái Nguyên: ra quân tổng vệ sinh', 'Sáng 5/3, các phường của tỉnh Thái Nguyên ra quân.'))).toBe(false);
    // "thành phố Huế" is the province itself.
    expect(slotsDiffer(fp('Thành phố Huế ra quân tổng vệ sinh', 'Sáng 5/3, thành phố Huế ra quân.'), fp('Huế: ra quân tổng vệ sinh', 'Sáng 5/3, tỉnh Huế ra quân.'))).toBe(false);
  });

  it('tells two protected areas apart, whether park, reserve or protection forest', () => {
    const park = fp('Thả 6 cá thể tê tê về Vườn quốc gia Bạch Mã', 'Ngày 3/4, Hạt Kiểm lâm thả 6 cá thể tê tê về Vườn quốc gia Bạch Mã.');
    const reserve = fp('Thả 6 cá thể tê tê về Khu bảo tồn thiên nhiên Phong Điền', 'Ngày 3/4, Hạt Kiểm lâm thả 6 cá thể tê tê về Khu bảo tồn thiên nhiên Phong Điền.');
    const forest = fp('Thả 6 cá thể tê tê về rừng phòng hộ Nam Hải Vân', 'Ngày 3/4, Hạt Kiểm lâm thả 6 cá thể tê tê về rừng phòng hộ Nam Hải Vân.');
    expect(slotsDiffer(park, reserve)).toBe(true);
    expect(slotsDiffer(reserve, forest)).toBe(true);
    expect(slotsDiffer(park, fp('Đưa 6 cá thể tê tê về với rừng Bạch Mã', 'Hạt Kiểm lâm đã thả 6 cá thể tê tê về Vườn quốc gia Bạch Mã.'))).toBe(false);
  });

  it('takes a commune for its province where one text names its people by the province, the other by the commune', () => {
    const province = fp('Máy gặt lúa của nông dân Phú Thọ được cấp bằng sáng chế', 'Máy gặt của ông Hà Văn Lâm ở xã Thanh Ba được cấp bằng độc quyền sáng chế.');
    const commune = fp('Nông dân Thanh Ba có bằng sáng chế máy gặt lúa', 'Ông Hà Văn Lâm, nông dân xã Thanh Ba, được cấp bằng độc quyền sáng chế máy gặt.');
    expect(slotsDiffer(province, commune)).toBe(false);
    // Two provinces in that role are two stories.
    expect(slotsDiffer(province, fp('Máy gặt lúa của nông dân Tuyên Quang được cấp bằng sáng chế', 'Máy gặt của ông Hà Văn Lâm ở xã Thanh Ba được cấp bằng độc quyền sáng chế.'))).toBe(true);
  });

  it('reads a province only one text names, where the other names none, as the place’s or the teller’s, and keeps two provinces apart', () => {
    const commune = fp('Thông xe tạm tỉnh lộ 8 qua xã Châu Khê sau sạt lở', 'Tỉnh lộ 8 đoạn qua xã Châu Khê, huyện Con Cuông đã thông xe tạm sau 3 ngày khắc phục.');
    const prefixed = fp('Nghệ An: Tỉnh lộ 8 qua xã Châu Khê thông xe tạm', 'Sau 3 ngày khắc phục sạt lở, tỉnh lộ 8 đoạn qua xã Châu Khê (Con Cuông) đã thông xe tạm.');
    expect(slotsDiffer(commune, prefixed)).toBe(false);
    const other = fp('Hà Tĩnh: Tỉnh lộ 8 qua xã Châu Khê thông xe tạm', 'Sau 3 ngày khắc phục sạt lở, tỉnh lộ 8 đoạn qua xã Châu Khê (Hương Khê) đã thông xe tạm.');
    expect(slotsDiffer(prefixed, other)).toBe(true);
  });

  it('does not take a name for absent from a summary its portal cut short or left out', () => {
    const whole = fp('Thạnh Hóa chi trả bồi thường dự án cao tốc', 'Huyện Thạnh Hóa (Long An) đã chi trả 210 tỷ đồng cho 318 hộ dân bị ảnh hưởng bởi dự án cao tốc qua huyện, thuộc tuyến TP Hồ Chí Minh - Mộc Bài.');
    const cut = fp('Long An: Thạnh Hóa chi trả xong bồi thường cao tốc', 'Huyện Thạnh Hóa (Long An) đã chi trả 210 tỷ đồng cho 318 hộ dân bị…');
    expect(slotsDiffer(whole, cut)).toBe(false);
    expect(slotsDiffer(whole, fp('Long An: Thạnh Hóa chi trả xong bồi thường cao tốc', ''))).toBe(false);
    const uncut = fp('Long An: Thạnh Hóa chi trả xong bồi thường cao tốc', 'Huyện Thạnh Hóa (Long An) đã chi trả 210 tỷ đồng cho 318 hộ dân bị ảnh hưởng bởi dự án cao tốc qua Tây Ninh.');
    expect(slotsDiffer(whole, uncut)).toBe(true);
  });

  it('reads the district a title opens with, in capitals, as the teller’s around the commune both tell, not beside another commune', () => {
    const commune = fp('Khánh thành 4 phòng học Trường Tiểu học Lê Lợi, xã Cư Né', 'Công trình có tổng kinh phí 3,6 tỷ đồng, đưa vào sử dụng từ năm học mới.');
    const district = fp('KRÔNG BÚK: KHÁNH THÀNH 4 PHÒNG HỌC TẠI TRƯỜNG TIỂU HỌC LÊ LỢI (XÃ CƯ NÉ)', 'Tổng kinh phí 3,6 tỷ đồng; công trình đưa vào sử dụng từ năm học mới.');
    expect(slotsDiffer(commune, district)).toBe(false);
    const other = fp('Khánh thành 4 phòng học Trường Tiểu học Lê Lợi, xã Cư Pơng', 'Công trình có tổng kinh phí 3,6 tỷ đồng, đưa vào sử dụng từ năm học mới.');
    expect(slotsDiffer(other, district)).toBe(true);
  });

  it('reads a province opening one title as the teller of the commune news the other title opens with, and not beside another commune', () => {
    const summary = 'Lễ hội diễn ra từ 12 đến 15-10 với chợ phiên, thi giã bánh dày và đêm diễn xướng của đồng bào Mông.';
    const commune = fp('Xã Bắc Hà khai mạc Lễ hội Hoa tam giác mạch năm 2026', summary);
    expect(slotsDiffer(commune, fp('Lào Cai: Khai mạc Lễ hội Hoa tam giác mạch năm 2026', summary))).toBe(false);
    expect(slotsDiffer(commune, fp('Lào Cai: Xã Si Ma Cai khai mạc Lễ hội Hoa tam giác mạch năm 2026', summary))).toBe(true);
  });

  it('tells a unit from its neighbour whose name ends with it ("Đồ Sơn" / "Nam Đồ Sơn"), and keeps one unit one', () => {
    const doSon = fp('Phường Đồ Sơn ra quân dọn vệ sinh bãi biển', 'Sáng 6-4, phường Đồ Sơn huy động 300 người dọn rác ở bãi tắm Khu 2.');
    const namDoSon = fp('Phường Nam Đồ Sơn ra quân dọn vệ sinh bãi biển', 'Sáng 6-4, phường Nam Đồ Sơn huy động 300 người dọn rác ở bãi tắm Vạn Hương.');
    expect(slotsDiffer(doSon, namDoSon)).toBe(true);
    expect(slotsDiffer(namDoSon, fp('Nam Đồ Sơn dọn vệ sinh bãi biển', 'Phường Nam Đồ Sơn vừa huy động 300 người dọn rác bãi tắm Vạn Hương.'))).toBe(false);
  });
});
