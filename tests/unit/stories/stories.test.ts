import { describe, expect, it } from 'vitest';
import pairsText from '../../fixtures/stories/pairs.json?raw';
import type { Article } from '../../../src/model';
import { clusterStories, storyMatcher, type StoredStory, type StoryInput } from '../../../src/stories';

interface Side {
  sourceId: string;
  published: string;
  title: string;
  summary: string;
}
interface Pair {
  set: 'tuning' | 'holdout-1' | 'holdout-2';
  a: Side;
  b: Side;
  same: boolean;
  note: string;
}

const pairs = JSON.parse(pairsText) as Pair[];

/** The detector's verdict on a pair: one story for the two items, or two. */
function detectedSame(p: Pair): boolean {
  const stories = clusterStories([
    { id: 'a', ...p.a },
    { id: 'b', ...p.b },
  ]);
  return stories.length === 1;
}

function score(list: Pair[]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const misses: string[] = [];
  for (const p of list) {
    const said = detectedSame(p);
    if (said && p.same) tp++;
    else if (said) {
      fp++;
      misses.push(`false copy: ${p.note}`);
    } else if (p.same) {
      fn++;
      misses.push(`missed copy: ${p.note}`);
    }
  }
  return { pairs: list.length, tp, fp, fn, precision: tp / (tp + fp), recall: tp / (tp + fn), misses };
}

describe('near-duplicate detection on the hand-labelled pairs', () => {
  it('has an honest fixture set: at least 40 pairs, about half copies, each pair from two sources', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(40);
    const copies = pairs.filter((p) => p.same).length;
    expect(copies / pairs.length).toBeGreaterThan(0.4);
    expect(copies / pairs.length).toBeLessThan(0.6);
    for (const p of pairs) expect(p.a.sourceId).not.toBe(p.b.sourceId);
  });

  it('reaches precision ≥ 0.95 and recall ≥ 0.9', () => {
    const all = score(pairs);
    for (const set of ['tuning', 'holdout-1', 'holdout-2'] as const) {
      const s = score(pairs.filter((p) => p.set === set));
      console.log(
        `stories ${set}: ${s.pairs} pairs, precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`,
      );
    }
    console.log(
      `stories all: ${all.pairs} pairs, precision ${all.precision.toFixed(3)}, recall ${all.recall.toFixed(3)} (tp ${all.tp}, fp ${all.fp}, fn ${all.fn})\n  ${all.misses.join('\n  ')}`,
    );
    expect(all.precision).toBeGreaterThanOrEqual(0.95);
    expect(all.recall).toBeGreaterThanOrEqual(0.9);
  });
});

const DAY = 24 * 60 * 60 * 1000;
const at = (day: number, hour = 8) => new Date(Date.UTC(2024, 10, 12 + day, hour)).toISOString();

/** One press release and its republications (reworded titles, partly rewritten summaries). */
const RELEASE = {
  title: 'Tỉnh ủy Bắc Kạn tổ chức Hội nghị lần thứ 15',
  summary:
    'Sáng 12/11, Tỉnh ủy Bắc Kạn tổ chức Hội nghị lần thứ 15 Ban Chấp hành Đảng bộ tỉnh khóa XII để cho ý kiến về dự thảo Báo cáo chính trị trình Đại hội Đảng bộ tỉnh lần thứ XIII.',
};
const COPY_1 = {
  title: 'Hội nghị lần thứ 15 Ban Chấp hành Đảng bộ tỉnh của Tỉnh ủy',
  summary:
    'Ngày 12/11, Ban Chấp hành Đảng bộ tỉnh khóa XII tổ chức Hội nghị lần thứ 15, thảo luận, cho ý kiến vào dự thảo Báo cáo chính trị trình Đại hội Đảng bộ tỉnh lần thứ XIII.',
};
const COPY_2 = {
  title: 'Tin tỉnh: Tỉnh ủy Bắc Kạn tổ chức Hội nghị lần thứ 15 Ban Chấp hành Đảng bộ tỉnh',
  summary:
    'Tỉnh ủy Bắc Kạn tổ chức Hội nghị lần thứ 15 Ban Chấp hành Đảng bộ tỉnh khóa XII, cho ý kiến về dự thảo Báo cáo chính trị trình Đại hội Đảng bộ tỉnh lần thứ XIII.',
};
const OTHER = {
  title: 'Huyện Chợ Đồn ra quân tổng vệ sinh môi trường',
  summary: 'Sáng 13/11, huyện Chợ Đồn tổ chức ra quân tổng vệ sinh môi trường tại thị trấn Bằng Lũng.',
};

