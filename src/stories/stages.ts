/**
 * What stage of an event a title tells, and other opposites a republisher never swaps: a
 * session convened, opened or closed; an exam's first day or its end; a call and its result;
 * a plan, a mid-term review ("sơ kết") or a final one ("tổng kết"); a price rise or a cut;
 * a schedule and its results; an auction announced or done; a chair or a vice-chair elected or
 * disciplined; one union or another; day or night, export or import, dry or rainy season, before
 * or after Tết, the crop season, a case's arrest, charge or trial, the level of a standard; and
 * the life of things: a works begun, half-way, on trial or in service; goods found or destroyed;
 * entries called for, judged or enrolled; a draft consulted on or adopted; recruits sent off or
 * soldiers back; a regular sitting or a special one; an outbreak found or over; a service halted or resumed;
 * a licence granted or withdrawn; a proposal or its approval; an office taken or left;
 * a programme launched or done; an event called off;
 * and an incident's course, where a later development is other news: missing, found, bodies
 * recovered; remains exhumed, buried; a fire, put out, its cause; a disaster prepared for, dealt
 * with; patients admitted, discharged; an inspection, its findings; waters rising, falling.
 * Read with diacritics: folded, "tăng" would meet "tặng".
 */

/** Values by group; `told` values must also be told by a copy's text when it has a summary. */
const NOT_LETTER_BEFORE = '(?<![\\p{L}\\p{M}])';
const NOT_LETTER_AFTER = '(?![\\p{L}\\p{M}])';
/** An honour given: what follows names who receives it. */
const HONOUR = '(?:bằng khen|giấy khen|huân chương|huy chương|cờ thi đua|kỷ niệm chương|khen thưởng|tuyên dương)(?: (?:của [^,;.]{1,40}?))?(?: (?:cho|tặng))?';
const STAGES: ReadonlyArray<[group: string, value: string, told: boolean, pattern: string]> = [
  ['stage', 'convene', true, 'triệu tập'],
  ['stage', 'schedule', false, 'lịch thi|lịch (?:kiểm tra|thi đấu|bảo vệ)'],
  ['stage', 'upcoming', false, 'sắp(?! xếp)|sẵn sàng cho|sẵn sàng (?:tổ chức|đón)|chuẩn bị cho|chuẩn bị tổ chức|trước thềm'],
  ['stage', 'open', false, 'khai mạc|khai giảng|khai hội|(?:ngày|buổi|môn) (?:thi )?đầu tiên|(?:ngày|buổi) (?:thi )?đầu(?=$|[,.;:!?])|(?:ngày|buổi) thi thứ nhất|bước vào (?:kỳ thi|ngày thi|buổi thi|môn thi|kỳ họp)|làm thủ tục dự thi'],
  // A congress "thành công tốt đẹp" has closed; wished it at its opening ("chúc Đại hội thành công tốt đẹp"), not yet.
  ['stage', 'close', true, 'bế mạc|bế giảng|kết thúc|(?<!chúc [^.;!?]{0,60})thành công tốt đẹp|(?:ngày|buổi|môn) thi cuối|hoàn thành (?:kỳ thi|các bài thi|bài thi|buổi thi|môn thi)(?! đầu tiên| thứ nhất| đầu)'],
  ['round', 'heat', false, 'sơ khảo|vòng loại|sơ loại|vòng sơ tuyển|bán kết'],
  ['round', 'final', false, 'chung khảo|chung kết'],
  // The life of a works or a plant: ground broken, a test run, in service.
  // An emergency declared before its works begin; a works accepted before it opens.
  ['works', 'declared', false, '(?:công bố|ban bố) (?:tình huống |tình trạng )?khẩn cấp|tình huống khẩn cấp'],
  ['works', 'start', false, 'khởi công|động thổ'],
  ['works', 'midway', false, 'hợp long|cất nóc|thông tuyến'],
  ['works', 'trial', false, 'chạy thử|vận hành thử|hoạt động thử|thông xe kỹ thuật|thử nghiệm|hòa lưới thử'],
  ['works', 'accepted', false, 'nghiệm thu'],
  ['works', 'end', false, 'khánh thành|gắn biển|đưa vào sử dụng|vận hành thương mại|chính thức vận hành|đưa vào vận hành|chính thức đi vào hoạt động|thông xe(?! kỹ thuật| tạm)'],
  // Goods seized: found or seized, then destroyed or auctioned.
  ['goods', 'found', false, 'phát hiện|thu giữ|tịch thu|bắt giữ'],
  ['goods', 'destroyed', false, 'tiêu hủy|tiêu huỷ|bán đấu giá tang vật'],
  // A call for entries, then who got in or won.
  ['entry', 'open', false, 'đăng ký (?:dự thi|xét tuyển|tuyển sinh|dự tuyển)|(?:nộp|nhận) hồ sơ (?:dự thi|xét tuyển|tuyển sinh|dự tuyển|đăng ký)|phát động cuộc thi'],
  // Those admitted then enrol: their papers taken days after the cut-off scores, its own news.
  ['entry', 'enrol', false, '(?:nhận|nộp|xác nhận) (?:hồ sơ )?nhập học|(?:làm )?thủ tục nhập học'],
  ['entry', 'result', false, 'kết quả (?:tuyển|xét|thi|kỳ thi|cuộc thi|hội thi)|trúng tuyển(?! nghĩa vụ| nvqs)|điểm chuẩn|trao giải|đạt giải'],
  ['stage', 'result', true, '(?:thông báo|công bố) kết quả|kết quả sơ bộ|kết quả (?:tuyển|xét|thi|kỳ thi|kiểm tra|bầu|lựa chọn|đấu giá|cuộc thi|hội thi)|trúng tuyển(?! nghĩa vụ| nvqs)|(?:người|đại biểu) trúng cử|công bố điểm|điểm thi|điểm chuẩn|trao giải|đạt giải|(?:đấu giá|đấu thầu) thành công|trúng (?:đấu giá|thầu)'],
  // Any event (a fair, a contest, recruitment, an auction, a tender, admissions) announced or
  // invited to, then held with its outcome: two pieces of news.
  ['event', 'announced', false, 'sắp (?:diễn ra|tổ chức|khai mạc|mở)|sẽ (?:diễn ra|tổ chức|khai mạc)|thông báo tổ chức|thông báo mời|mời (?:tham gia|tham dự|đăng ký|nộp hồ sơ)|(?:nhận |mở )?đăng ký (?:tham gia|tham dự|dự tuyển|dự thi|xét tuyển|tuyển sinh)|(?:thông báo )?tuyển sinh năm|(?:thông báo )?mời thầu|thông báo đấu giá|thông báo tuyển dụng|chuẩn bị tổ chức'],
  // (Results told as such, "trúng tuyển", "đấu giá thành công", are the stage group's.)
  ['event', 'held', false, 'được tuyển(?: dụng)?|tuyển dụng được|tuyển được|được phỏng vấn|có việc làm|đã diễn ra|diễn ra thành công|thành công tốt đẹp|khép lại|đoạt giải|giành giải|thu về'],
  // A dress rehearsal, days before the event it rehearses.
  ['stage', 'rehearsal', true, 'tổng duyệt|tổng dượt|sơ duyệt'],
  // An event called off (postponed, put back, cancelled) is other news than the event, announced
  // or held, and a copy of the notice says so too ("tiêu hủy", "phá hủy" destroy things: no call-off).
  ['stage', 'called-off', true, 'tạm hoãn|hoãn|(?:lùi|dời) (?:lịch|thời gian|ngày|sang|đến)|(?<!tiêu |phá |hư )(?:hủy|huỷ) (?:bỏ|tổ chức|lịch|lễ|giải|chương trình|sự kiện|buổi|chuyến|kỳ|cuộc)|dừng tổ chức'],
  // Steps of one event's life days apart, each its own news: a press conference before it, a
  // policy adopted before its roll-out, the finals after the opening; and, told by any copy's text
  // too, the council's oversight of a payout, a consultation before the works, the incense
  // offering before the main ceremony.
  ['stage', 'press', false, 'họp báo'],
  ['stage', 'adopt', false, '(?<!(?:để|sẽ|nhằm|xem xét) )(?:thông qua|biểu quyết|ban hành) (?:nghị quyết|chính sách|đề án)'],
  ['stage', 'final', false, 'chung kết'],
  ['stage', 'oversight', true, 'giám sát'],
  ['stage', 'consult', true, 'lấy ý kiến|góp ý'],
  ['stage', 'incense', true, 'dâng hương|dâng hoa'],
  ['stage', 'midterm', true, 'sơ kết'],
  ['stage', 'review', true, 'tổng kết'],
  ['stage', 'plan', false, 'kế hoạch|triển khai|phát động|ra quân'],
  // A programme launched, then done: two pieces of news. Not one to be done ("phấn đấu hoàn
  // thành", "hoàn thành … trước 30/6", a deadline), nor what groups above tell (an exam's paper,
  // military service, a commune's standard).
  ['programme', 'launch', false, 'triển khai|phát động|ra quân|khởi động|khởi công|động thổ'],
  ['programme', 'done', false, '(?<!(?:phấn đấu|sẽ|để|nhằm|dự kiến|kịp|chưa|trước khi) )(?:hoàn thành|hoàn tất|về đích)(?! (?:kỳ thi|các bài thi|bài thi|buổi thi|môn|thi|nghĩa vụ|nông thôn mới|ntm))(?![^,.;:]{0,60} trước (?:ngày |tháng )?\\d)'],
  // A plan or a target, then the figures actually reached or registered: two announcements.
  ['tally', 'target', false, 'kế hoạch|chỉ tiêu|dự kiến'],
  ['tally', 'actual', false, 'số lượng (?:đăng ký|thí sinh|hồ sơ)|số (?:thí sinh|học sinh|hồ sơ) đăng ký|đã đăng ký|kết quả thực hiện|thực hiện được|vượt chỉ tiêu|vượt kế hoạch'],
  // A draft consulted on, then adopted: two sittings' news.
  ['draft', 'consult', false, 'lấy ý kiến|góp ý(?: kiến)?|thẩm tra|thảo luận dự thảo|cho ý kiến'],
  ['draft', 'adopt', false, 'thông qua|biểu quyết|có hiệu lực'],
  // Recruits sent off, soldiers back from service.
  ['service', 'enlist', false, 'trúng tuyển (?:nghĩa vụ|nvqs)|giao quân|giao nhận quân|tiễn (?:tân binh|thanh niên)|lên đường nhập ngũ|nhập ngũ'],
  ['service', 'discharge', false, 'xuất ngũ|hoàn thành nghĩa vụ quân sự|hoàn thành nghĩa vụ'],
  // A sitting held as scheduled, or one called on a topic or out of turn.
  ['sitting', 'regular', false, 'thường kỳ|thường lệ'],
  ['sitting', 'special', false, 'chuyên đề|bất thường'],
  // An outbreak found, then over.
  ['outbreak', 'found', false, 'phát hiện ổ dịch|xuất hiện ổ dịch|bùng phát|công bố dịch'],
  ['outbreak', 'over', false, 'công bố hết dịch|hết dịch|khống chế (?:được )?(?:ổ )?dịch|dập dịch'],
  // A service, a site or an event halted or closed, then resumed, reopened or going ahead as planned.
  ['service-state', 'halted', false, 'ngưng chạy|ngừng chạy|(?:bị )?chia cắt|tạm dừng|tạm ngừng|ngừng hoạt động|dừng hoạt động|(?:tạm )?đóng cửa|phong tỏa|phong toả|tạm cấm|cấm lưu thông|đình công|ngừng việc|lãn công|cắt điện|mất điện|cúp (?:điện|nước)|ngừng cấp (?:điện|nước)|mất nước|cấm biển|cấm (?:tàu thuyền )?ra khơi'],
  ['service-state', 'resumed', false, '(?:diễn ra|tổ chức) (?:đúng|theo) kế hoạch|vẫn (?:diễn ra|tổ chức)|nối lại|chạy lại|xuất bến trở lại|thông tuyến|hoạt động trở lại|mở lại|mở cửa trở lại|mở cửa (?:đón khách )?trở lại|đón khách trở lại|khôi phục hoạt động|(?:dỡ|gỡ|dỡ bỏ) phong t[ỏo][aả]|thông xe trở lại|lưu thông trở lại|bỏ lệnh cấm|(?:trở lại|đi) làm việc trở lại|trở lại làm việc|(?:cấp|có) (?:điện|nước) trở lại|khôi phục (?:cấp )?(?:điện|nước)|cho phép (?:tàu thuyền )?ra khơi'],
  // A disaster prepared for, then its aftermath dealt with.
  ['disaster', 'prepare', false, 'ứng phó|phòng,? chống (?:bão|lũ|thiên tai)|chủ động phòng'],
  ['disaster', 'recover', false, 'khắc phục hậu quả|sau bão|sau lũ|sau mưa lũ|thiệt hại do'],
  // Sowing and harvest are two seasons' news.
  ['field', 'sow', false, 'xuống giống|gieo sạ|gieo cấy|gieo trồng'],
  ['field', 'harvest', false, 'thu hoạch'],
  // People or a boat missing, then found or rescued, then bodies recovered.
  ['search', 'missing', false, 'mất liên lạc|mất tích|bị (?:nước |lũ )?cuốn trôi|gặp nạn|gặp sự cố|bị chìm|chìm tàu|bị đắm|đuối nước'],
  ['search', 'found', false, '(?:^|kịp thời |đã |vừa )cứu(?! trợ)|tìm thấy|tìm được|cứu sống|cứu được|được cứu|cứu nạn thành công|lai dắt|đưa (?:vào|về) bờ|(?:về bờ|đã) an toàn'],
  ['search', 'dead', false, 'thi thể|thi hài|tử vong|vớt được'],
  // Remains exhumed, handed over, then buried.
  ['remains', 'exhumed', false, 'cất bốc|khai quật|tìm kiếm hài cốt'],
  ['remains', 'handed', false, '(?:bàn giao|tiếp nhận|hồi hương) (?:\\d+ )?hài cốt'],
  ['remains', 'buried', false, 'truy điệu|an táng|mai táng|cải táng|tang lễ|lễ tang'],
  // A fire broken out, put out, then its cause found.
  ['fire', 'broke', false, '(?<!phòng |chữa |phòng cháy )cháy(?! nổ| rừng)|hỏa hoạn|hoả hoạn|bốc cháy'],
  ['fire', 'out', false, 'dập tắt|khống chế (?:được )?(?:đám |vụ )?cháy'],
  ['fire', 'cause', false, '(?:nguyên nhân|làm rõ) (?:vụ )?cháy|xác định nguyên nhân'],
  // Patients taken to hospital, then home.
  ['patient', 'admitted', false, 'nhập viện|cấp cứu|ngộ độc'],
  ['patient', 'discharged', false, 'xuất viện|ra viện|bình phục'],
  // An inspection, then its findings.
  ['inspection', 'held', false, 'thanh tra|kiểm toán'],
  ['inspection', 'concluded', false, 'kết luận (?:thanh tra|kiểm toán)|công bố kết luận'],
  // Waters rising, then falling.
  ['flood', 'rising', false, '(?<!chống |chống ngập )ngập(?! úng cục bộ)|lũ lên|nước dâng|lũ dâng'],
  ['flood', 'falling', false, 'nước rút|lũ rút|hết ngập|rút nước'],
  // A licence granted, then withdrawn.
  ['licence', 'granted', false, 'cấp phép|cấp giấy phép|cấp mới giấy phép'],
  ['licence', 'revoked', false, 'thu hồi giấy phép|tước giấy phép|đình chỉ giấy phép|thu hồi (?:quyết định )?chủ trương đầu tư|chấm dứt (?:hoạt động )?dự án'],
  ['licence', 'extended', false, 'gia hạn'],
  // A proposal, then its approval: two decisions' news.
  ['decision', 'proposed', false, 'đề xuất|kiến nghị|xin chủ trương'],
  ['decision', 'approved', false, 'phê duyệt|chấp thuận|đồng ý chủ trương|thống nhất chủ trương'],
  // Someone taking an office, or leaving one.
  ['career', 'appointed', false, 'bổ nhiệm|được bầu|bầu giữ chức|trúng cử|đắc cử|điều động|luân chuyển|nhận nhiệm vụ'],
  // Which chair someone takes: the council's is not the People's Committee's, elected at one sitting.
  ['chair', 'council', false, '(?:bầu|làm|giữ chức|bổ nhiệm) chủ tịch (?:hđnd|hội đồng nhân dân)'],
  ['chair', 'committee', false, '(?:bầu|làm|giữ chức|bổ nhiệm) chủ tịch (?:ubnd|ủy ban nhân dân|uỷ ban nhân dân)'],
  // A Party cell's congress is not its commune's or ward's Party committee's.
  ['party', 'cell', false, 'chi bộ'],
  ['party', 'committee', false, 'đảng bộ'],
  ['career', 'left', false, 'nghỉ hưu|thôi giữ chức|từ nhiệm|miễn nhiệm|cho thôi|bãi nhiệm|cách chức'],
  // Which union holds a congress or a drive: members of one are never another's.
  ['union', 'farmers', false, 'hội nông dân|hội nd'],
  ['union', 'women', false, 'hội liên hiệp phụ nữ|hội lhpn|hội phụ nữ|chi hội phụ nữ'],
  ['union', 'youth', false, 'đoàn thanh niên|đoàn tncs|đoàn tn|chi đoàn|tỉnh đoàn|huyện đoàn|thành đoàn|đoàn khối'],
  ['union', 'veterans', false, 'hội cựu chiến binh|hội ccb'],
  // Which faith's body gives or holds something: one faith's is never another's.
  ['union', 'catholic', false, 'giáo phận|giáo xứ|công giáo|tòa giám mục|toà giám mục'],
  ['union', 'buddhist', false, 'phật giáo|ban trị sự'],
  ['union', 'protestant', false, 'tin lành'],
  ['union', 'caodai', false, 'cao đài'],
  ['union', 'hoahao', false, 'hòa hảo|hoà hảo'],
  // Whom a benefit is for: the near-poor's cards are not the students'.
  ['beneficiary', 'near-poor', false, 'cận nghèo'],
  ['beneficiary', 'students', false, '(?:cho|tặng|hỗ trợ) (?:[\\d.]+ )?(?:học sinh|sinh viên)'],
  ['beneficiary', 'elderly', false, 'người cao tuổi'],
  ['beneficiary', 'poor', false, 'hộ nghèo|người nghèo'],
  ['beneficiary', 'merit', false, 'người có công|gia đình chính sách'],
  ['beneficiary', 'minorities', false, 'dân tộc thiểu số'],
  ['union', 'elderly', false, 'hội người cao tuổi|hội nct'],
  ['union', 'redcross', false, 'hội chữ thập đỏ|hội ctđ'],
  ['union', 'labour', false, 'công đoàn'],
  ['union', 'front', false, 'mặt trận tổ quốc|mttq'],
  // Who is honoured: a person or a collective ("Bằng khen cho Thượng úy …" / "… cho Đồn Công an xã …").
  ['honoured', 'person', false, `${HONOUR} (?:ông|bà|anh|chị|em|cháu|đồng chí|cá nhân|chiến sĩ|(?:thiếu|trung|thượng|đại) (?:úy|uý|tá)|(?:hạ|trung|thượng) sĩ|bác sĩ|thầy|cô|nghệ nhân)`],
  ['honoured', 'collective', false, `${HONOUR} (?:tập thể|đồn|công an|đội|trường|xã|phường|ban|hội|chi bộ|đơn vị|doanh nghiệp|công ty|lực lượng|trạm|cơ quan|bệnh viện|phòng|sở|tổ|câu lạc bộ|hợp tác xã|nhóm|bộ đội|tiểu đoàn|trung đoàn|lữ đoàn|gia đình)`],
  // Qualifiers a republisher never swaps for their opposite: the day's ban is not the night's.
  ['daypart', 'day', false, 'ban ngày'],
  ['daypart', 'night', false, 'ban đêm'],
  ['trade', 'export', false, 'xuất khẩu|xuất nhập khẩu'],
  ['trade', 'import', false, 'nhập khẩu'],
  ['border', 'exit', false, 'xuất cảnh|xuất nhập cảnh'],
  ['border', 'entry', false, 'nhập cảnh'],
  ['season', 'dry', false, 'mùa khô|mùa hanh khô'],
  ['season', 'rainy', false, 'mùa mưa'],
  ['tet', 'before', false, 'trước tết'],
  ['tet', 'after', false, 'sau tết'],
  ['crop', 'winter-spring', false, 'vụ (?:đông )?xuân'],
  ['crop', 'summer-autumn', false, 'vụ hè thu'],
  ['crop', 'autumn-winter', false, 'vụ thu đông'],
  ['crop', 'main', false, 'vụ mùa'],
  ['crop', 'winter', false, 'vụ đông(?! xuân)'],
  // A criminal case: an arrest, a charge, a trial are three pieces of news.
  ['case', 'wanted', false, 'truy nã|truy tìm'],
  ['case', 'arrest', false, '(?:^|kịp thời |đã |vừa )bắt(?! đầu| buộc| nhịp| tay| gặp| mắt)|đầu thú|bắt được|bắt giữ|bắt quả tang|bắt khẩn cấp|tạm giữ|bắt tạm giam'],
  ['case', 'charge', false, 'khởi tố|truy tố|khởi kiện|thụ lý'],
  ['case', 'trial', false, 'xét xử|tuyên án|tuyên phạt|lĩnh án|phiên tòa|phiên toà|mức án|sơ thẩm'],
  ['case', 'appeal', false, 'phúc thẩm|kháng cáo|giám đốc thẩm'],
  // The level a commune is recognised at: new-countryside, advanced, model.
  // A title's rubric ("Nông thôn mới: …") tells no level.
  ['standard', 'basic', false, '(?:nông thôn mới|ntm)(?! nâng cao| kiểu mẫu|\\s*:)'],
  ['standard', 'advanced', false, '(?:nông thôn mới|ntm) nâng cao'],
  ['standard', 'model', false, '(?:nông thôn mới|ntm) kiểu mẫu'],
  // "tăng cường" (strengthen), "tăng trưởng" (growth), "giảm nghèo" (a programme) are no direction.
  ['direction', 'up', false, 'tăng(?! cường| trưởng)'],
  ['direction', 'down', false, 'giảm(?! nghèo)'],
];
/** Any of them: most texts tell no stage, and one test says so. */
const ANY_STAGE = new RegExp(`${NOT_LETTER_BEFORE}(?:${STAGES.map(([, , , p]) => p).join('|')})${NOT_LETTER_AFTER}`, 'u');
const STAGE_RES = STAGES.map(([group, value, told, p]) => ({ group, value, told, re: new RegExp(`${NOT_LETTER_BEFORE}(?:${p})${NOT_LETTER_AFTER}`, 'u') }));
/** By group, each with one pattern for all its values: a text is asked a value only when its group matched. */
const GROUP_RES = [...new Set(STAGES.map(([group]) => group))].map((group) => ({
  re: new RegExp(`${NOT_LETTER_BEFORE}(?:${STAGES.filter(([g]) => g === group).map(([, , , p]) => p).join('|')})${NOT_LETTER_AFTER}`, 'u'),
  values: STAGE_RES.filter((s) => s.group === group),
}));

