import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../src/stories/fingerprint';
import { sharedWeight, vectorizer } from '../../../src/stories/vectors';
import type { Features } from '../../../src/stories/types';

const a = fingerprint('Xã Bằng Vân ra quân tổng vệ sinh môi trường', 'Sáng 12/5, xã Bằng Vân tổ chức ra quân tổng vệ sinh môi trường tại các thôn.');
const b = fingerprint('Ra quân tổng vệ sinh môi trường tại xã Bằng Vân', 'Ngày 12/5, UBND xã Bằng Vân ra quân vệ sinh môi trường, khơi thông cống rãnh.');
const c = fingerprint('Hội nghị triển khai chuyển đổi số', 'Huyện Chợ Đồn tập huấn cho cán bộ.');

/** Σ min over the features both maps have, the plain way. */
const sumMin = (x: Features, y: Features) => [...x].reduce((s, [k, w]) => s + Math.min(w, y.get(k) ?? 0), 0);

describe('vectorizer', () => {
  it('gives what the features share, feature by feature, whatever order the texts came in', () => {
    const run = vectorizer();
    const [vc, va, vb] = [run(c), run(a), run(b)];
    expect(sharedWeight(va.all, vb.all)).toBeCloseTo(sumMin(a.all, b.all), 9);
    expect(sharedWeight(va.title, vb.all)).toBeCloseTo(sumMin(a.title, b.all), 9);
    expect(sharedWeight(va.all, vc.all)).toBeCloseTo(sumMin(a.all, c.all), 9);
    expect(sharedWeight(va.all, va.all)).toBeCloseTo(va.all.total, 9);
    expect(va.all.total).toBeCloseTo([...a.all.values()].reduce((s, w) => s + w, 0), 9);
  });

  it('shares nothing between texts with no word in common', () => {
    const run = vectorizer();
    const x = fingerprint('Khánh thành cầu treo', '');
    const y = fingerprint('Lễ hội đua thuyền', '');
    expect(sharedWeight(run(x).all, run(y).all)).toBe(0);
  });
});