function item(id: string, sourceId: string, text: { title: string; summary: string }, published: string, level?: number): StoryInput {
  return { id, sourceId, ...text, published, level };
}

describe('clusterStories', () => {
  it('groups a chain of three copies into one story with two alternates', () => {
    const stories = clusterStories([
      item('p', 'tinhuy-backan', RELEASE, at(0), 0),
      item('d1', 'cho-don', COPY_1, at(1), 1),
      item('d2', 'na-ri', COPY_2, at(2), 1),
      item('x', 'cho-don-2', OTHER, at(1)),
    ]);
    expect(stories).toEqual([
      { primary: 'p', alternates: ['d1', 'd2'] },
      { primary: 'x', alternates: [] },
    ]);
  });

  it('never groups two items of one source, even identical ones', () => {
    const stories = clusterStories([
      item('a', 'backan', RELEASE, at(0)),
      item('b', 'backan', RELEASE, at(0, 10)),
    ]);
    expect(stories).toHaveLength(2);
  });

  it('keeps one source’s items apart through a third source’s copy', () => {
    // a ~ c and b ~ c, but a and b are the same source: c joins one of them only.
    const stories = clusterStories([
      item('a', 'backan', RELEASE, at(0)),
      item('b', 'backan', COPY_2, at(0, 12)),
      item('c', 'cho-don', COPY_1, at(1)),
    ]);
    expect(stories).toHaveLength(2);
    for (const s of stories) {
      expect([s.primary, ...s.alternates].sort()).not.toEqual(expect.arrayContaining(['a', 'b']));
    }
  });

  it('respects the time window: the same text 5 days apart is two stories', () => {
    const stories = clusterStories([
      item('a', 'backan', RELEASE, at(0)),
      item('b', 'cho-don', RELEASE, at(5)),
    ]);
    expect(stories).toHaveLength(2);
    // With a wider window they are one.
    expect(clusterStories([item('a', 'backan', RELEASE, at(0)), item('b', 'cho-don', RELEASE, at(5))], { windowMs: 7 * DAY })).toHaveLength(1);
  });

  it('keeps every copy of a story within the window of each other, not just neighbours', () => {
    const stories = clusterStories([
      item('a', 's1', RELEASE, at(0)),
      item('b', 's2', RELEASE, at(2)),
      item('c', 's3', RELEASE, at(4)),
    ]);
    const sizes = stories.map((s) => 1 + s.alternates.length).sort();
    expect(sizes).toEqual([1, 2]);
  });

  it('returns every input id in exactly one story', () => {
    const input = [
      item('p', 'tinhuy-backan', RELEASE, at(0), 0),
      item('d1', 'cho-don', COPY_1, at(1), 1),
      item('d2', 'na-ri', COPY_2, at(2), 1),
      item('x', 'ba-be', OTHER, at(1)),
      item('y', 'ba-be', { title: 'Thông báo lịch tiếp công dân', summary: '' }, at(1)),
      item('bad-date', 'pac-nam', RELEASE, 'not a date'),
      item('p', 'tinhuy-backan', RELEASE, at(0), 0), // repeated id
    ];
    const ids = clusterStories(input).flatMap((s) => [s.primary, ...s.alternates]);
    expect(ids.sort()).toEqual(['bad-date', 'd1', 'd2', 'p', 'x', 'y']);
    expect(clusterStories([])).toEqual([]);
  });

  it('chooses the highest-level source’s copy as primary, even when published later', () => {
    const stories = clusterStories([
      item('district', 'cho-don', COPY_1, at(0, 6), 1),
      item('commune', 'xa-bang-lang', COPY_2, at(0, 7), 2),
      item('province', 'tinhuy-backan', RELEASE, at(0, 9), 0),
    ]);
    expect(stories).toEqual([{ primary: 'province', alternates: ['district', 'commune'] }]);
  });

  it('chooses the earliest copy when levels are equal or unknown, a levelled source before an unlevelled one', () => {
    expect(
      clusterStories([item('late', 'ba-be', COPY_1, at(1)), item('early', 'cho-don', RELEASE, at(0))]),
    ).toEqual([{ primary: 'early', alternates: ['late'] }]);
    expect(
      clusterStories([item('nolevel', 'ba-be', RELEASE, at(0)), item('district', 'cho-don', COPY_1, at(1), 1)]),
    ).toEqual([{ primary: 'district', alternates: ['nolevel'] }]);
  });

  it('does not collapse two sessions of the same council however alike', () => {
    const s14 = { title: 'Khai mạc Kỳ họp thứ 14 HĐND tỉnh khóa X', summary: 'HĐND tỉnh khai mạc Kỳ họp thứ 14.' };
    const s15 = { title: 'Khai mạc Kỳ họp thứ 15 HĐND tỉnh khóa X', summary: 'HĐND tỉnh khai mạc Kỳ họp thứ 15.' };
    expect(clusterStories([item('a', 'hdnd', s14, at(0)), item('b', 'baobackan', s15, at(1))])).toHaveLength(2);
  });

  it('finds copies among many look-alike items in the window', () => {
    // 300 commune items from 30 portals: ten event templates, each in thirty communes.
    const communes = [
      'Bằng Lãng', 'Yên Thịnh', 'Nam Cường', 'Quảng Bạch', 'Đại Sảo', 'Nghĩa Tá', 'Yên Phong', 'Bản Thi',
      'Xuân Lạc', 'Đồng Lạc', 'Cao Kỳ', 'Thanh Mai', 'Nông Hạ', 'Yên Cư', 'Như Cố', 'Quảng Chu',
      'Thanh Vận', 'Mai Lạp', 'Hòa Mục', 'Tân Sơn', 'Cường Lợi', 'Văn Lang', 'Kim Hỷ', 'Lương Thượng',
      'Côn Minh', 'Quang Phong', 'Dương Sơn', 'Sơn Thành', 'Kim Lư', 'Trần Phú',
    ];
    const events = [
      'ra quân tổng vệ sinh môi trường',
      'tổ chức Ngày hội Đại đoàn kết toàn dân tộc',
      'triển khai kế hoạch trồng rừng năm 2025',
      'tuyên truyền phòng chống cháy rừng',
      'tổng kết phong trào thi đua năm 2024',
      'bàn giao nhà cho hộ nghèo',
      'tập huấn kỹ thuật trồng quế',
      'tổ chức tiếp xúc cử tri',
      'kiểm tra công tác phòng chống dịch bệnh gia súc',
      'khánh thành nhà văn hóa thôn',
    ];
    const filler = Array.from({ length: 300 }, (_, i) => {
      const commune = communes[i % 30];
      const event = events[Math.floor(i / 30)];
      return item(
        `f${i}`,
        `xa-${i % 30}`,
        { title: `Xã ${commune} ${event}`, summary: `Ngày ${12 + (i % 3)}/11, xã ${commune} ${event} với sự tham gia của đông đảo nhân dân.` },
        at(i % 3, i % 24),
      );
    });
    const stories = clusterStories([...filler, item('p', 'tinhuy-backan', RELEASE, at(0), 0), item('d1', 'cho-don', COPY_1, at(1), 1)]);
    expect(stories.find((s) => s.primary === 'p')).toEqual({ primary: 'p', alternates: ['d1'] });
    expect(stories).toHaveLength(301);
  });
});