/** Who is elected, appointed or disciplined: the head or a deputy. */
const APPOINTMENT = /(?<![\p{L}\p{M}])(?:bầu|bổ nhiệm|giữ chức|phê chuẩn|miễn nhiệm|điều động|tân|cách chức|bãi nhiệm|kỷ luật|khiển trách|cảnh cáo|đình chỉ|suy cử|suy tôn|tấn phong|đắc cử|trúng cử|tái cử|được cử|được giao|giao quyền|kiện toàn|nhận quyết định|trao quyết định|công bố quyết định|chuẩn y|nghỉ hưu|thôi giữ chức|từ nhiệm)(?![\p{L}\p{M}])/u;
const ROLE = /(?<![\p{L}\p{M}])(phó )?(?:chủ tịch|bí thư|tổng giám đốc|giám đốc|trưởng ban|trưởng phòng|chánh văn phòng|chánh án|chánh thanh tra|viện trưởng|cục trưởng|chi cục trưởng|chỉ huy trưởng|trưởng công an|hiệu trưởng|chủ nhiệm|trưởng khoa|trưởng đoàn)(?![\p{L}\p{M}])/gu;

/**
 * The authority a title opens with, which acts: the Party's committee (its standing board, its
 * inspection committee), the People's Committee, the council, the state inspectorate, the
 * Fatherland Front, a mass organisation (which one is the union group's). One meeting on the same
 * plan is two pieces of news when two of them hold it: each reviews its own year.
 */
