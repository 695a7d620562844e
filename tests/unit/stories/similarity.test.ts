import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../src/stories/fingerprint';
import { resemblance, SAME_STORY_THRESHOLD, similarity } from '../../../src/stories/similarity';

describe('similarity', () => {
  const summary = 'Tối 9/4, xã Ea Kar ra mắt mô hình camera an ninh tại thôn 3 với 40 mắt camera, kinh phí do người dân đóng góp, kết nối với Công an xã.';
  const full = fingerprint('Xã Ea Kar ra mắt mô hình camera an ninh kết nối 24/7', summary);

  it('compares a summary its portal cut short with the start of the other, not with all of it', () => {
    const cut = fingerprint('Đắk Lắk có thêm mô hình camera an ninh ở xã Ea Kar', `${summary.slice(0, 80)}…`);
    const whole = fingerprint('Đắk Lắk có thêm mô hình camera an ninh ở xã Ea Kar', summary.slice(0, 80));
    expect(resemblance(full, cut)).toBeGreaterThanOrEqual(SAME_STORY_THRESHOLD);
    // The same words, not marked as cut, are a shorter text of their own.
    expect(resemblance(full, cut)).toBeGreaterThan(resemblance(full, whole));
  });

  it('still keeps a look-alike with a cut summary apart', () => {
    const other = fingerprint('Đắk Lắk có thêm mô hình camera an ninh ở xã Ea Kar', `${summary.replace('thôn 3', 'thôn 7').slice(0, 80)}…`);
    expect(similarity(full, other)).toBe(0);
  });

  it('reads a department’s initials joined by "&", "và" or a dash as written out', () => {
    const summary = (sở: string) => `Ngày 5/8, Sở ${sở} tỉnh Cà Mau phối hợp UBND xã Đầm Dơi thả 2 triệu con tôm sú, cua biển giống xuống sông Đầm Dơi.`;
    const short = fingerprint('Xã Đầm Dơi thả 2 triệu con giống tôm, cua tái tạo nguồn lợi', summary('NN&MT'));
    for (const sở of ['Nông nghiệp và Môi trường', 'NN và MT', 'NN-MT']) {
      expect(similarity(short, fingerprint('Cà Mau thả 2 triệu con giống xuống sông Đầm Dơi', summary(sở))), sở).toBeGreaterThanOrEqual(SAME_STORY_THRESHOLD);
    }
  });

  it('reads the initials of papers and services people deal with as written out', () => {
    const full = fingerprint('Công an xã Tân Phú cấp 300 thẻ căn cước cho người dân', 'Ngày 5/5, Công an xã Tân Phú tổ chức cấp 300 thẻ căn cước công dân lưu động cho người dân vùng sâu.');
    const short = fingerprint('Công an xã Tân Phú cấp 300 thẻ CCCD lưu động', 'Ngày 5/5, Công an xã Tân Phú tổ chức cấp 300 thẻ CCCD lưu động cho người dân vùng sâu.');
    expect(similarity(full, short)).toBeGreaterThanOrEqual(SAME_STORY_THRESHOLD);
  });

  it('keeps a contest closed apart from the same contest said to be held, and a first exam day from the end', () => {
    const summary = 'Hội thi tiếng hát dân ca xã Tà Xùa năm 2026 thu hút 140 diễn viên đến từ 8 đội thi, góp phần gìn giữ bản sắc văn hóa.';
    const held = fingerprint('Xã Tà Xùa tổ chức Hội thi tiếng hát dân ca năm 2026', summary);
    const closed = fingerprint('Xã Tà Xùa bế mạc Hội thi tiếng hát dân ca năm 2026', summary.replace('thu hút', 'khép lại với'));
    expect(similarity(held, closed)).toBeLessThan(SAME_STORY_THRESHOLD);
    const closedCopy = fingerprint('Bế mạc Hội thi tiếng hát dân ca xã Tà Xùa năm 2026', `Tối qua, xã Tà Xùa bế mạc ${summary}`);
    expect(similarity(closed, closedCopy)).toBeGreaterThanOrEqual(SAME_STORY_THRESHOLD);
    const exam = (title: string, lead: string) => fingerprint(title, `${lead} Kỳ thi tốt nghiệp THPT năm 2026 tại xã Phú Lộc diễn ra an toàn với 236 thí sinh dự thi.`);
    expect(similarity(exam('Xã Phú Lộc: Kỳ thi tốt nghiệp THPT năm 2026 diễn ra an toàn ngày đầu', 'Ngày thi đầu tiên của'), exam('Xã Phú Lộc: Kỳ thi tốt nghiệp THPT năm 2026 kết thúc an toàn', 'Buổi thi cuối cùng khép lại'))).toBeLessThan(SAME_STORY_THRESHOLD);
  });

  it('keeps an event called off apart from the event, and joins the notice to a copy telling the call-off in other words', () => {
    const works = 'tuyến đường liên xã Tân Lập - Phú Hòa dài 8,2 km, tổng mức đầu tư 310 tỷ đồng';
    const start = fingerprint('Khởi công tuyến đường liên xã Tân Lập - Phú Hòa', `Sáng 14/3, UBND tỉnh khởi công ${works}.`);
    const postponed = fingerprint('Hoãn khởi công tuyến đường liên xã Tân Lập - Phú Hòa', `Do mưa lớn kéo dài, UBND tỉnh hoãn lễ khởi công ${works}.`);
    expect(similarity(start, postponed)).toBe(0);
    const copy = fingerprint('Lễ khởi công đường liên xã Tân Lập - Phú Hòa lùi lịch vì mưa', `UBND tỉnh quyết định hoãn lễ khởi công ${works} do mưa lớn kéo dài.`);
    expect(similarity(postponed, copy)).toBeGreaterThanOrEqual(SAME_STORY_THRESHOLD);
  });

  it('joins two titles telling an incident at different stages when both texts reach the same latest one, and keeps apart those that do not', () => {
    const fire = 'Rạng sáng 2/3, kho chứa phân bón của một hộ kinh doanh ở xã Yên Lạc bốc cháy; sau 2 giờ, lực lượng chữa cháy đã dập tắt đám cháy, thiệt hại khoảng 400 triệu đồng.';
    const broke = fingerprint('Cháy kho phân bón ở xã Yên Lạc', fire);
    const out = fingerprint('Dập tắt đám cháy kho phân bón tại Yên Lạc sau 2 giờ', 'Kho phân bón ở xã Yên Lạc bị cháy rạng sáng 2/3; lực lượng chữa cháy dập tắt đám cháy sau 2 giờ, thiệt hại khoảng 400 triệu đồng.');
    expect(similarity(broke, out)).toBeGreaterThanOrEqual(SAME_STORY_THRESHOLD);
    // The first report, before the fire was put out, is other news than its putting out.
    const early = fingerprint('Cháy kho phân bón ở xã Yên Lạc', 'Rạng sáng 2/3, kho chứa phân bón của một hộ kinh doanh ở xã Yên Lạc bốc cháy, thiệt hại khoảng 400 triệu đồng.');
    expect(similarity(early, out)).toBe(0);
    // Goods found, then destroyed: a text telling both reaches the destruction.
    const found = fingerprint('Phát hiện 1.200 con gà nhiễm cúm gia cầm tại xã Hòa Bình', 'Cơ quan thú y phát hiện ổ dịch trong một trại gà ở xã Hòa Bình; toàn bộ 1.200 con gà đã được tiêu hủy.');
    const destroyed = fingerprint('Tiêu hủy 1.200 con gà nhiễm cúm gia cầm ở Hòa Bình', 'Toàn bộ 1.200 con gà của một trại ở xã Hòa Bình nhiễm cúm gia cầm đã được cơ quan thú y tiêu hủy.');
    expect(similarity(found, destroyed)).toBeGreaterThanOrEqual(SAME_STORY_THRESHOLD);
    expect(similarity(fingerprint('Phát hiện 1.200 con gà nhiễm cúm gia cầm tại xã Hòa Bình', 'Cơ quan thú y phát hiện ổ dịch trong một trại gà có 1.200 con ở xã Hòa Bình.'), destroyed)).toBe(0);
  });

  it('reads an event named without its age group as the one its text names', () => {
    const summary = 'Tối 5/6, xã Nghĩa Lộ khai mạc Giải bóng chuyền thiếu niên hè năm 2026 với 12 đội, hơn 140 vận động viên tranh tài trong 6 ngày.';
    const named = fingerprint('Xã Nghĩa Lộ khai mạc Giải bóng chuyền thiếu niên hè 2026', summary);
    const short = fingerprint('Hơn 140 vận động viên dự giải bóng chuyền hè ở xã Nghĩa Lộ', `12 đội với hơn 140 vận động viên tranh tài tại Giải bóng chuyền thiếu niên hè năm 2026 do xã Nghĩa Lộ tổ chức, khai mạc tối 5/6.`);
    expect(similarity(named, short)).toBeGreaterThanOrEqual(SAME_STORY_THRESHOLD);
    const open = fingerprint('Hơn 140 vận động viên dự giải bóng chuyền hè ở xã Nghĩa Lộ', '12 đội với hơn 140 vận động viên tranh tài tại Giải bóng chuyền hè năm 2026 do xã Nghĩa Lộ tổ chức, khai mạc tối 5/6.');
    expect(similarity(named, open)).toBe(0);
  });
});
