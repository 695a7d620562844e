import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../src/stories/fingerprint';
import { negationDiffers } from '../../../src/stories/negation';

const summary = 'Đoàn kiểm tra của Sở Y tế đánh giá Trạm Y tế xã Mường Chiên.';

describe('negationDiffers', () => {
  it('tells a title that denies what the other asserts', () => {
    const met = fingerprint('Trạm Y tế xã Mường Chiên đạt Bộ tiêu chí quốc gia về y tế', summary);
    const unmet = fingerprint('Trạm Y tế xã Mường Chiên chưa đạt Bộ tiêu chí quốc gia về y tế', summary);
    expect(negationDiffers(met, unmet)).toBe(true);
    expect(negationDiffers(unmet, unmet)).toBe(false);
  });

  it('takes no compound or turn of phrase for a denial, nor a denial the other text tells too', () => {
    const space = fingerprint('Mở rộng không gian văn hóa phố cổ', '');
    const stalls = fingerprint('Sắp xếp gian hàng phố cổ', '');
    expect(negationDiffers(space, stalls)).toBe(false);
    const told = fingerprint('Xã Mường Chiên đạt chuẩn', 'Năm ngoái xã chưa đạt chuẩn.');
    expect(negationDiffers(fingerprint('Xã Mường Chiên chưa đạt chuẩn', ''), told)).toBe(false);
  });
});