const AUTHORITY = /^(?:[^:]{1,40}:\s*)?(?:ban thường vụ |ban thường trực |thường trực |ban chấp hành )?(?:((?:tỉnh|thành|huyện|đảng) (?:ủy|uỷ)|(?:ủy|uỷ) ban kiểm tra)|(ubnd|(?:ủy|uỷ) ban nhân dân)|(hđnd|hội đồng nhân dân)|(thanh tra (?:tỉnh|huyện|thành phố|sở|bộ|chính phủ))|((?:(?:ủy|uỷ) ban |ub)?(?:mttq|mặt trận tổ quốc))|(hội (?:nông dân|liên hiệp phụ nữ|lhpn|phụ nữ|cựu chiến binh|ccb|người cao tuổi|chữ thập đỏ)|đoàn thanh niên|đoàn tncs|công đoàn|liên đoàn lao động))(?![\p{L}\p{M}])/u;
const AUTHORITIES = ['party', 'government', 'council', 'inspectorate', 'front', 'union'];

const ACTOR = /^(?:[^:]{1,40}:\s*)?(phó )?(?:chủ tịch|bí thư|giám đốc|trưởng ban|chánh án|viện trưởng|hiệu trưởng|chủ nhiệm)(?![\p{L}\p{M}])/u;

