import { describe, expect, it } from 'vitest';
import { anchored } from '../../../src/stories/anchors';
import { fingerprint } from '../../../src/stories/fingerprint';
import { LEARNED } from '../../../src/stories/learned';
import { askable, FEATURE_NAMES, learnedCopy, pairFeatures } from '../../../src/stories/likeness';
import { SAME_STORY_THRESHOLD, similarity, wordParts, wordScore } from '../../../src/stories/similarity';

const dredging = fingerprint(
  'Xã Tân Lập tổ chức ra quân nạo vét kênh mương nội đồng trước mùa mưa',
  'UBND xã Tân Lập phối hợp Đoàn Thanh niên huy động hơn 300 người nạo vét 5,2 km kênh mương nội đồng, phát quang bụi rậm và thu gom rác thải dọc các tuyến kênh.',
);

describe('the learned model near the bar', () => {
  it('joins a retelling whose words fall short of the bar and that keeps no figure to anchor it', () => {
    const retold = fingerprint('Tân Lập khơi thông kênh mương nội đồng', 'Người dân xã Tân Lập cùng đoàn viên đã nạo vét kênh mương nội đồng, phát quang bụi rậm dọc các tuyến kênh.');
    const words = wordScore(dredging, retold);
    expect(words).toBeLessThan(SAME_STORY_THRESHOLD);
    expect(anchored(dredging, retold, words)).toBe(false);
    expect(askable(dredging, retold, words)).toBe(true);
    expect(learnedCopy(dredging, retold, words, wordParts(dredging, retold))).toBe(true);
    expect(similarity(dredging, retold)).toBe(SAME_STORY_THRESHOLD);
  });

  it('keeps apart another event of the same commune told with the same boilerplate sentence', () => {
    const cleaning = fingerprint(
      'Xã Tân Lập tổ chức ra quân dọn vệ sinh môi trường',
      'UBND xã Tân Lập phối hợp Đoàn Thanh niên huy động hơn 300 người dọn vệ sinh các tuyến đường liên thôn, phát quang bụi rậm và thu gom rác thải.',
    );
    expect(askable(dredging, cleaning, wordScore(dredging, cleaning))).toBe(false);
    expect(similarity(dredging, cleaning)).toBeLessThan(SAME_STORY_THRESHOLD);
  });

  it('is not asked of a bare title, which its labelled pairs hardly hold: a canal accepted is not a canal dredged', () => {
    const accepted = fingerprint('Xã Tân Lập nghiệm thu công trình kênh mương nội đồng', '');
    expect(askable(dredging, accepted, wordScore(dredging, accepted))).toBe(false);
    expect(similarity(dredging, accepted)).toBeLessThan(SAME_STORY_THRESHOLD);
  });

  it('has one fitted weight per feature it computes (learned.ts regenerated with the features)', () => {
    expect(LEARNED.weights).toHaveLength(FEATURE_NAMES.length);
    expect(pairFeatures(dredging, dredging, 1, wordParts(dredging, dredging))).toHaveLength(FEATURE_NAMES.length);
    expect(LEARNED.floor).toBeLessThan(SAME_STORY_THRESHOLD);
  });
});
