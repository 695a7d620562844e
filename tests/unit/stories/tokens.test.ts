import { describe, expect, it } from 'vitest';
import { spellKinds, tokenize } from '../../../src/stories/tokens';

describe('tokenize', () => {
  it('reads a Roman number in a title in capitals as in normal case, not a syllable that looks like one', () => {
    expect(tokenize('BỔ SUNG 3 DỰ ÁN VÀO QUY HOẠCH ĐIỆN VIII').words.at(-1)).toBe('8');
    expect(tokenize('Bổ sung 3 dự án vào Quy hoạch điện VIII').words.at(-1)).toBe('8');
    expect(tokenize('KIỂM TRA CÁC LÒ NUNG XI MĂNG').words).toContain('xi');
    expect(tokenize('MỞ RỘNG PHẠM VI PHỤC VỤ').words).toContain('vi');
  });

  it('reads the city’s initials as its name, with or without a dot', () => {
    expect(spellKinds('TPHCM: Thành ủy làm việc với đặc khu Côn Đảo')).toBe('thành phố Hồ Chí Minh: Thành ủy làm việc với đặc khu Côn Đảo');
    expect(spellKinds('Du khách đến TP.HCM dịp lễ')).toBe('Du khách đến thành phố Hồ Chí Minh dịp lễ');
    expect(spellKinds('TPXHCM tăng trưởng')).toBe('TPXHCM tăng trưởng');
  });
});