/**
 * Groups that are one incident's course, in order: a title tells the latest stage it reaches
 * ("Tìm thấy tàu cá mất liên lạc" is the finding), and a copy mentioning the earlier one in
 * passing tells the same latest stage.
 */
export const COURSES = new Set(['goods', 'service-state', 'search', 'remains', 'fire', 'patient', 'inspection', 'flood', 'case', 'outbreak', 'disaster']);
const LATEST = new Map(STAGE_RES.map(({ group, value }, i) => [`${group}:${value}`, i]));

export type Stages = Map<string, Set<string>>;

/** The latest of an incident's stages told (a group of COURSES). */
export const latestStage = (group: string, told: Set<string>) =>
  [...told].reduce((x, y) => ((LATEST.get(`${group}:${x}`) ?? 0) > (LATEST.get(`${group}:${y}`) ?? 0) ? x : y));

/**
 * Every stage pattern run twice (V8 compiles an expression when first run, and again to machine
 * code): a text reaches only the groups it tells, so warm.ts's samples alone leave most of them
 * to a cold isolate's first runs.
 */
export function warmStages(): void {
  for (let pass = 0; pass < 2; pass++) for (const { re } of [...GROUP_RES, ...STAGE_RES]) re.test('khai mạc hội nghị');
}

export function stages(text: string): Stages {
  const lower = text.normalize('NFC').toLowerCase();
  const out: Stages = new Map();
  const put = (group: string, value: string) => {
    const set = out.get(group) ?? new Set<string>();
    set.add(value);
    out.set(group, set);
  };
  if (ANY_STAGE.test(lower)) {
    for (const { re: any, values } of GROUP_RES) if (any.test(lower)) for (const { group, value, re } of values) if (re.test(lower)) put(group, value);
  }
  for (const group of COURSES) {
    const told = out.get(group);
    if (!told || told.size < 2) continue;
    out.set(group, new Set([latestStage(group, told)]));
  }
  for (const age of eventAges(lower)) put('age', age);
  const authority = AUTHORITY.exec(lower);
  if (authority) put('authority', AUTHORITIES[authority.slice(1).findIndex((g) => g !== undefined)]);
  if (APPOINTMENT.test(lower)) for (const m of lower.matchAll(ROLE)) put('role', m[1] ? 'deputy' : 'head');
  else {
    // A head or a deputy opening a title is who acts (receives citizens, inspects, visits): two people's news.
    const actor = ACTOR.exec(lower);
    if (actor) put('role', actor[1] ? 'deputy' : 'head');
  }
  return out;
}

