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
});
