import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../src/stories/fingerprint';
import { conflicting } from '../../../src/stories/similarity';

describe('fingerprint', () => {
  it('reads a summary cut inside a name as telling none of that name, not a shorter name', () => {
    const full = 'Ngày 15/8, UBND huyện Long Thành bàn giao 57 nền đất tại Khu tái định cư Lộc An Bình Sơn cho người dân vùng dự án sân bay.';
    const cut = fingerprint('Long Thành bàn giao 57 nền tái định cư', 'Ngày 15/8, UBND huyện Long Thành bàn giao 57 nền đất tại Khu tái định cư Lộc An…');
    expect(cut.cut).toBe(true);
    expect(cut.markedText).not.toContain('lộc');
    expect(conflicting(cut, fingerprint('Long Thành bàn giao 57 nền tái định cư', full))).toBe(false);
    // Cut after a word: only that word may be partial.
    expect(fingerprint('Khánh Hòa ghi nhận ca sốt xuất huyết', 'Toàn tỉnh Khánh Hòa ghi nhận 2.134 ca sốt xuất huyết, tập tr…').markedText).toContain('khánh hòa');
  });
});