/**
 * Who an event is for, told next to its name ("Giải vô địch trẻ Vovinam", "Hội khỏe Phù Đổng
 * học sinh"): the youth tournament is another event than the open one of the same name, so a
 * title naming an event with an age group the other's event lacks tells another event (its
 * event is for "all").
 */
const EVENT_NAME = '(?<![\\p{L}\\p{M}])(?<!(?:đoạt|đạt|trao|giành|nhận|đạt được) )(?:giải(?! (?:quyết|phóng|ngân|thể|trình|tỏa|toả|đáp|cứu|thưởng|nhiệt|pháp|thích|hạn|tán|trí|tỏa|quyết|mã|phẫu|đua xe trái phép))|hội thao|hội khỏe|hội thi|cuộc thi|liên hoan)';
const EVENT = new RegExp(`${EVENT_NAME}(?![\\p{L}\\p{M}])`, 'u');
const AGE = new RegExp(`${EVENT_NAME}(?: [\\p{L}\\p{M}\\d]+){0,4}? (trẻ em|trẻ|thiếu niên|nhi đồng|u\\d{2}|người cao tuổi|học sinh(?! giỏi)|sinh viên|thiếu nhi)(?![\\p{L}\\p{M}])`, 'gu');

function eventAges(lower: string): string[] {
  if (!EVENT.test(lower)) return [];
  const ages = [...lower.matchAll(AGE)].map((m) => m[1]!.replace('trẻ em', 'trẻ'));
  return ages.length > 0 ? ages : ['all'];
}

