import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../src/stories/fingerprint';
import { swappedSpan } from '../../../src/stories/templates';

const swapped = (a: [string, string], b: [string, string]) => swappedSpan(fingerprint(...a), fingerprint(...b));

describe('swappedSpan', () => {
  it('tells apart two titles on one template with a thing swapped, where capitals say nothing', () => {
    expect(swapped(['KHÁNH THÀNH CẦU TÀ LÙNG', ''], ['KHÁNH THÀNH CẦU NÀ LÙNG', ''])).toBe(true);
    expect(swapped(['Mở lớp tập huấn kỹ thuật trồng quế cho nông dân', ''], ['Mở lớp tập huấn kỹ thuật trồng hồi cho nông dân', ''])).toBe(true);
    // Folded, "đá" would be the grammar word "đã".
    expect(swapped(['Xã Ba Bể khai mạc Giải bóng chuyền nam', ''], ['Xã Ba Bể khai mạc Giải bóng đá nam', ''])).toBe(true);
    // The span's words are elsewhere in the other text ("Vĩnh Thanh", "đoàn viên"), but not as that name.
    expect(
      swapped(
        ['Đoàn Thanh niên xã Vĩnh Thanh ra quân làm sạch kênh rạch', 'Hơn 200 hội viên, đoàn viên thu gom rác thải.'],
        ['Hội Liên hiệp Phụ nữ xã Vĩnh Thanh ra quân làm sạch kênh rạch', 'Hơn 200 hội viên, đoàn viên thu gom rác thải.'],
      ),
    ).toBe(true);
  });

  it('reads a swapped word with its marks, and one syllable told elsewhere only where said more often', () => {
    // Folded, "nam" would be the stop word "năm", "tải" would be "tại".
    expect(swapped(['Phường Hòa Khánh tổ chức hội thao cho học sinh nữ', ''], ['Phường Hòa Khánh tổ chức hội thao cho học sinh nam', ''])).toBe(true);
    expect(swapped(['Xã Tân Lập mua sắm xe tải chở rác', ''], ['Xã Tân Lập mua sắm xe ben chở rác', ''])).toBe(true);
    // "nữ" of "Phụ nữ" and "nam" of "Việt Nam" are in both texts: no telling of the team.
    expect(
      swapped(
        ['Khai mạc Giải bóng đá nữ chào mừng ngày Phụ nữ Việt Nam', 'Giải có 10 đội tham gia.'],
        ['Khai mạc Giải bóng đá nam chào mừng ngày Phụ nữ Việt Nam', 'Giải có 10 đội tham gia.'],
      ),
    ).toBe(true);
  });

  it('tells apart two summaries with a thing swapped under one title', () => {
    const title = 'Ra quân tổng vệ sinh môi trường';
    expect(
      swapped(
        [title, 'Đoàn viên thanh niên thu gom rác thải dọc bờ sông và các tuyến kênh mương nội đồng.'],
        [title, 'Đoàn viên thanh niên thu gom rác thải quanh hồ chứa và các tuyến kênh mương nội đồng.'],
      ),
    ).toBe(true);
  });

  it('takes a reworded template word, a word the other text tells elsewhere, or a day written as a date for a copy', () => {
    expect(swapped(['Tỉnh ủy tổ chức hội nghị tổng kết công tác dân vận', ''], ['Tỉnh ủy tiến hành hội nghị tổng kết công tác dân vận', ''])).toBe(false);
    expect(swapped(['Mường Tè khẩn trương thông tuyến 12 điểm sạt lở', ''], ['Mường Tè nhanh chóng thông tuyến 12 điểm sạt lở', ''])).toBe(false);
    expect(
      swapped(['Khánh thành cầu treo bản Khuổi Nộc', 'Cầu treo Nà Làng bắc qua suối ở bản Khuổi Nộc.'], ['Khánh thành cầu treo Nà Làng', 'Cầu treo Nà Làng bắc qua suối ở bản Khuổi Nộc.']),
    ).toBe(false);
    expect(
      swapped(
        ['Hội nông dân tập huấn trồng quế', 'Hôm qua, Hội Nông dân xã mở lớp tập huấn kỹ thuật trồng quế hữu cơ cho hội viên.'],
        ['Hội nông dân tập huấn trồng quế', 'Ngày 5/8, Hội Nông dân xã mở lớp tập huấn kỹ thuật trồng quế hữu cơ cho hội viên.'],
      ),
    ).toBe(false);
  });

  it('takes an abbreviation, or one read two ways, for the words it stands for, and words moved around a kept word for a rewording', () => {
    expect(swapped(['Ngày hội Đại đoàn kết tại tổ dân phố số 3', ''], ['Ngày hội Đại đoàn kết tại TDP số 3', ''])).toBe(false);
    expect(swapped(['BCH Quân sự xã tổ chức Lễ giao nhận quân', ''], ['Ban Chỉ huy Quân sự xã tổ chức Lễ giao nhận quân', ''])).toBe(false);
    expect(swapped(['Tam Điệp: Ra mắt Câu lạc bộ dân vũ người cao tuổi', ''], ['Phường Tam Điệp có Câu lạc bộ dân vũ người cao tuổi', ''])).toBe(false);
  });

  it('leaves a rewritten title to the similarity: long spans are a rewording, not a swap', () => {
    const title = 'Khởi công đường bao biển giai đoạn 1';
    const tail = 'tổng vốn hơn 2.900 tỷ đồng, dự kiến hoàn thành sau 30 tháng.';
    expect(swapped([title, `Tuyến dài 16 km, ${tail}`], [title, `Công trình có ${tail}`])).toBe(false);
    expect(swapped(['Xã Phong Quang tập huấn trồng quế hữu cơ cho hơn 200 hội viên', ''], ['Hơn 200 hội viên được tập huấn trồng quế hữu cơ', ''])).toBe(false);
  });

  it('tells a thing swapped with a count or a day changed too, and a thing named at length after "tội", "môn", "bệnh"', () => {
    expect(
      swapped(
        ['Phường Buôn Hồ tiêm phòng bệnh dại cho hơn 3.000 con vật nuôi', ''],
        ['Phường Buôn Hồ tiêm phòng lở mồm long móng cho hơn 4.200 con vật nuôi', ''],
      ),
    ).toBe(true);
    expect(swapped(['Khởi tố 5 bị can về tội trộm cắp tài sản tại xã Tịnh Biên', ''], ['Khởi tố 5 bị can về tội mua bán trái phép chất ma túy tại xã Tịnh Biên', ''])).toBe(true);
    // Two things swapped around one grammar word.
    expect(swapped(['Phường Buôn Hồ tiêm phòng bệnh dại cho chó, mèo', ''], ['Phường Buôn Hồ tiêm phòng cúm gia cầm cho gà, vịt', ''])).toBe(true);
    // Folded, "Toán" would be the common word "toàn".
    expect(swapped(['Học sinh Cà Mau giành giải Ba môn Toán quốc gia', ''], ['Học sinh Cà Mau giành giải Ba môn Sinh học quốc gia', ''])).toBe(true);
    // A summary's figures say nothing here: a copy rounds them, and writes the day its own way.
    const title = 'Xã Ea Kar trao bò giống cho hộ nghèo';
    expect(swapped([title, 'Ngày 5/6, xã trao 60 con bò giống cho hộ nghèo.'], [title, 'Hôm qua, xã trao hơn 60 con bò giống cho hộ nghèo.'])).toBe(false);
  });

  it('takes a verb a republisher swaps for its synonym as a rewording', () => {
    const tail = '120 tấn gạo cho người dân xã Mường Pồn sau lũ';
    expect(swapped([`Điện Biên hỗ trợ ${tail}`, ''], [`Điện Biên giúp đỡ ${tail}`, ''])).toBe(false);
    expect(swapped(['Khai trương chợ đêm Ninh Kiều phục vụ du khách', ''], ['Ra mắt chợ đêm Ninh Kiều phục vụ du khách', ''])).toBe(false);
    expect(swapped(['Nhà máy điện gió Hướng Linh chạy thử tuabin đầu tiên', ''], ['Nhà máy điện gió Hướng Linh vận hành thử tuabin đầu tiên', ''])).toBe(false);
    // Made public, in other words; a planned power or water cut, as a notice or a schedule.
    expect(swapped(['Hải Phòng công bố điểm chuẩn vào lớp 10 năm học 2026-2027', ''], ['HẢI PHÒNG CHÍNH THỨC CÓ ĐIỂM CHUẨN VÀO LỚP 10 NĂM HỌC 2026-2027', ''])).toBe(false);
    expect(swapped(['Lịch cắt điện khu vực thị xã Ninh Hòa ngày 3-10', ''], ['Thông báo ngừng cấp điện khu vực thị xã Ninh Hòa ngày 3-10', ''])).toBe(false);
    expect(swapped(['Lịch cắt nước phường Tân An ngày 8-5', ''], ['Thông báo tạm ngừng cấp nước phường Tân An ngày 8-5', ''])).toBe(false);
    // The cut announced is still no other thing swapped in: power for water is.
    expect(swapped(['Lịch cắt điện phường Tân An ngày 8-5', ''], ['Lịch cắt nước phường Tân An ngày 8-5', ''])).toBe(true);
  });

  it('takes a span the other text tells whole, or the exact figure it gives, for a copy', () => {
    expect(
      swapped(
        ['Công an huyện bắt 3 đối tượng trong đường dây cá độ bóng đá', 'Công an huyện vừa bắt 3 đối tượng tổ chức cá độ bóng đá qua mạng.'],
        ['Công an huyện bắt 3 đối tượng tổ chức cá độ bóng đá', 'Công an huyện đã bắt 3 đối tượng tổ chức cá độ bóng đá qua mạng.'],
      ),
    ).toBe(false);
    expect(
      swapped(
        ['Phú Thọ: Gần 9.000 hộ thoát nghèo năm 2025', 'Năm 2025, toàn tỉnh có 8.930 hộ thoát nghèo, vượt kế hoạch.'],
        ['Phú Thọ: 8.930 hộ thoát nghèo năm 2025', 'Năm 2025, toàn tỉnh có 8.930 hộ thoát nghèo, vượt kế hoạch.'],
      ),
    ).toBe(false);
    // A small number is no exact amount: "giai đoạn 1" is told by no "1" elsewhere.
    expect(swapped(['Khởi công nhà máy nước giai đoạn 2', 'Nhà máy có 1 trạm bơm.'], ['Khởi công nhà máy nước giai đoạn 1', 'Nhà máy có 1 trạm bơm.'])).toBe(true);
  });

  it('takes how a finished event went, in other words, for a rewording', () => {
    const summary = 'Ngày 12/9, xã Mường Khương tổ chức diễn tập phòng chống cháy rừng năm 2025 với hơn 150 người tham gia.';
    expect(swapped(['Xã Mường Khương diễn tập phòng chống cháy rừng năm 2025 thành công', summary], ['Xã Mường Khương diễn tập phòng chống cháy rừng năm 2025 đạt kết quả tốt', summary])).toBe(false);
    expect(swapped(['Xã Mường Khương diễn tập phòng chống cháy rừng năm 2025 thành công', summary], ['Xã Mường Khương diễn tập phòng chống lụt bão năm 2025 thành công', summary.replace('cháy rừng', 'lụt bão')])).toBe(true);
  });

  it('tells apart two titles whose swapped things share a syllable in other compounds', () => {
    const summary = (what: string) => `Ngày 3/10, xã Tân Lạc tổ chức diễn tập ${what} năm 2025 với hơn 200 người tham gia.`;
    expect(swapped(['Xã Tân Lạc diễn tập chiến đấu phòng thủ năm 2025', summary('chiến đấu phòng thủ')], ['Xã Tân Lạc diễn tập phòng chống cháy nổ năm 2025', summary('phòng chống cháy nổ')])).toBe(true);
    // The same word with the same neighbour, moved: a rewording.
    expect(swapped(['Xã Tân Lạc diễn tập chiến đấu phòng thủ năm 2025', summary('chiến đấu phòng thủ')], ['Xã Tân Lạc diễn tập phòng thủ chiến đấu năm 2025', summary('phòng thủ chiến đấu')])).toBe(false);
  });

  it('keeps a republisher\'s one-word edits as a copy: a hedge before an amount, a gift\'s measure word, a cause\'s verb, a contest\'s name, a country\'s other name', () => {
    const summary = (hedge: string) => `Chương trình thu gom được ${hedge} 12 tấn rác thải dọc bờ biển.`;
    expect(swapped(['Ra quân làm sạch bờ biển', summary('gần')], ['Ra quân làm sạch bờ biển', summary('khoảng')])).toBe(false);
    expect(swapped(['Xã trao quà cho hộ nghèo', 'Dịp này, xã trao 40 suất quà cho hộ nghèo.'], ['Xã trao quà cho hộ nghèo', 'Dịp này, xã trao 40 phần quà cho hộ nghèo.'])).toBe(false);
    expect(swapped(['Lũ quét tại huyện Mường La làm 3 người mất tích', ''], ['Lũ quét tại huyện Mường La khiến 3 người mất tích', ''])).toBe(false);
    expect(swapped(['Hơn 10.000 vận động viên tham gia Cuộc thi Marathon quốc tế', ''], ['Hơn 10.000 vận động viên tham gia Giải Marathon quốc tế', ''])).toBe(false);
    expect(swapped(['Sơn La xuất khẩu lô xoài đầu tiên sang Australia', ''], ['Sơn La xuất khẩu lô xoài đầu tiên sang Úc', ''])).toBe(false);
    expect(swapped(['Nghệ An tiêm vắc xin sởi cho trẻ em', ''], ['Nghệ An tiêm vaccine sởi cho trẻ em', ''])).toBe(false);
    // A thing is still a thing: another crop, another country.
    expect(swapped(['Sơn La xuất khẩu lô xoài đầu tiên sang Australia', ''], ['Sơn La xuất khẩu lô xoài đầu tiên sang Nhật Bản', ''])).toBe(true);
  });

  it('reads letters standing for the other\'s words as an abbreviation, partial too, and a school level as no abbreviation of another', () => {
    const congress = (name: string) => [`Khai mạc ${name} Đảng bộ tỉnh lần thứ I, nhiệm kỳ 2025-2030`, ''] as [string, string];
    expect(swapped(congress('Đại hội đại biểu'), congress('ĐH'))).toBe(false);
    expect(swapped(['Long An tổ chức Hội chợ thương mại biên giới Việt Nam - Campuchia', ''], ['Long An tổ chức Hội chợ thương mại biên giới VN - CPC', ''])).toBe(false);
    expect(swapped(['Khánh thành trường THCS Tân Lập', ''], ['Khánh thành trường Tiểu học Tân Lập', ''])).toBe(true);
  });

  it('takes a title opened by its province or not as the same title, and the summary\'s words retold in another order as a rewording', () => {
    const summary = 'Sáng 23-2, huyện Tiên Du tổ chức khai mạc Hội Lim xuân với nghi lễ rước kiệu.';
    expect(swapped(['Bắc Ninh khai mạc Hội Lim xuân Giáp Thìn', summary], ['Tưng bừng khai mạc Hội Lim xuân Giáp Thìn', summary])).toBe(false);
    expect(swapped(['Bắc Ninh khai mạc Hội Lim xuân Giáp Thìn', summary], ['Bắc Giang khai mạc Hội Lim xuân Giáp Thìn', summary])).toBe(true);
    const road = 'Từ 6 giờ ngày 20-11, các phương tiện bị cấm lưu thông qua đèo Khánh Lê do sạt lở.';
    expect(swapped(['Cấm phương tiện qua đèo Khánh Lê do sạt lở', road], ['Tạm cấm lưu thông qua đèo Khánh Lê do sạt lở', road])).toBe(false);
  });

  it('takes one amount written with another scale for no thing swapped, and another amount for one', () => {
    const body = 'UBND huyện vừa phân bổ kinh phí hỗ trợ 46 hộ nghèo xây mới nhà ở.';
    expect(swapped(['Huyện hỗ trợ 2,3 tỷ đồng xây nhà cho hộ nghèo', body], ['Huyện hỗ trợ 2.300 triệu đồng xây nhà cho hộ nghèo', body])).toBe(false);
    expect(swapped(['Kè hoàn thành sau 36 tháng thi công', body], ['Kè hoàn thành sau 3 năm thi công', body])).toBe(false);
  });
});
