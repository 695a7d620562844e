import { describe, expect, it } from 'vitest';
import { isRoutine, stages, TOLD_SUCCEEDED } from '../../../src/stories/stages';

const read = (text: string) => Object.fromEntries([...stages(text)].map(([k, v]) => [k, [...v]]));

describe('stages', () => {
  it('tells an event for an age group from the one for all, and a plan from the figures reached', () => {
    expect(read('Quảng Ngãi giành 3 huy chương vàng Giải vô địch Vovinam toàn quốc')).toEqual({ age: ['all'] });
    expect(read('Quảng Ngãi giành 3 HCV Giải vô địch trẻ Vovinam toàn quốc')).toEqual({ age: ['trẻ'] });
    expect(read('Giải bóng đá U17 quốc gia khởi tranh')).toEqual({ age: ['u17'] });
    expect(read('Công bố danh sách học sinh đoạt giải kỳ thi chọn học sinh giỏi cấp tỉnh')).not.toHaveProperty('age');
    expect(read('Xã tập trung giải phóng mặt bằng')).toEqual({});
    expect(read('Công bố kế hoạch tuyển sinh lớp 10')).toEqual({ stage: ['plan'], tally: ['target'] });
    expect(read('Công bố số lượng đăng ký dự thi lớp 10')).toMatchObject({ tally: ['actual'] });
  });

  it('reads a dress rehearsal as a stage of its own, told by a copy', () => {
    expect(read('Tổng duyệt chương trình khai mạc Festival Huế 2026')).toMatchObject({ stage: expect.arrayContaining(['rehearsal', 'open']) });
    expect(read('Lễ duyệt binh mừng Quốc khánh')).not.toHaveProperty('stage');
  });

  it('tells which chair is elected, a Party cell from its commune\'s committee, a service halted from one running again, and an exam\'s first session done from the exam done', () => {
    expect(read('Bà H\'Loan Niê được bầu làm Chủ tịch HĐND xã Ea Phê')).toMatchObject({ chair: ['council'] });
    expect(read('Ông Trần Đức Mạnh được bầu làm Chủ tịch UBND xã Ea Phê')).toMatchObject({ chair: ['committee'] });
    expect(read('Chi bộ thôn Nà Pài đại hội nhiệm kỳ 2025-2030')).toMatchObject({ party: ['cell'] });
    expect(read('Đại hội Đảng bộ xã Chợ Đồn nhiệm kỳ 2025-2030')).toMatchObject({ party: ['committee'] });
    expect(read('Biển động, tàu Phan Thiết - Phú Quý ngưng chạy hai ngày')).toMatchObject({ 'service-state': ['halted'] });
    expect(read('Tàu khách Phan Thiết - Phú Quý chạy lại sau hai ngày biển động')).toMatchObject({ 'service-state': ['resumed'] });
    expect(read('Thông tuyến đường vào xã A Mú Sung sau sạt lở')).toMatchObject({ 'service-state': ['resumed'] });
    expect(read('Hơn 5.600 thí sinh hoàn thành buổi thi đầu tiên')).toMatchObject({ stage: ['open'] });
    expect(read('Hơn 5.600 thí sinh hoàn thành kỳ thi tốt nghiệp THPT')).toMatchObject({ stage: ['close'] });
  });

  it('reads a road reopened for now after a landslide as no works brought into service', () => {
    expect(read('Thông xe tạm Quốc lộ 6 sau sạt lở')).not.toHaveProperty('works');
    expect(read('Thông xe cầu Bến Thủy 3')).toEqual({ works: ['end'] });
  });

  it('reads a congress told a success as closed, not one wished success at its opening', () => {
    expect(read('Đại hội Đảng bộ xã Ea Tu lần thứ II thành công tốt đẹp')).toMatchObject({ stage: ['close'] });
    expect(read('Khai mạc Đại hội Đảng bộ xã Ea Tu, đồng chí Bí thư Tỉnh ủy chúc Đại hội thành công tốt đẹp').stage).toEqual(['open']);
  });

  it('reads preliminary results as results', () => {
    expect(read('Kết quả sơ bộ Tổng điều tra nông thôn năm 2026 tại xã Mỹ An')).toMatchObject({ stage: ['result'] });
  });

  it('tells an exam schedule from its results', () => {
    expect(read('Sở GD&ĐT công bố lịch thi tuyển sinh lớp 10')).toEqual({ stage: ['schedule'] });
    expect(read('Sở GD&ĐT công bố điểm thi tuyển sinh lớp 10')).toEqual({ stage: ['result'] });
  });

  it('reads no level in a rubric, no exam result in recruits passing for service, and the elected as a result', () => {
    expect(read('Nông thôn mới: Xã Tân Thành làm 2 km đường bê tông')).toEqual({});
    expect(read('Xã Tân Thành đạt chuẩn nông thôn mới kiểu mẫu')).toEqual({ standard: ['model'] });
    expect(read('Gặp mặt 32 thanh niên trúng tuyển nghĩa vụ quân sự')).toEqual({ service: ['enlist'] });
    expect(read('Phường An Phú có 21 người trúng cử đại biểu HĐND phường')).toEqual({ career: ['appointed'], stage: ['result'] });
  });

  it('knows a congress told a success in any words, not its convening', () => {
    const marked = (text: string) => ` ${text.toLowerCase()} `;
    expect(TOLD_SUCCEEDED.test(marked('phường tân an tổ chức thành công đại hội đảng bộ lần thứ i'))).toBe(true);
    expect(TOLD_SUCCEEDED.test(marked('đại hội đảng bộ xã tân an nhiệm kỳ 2025 2030 thành công'))).toBe(true);
    expect(TOLD_SUCCEEDED.test(marked('xã tân an tổ chức đại hội đảng bộ lần thứ i'))).toBe(false);
  });

  it('tells a chair from a deputy, elected or disciplined', () => {
    expect(read('Bầu Phó Chủ tịch UBND xã')).toEqual({ role: ['deputy'] });
    expect(read('Cách chức Chủ tịch UBND xã vì vi phạm')).toEqual({ career: ['left'], role: ['head'] });
    expect(read('Các thôn làm việc với Chủ tịch UBND xã')).toEqual({});
  });

  it('tells a head from a deputy opening a title, who acts in person', () => {
    expect(read('Chủ tịch UBND xã làm việc với các thôn')).toEqual({ role: ['head'] });
    expect(read('Phó Chủ tịch UBND tỉnh Kon Tum đối thoại với nông dân xã Đăk Hà')).toEqual({ role: ['deputy'] });
    expect(read('Kon Tum: Phó Bí thư Tỉnh ủy thăm trại giam')).toEqual({ role: ['deputy'] });
    expect(read('Giám đốc Sở Xây dựng kiểm tra công trình cầu Đăk Bla')).toEqual({ role: ['head'] });
    expect(read('Kiểm tra công trình cầu Đăk Bla')).toEqual({});
  });

  it('tells a person honoured from a collective, not an honour told without who', () => {
    expect(read('Tặng Bằng khen cho Trung tá Lò Văn Pấng vì thành tích phòng chống ma túy')).toEqual({ honoured: ['person'] });
    expect(read('Tặng Giấy khen cho tập thể Trạm Y tế xã Mường Lói')).toEqual({ honoured: ['collective'] });
    expect(read('Bằng khen của Chủ tịch UBND tỉnh cho Đội cứu hộ xã Nậm Hàng')).toEqual({ honoured: ['collective'] });
    expect(read('Khen thưởng người dân dũng cảm cứu người')).toEqual({});
  });

  it('tells one union from another, however written', () => {
    expect(read('Đại hội Hội LHPN phường Tân An')).toEqual({ union: ['women'] });
    expect(read('Đại hội Đoàn Thanh niên phường Tân An')).toEqual({ union: ['youth'] });
    expect(read('Huyện Đoàn Mường Tè trao 5 con bò giống')).toEqual({ union: ['youth'] });
  });

  it('tells an exam’s first session or its check-in from its end, and an auction announced from one done', () => {
    expect(read('Hơn 6.500 thí sinh bước vào buổi thi đầu tiên')).toEqual({ stage: ['open'] });
    expect(read('Thí sinh làm thủ tục dự thi tốt nghiệp THPT')).toEqual({ stage: ['open'] });
    expect(read('Hơn 6.500 thí sinh hoàn thành buổi thi cuối cùng')).toEqual({ stage: ['close'] });
    expect(read('Xã Phú Lộc: Kỳ thi tốt nghiệp THPT diễn ra an toàn ngày đầu')).toEqual({ stage: ['open'] });
    expect(read('Xã Phú Lộc rộn ràng ngày đầu năm mới')).toEqual({});
    expect(read('Xã Yên Mỹ sắp đấu giá 25 lô đất')).toEqual({ stage: ['upcoming'] });
    expect(read('Xã Yên Mỹ đấu giá thành công 25 lô đất')).toEqual({ stage: ['result'] });
    expect(read('Sắp xếp đơn vị hành chính cấp xã')).toEqual({});
  });

  it('tells opposite qualifiers apart: day or night, export or import, the level of a standard', () => {
    expect(read('Cấm xe tải vào ban đêm')).toEqual({ daypart: ['night'] });
    expect(read('Kim ngạch xuất nhập khẩu tăng')).toMatchObject({ trade: ['export', 'import'] });
    expect(read('Xã Tân Liễu đạt chuẩn nông thôn mới nâng cao')).toEqual({ standard: ['advanced'] });
    expect(read('Xã Tân Liễu đạt chuẩn NTM kiểu mẫu')).toEqual({ standard: ['model'] });
    expect(read('Xã Tân Liễu về đích nông thôn mới')).toEqual({ standard: ['basic'] });
    expect(read('Gieo cấy lúa vụ đông xuân')).toEqual({ crop: ['winter-spring'], field: ['sow'] });
    expect(read('Trồng ngô vụ đông')).toEqual({ crop: ['winter'] });
    expect(read('Kiểm tra phòng cháy mùa hanh khô trước Tết')).toEqual({ season: ['dry'], tet: ['before'] });
  });

  it('tells a criminal case’s arrest, charge and trial apart', () => {
    expect(read('Bắt quả tang đối tượng vận chuyển pháo')).toEqual({ case: ['arrest'] });
    expect(read('Khởi tố, bắt tạm giam nguyên kế toán xã')).toEqual({ case: ['charge'] });
    expect(read('Tuyên phạt 12 năm tù nguyên Chủ tịch xã')).toMatchObject({ case: ['trial'] });
  });

  it('tells the life of a works, of seized goods and of a call for entries', () => {
    expect(read('Nhà máy điện rác bắt đầu chạy thử')).toEqual({ works: ['trial'] });
    expect(read('Nhà máy điện rác chính thức vận hành thương mại')).toEqual({ works: ['end'] });
    expect(read('Cầu Rạch Miễu 2 thông xe kỹ thuật')).toEqual({ works: ['trial'] });
    expect(read('Cầu Rạch Miễu 2 chính thức thông xe')).toEqual({ works: ['end'] });
    expect(read('Phát hiện 2 tấn thịt lợn không rõ nguồn gốc')).toEqual({ goods: ['found'] });
    // Goods are a course: a title telling their seizure and destruction tells the latest.
    expect(read('Tiêu hủy 500 kg pháo nổ bị thu giữ')).toEqual({ goods: ['destroyed'] });
    expect(read('Thông báo nhận hồ sơ xét tuyển viên chức giáo dục')).toEqual({ entry: ['open'] });
    expect(read('Thông báo kết quả xét tuyển viên chức giáo dục')).toMatchObject({ entry: ['result'] });
    // Those admitted enrol days after the cut-off scores: another step of the same admissions.
    expect(read('Cần Thơ công bố điểm chuẩn vào lớp 10 công lập')).toMatchObject({ entry: ['result'] });
    expect(read('Cần Thơ bắt đầu nhận hồ sơ nhập học lớp 10 công lập')).toEqual({ entry: ['enrol'] });
    expect(read('Thí sinh trúng tuyển đại học xác nhận nhập học trực tuyến')).toMatchObject({ entry: ['enrol', 'result'] });
  });

  it('tells which authority a title opens with: the Party committee, the People\'s Committee, the council, the state inspectorate, the Front, a mass organisation', () => {
    expect(read('Ban Thường vụ Tỉnh ủy Gia Lai họp cho ý kiến về phương án sắp xếp trụ sở')).toMatchObject({ authority: ['party'] });
    expect(read('UBND tỉnh Gia Lai họp cho ý kiến về phương án sắp xếp trụ sở')).toMatchObject({ authority: ['government'] });
    expect(read('Ủy ban Kiểm tra Tỉnh ủy công bố quyết định kiểm tra tại Sở Xây dựng')).toMatchObject({ authority: ['party'] });
    expect(read('Thanh tra tỉnh công bố quyết định thanh tra tại Sở Xây dựng')).toMatchObject({ authority: ['inspectorate'] });
    expect(read('Ủy ban MTTQ xã Yên Thành tổng kết công tác năm 2026')).toMatchObject({ authority: ['front'] });
    expect(read('Ban Thường trực Ủy ban Mặt trận Tổ quốc tỉnh tổng kết công tác năm 2026')).toMatchObject({ authority: ['front'] });
    expect(read('Hội Nông dân xã Yên Thành tổng kết công tác năm 2026')).toMatchObject({ authority: ['union'] });
    expect(read('Đảng ủy xã Yên Thành tổng kết công tác năm 2026')).toMatchObject({ authority: ['party'] });
    // Named after the act, the body is no actor: "bầu Chủ tịch UBND", "Thanh tra việc …".
    expect(read('Ông Nguyễn Văn Thắng được bầu làm Chủ tịch UBND tỉnh')).not.toHaveProperty('authority');
    expect(read('Thanh tra việc quản lý đất công')).not.toHaveProperty('authority');
  });

  it('tells whom a benefit is for: the poor, those of merit, ethnic minorities, the elderly', () => {
    expect(read('Huế tặng quà Tết cho 4.200 người có công với cách mạng')).toMatchObject({ beneficiary: ['merit'] });
    expect(read('Huế tặng quà Tết cho 4.200 hộ nghèo')).toMatchObject({ beneficiary: ['poor'] });
    expect(read('Cấp thẻ bảo hiểm y tế cho người dân tộc thiểu số vùng khó khăn')).toMatchObject({ beneficiary: ['minorities'] });
  });

  it('tells a draft consulted on from one adopted, recruits sent off from soldiers back, a regular sitting from a special one, an outbreak found from one over, a service halted from one resumed', () => {
    expect(read('HĐND tỉnh lấy ý kiến dự thảo nghị quyết bảng giá đất')).toMatchObject({ draft: ['consult'] });
    expect(read('HĐND tỉnh thông qua nghị quyết bảng giá đất')).toMatchObject({ draft: ['adopt'] });
    expect(read('Xã Ea Kar tổ chức lễ giao quân năm 2026')).toEqual({ service: ['enlist'] });
    expect(read('Xã Ea Kar đón quân nhân hoàn thành nghĩa vụ quân sự trở về')).toEqual({ service: ['discharge'] });
    expect(read('UBND xã họp phiên thường kỳ tháng 5')).toMatchObject({ sitting: ['regular'] });
    expect(read('UBND xã họp phiên chuyên đề về giải phóng mặt bằng')).toMatchObject({ sitting: ['special'] });
    expect(read('Phát hiện ổ dịch tả lợn châu Phi tại thôn 3')).toMatchObject({ outbreak: ['found'] });
    expect(read('Công bố hết dịch tả lợn châu Phi tại thôn 3')).toEqual({ outbreak: ['over'] });
    expect(read('Tạm dừng thông quan nông sản qua cửa khẩu Tà Lùng')).toEqual({ 'service-state': ['halted'] });
    expect(read('Nối lại thông quan nông sản qua cửa khẩu Tà Lùng')).toEqual({ 'service-state': ['resumed'] });
    expect(read('Đà Nẵng sẵn sàng cho Lễ hội pháo hoa quốc tế')).toEqual({ stage: ['upcoming'] });
  });

  it('tells the latest stage of an incident a title reaches, whatever earlier stage it recalls', () => {
    expect(read('Tàu cá cùng 8 ngư dân mất liên lạc trên biển')).toEqual({ search: ['missing'] });
    expect(read('Tìm thấy tàu cá cùng 8 ngư dân mất liên lạc trên biển')).toEqual({ search: ['found'] });
    expect(read('Tìm thấy thi thể người đàn ông mất tích khi qua suối')).toEqual({ search: ['dead'] });
    expect(read('Cứu 5 ngư dân gặp nạn trên biển')).toEqual({ search: ['found'] });
    expect(read('Cất bốc 12 hài cốt liệt sĩ tại xã Ia Dom')).toEqual({ remains: ['exhumed'] });
    expect(read('Truy điệu, an táng 12 hài cốt liệt sĩ quy tập tại xã Ia Dom')).toEqual({ remains: ['buried'] });
    expect(read('Cháy kho hàng trong khu công nghiệp')).toEqual({ fire: ['broke'] });
    expect(read('Dập tắt đám cháy kho hàng trong khu công nghiệp')).toEqual({ fire: ['out'] });
    expect(read('Diễn tập phòng cháy chữa cháy tại chợ')).toEqual({});
    expect(read('Tạm đóng cửa khu du lịch thác Dray Nur do mưa lũ')).toEqual({ 'service-state': ['halted'] });
    expect(read('Khu du lịch thác Dray Nur mở cửa trở lại sau 4 ngày tạm đóng cửa')).toEqual({ 'service-state': ['resumed'] });
    expect(read('Gần 1.000 công nhân ngừng việc đòi lương')).toEqual({ 'service-state': ['halted'] });
    expect(read('Công nhân trở lại làm việc sau ngừng việc')).toEqual({ 'service-state': ['resumed'] });
    expect(read('Khởi tố, bắt tạm giam giám đốc công ty')).toEqual({ case: ['charge'] });
    expect(read('Xét xử phúc thẩm vụ án tham ô')).toEqual({ case: ['appeal'] });
    expect(read('12 học sinh nhập viện nghi ngộ độc thực phẩm')).toEqual({ patient: ['admitted'] });
    expect(read('12 học sinh ngộ độc thực phẩm đã xuất viện')).toEqual({ patient: ['discharged'] });
    expect(read('Thanh tra việc quản lý đất công')).toEqual({ inspection: ['held'] });
    expect(read('Công bố kết luận thanh tra việc quản lý đất công')).toEqual({ inspection: ['concluded'] });
    expect(read('Nhiều tuyến phố ngập sâu sau mưa lớn')).toEqual({ flood: ['rising'] });
    expect(read('Nước rút, người dân dọn dẹp sau ngập')).toEqual({ flood: ['falling'] });
    expect(read('Cắt điện diện rộng để sửa chữa đường dây 110 kV')).toEqual({ 'service-state': ['halted'] });
    expect(read('Cấp điện trở lại cho 12.000 khách hàng sau mất điện')).toEqual({ 'service-state': ['resumed'] });
    expect(read('Bắt đối tượng truy nã đặc biệt nguy hiểm')).toEqual({ case: ['arrest'] });
    expect(read('Truy nã đối tượng bỏ trốn')).toEqual({ case: ['wanted'] });
    expect(read('Chủ động ứng phó bão số 5')).toEqual({ disaster: ['prepare'] });
    expect(read('Khắc phục hậu quả bão số 5 sau khi ứng phó')).toEqual({ disaster: ['recover'] });
  });

  it('knows a weekly agenda for routine', () => {
    expect(isRoutine('Lịch công tác tuần của lãnh đạo UBND huyện')).toBe(true);
    expect(isRoutine('Khai mạc kỳ họp thứ 14')).toBe(false);
  });

  it('tells any event announced or invited to from one held, whatever it is', () => {
    expect(read('Sắp diễn ra hội chợ nông sản tại phường Yên Thịnh')).toMatchObject({ event: ['announced'] });
    expect(read('Thông báo tổ chức ngày hội việc làm năm 2026')).toEqual({ event: ['announced'] });
    expect(read('Ngày hội việc làm: hơn 400 lao động được tuyển dụng')).toEqual({ event: ['held'] });
    expect(read('Hội thi cắm hoa xã Tân Lập khép lại với 12 đội đoạt giải')).toEqual({ event: ['held'], age: ['all'] });
    expect(read('Hội chợ nông sản tại phường Yên Thịnh')).toEqual({});
  });

  it('tells a head from a deputy, chosen by any word and of any body', () => {
    expect(read('Thượng tọa Thích Minh Đức được suy cử Phó Trưởng ban Trị sự')).toEqual({ role: ['deputy'], union: ['buddhist'] });
    expect(read('Hòa thượng Thích Minh Đức được suy cử Trưởng ban Trị sự')).toEqual({ role: ['head'], union: ['buddhist'] });
    expect(read('Công bố quyết định bổ nhiệm Phó Chánh án TAND huyện')).toEqual({ career: ['appointed'], role: ['deputy'] });
    expect(read('Trao quyết định bổ nhiệm Hiệu trưởng Trường THCS Tân Lập')).toEqual({ career: ['appointed'], role: ['head'] });
    expect(read('Kiện toàn chức danh Viện trưởng VKSND huyện')).toEqual({ role: ['head'] });
    expect(read('Phó Giám đốc Sở Y tế nghỉ hưu theo chế độ')).toEqual({ career: ['left'], role: ['deputy'] });
  });

  it('tells a licence granted from one withdrawn, a proposal from its approval, an office taken from one left', () => {
    expect(read('Cấp phép khai thác mỏ cát tại xã Hải Hà')).toEqual({ licence: ['granted'] });
    expect(read('Thu hồi giấy phép khai thác mỏ cát ở Hải Hà')).toEqual({ licence: ['revoked'] });
    expect(read('Xã Vĩnh Thuận đề xuất đầu tư tuyến đê bao')).toEqual({ decision: ['proposed'] });
    expect(read('Phê duyệt đầu tư tuyến đê bao tại Vĩnh Thuận')).toEqual({ decision: ['approved'] });
    expect(read('Trao quyết định nghỉ hưu cho Giám đốc Sở Xây dựng')).toEqual({ career: ['left'], role: ['head'] });
    expect(read('Ông Trần Văn Hiếu được bổ nhiệm Giám đốc Sở Xây dựng')).toEqual({ career: ['appointed'], role: ['head'] });
  });
  it('tells an event going ahead from one halted, a licence revoked from one extended, one faith from another, and whom a benefit is for', () => {
    expect(read('Hội đua thuyền xã Tân Hòa vẫn diễn ra theo kế hoạch')).toMatchObject({ 'service-state': ['resumed'] });
    expect(read('Hội đua thuyền xã Tân Hòa tạm dừng vì mưa lớn')).toMatchObject({ 'service-state': ['halted'] });
    expect(read('Thu hồi chủ trương đầu tư khu du lịch sinh thái Hồ Đá')).toMatchObject({ licence: ['revoked'] });
    expect(read('Gia hạn tiến độ khu du lịch sinh thái Hồ Đá thêm 9 tháng')).toMatchObject({ licence: ['extended'] });
    expect(read('Giáo xứ Tân Định tặng 200 phần quà cho bà con vùng lũ')).toMatchObject({ union: ['catholic'] });
    expect(read('Ban Trị sự Phật giáo huyện tặng 200 phần quà cho bà con vùng lũ')).toMatchObject({ union: ['buddhist'] });
    expect(read('Tặng thẻ bảo hiểm y tế cho người cận nghèo')).toMatchObject({ beneficiary: ['near-poor'] });
    expect(read('Tặng thẻ bảo hiểm y tế cho học sinh vùng cao')).toMatchObject({ beneficiary: ['students'] });
  });

  it('tells the steps of one event\'s life: a press conference, an emergency declared, a works accepted, a policy adopted, an oversight, a consultation, an incense offering, the finals', () => {
    expect(read('Họp báo giới thiệu Lễ hội hoa sen Đồng Tháp')).toEqual({ stage: ['press'] });
    expect(read('Ban bố tình huống khẩn cấp sạt lở bờ sông Tiền')).toEqual({ works: ['declared'] });
    expect(read('Nghiệm thu cầu Phú Mỹ 2')).toEqual({ works: ['accepted'] });
    expect(read('Nghiệm thu, đưa vào sử dụng trường mầm non Hoa Mai')).toEqual({ works: ['accepted', 'end'] });
    expect(read('HĐND tỉnh thông qua chính sách hỗ trợ giáo viên mầm non')).toMatchObject({ stage: ['adopt'] });
    // Convened to adopt: not adopted yet.
    expect(read('Triệu tập kỳ họp chuyên đề để thông qua đề án sáp nhập thôn').stage).toEqual(['convene']);
    expect(read('Thường trực HĐND xã giám sát việc chi trả tiền bồi thường')).toMatchObject({ stage: ['oversight'] });
    expect(read('Lấy ý kiến người dân về phương án cải tạo chợ phường')).toMatchObject({ stage: ['consult'] });
    expect(read('Dâng hương tưởng niệm các anh hùng liệt sĩ tại Thành cổ')).toMatchObject({ stage: ['incense'] });
    expect(read('Chung kết hội thi Tiếng hát học đường')).toMatchObject({ stage: ['final'] });
  });

  it('tells an event called off (postponed, put back, cancelled) from the event, and no call-off in goods destroyed', () => {
    expect(read('Huyện hoãn khởi công cầu Nà Pò do mưa lũ')).toMatchObject({ stage: ['called-off'], works: ['start'] });
    expect(read('Giải chạy ven biển lùi lịch vì bão')).toMatchObject({ stage: ['called-off'] });
    expect(read('Hủy tổ chức lễ hội pháo hoa năm nay')).toEqual({ stage: ['called-off'] });
    expect(read('Hủy lễ hội diều do mưa bão')).toEqual({ stage: ['called-off'] });
    expect(read('Lễ hội đua ghe ngo dời sang tháng 12')).toEqual({ stage: ['called-off'] });
    expect(read('Tiêu hủy 2 tấn hàng lậu')).not.toHaveProperty('stage');
  });

  it('tells a programme launched from one done, not from one to be done by a deadline, nor an exam paper done', () => {
    expect(read('Huyện triển khai xóa nhà tạm cho 300 hộ nghèo')).toMatchObject({ programme: ['launch'] });
    expect(read('Huyện hoàn thành xóa nhà tạm cho 300 hộ nghèo')).toMatchObject({ programme: ['done'] });
    expect(read('Huyện về đích sớm chương trình xóa nhà tạm')).toMatchObject({ programme: ['done'] });
    expect(read('Khởi công cầu bê tông bản Nậm Cấu')).toMatchObject({ programme: ['launch'] });
    expect(read('Hoàn thành cầu bê tông bản Nậm Cấu')).toMatchObject({ programme: ['done'] });
    expect(read('Phấn đấu hoàn thành xóa nhà tạm trong năm')).not.toHaveProperty('programme');
    expect(read('Tỉnh hoàn thành đại hội chi bộ trước 30/6/2025')).not.toHaveProperty('programme');
    expect(read('Hơn 9.000 thí sinh hoàn thành môn Ngữ văn')).not.toHaveProperty('programme');
  });
});