/**
 * A congress or a sitting told a success ("tổ chức thành công Đại hội", "Đại hội … thành công"),
 * in marked words: it tells the close another title tells, though as a title it tells no stage
 * (the day's own report may say the same).
 */
export const TOLD_SUCCEEDED = / (?:tổ chức thành công (?:đại hội|hội nghị|kỳ họp)|(?:đại hội|hội nghị|kỳ họp)(?: [^|]{1,80})? thành công) /u;

/** Stage values a text must tell too, when the other title tells them. */
export const TOLD = new Set(STAGES.filter(([, , told]) => told).map(([, value]) => value));

/** Routine postings (weekly agendas, citizen reception days, monthly case counts): never one story across portals. */
const ROUTINE = /^(?:[^:]{1,40}:\s*)?(?:lịch công tác|lịch làm việc|lịch tiếp công dân|lịch trực|giấy mời|thư mời|(?:thông báo |báo cáo )?kết quả giải quyết (?:thủ tục|hồ sơ|tthc)|công khai (?:ngân sách|dự toán|quyết toán|thủ tục)|thông báo lịch|danh sách hồ sơ|thông báo (?:về việc )?nghỉ)/u;

export const isRoutine = (title: string) => ROUTINE.test(title.normalize('NFC').toLowerCase().trim());
