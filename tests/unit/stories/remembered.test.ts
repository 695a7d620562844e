import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../src/stories/fingerprint';
import { rememberingRun } from '../../../src/stories/remembered';

const title = 'Hội nghị triển khai chuyển đổi số tỉnh Lạng Sơn năm 2026';
const summary = 'Sáng 27/11, UBND tỉnh tổ chức hội nghị triển khai kế hoạch chuyển đổi số lần thứ 3.';
const news = (i: number) => `Tin số ${i} về cải cách hành chính`;

describe('rememberingRun', () => {
  it('gives what fingerprinting the text gives, computed once for a text met again, in this run or the next', () => {
    const run = rememberingRun();
    const first = run(title, summary);
    const computed = fingerprint(title, summary);
    expect([...first.all]).toEqual([...computed.all]);
    expect(first.text).toBe(computed.text);
    expect([...first.numbers]).toEqual([...computed.numbers]);
    expect(first.routine).toBe(computed.routine);
    expect(run(title, summary)).toBe(first);
    expect(rememberingRun()(title, summary)).toBe(first);
    // Title and summary are told apart: the same words split otherwise are another text.
    expect(run(`${title} ${summary}`, '')).not.toBe(first);
  });

  it('forgets the texts not met for longest once it holds its bound, and computes them again', () => {
    const first = rememberingRun()(news(0), '');
    const later = rememberingRun();
    for (let i = 1; i <= 1000; i++) later(news(i), '');
    const again = rememberingRun()(news(0), '');
    expect(again).not.toBe(first);
    expect([...again.all]).toEqual([...first.all]);
  });

  it('keeps what runs meeting more texts than its bound read first: the next such run computes only the rest again', () => {
    const texts = Array.from({ length: 1100 }, (_, i) => news(5000 + i));
    const one = rememberingRun();
    const firstRun = texts.map((t) => one(t, ''));
    const two = rememberingRun();
    const secondRun = texts.map((t) => two(t, ''));
    const kept = secondRun.filter((fp, i) => fp === firstRun[i]).length;
    expect(kept).toBeGreaterThanOrEqual(900);
    expect(kept).toBeLessThanOrEqual(1000);
    expect(secondRun.slice(0, 900).every((fp, i) => fp === firstRun[i])).toBe(true);
  });
});
