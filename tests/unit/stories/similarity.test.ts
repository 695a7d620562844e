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
});
