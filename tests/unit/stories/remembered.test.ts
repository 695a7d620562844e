import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../src/stories/fingerprint';
import { rememberedFingerprint } from '../../../src/stories/remembered';

const title = 'Hội nghị triển khai chuyển đổi số tỉnh Lạng Sơn năm 2026';
const summary = 'Sáng 27/11, UBND tỉnh tổ chức hội nghị triển khai kế hoạch chuyển đổi số lần thứ 3.';

describe('rememberedFingerprint', () => {
  it('gives what fingerprinting the text gives, computed once for a text met again', () => {
    const first = rememberedFingerprint(title, summary);
    const computed = fingerprint(title, summary);
    expect([...first.all]).toEqual([...computed.all]);
    expect(first.text).toBe(computed.text);
    expect([...first.numbers]).toEqual([...computed.numbers]);
    expect(first.routine).toBe(computed.routine);
    expect(rememberedFingerprint(title, summary)).toBe(first);
    // Title and summary are told apart: the same words split otherwise are another text.
    expect(rememberedFingerprint(`${title} ${summary}`, '')).not.toBe(first);
  });

  it('forgets the texts not met for longest once it holds its bound, and computes them again', () => {
    const first = rememberedFingerprint('Tin số 0 về cải cách hành chính', '');
    for (let i = 1; i <= 1000; i++) rememberedFingerprint(`Tin số ${i} về cải cách hành chính`, '');
    const again = rememberedFingerprint('Tin số 0 về cải cách hành chính', '');
    expect(again).not.toBe(first);
    expect([...again.all]).toEqual([...first.all]);
  });
});
