import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../src/stories/fingerprint';
import { subjectsDiffer } from '../../../src/stories/subjects';

const fp = (title: string, summary = '') => fingerprint(title, summary);

describe('subjectsDiffer', () => {
  it('tells two bodies opening two titles, however the other text also names the first', () => {
    const a = fingerprint('Sở Tư pháp Thanh Hóa đưa vào vận hành phần mềm cấp phiếu lý lịch tư pháp trực tuyến', 'Người dân có thể nộp hồ sơ, nhận phiếu lý lịch tư pháp điện tử qua VNeID.');
    const b = fingerprint('Công an tỉnh Thanh Hóa triển khai cấp phiếu lý lịch tư pháp trên VNeID', 'Công an tỉnh tiếp nhận hồ sơ cấp phiếu lý lịch tư pháp sau khi nhận bàn giao nhiệm vụ từ Sở Tư pháp.');
    expect(subjectsDiffer(a, b)).toBe(true);
    const copy = fingerprint('Sở Tư pháp Thanh Hóa vận hành phần mềm cấp phiếu lý lịch tư pháp trực tuyến', 'Người dân nộp hồ sơ, nhận phiếu lý lịch tư pháp điện tử qua VNeID.');
    expect(subjectsDiffer(a, copy)).toBe(false);
  });

  it('tells two departments or two offices doing one thing', () => {
    const health = fp('Sở Y tế kiểm tra an toàn thực phẩm dịp Tết', 'Đoàn kiểm tra của Sở Y tế tỉnh kiểm tra 12 cơ sở kinh doanh thực phẩm.');
    expect(subjectsDiffer(health, fp('Sở Công Thương kiểm tra 12 cơ sở kinh doanh thực phẩm', 'Đoàn kiểm tra của Sở Công Thương tỉnh kiểm tra 12 cơ sở.'))).toBe(true);
    expect(subjectsDiffer(fp('Phòng Văn hóa kiểm tra dịch vụ karaoke'), fp('Phòng Kinh tế kiểm tra dịch vụ karaoke'))).toBe(true);
    expect(subjectsDiffer(fp('Ban Tuyên giáo Tỉnh ủy tổng kết công tác năm'), fp('Ban Dân vận Tỉnh ủy tổng kết công tác năm'))).toBe(true);
    expect(subjectsDiffer(fp('Ngân hàng Chính sách xã hội giải ngân 12 tỷ đồng'), fp('Agribank giải ngân 12 tỷ đồng cho hộ nghèo'))).toBe(true);
  });

  it('tells two diseases counted in one template, not a disease from a word folded alike', () => {
    const dengue = fp('Phường Phủ Lý ghi nhận 23 ca sốt xuất huyết trong tuần', 'Trong tuần, phường ghi nhận 23 ca mắc sốt xuất huyết.');
    expect(subjectsDiffer(dengue, fp('23 ca tay chân miệng trong tuần tại phường Phủ Lý', 'Trong tuần, phường ghi nhận 23 ca mắc tay chân miệng.'))).toBe(true);
    expect(subjectsDiffer(fp('Tiêm vắc xin phòng bệnh dại cho chó'), fp('Đại hội Hội Nông dân xã tiêm phòng cho đàn chó'))).toBe(false);
    expect(subjectsDiffer(dengue, fp('Phủ Lý: 23 ca sốt xuất huyết, chưa có ca tay chân miệng'))).toBe(false);
  });

  it('tells two forces or agencies doing one thing, and two countries', () => {
    expect(subjectsDiffer(fp('Đồn Biên phòng Ia Mơ tặng 40 xe đạp cho học sinh'), fp('Công an huyện Chư Prông tặng 40 xe đạp cho học sinh'))).toBe(true);
    expect(subjectsDiffer(fp('Hạt Kiểm lâm bàn giao 3 cá thể khỉ cho trung tâm cứu hộ'), fp('Đội Quản lý thị trường bàn giao 3 cá thể khỉ cho trung tâm cứu hộ'))).toBe(true);
    expect(subjectsDiffer(fp('Kon Tum cử bác sĩ hỗ trợ Campuchia chống dịch'), fp('Kon Tum cử bác sĩ hỗ trợ tỉnh Át Tạ Pư (Lào) chống dịch'))).toBe(true);
    // Joint work named by one side, the province Lào Cai, a country named by one side only: no other news.
    expect(subjectsDiffer(fp('Đồn Biên phòng phối hợp Công an xã bắt 2 đối tượng'), fp('Đồn Biên phòng bắt 2 đối tượng vận chuyển ma túy'))).toBe(false);
    expect(subjectsDiffer(fp('Lào Cai đón đoàn khách Trung Quốc'), fp('Đoàn khách Trung Quốc thăm tỉnh'))).toBe(false);
    expect(subjectsDiffer(fp('Đoàn công tác Lào Cai sang Vân Nam'), fp('Đoàn công tác sang Trung Quốc'))).toBe(false);
    // The department of labour, invalids and social affairs names no invalids a gift is for.
    expect(subjectsDiffer(fp('Thưởng Tết bình quân 8 triệu đồng', 'Theo Sở Lao động - Thương binh và Xã hội, …'), fp('Người lao động được thưởng Tết 8 triệu đồng'))).toBe(false);
  });

  it('keeps a copy that names a partner besides, none at all, or the office by its initials', () => {
    const health = fp('Sở Y tế kiểm tra an toàn thực phẩm dịp Tết', 'Đoàn kiểm tra của Sở Y tế tỉnh kiểm tra 12 cơ sở kinh doanh thực phẩm.');
    expect(subjectsDiffer(health, fp('Kiểm tra an toàn thực phẩm dịp Tết', 'Sở Y tế phối hợp Sở Công Thương kiểm tra 12 cơ sở kinh doanh thực phẩm.'))).toBe(false);
    expect(subjectsDiffer(health, fp('Kiểm tra 12 cơ sở kinh doanh thực phẩm dịp Tết', 'Đoàn liên ngành của tỉnh kiểm tra 12 cơ sở.'))).toBe(false);
    expect(subjectsDiffer(fp('Sở Khoa học và Công nghệ ký kết hợp tác'), fp('Sở KH&CN ký kết hợp tác'))).toBe(false);
    expect(subjectsDiffer(fp('Phòng Cảnh sát giao thông ra quân'), fp('CSGT ra quân xử lý vi phạm nồng độ cồn'))).toBe(false);
    // A trial told with the court by one and with the prosecutor besides by the other.
    expect(subjectsDiffer(fp('Tòa án nhân dân tỉnh xét xử vụ lừa đảo'), fp('Tòa án xét xử vụ lừa đảo, Viện kiểm sát giữ quyền công tố'))).toBe(false);
  });

  it('tells prizes, medals, men’s and women’s events, exams, fires and crashes of another kind', () => {
    const differ = (a: string, b: string) => subjectsDiffer(fp(a), fp(b));
    expect(differ('Đội thi xã Tân Lạc đoạt giải Nhất hội thi', 'Đội thi xã Tân Lạc giành giải Ba hội thi')).toBe(true);
    expect(differ('Vận động viên giành Huy chương Vàng 800 m', 'Vận động viên đoạt HCB 800 m')).toBe(true);
    expect(differ('Khai mạc giải bóng đá nam xã Phú Lương', 'Giải bóng đá nữ xã Phú Lương khai mạc')).toBe(true);
    expect(differ('Hoàn thành kỳ thi tuyển sinh lớp 10', 'Kỳ thi tốt nghiệp THPT kết thúc an toàn')).toBe(true);
    expect(differ('Dập tắt đám cháy nhà dân tại xã', 'Dập tắt đám cháy rừng tại xã')).toBe(true);
    expect(differ('Xe tải lật trên Quốc lộ 1A', 'Xe khách gặp nạn trên Quốc lộ 1A')).toBe(true);
    expect(differ('Xã tặng 200 suất quà Tết cho người cao tuổi', '200 suất quà Tết đến với trẻ em khó khăn')).toBe(true);
    expect(differ('Cứu sống bé trai đuối nước tại hồ', 'Kịp thời cứu bé gái đuối nước ở hồ')).toBe(true);
    expect(differ('Tiêm phòng cho đàn trâu, bò của xã', 'Tiêm phòng cho đàn lợn của xã')).toBe(true);
  });

  it('keeps a copy telling the same rank, medal, event or vehicle in other words, or not at all', () => {
    const differ = (a: string, b: string) => subjectsDiffer(fp(a), fp(b));
    expect(differ('Đội thi xã Tân Lạc đoạt giải Nhất hội thi', 'Đội xã Tân Lạc giành giải nhất')).toBe(false);
    expect(differ('Hà Tĩnh giành 5 huy chương vàng, 3 bạc', 'Hà Tĩnh giành 5 HCV, 3 HCB và 4 HCĐ')).toBe(false);
    expect(differ('Giải bóng đá nam, nữ xã Phú Lương khai mạc', 'Khai mạc giải bóng đá nam xã Phú Lương')).toBe(false);
    expect(differ('Ô tô tải lật trên Quốc lộ 1A', 'Xe tải lật trên Quốc lộ 1A, tài xế bị thương')).toBe(false);
    expect(differ('Xe tải va chạm xe máy trên Quốc lộ 1A', 'Tai nạn trên Quốc lộ 1A, một người bị thương')).toBe(false);
    expect(differ('Xã tặng quà cho trẻ em khó khăn', 'Học sinh nghèo nhận quà của xã')).toBe(false);
    expect(differ('Cứu sống bé trai đuối nước tại hồ', 'Kịp thời cứu cháu bé đuối nước ở hồ')).toBe(false);
    expect(differ('Tiêm phòng cho đàn trâu, bò của xã', 'Tiêm phòng cho 3.200 con gia súc của xã')).toBe(false);
    // A clinic ("cơ sở y tế") is no department.
    expect(differ('Sở Công Thương kiểm tra chợ', 'Kiểm tra chợ và các cơ sở y tế')).toBe(false);
  });
});