describe('storyMatcher (a refresh run giving new articles their story ids)', () => {
  const stored = (id: string, sourceId: string, text: { title: string; summary: string }, published: string, storyId?: string): StoredStory => ({
    id,
    sourceId,
    ...text,
    published,
    ...(storyId ? { storyId } : {}),
  });
  const fresh = (id: string, sourceId: string, text: { title: string; summary: string }, published: string) =>
    ({ id, sourceId, ...text, published }) as Article;
  /** A matcher over fixed snapshots, counting what it reads. */
  function matcherOver(snapshots: Record<string, StoredStory[]>) {
    const reads: string[] = [];
    const matcher = storyMatcher(async (key) => {
      reads.push(key);
      return snapshots[key] ?? [];
    });
    return { matcher, reads };
  }

  it('gives a republication the stored story id, reading each snapshot once per run', async () => {
    const { matcher, reads } = matcherOver({ all: [stored('p', 'tinhuy-backan', RELEASE, at(0), 'story-1'), stored('x', 'cho-don-2', OTHER, at(1))] });
    const copy = fresh('d1', 'cho-don', COPY_1, at(1));
    const other = fresh('o', 'ba-be', { title: 'Ba Bể đón đoàn khách quốc tế', summary: 'Huyện Ba Bể đón đoàn khách du lịch.' }, at(1));
    await matcher.assign([copy, other], ['all', 'p:bac-kan']);
    await matcher.assign([fresh('d2', 'na-ri', COPY_2, at(2))], ['all', 'p:bac-kan']);
    expect(copy.storyId).toBe('story-1');
    expect(other.storyId).toBeUndefined();
    expect(reads).toEqual(['all', 'p:bac-kan']);
  });

  it('finds the copy in the province snapshot when the country one has moved past it', async () => {
    const { matcher } = matcherOver({ all: [stored('x', 'cho-don-2', OTHER, at(1))], 'p:bac-kan': [stored('p', 'tinhuy-backan', RELEASE, at(0))] });
    const copy = fresh('d1', 'cho-don', COPY_1, at(2));
    await matcher.assign([copy], ['all', 'p:bac-kan']);
    expect(copy.storyId).toBe('p');
  });

  it('groups new copies from two sources of one run, and never two articles of one source', async () => {
    const { matcher } = matcherOver({});
    const first = fresh('p', 'tinhuy-backan', RELEASE, at(0));
    const again = fresh('p2', 'tinhuy-backan', COPY_2, at(0, 9));
    await matcher.assign([first, again], ['all']);
    const copy = fresh('d1', 'cho-don', COPY_1, at(1));
    await matcher.assign([copy], ['all']);
    expect(first.storyId).toBeUndefined();
    expect(again.storyId).toBeUndefined();
    expect(['p', 'p2']).toContain(copy.storyId);
  });

  it('keeps a copy out of a story one of whose copies it conflicts with, and out of the window', async () => {
    const s14 = { title: 'Khai mạc Kỳ họp thứ 14 HĐND tỉnh khóa X', summary: 'HĐND tỉnh khai mạc Kỳ họp thứ 14 tại Bắc Kạn.' };
    const s15 = { title: 'Khai mạc Kỳ họp thứ 15 HĐND tỉnh khóa X', summary: 'HĐND tỉnh khai mạc Kỳ họp thứ 15 tại Bắc Kạn.' };
    // The stored story "g" holds session 14 and a copy that names no session: 15 is like the copy, not the story.
    const unnumbered = { title: 'Khai mạc Kỳ họp HĐND tỉnh khóa X', summary: 'HĐND tỉnh khai mạc Kỳ họp tại Bắc Kạn.' };
    const { matcher } = matcherOver({
      all: [stored('a', 'hdnd', s14, at(0), 'g'), stored('g', 'tinh-backan', unnumbered, at(0)), stored('old', 'tinhuy-backan', RELEASE, at(-2, 6)), stored('near', 'na-ri', COPY_2, at(0), 'old')],
    });
    const session = fresh('b', 'baobackan', s15, at(1));
    // Like the copy of a day ago, but the story began more than three days before it.
    const late = fresh('d1', 'cho-don', COPY_1, at(1, 8));
    await matcher.assign([session, late], ['all']);
    expect(session.storyId).toBeUndefined();
    expect(late.storyId).toBeUndefined();
  });
});
