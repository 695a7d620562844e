import { describe, expect, it } from 'vitest';
import { anchored, anchorsOf } from '../../../src/stories/anchors';
import { fingerprint } from '../../../src/stories/fingerprint';

const bridge = fingerprint(
  'Khánh thành cầu treo bản Nà Pàn, xã Tam Thanh',
  'Ngày 19/11, xã Tam Thanh khánh thành cầu treo bản Nà Pàn dài 86 m, tổng vốn 4,5 tỷ đồng từ ngân sách tỉnh và xã hội hóa.',
);
const retold = fingerprint(
  'Người dân bản Nà Pàn hết cảnh lội suối nhờ cây cầu treo 4,5 tỷ đồng',
  'Cây cầu treo dài 86 m ở bản Nà Pàn, xã Tam Thanh, tỉnh Lạng Sơn đã được đưa vào sử dụng từ ngày 19/11 sau lễ khánh thành.',
);

describe('anchored', () => {
  it('takes an event retold in other words by the figures and names both report', () => {
    expect(anchorsOf(bridge, retold)).toEqual({ amounts: ['86', '4.5'], days: ['19/11'], names: expect.arrayContaining(['nà pàn', 'tam thanh']), units: 1 });
    expect(anchored(bridge, retold)).toBe(true);
  });

  it('takes a retelling that names nothing by three figures of the event, not two', () => {
    const told = fingerprint('Cục Thuế tỉnh Bình Định kiểm tra 14 doanh nghiệp nợ thuế', 'Đoàn kiểm tra phát hiện 14 doanh nghiệp nợ 7,4 tỷ đồng tiền thuế, xử phạt 0,6 tỷ đồng.');
    const retold = fingerprint('Kiểm tra 14 doanh nghiệp nợ thuế', 'Qua kiểm tra, 14 doanh nghiệp còn nợ 7,4 tỷ đồng, bị phạt 0,6 tỷ đồng.');
    expect(anchored(told, retold)).toBe(true);
    const twoFigures = fingerprint('Kiểm tra 14 doanh nghiệp nợ thuế', 'Qua kiểm tra, 14 doanh nghiệp còn nợ 7,4 tỷ đồng.');
    expect(anchored(told, twoFigures)).toBe(false);
  });

  it('does not take two items of one commune on one day, nor one figure and one name alone', () => {
    const meeting = fingerprint('Xã Tam Thanh tổ chức tiếp xúc cử tri', 'Ngày 19/11, HĐND xã Tam Thanh, huyện Văn Quan tổ chức tiếp xúc cử tri tại 12 thôn.');
    expect(anchored(bridge, meeting)).toBe(false);
    const cases = fingerprint('Xã Ea Kar phun hóa chất diệt muỗi phòng sốt xuất huyết', 'Lực lượng y tế xã Ea Kar phun hóa chất tại 1.250 hộ gia đình.');
    const other = fingerprint('Xã Ea Kar ra quân phòng chống bệnh tay chân miệng', 'Y tế xã Ea Kar khử khuẩn tại 1.250 hộ gia đình.');
    expect(anchored(cases, other)).toBe(false);
    // Small counts of one template count once: "3 chốt", "4 thôn" and the commune are not three anchors.
    const flu = fingerprint('Công bố dịch cúm gia cầm tại xã Na Rì', 'UBND xã thành lập 3 chốt kiểm dịch, tiêu hủy vật nuôi mắc bệnh tại 4 thôn có dịch.');
    const swine = fingerprint('Xã Na Rì công bố dịch tả lợn châu Phi', 'Xã thành lập 3 chốt kiểm dịch và tiêu hủy lợn mắc bệnh tại 4 thôn có dịch.');
    expect(anchored(flu, swine)).toBe(false);
  });

  it('does not take two items whose titles name different things, however alike their figures', () => {
    const a = fingerprint('Khởi công tu bổ chùa Bổ Đà', 'Dự án có tổng vốn 145 tỷ đồng; hơn 2.000 phật tử dự lễ ngày 3/3 tại xã Tiên Sơn.');
    const b = fingerprint('Chùa Vĩnh Nghiêm được khởi công tu bổ', 'Tổng vốn 145 tỷ đồng, hơn 2.000 phật tử dự lễ khởi công ngày 3/3 tại xã Tiên Sơn.');
    expect(anchored(a, b)).toBe(false);
  });

  it('reads a title’s first word as capitalized by place, not as part of a name, when the other text tells the rest', () => {
    const festival = fingerprint('Trà Cú tổ chức Lễ hội Ok Om Bok năm 2024', 'Tối 14/11, huyện Trà Cú tổ chức Lễ hội Ok Om Bok năm 2024 với lễ cúng trăng, đua ghe ngo; hơn 20 đội ghe ngo của các chùa Khmer tham gia.');
    const retelling = fingerprint('Người Khmer ở Trà Cú rộn ràng đón lễ cúng trăng', 'Hơn 20 đội ghe ngo của các chùa Khmer tranh tài trong Lễ hội Ok Om Bok năm 2024 do huyện Trà Cú tổ chức tối 14/11.');
    expect(anchored(festival, retelling)).toBe(true);
    const elsewhere = fingerprint('Người Chăm ở Trà Cú rộn ràng đón lễ cúng trăng', 'Hơn 20 đội ghe ngo tranh tài trong Lễ hội Ok Om Bok năm 2024 do huyện Trà Cú tổ chức tối 14/11.');
    expect(anchored(festival, elsewhere)).toBe(false);
  });

  it('takes the province both tell for the name a retelling needs when it reports three figures of the event, not two', () => {
    const release = fingerprint('Sơn La cấp thêm 28 mã số vùng trồng xoài xuất khẩu', 'Sở Nông nghiệp và Môi trường Sơn La cho biết vừa được cấp thêm 28 mã số vùng trồng xoài với diện tích 940 ha, nâng tổng số mã vùng trồng xoài của tỉnh lên 175 mã.');
    const retelling = fingerprint('Thêm 28 mã vùng trồng xoài', 'Với 28 mã số mới rộng khoảng 940 ha, Sơn La hiện có 175 mã số vùng trồng xoài đủ điều kiện xuất khẩu chính ngạch.');
    expect(anchored(release, retelling)).toBe(true);
    const twoFigures = fingerprint('Thêm 28 mã vùng trồng xoài', 'Với 28 mã số mới rộng khoảng 940 ha, Sơn La mở rộng vùng trồng xoài đủ điều kiện xuất khẩu chính ngạch.');
    expect(anchored(release, twoFigures)).toBe(false);
  });
  it('takes a retelling by two exact amounts and its province, and by one exact figure and one name when its words come near the bar', () => {
    const told = fingerprint('Quảng Ngãi giải ngân 412 tỷ đồng vốn đầu tư công quý I', 'Sở Tài chính tỉnh Quảng Ngãi cho biết quý I đã giải ngân 412 tỷ đồng, đạt 18,5% kế hoạch vốn đầu tư công năm.');
    const retold = fingerprint('Vốn đầu tư công giải ngân được 18,5% kế hoạch', 'Sau ba tháng đầu năm, Quảng Ngãi giải ngân được 412 tỷ đồng vốn đầu tư công, các dự án giao thông chiếm phần lớn.');
    expect(anchored(told, retold, 0.45)).toBe(true);
    expect(anchored(told, retold, 0.3)).toBe(false);
    const port = fingerprint('Đón 2.400 khách tàu biển tại cảng Chân Mây', 'Sáng nay, cảng Chân Mây đón tàu du lịch với hơn 2.400 khách quốc tế.');
    const portRetold = fingerprint('Hơn 2.400 khách quốc tế đến Chân Mây bằng tàu biển', 'Tàu du lịch cập cảng Chân Mây, đưa hơn 2.400 khách quốc tế tham quan các điểm di tích.');
    expect(anchored(port, portRetold, 0.45)).toBe(true);
    expect(anchored(port, portRetold, 0.3)).toBe(false);
  });
  it('takes a retelling keeping no figure by three names of the event when its words come near the bar, not by two', () => {
    const told = fingerprint('Khai hội đền Kiếp Bạc mùa thu năm 2025', 'Sáng nay, tại Khu di tích Kiếp Bạc, thành phố Chí Linh khai hội mùa thu, tưởng niệm Hưng Đạo Đại vương Trần Quốc Tuấn.');
    const retold = fingerprint('Chí Linh: Đông đảo du khách về dự khai hội Kiếp Bạc', 'Lễ khai hội mùa thu tại đền Kiếp Bạc tưởng nhớ Hưng Đạo Đại vương Trần Quốc Tuấn thu hút đông đảo du khách.');
    expect(anchored(told, retold, 0.45)).toBe(true);
    expect(anchored(told, retold, 0.3)).toBe(false);
    const twoNames = fingerprint('Đông đảo du khách về dự khai hội Kiếp Bạc', 'Lễ khai hội mùa thu tại đền Kiếp Bạc tưởng nhớ Trần Quốc Tuấn thu hút đông đảo du khách.');
    expect(anchored(told, twoNames, 0.45)).toBe(false);
  });
});
