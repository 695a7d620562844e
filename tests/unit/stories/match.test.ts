import { describe, expect, it } from 'vitest';
import holdout2Text from '../../fixtures/stories/pairs-holdout-2.txt?raw';
import holdout3Text from '../../fixtures/stories/pairs-holdout-3.txt?raw';
import holdout4Text from '../../fixtures/stories/pairs-holdout-4.txt?raw';
import holdout5Text from '../../fixtures/stories/pairs-holdout-5.txt?raw';
import holdout6Text from '../../fixtures/stories/pairs-holdout-6.txt?raw';
import holdout7Text from '../../fixtures/stories/pairs-holdout-7.txt?raw';
import holdout8Text from '../../fixtures/stories/pairs-holdout-8.txt?raw';
import holdout9Text from '../../fixtures/stories/pairs-holdout-9.txt?raw';
import holdout10Text from '../../fixtures/stories/pairs-holdout-10.txt?raw';
import holdout11Text from '../../fixtures/stories/pairs-holdout-11.txt?raw';
import holdout12Text from '../../fixtures/stories/pairs-holdout-12.txt?raw';
import holdout13Text from '../../fixtures/stories/pairs-holdout-13.txt?raw';
import holdout14Text from '../../fixtures/stories/pairs-holdout-14.txt?raw';
import holdout15Text from '../../fixtures/stories/pairs-holdout-15.txt?raw';
import holdout16Text from '../../fixtures/stories/pairs-holdout-16.txt?raw';
import holdout17Text from '../../fixtures/stories/pairs-holdout-17.txt?raw';
import holdout18Text from '../../fixtures/stories/pairs-holdout-18.txt?raw';
import holdout19Text from '../../fixtures/stories/pairs-holdout-19.txt?raw';
import holdout20Text from '../../fixtures/stories/pairs-holdout-20.txt?raw';
import holdout21Text from '../../fixtures/stories/pairs-holdout-21.txt?raw';
import holdout22Text from '../../fixtures/stories/pairs-holdout-22.txt?raw';
import holdout23Text from '../../fixtures/stories/pairs-holdout-23.txt?raw';
import holdout24Text from '../../fixtures/stories/pairs-holdout-24.txt?raw';
import holdout25Text from '../../fixtures/stories/pairs-holdout-25.txt?raw';
import holdout26Text from '../../fixtures/stories/pairs-holdout-26.txt?raw';
import holdout27Text from '../../fixtures/stories/pairs-holdout-27.txt?raw';
import holdout28Text from '../../fixtures/stories/pairs-holdout-28.txt?raw';
import holdout29Text from '../../fixtures/stories/pairs-holdout-29.txt?raw';
import holdout30Text from '../../fixtures/stories/pairs-holdout-30.txt?raw';
import holdout31Text from '../../fixtures/stories/pairs-holdout-31.txt?raw';
import holdout32Text from '../../fixtures/stories/pairs-holdout-32.txt?raw';
import holdout33Text from '../../fixtures/stories/pairs-holdout-33.txt?raw';
import holdout34Text from '../../fixtures/stories/pairs-holdout-34.txt?raw';
import holdout35Text from '../../fixtures/stories/pairs-holdout-35.txt?raw';
import holdout36Text from '../../fixtures/stories/pairs-holdout-36.txt?raw';
import holdout37Text from '../../fixtures/stories/pairs-holdout-37.txt?raw';
import holdout38Text from '../../fixtures/stories/pairs-holdout-38.txt?raw';
import holdout39Text from '../../fixtures/stories/pairs-holdout-39.txt?raw';
import holdout40Text from '../../fixtures/stories/pairs-holdout-40.txt?raw';
import holdout41Text from '../../fixtures/stories/pairs-holdout-41.txt?raw';
import holdout42Text from '../../fixtures/stories/pairs-holdout-42.txt?raw';
import holdout43Text from '../../fixtures/stories/pairs-holdout-43.txt?raw';
import holdout44Text from '../../fixtures/stories/pairs-holdout-44.txt?raw';
import holdoutText from '../../fixtures/stories/pairs-holdout.txt?raw';
import localText from '../../fixtures/stories/pairs-local.txt?raw';
import train3Text from '../../fixtures/stories/pairs-train-3.txt?raw';
import train10Text from '../../fixtures/stories/pairs-train-10.txt?raw';
import train11Text from '../../fixtures/stories/pairs-train-11.txt?raw';
import train12Text from '../../fixtures/stories/pairs-train-12.txt?raw';
import train13Text from '../../fixtures/stories/pairs-train-13.txt?raw';
import train5Text from '../../fixtures/stories/pairs-train-5.txt?raw';
import pairsText from '../../fixtures/stories/pairs.json?raw';
import type { Article } from '../../../src/model';
import { storyMatcher, type StoredStory } from '../../../src/stories';
import { forgetKept, type SnapshotScope } from '../../../src/stories/kept';
import type { ScopeRead } from '../../../src/stories/match';
import { formatScore, matchedAsCopies, parsePairs, scorePairs, type LabelledPair } from '../../helpers/story-pairs';
import { storedAs } from '../../helpers/stored-as';
import { storyStream } from '../../helpers/story-stream';

const pairs = JSON.parse(pairsText) as LabelledPair[];
// One look-alike of the fourth held-out set has one source on both sides, which the matcher never
// compares (a source's own feed is never collapsed): left out, a true negative that moves no figure.
const holdout4 = parsePairs(holdout4Text).filter((p) => p.a.sourceId !== p.b.sourceId);
// A few look-alikes of the twenty-second to thirtieth sets (and the thirty-fifth) set one side in an earlier year (a
// festival's previous edition): years apart, they are never compared, true negatives that move no
// figure; left out so that every pair is dated 2024–2026.
const inYears = (p: LabelledPair) => p.a.published >= '2024' && p.b.published >= '2024';
const local = [...parsePairs(localText), ...parsePairs(holdoutText), ...parsePairs(holdout2Text), ...parsePairs(train3Text), ...parsePairs(holdout3Text), ...holdout4, ...parsePairs(train5Text), ...parsePairs(holdout5Text), ...parsePairs(holdout6Text), ...parsePairs(holdout7Text), ...parsePairs(holdout8Text), ...parsePairs(holdout9Text), ...parsePairs(holdout10Text), ...parsePairs(holdout11Text), ...parsePairs(holdout12Text), ...parsePairs(holdout13Text), ...parsePairs(holdout14Text), ...parsePairs(holdout15Text), ...parsePairs(holdout16Text), ...parsePairs(holdout17Text), ...parsePairs(holdout18Text), ...parsePairs(holdout19Text), ...parsePairs(holdout20Text), ...parsePairs(holdout21Text), ...parsePairs(holdout22Text).filter(inYears), ...parsePairs(holdout23Text).filter(inYears), ...parsePairs(holdout24Text).filter(inYears), ...parsePairs(holdout25Text).filter(inYears), ...parsePairs(holdout26Text).filter(inYears), ...parsePairs(holdout27Text).filter(inYears), ...parsePairs(holdout28Text).filter(inYears), ...parsePairs(holdout29Text).filter(inYears), ...parsePairs(holdout30Text).filter(inYears), ...parsePairs(holdout31Text), ...parsePairs(holdout32Text), ...parsePairs(holdout33Text), ...parsePairs(holdout34Text), ...parsePairs(holdout35Text).filter(inYears), ...parsePairs(holdout36Text).filter(inYears), ...parsePairs(holdout37Text).filter(inYears), ...parsePairs(holdout38Text), ...parsePairs(holdout39Text), ...parsePairs(holdout40Text), ...parsePairs(holdout41Text), ...parsePairs(holdout42Text), ...parsePairs(holdout43Text), ...parsePairs(holdout44Text), ...parsePairs(train10Text), ...parsePairs(train11Text), ...parsePairs(train12Text), ...parsePairs(train13Text)];

describe('local-government pairs (copies and hard look-alikes), through the matcher a refresh runs', () => {
  it('is an honest set: 300 pairs at least, about half copies, every pair from two sources, dated 2024–2026, commune-era portals included', () => {
    expect(local.length).toBeGreaterThanOrEqual(300);
    const copies = local.filter((p) => p.same).length;
    expect(copies / local.length).toBeGreaterThan(0.45);
    expect(copies / local.length).toBeLessThan(0.55);
    for (const p of local) {
      expect(p.a.sourceId, p.note).not.toBe(p.b.sourceId);
      for (const side of [p.a, p.b]) expect(side.published >= '2024' && side.published < '2027', p.note).toBe(true);
    }
    expect(local.filter((p) => p.a.published >= '2025-07-01').length).toBeGreaterThan(local.length / 5);
  });

  // Each held-out set was measured once, unseen, after the freeze named; every set before the
  // nineteenth has been tuned on since. Each holds what it reaches now (tests/fixtures/stories/README.md).
  const bars: { set: string; precision: number; recall: number; note: string }[] = [
    { set: 'holdout-4', precision: 0.98, recall: 0.95, note: 'unseen at ce3fd47: 0.917 / 0.786' },
    { set: 'train-5', precision: 0.98, recall: 0.95, note: 'first measured at f054c35: 0.920 / 0.920' },
    { set: 'holdout-5', precision: 1, recall: 1, note: 'unseen at 653e0dc: 0.928 / 0.963' },
    { set: 'holdout-6', precision: 1, recall: 1, note: 'unseen at c021133: 0.951 / 0.963' },
    { set: 'holdout-7', precision: 1, recall: 1, note: 'unseen at bce9198: 0.963 / 0.963' },
    { set: 'holdout-8', precision: 1, recall: 1, note: 'unseen at 6b286ff: 0.975 / 0.975' },
    { set: 'train-10', precision: 0.975, recall: 0.95, note: 'written and tuned on before the tenth held-out set; with the learned model 0.980 / 1.000: two crops planted, told in other words (chè / quế), taken for one' },
    { set: 'holdout-9', precision: 1, recall: 1, note: 'unseen at 7d2bbf8: 0.884 / 0.950 (pattern-generated); tuned 1.000 / 1.000' },
    { set: 'holdout-10', precision: 1, recall: 0.98, note: 'unseen at 28cbd2c: 1.000 / 0.925; tuned 1.000 / 0.988' },
    { set: 'holdout-11', precision: 1, recall: 0.98, note: 'unseen at 28cbd2c: 1.000 / 0.912; tuned 1.000 / 0.975; with the learned model 1.000 / 0.988' },
    { set: 'train-11', precision: 1, recall: 1, note: 'written and tuned on before the twelfth held-out set' },
    { set: 'holdout-12', precision: 1, recall: 0.98, note: 'unseen at e474033: 0.987 / 0.950; tuned 1.000 / 0.975; with the learned model 1.000 / 0.988' },
    { set: 'holdout-13', precision: 1, recall: 1, note: 'unseen at e474033: 1.000 / 0.963; tuned 1.000 / 0.988; with the learned model 1.000 / 1.000' },
    { set: 'holdout-14', precision: 1, recall: 0.96, note: 'unseen at e474033: 0.972 / 0.863; tuned 1.000 / 0.913; with the learned model 1.000 / 0.963' },
    { set: 'holdout-15', precision: 1, recall: 0.97, note: 'unseen at e474033: 0.960 / 0.900; tuned 1.000 / 0.963; with the learned model 1.000 / 0.975' },
    { set: 'train-12', precision: 1, recall: 1, note: 'written and tuned on before the sixteenth held-out set' },
    { set: 'holdout-16', precision: 1, recall: 0.97, note: 'unseen at 7cda4b2: 0.974 / 0.925; tuned 1.000 / 0.963; with the learned model 1.000 / 0.975' },
    { set: 'holdout-17', precision: 1, recall: 0.98, note: 'unseen at 7cda4b2: 0.971 / 0.850; tuned 1.000 / 0.925; with the learned model 1.000 / 0.988' },
    { set: 'holdout-18', precision: 1, recall: 0.97, note: 'unseen at 7cda4b2: 1.000 / 0.925; tuned 1.000 / 0.925; with the learned model 1.000 / 0.975' },
    { set: 'train-13', precision: 1, recall: 1, note: 'written and tuned on before the nineteenth held-out set' },
    { set: 'holdout-19', precision: 1, recall: 0.98, note: 'unseen at 1031752: 1.000 / 0.950; with the learned model 1.000 / 0.988' },
    { set: 'holdout-20', precision: 1, recall: 0.96, note: 'unseen at 1031752: 0.943 / 0.825; with the learned model and its false copies tuned on (the authority a title opens with, whom a benefit is for) 1.000 / 0.900; tuned at the thirty-first freeze 1.000 / 0.963' },
    { set: 'holdout-21', precision: 1, recall: 0.91, note: 'unseen at 1031752: 1.000 / 0.850; with the learned model 1.000 / 0.912' },
    { set: 'holdout-22', precision: 1.0, recall: 0.98, note: 'unseen at 7f98197: 0.985 / 0.838; tuned at the thirty-first freeze 0.988 / 0.988; 1.000 / 0.988 with a day dashed in a lead (holdout-44 round)' },
    { set: 'holdout-23', precision: 0.98, recall: 0.97, note: 'unseen at 7f98197: 0.973 / 0.900; tuned 0.987 / 0.975' },
    { set: 'holdout-24', precision: 1.0, recall: 0.93, note: 'unseen at 7f98197: 0.986 / 0.850; tuned 1.000 / 0.938' },
    { set: 'holdout-25', precision: 1.0, recall: 0.98, note: 'unseen at 7f98197: 0.987 / 0.925; tuned 1.000 / 0.975; 1.000 / 0.988 with a duration in years read in months' },
    { set: 'holdout-26', precision: 1.0, recall: 0.95, note: 'unseen at 7f98197: 1.000 / 0.838; tuned 1.000 / 0.950' },
    { set: 'holdout-27', precision: 1.0, recall: 0.98, note: 'unseen at 7f98197: 0.928 / 0.963; tuned 0.988 / 0.988; 1.000 / 0.988 with a day dashed in a lead (holdout-44 round)' },
    { set: 'holdout-28', precision: 0.98, recall: 0.92, note: 'unseen at 7f98197: 0.984 / 0.762; tuned 0.987 / 0.925' },
    { set: 'holdout-29', precision: 1.0, recall: 0.96, note: 'unseen at 7f98197: 1.000 / 0.938; tuned 1.000 / 0.963' },
    { set: 'holdout-30', precision: 1.0, recall: 0.93, note: 'unseen at 7f98197: 0.974 / 0.925; tuned 0.987 / 0.938; 1.000 / 0.938 with a day dashed in a lead (holdout-44 round)' },
    { set: 'holdout-31', precision: 1.0, recall: 0.88, note: 'unseen at c071a39: 0.899 / 0.887 (at 7f98197, also unseen: 0.890 / 0.813); tuned at the thirty-fifth freeze 0.959 / 0.887; 1.000 / 0.887 with a day dashed in a lead (holdout-44 round)' },
    { set: 'holdout-32', precision: 1.0, recall: 0.88, note: 'unseen at c071a39: 1.000 / 0.887 (at 7f98197, also unseen: 1.000 / 0.838); tuned 1.000 / 0.887' },
    { set: 'holdout-33', precision: 0.98, recall: 0.97, note: 'unseen at c071a39: 0.940 / 0.975 (at 7f98197, also unseen: 0.935 / 0.900); tuned 0.975 / 0.975; 0.987 / 0.975 with a day dashed in a lead (holdout-44 round)' },
    { set: 'holdout-34', precision: 1.0, recall: 0.97, note: 'unseen at c071a39: 0.961 / 0.912 (at 7f98197, also unseen: 0.959 / 0.887); tuned 1.000 / 0.975' },
    { set: 'holdout-35', precision: 1.0, recall: 0.92, note: 'unseen at 3716afc: 1.000 / 0.925 (at c071a39, also unseen: 1.000 / 0.925)' },
    { set: 'holdout-36', precision: 1.0, recall: 0.95, note: 'unseen at 3716afc: 1.000 / 0.925 (at c071a39, also unseen: 0.987 / 0.938); tuned at the thirty-eighth freeze 1.000 / 0.950' },
    { set: 'holdout-37', precision: 1.0, recall: 0.92, note: 'unseen at 3716afc: 0.973 / 0.900 (at c071a39, also unseen: 0.973 / 0.900); tuned at the thirty-eighth freeze 0.987 / 0.925; 1.000 / 0.925 with a day dashed in a lead (holdout-44 round)' },
    { set: 'holdout-38', precision: 1.0, recall: 0.96, note: 'unseen at 88a360a: 0.987 / 0.963 (the same at 3716afc, also unseen); 1.000 / 0.963 with an event called off told as a stage' },
    { set: 'holdout-39', precision: 1.0, recall: 0.96, note: 'unseen at 88a360a: 1.000 / 0.963 (the same at 3716afc, also unseen)' },
    { set: 'holdout-40', precision: 1.0, recall: 0.93, note: 'unseen at 88a360a: 1.000 / 0.938 (the same at 3716afc, also unseen)' },
    { set: 'holdout-41', precision: 1.0, recall: 1.0, note: 'unseen at 88a360a: 1.000 / 1.000' },
    { set: 'holdout-42', precision: 0.97, recall: 0.88, note: 'unseen at 88a360a: 0.973 / 0.887' },
    { set: 'holdout-43', precision: 1.0, recall: 0.86, note: 'unseen at 88a360a: 0.986 / 0.863; 1.000 / 0.863 with a day dashed in a lead (holdout-44 round)' },
    { set: 'holdout-44', precision: 1.0, recall: 1.0, note: 'unseen at 7d74e82: 0.948 / 0.982; tuned 1.000 / 1.000' },
  ];
  it('reaches precision ≥ 0.998 and recall ≥ 0.965 over all local pairs, and holds on each held-out set what it reaches', async () => {
    const all = await scorePairs(local);
    for (const set of new Set(local.map((p) => p.set))) console.log(formatScore(`local ${set}`, await scorePairs(local.filter((p) => p.set === set))));
    console.log(`${formatScore('local all', all)}\n  ${all.misses.join('\n  ')}`);
    // 0.996 / 0.976 with the twelfth to fifteenth held-out sets, measured unseen at the twelfth
    // freeze (1.000 / 0.993 over the sets tuned on); 1.000 / 0.983 tuned on them at the sixteenth;
    // 0.997 / 0.971 with the sixteenth to eighteenth, measured unseen there and not tuned on;
    // 1.000 / 0.979 tuned on them (and train-13) at the nineteenth freeze; 0.998 / 0.966 with the
    // nineteenth to twenty-first, measured unseen there and not tuned on; 0.997 / 0.984 with the
    // learned model near the bar (likeness.ts), fitted on every set; 0.999 / 0.984 with holdout-20's
    // false copies tuned on.
    // 0.994 / 0.956 with the twenty-second to thirtieth sets (1,440 pairs, nine hands), measured
    // unseen at the twenty-second freeze and not tuned on; 0.998 / 0.979 tuned on them at the
    // thirty-first (republication edits read as no swap, one unit's name in two provinces, the
    // model refitted over 29 writers with its floor at 0.25).
    // 0.992 / 0.972 with the thirty-first to thirty-fourth sets, measured unseen at the
    // thirty-first freeze and not tuned on; 0.996 / 0.975 tuned on them at the thirty-fifth (steps
    // of one event's life, a unit named by a neighbour's tail, one amount written two ways).
    // 0.996 / 0.970 with the thirty-fifth to thirty-seventh, measured unseen at the thirty-fifth
    // freeze; 0.996 / 0.971 tuned on them at the thirty-eighth (enrolment a step of its own, a
    // notice or a cut-off told in other words, a province's prefix for its commune); 0.996 / 0.970
    // with the thirty-eighth to fortieth sets, measured unseen there and not tuned on; 0.995 / 0.967
    // with the forty-first to forty-third, the same; 0.995 / 0.967 with holdout-44, measured before
    // any change at 7d74e82; 0.996 / 0.967 tuned on it (an event called off, the Front as an
    // authority, a programme launched or done, a post's kind word); 0.998 / 0.967 with a day
    // written with a dash in a sentence's lead read as the event's day.
    expect(all.precision).toBeGreaterThanOrEqual(0.998);
    expect(all.recall).toBeGreaterThanOrEqual(0.965);
    for (const bar of bars) {
      const score = await scorePairs(local.filter((p) => p.set === bar.set));
      expect(score.precision, `${bar.set} (${bar.note})`).toBeGreaterThanOrEqual(bar.precision);
      expect(score.recall, `${bar.set} (${bar.note})`).toBeGreaterThanOrEqual(bar.recall);
    }
  }, 60_000); // every local pair through the matcher, each as two refresh runs: seconds on a loaded machine.
});

/**
 * What portals do to a text they republish, as general edits: the title in capitals, the
 * summary's hedge before an amount swapped ("khoảng" / "gần"), the summary cut short by a
 * portal (often inside a name), a verb or a measure word for its synonym.
 */
const REPUBLISHED: Record<string, (x: LabelledPair['a']) => LabelledPair['a']> = {
  capitals: (x) => ({ ...x, title: x.title.toUpperCase() }),
  hedge: (x) => ({ ...x, summary: x.summary.replace(/(?<![\p{L}\p{M}])(?:khoảng|gần|hơn) (?=\d)/u, (h) => (h.startsWith('khoảng') ? 'gần ' : 'khoảng ')) }),
  cut: (x) => ({ ...x, summary: x.summary.length > 120 ? `${x.summary.slice(0, Math.floor(x.summary.length * 0.6))}…` : x.summary }),
  synonym: (x) => ({ ...x, title: x.title.replace(/ làm (?=\d)/u, ' khiến ').replace(/ suất /u, ' phần ').replace(/ tổ chức /u, ' tiến hành '), summary: x.summary.replace(/ suất /u, ' phần ') }),
};

/**
 * Share of texts an edit may lose: capitals change a few titles' codes and numerals; a cut loses
 * four of about 6,200 texts (of holdout-14, -31 to -34, -39 and -41 to -43, the last three unseen
 * at their freezes), cut inside a list of units or a name.
 */
const LOSS_ALLOWED: Record<string, number> = { capitals: 0.002, cut: 0.0007 };

describe('every labelled text republished with a portal\'s edits, through the matcher a refresh runs', () => {
  it('keeps the republished text a copy of its source (capitals: all but a few titles whose codes and numerals capitals change)', async () => {
    const sides = local.map((p) => p.a);
    for (const [edit, republish] of Object.entries(REPUBLISHED)) {
      let tried = 0;
      const lost: string[] = [];
      for (const a of sides) {
        const b = { ...republish(a), sourceId: `${a.sourceId}-copy`, published: new Date(Date.parse(a.published) + 6 * 3600_000).toISOString() };
        if (b.title === a.title && b.summary === a.summary) continue;
        tried++;
        if (!(await matchedAsCopies({ set: edit, a, b, same: true, note: a.title }))) lost.push(a.title);
      }
      expect(tried, edit).toBeGreaterThan(300);
      expect(lost.length / tried, `${edit}: ${lost.join(' / ')}`).toBeLessThanOrEqual(LOSS_ALLOWED[edit] ?? 0);
    }
  }, 120_000);
});

describe('near-duplicate detection on the hand-labelled pairs, through the matcher a refresh runs', () => {
  it('has an honest fixture set: at least 40 pairs, about half copies, each pair from two sources', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(40);
    const copies = pairs.filter((p) => p.same).length;
    expect(copies / pairs.length).toBeGreaterThan(0.4);
    expect(copies / pairs.length).toBeLessThan(0.6);
    for (const p of pairs) expect(p.a.sourceId).not.toBe(p.b.sourceId);
  });

  // Precision 1.000, recall 0.940 now (0.978 / 0.900 before retellings were taken by their
  // figures and names). Still missed: a province's release republished by a portal that names only
  // its own district or commune, which the matcher keeps apart as it must keep a province's
  // routine item from a ward's; a copy whose figures are written another way.
  it('reaches precision ≥ 0.99 and recall ≥ 0.93', async () => {
    const all = await scorePairs(pairs);
    for (const set of ['tuning', 'holdout-1', 'holdout-2']) console.log(formatScore(`stories ${set}`, await scorePairs(pairs.filter((p) => p.set === set))));
    console.log(`${formatScore('stories all', all)}\n  ${all.misses.join('\n  ')}`);
    expect(all.precision).toBeGreaterThanOrEqual(0.99);
    expect(all.recall).toBeGreaterThanOrEqual(0.93);
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
      all: [stored('a', 'hdnd', s14, at(0), 'g'), stored('g', 'tinh-backan', unnumbered, at(0)), stored('old', 'tinhuy-backan', RELEASE, at(-4, 6)), stored('near', 'na-ri', COPY_2, at(0), 'old')],
    });
    const session = fresh('b', 'baobackan', s15, at(1));
    // Like the copy of a day ago, but the story began five calendar days before it.
    const late = fresh('d1', 'cho-don', COPY_1, at(1, 8));
    await matcher.assign([session, late], ['all']);
    expect(session.storyId).toBeUndefined();
    expect(late.storyId).toBeUndefined();
  });

  it('groups a chain of three copies from three sources into one story', async () => {
    const { matcher } = matcherOver({});
    const first = fresh('p', 'tinhuy-backan', RELEASE, at(0));
    const second = fresh('d1', 'cho-don', COPY_1, at(1));
    const third = fresh('d2', 'na-ri', COPY_2, at(2));
    const other = fresh('x', 'cho-don-2', OTHER, at(1));
    await matcher.assign([first], ['all']);
    await matcher.assign([second, other], ['all']);
    await matcher.assign([third], ['all']);
    expect([second.storyId, third.storyId]).toEqual(['p', 'p']);
    expect(other.storyId).toBeUndefined();
  });

  it('takes a republication up to four calendar days later in Vietnam, not five', async () => {
    // 22:30 on 12 November in Vietnam, then 07:00 on the 16th (80.5 hours) and on the 17th.
    const day0 = '2024-11-12T15:30:00Z';
    const { matcher } = matcherOver({ all: [stored('p', 'tinhuy-backan', RELEASE, day0)] });
    const inside = fresh('d1', 'cho-don', COPY_1, '2024-11-16T00:00:00Z');
    const outside = fresh('d2', 'na-ri', COPY_2, '2024-11-17T00:00:00Z');
    await matcher.assign([inside, outside], ['all']);
    expect(inside.storyId).toBe('p');
    expect(outside.storyId).toBeUndefined();
  });

  it('keeps every copy of a story within the window of each other, not just neighbours', async () => {
    const { matcher } = matcherOver({});
    const a = fresh('a', 's1', RELEASE, at(0));
    const b = fresh('b', 's2', RELEASE, at(3));
    const c = fresh('c', 's3', RELEASE, at(6));
    for (const x of [a, b, c]) await matcher.assign([x], ['all']);
    expect(b.storyId).toBe('a');
    expect(c.storyId).toBeUndefined();
  });

  it('finds a copy among many look-alike items of other places in the window, and merges none of them', async () => {
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
      return fresh(`f${i}`, `xa-${i % 30}`, { title: `Xã ${commune} ${event}`, summary: `Ngày ${12 + (i % 3)}/11, xã ${commune} ${event} với sự tham gia của đông đảo nhân dân.` }, at(i % 3, i % 24));
    });
    const { matcher } = matcherOver({});
    const release = fresh('p', 'tinhuy-backan', RELEASE, at(0));
    const copy = fresh('d1', 'cho-don', COPY_1, at(1));
    await matcher.assign([release, ...filler], ['all']);
    await matcher.assign([copy], ['all']);
    expect(copy.storyId).toBe('p');
    expect(filler.filter((f) => f.storyId)).toEqual([]);
  });
});

describe('a day of routine postings from many portals', () => {
  // Every portal posts 30 routine items a day about its own place, from the same templates.
  const portals = [
    { id: 'tinh-thainguyen', level: 'tỉnh', place: 'Thái Nguyên' },
    { id: 'tinh-caobang', level: 'tỉnh', place: 'Cao Bằng' },
    { id: 'huyen-cho-don', level: 'huyện', place: 'Chợ Đồn' },
    { id: 'huyen-na-ri', level: 'huyện', place: 'Na Rì' },
    { id: 'huyen-ba-be', level: 'huyện', place: 'Ba Bể' },
    { id: 'huyen-hoa-an', level: 'huyện', place: 'Hòa An' },
    { id: 'xa-bang-van', level: 'xã', place: 'Bằng Vân' },
    { id: 'xa-thuong-quan', level: 'xã', place: 'Thượng Quan' },
    { id: 'xa-phong-quang', level: 'xã', place: 'Phong Quang' },
    { id: 'xa-nghien-loan', level: 'xã', place: 'Nghiên Loan' },
    { id: 'phuong-duc-xuan', level: 'phường', place: 'Đức Xuân' },
    { id: 'phuong-gia-sang', level: 'phường', place: 'Gia Sàng' },
  ];
  const templates: Array<(l: string, p: string, k: number) => [string, string]> = [
    (l, p, k) => [`Lịch công tác tuần ${48 + k} của lãnh đạo UBND ${l} ${p}`, `Lịch công tác tuần ${48 + k} của Thường trực UBND ${l}.`],
    (l, p, k) => [`Thông báo kết quả giải quyết thủ tục hành chính ngày ${k + 1}/12 tại ${l} ${p}`, `Bộ phận một cửa ${l} ${p} tiếp nhận ${20 + k} hồ sơ, giải quyết đúng hạn 100%.`],
    (l, p) => [`Thông báo lịch tiếp công dân của Chủ tịch UBND ${l} ${p}`, `Chủ tịch UBND ${l} ${p} tiếp công dân định kỳ vào thứ Năm hằng tuần.`],
    (l, p) => [`${p}: Tổ chức ra quân tổng vệ sinh môi trường`, `Cán bộ và nhân dân ${l} ${p} ra quân tổng vệ sinh môi trường, khơi thông cống rãnh.`],
    (l, p) => [`UBND ${l} ${p} họp giao ban công tác tháng 12`, `UBND ${l} ${p} họp giao ban, đánh giá kết quả thực hiện nhiệm vụ tháng 11 và triển khai nhiệm vụ tháng 12.`],
    (l, p) => [`Kiểm tra công tác phòng cháy, chữa cháy tại ${l} ${p}`, `Đoàn kiểm tra làm việc với ${l} ${p} về công tác phòng cháy, chữa cháy mùa hanh khô.`],
    (l, p) => [`Tập huấn chuyển đổi số cho cán bộ ${l} ${p}`, `${l[0].toUpperCase()}${l.slice(1)} ${p} tổ chức tập huấn kỹ năng số cho cán bộ, công chức.`],
    (l, p) => [`${l[0].toUpperCase()}${l.slice(1)} ${p} triển khai tiêm phòng cho đàn gia súc đợt 2 năm 2025`, `${l[0].toUpperCase()}${l.slice(1)} ${p} triển khai tiêm phòng lở mồm long móng cho đàn trâu, bò đợt 2 năm 2025.`],
    (l, p) => [`Hội nghị giao ban công tác dân vận ${l} ${p}`, `Ban Dân vận ${l} ${p} tổ chức hội nghị giao ban công tác dân vận quý IV năm 2025.`],
    (l, p) => [`${p} tiếp xúc cử tri trước kỳ họp cuối năm`, `Đại biểu HĐND ${l} ${p} tiếp xúc cử tri trước kỳ họp thường lệ cuối năm 2025.`],
  ];
  const day = (hour: number, minute: number) => new Date(Date.UTC(2025, 11, 1, hour - 7, minute)).toISOString();
  const filler = portals.flatMap((p, i) =>
    Array.from({ length: 30 }, (_, k) => {
      const [title, summary] = templates[k % templates.length](p.level, p.place, Math.floor(k / templates.length));
      return { article: { id: `${p.id}-${k}`, sourceId: p.id, title, summary, published: day(7 + (k % 10), (i * 4 + k) % 60) } as Article, place: p.place };
    }),
  );
  /** News republished by other portals of the day: each a story. */
  const news = [
    [RELEASE, COPY_1, COPY_2].map((t, k) => ({ id: `release-${k}`, sourceId: ['tinh-thainguyen', 'huyen-cho-don', 'xa-bang-van'][k], ...t, published: day(8 + k, 5) }) as Article),
    [
      { id: 'flood-0', sourceId: 'tinh-caobang', title: 'Cao Bằng hỗ trợ 2 tỷ đồng khắc phục hậu quả sạt lở tại xã Nam Tuấn', summary: 'UBND tỉnh Cao Bằng quyết định hỗ trợ 2 tỷ đồng giúp người dân xã Nam Tuấn khắc phục hậu quả sạt lở đất.', published: day(9, 30) },
      { id: 'flood-1', sourceId: 'huyen-hoa-an', title: 'Hỗ trợ 2 tỷ đồng giúp xã Nam Tuấn khắc phục sạt lở đất', summary: 'UBND tỉnh vừa hỗ trợ 2 tỷ đồng giúp người dân xã Nam Tuấn khắc phục hậu quả sạt lở đất.', published: day(14, 0) },
    ] as Article[],
  ];

  async function runDay(articles: Article[]) {
    const matcher = storyMatcher(async () => []);
    const copies = articles.map((a) => ({ ...a }));
    // One refresh an hour, each taking what was published since the last.
    for (let hour = 0; hour < 24; hour++) {
      const batch = copies.filter((a) => new Date(a.published).getUTCHours() === hour).sort((x, y) => x.published.localeCompare(y.published));
      await matcher.assign(batch, ['all']);
    }
    const stories = new Map<string, Article[]>();
    for (const a of copies) stories.set(a.storyId ?? a.id, [...(stories.get(a.storyId ?? a.id) ?? []), a]);
    return [...stories.values()].filter((s) => s.length > 1);
  }

  it('merges no two items of different places, and the same stories with the filler as without it', async () => {
    const without = await runDay(news.flat());
    const withFiller = await runDay([...news.flat(), ...filler.map((f) => f.article)]);
    console.log(`merged stories of the day: ${without.length} without the filler, ${withFiller.length} with ${filler.length} filler items from ${portals.length} portals`);
    expect(without.map((s) => s.map((a) => a.id).sort())).toEqual([['release-0', 'release-1', 'release-2'], ['flood-0', 'flood-1']]);
    expect(withFiller.map((s) => s.map((a) => a.id).sort())).toEqual(without.map((s) => s.map((a) => a.id).sort()));
  });
});

describe('indexes kept between runs (a warm isolate)', () => {
  /** Snapshots as the store writes them: newest first (ties by id), capped; the text is what a run reads. */
  const snapshotOf = (articles: StoredStory[], cap: number) => {
    const kept = [...articles].sort((a, b) => (a.published !== b.published ? (a.published < b.published ? 1 : -1) : a.id < b.id ? -1 : 1)).slice(0, cap);
    return JSON.stringify({ version: `v${articles.length}`, updated: '', members: {}, sources: {}, articles: kept });
  };
  /** Two scopes as a refresh reads them: the country's newest and a province's, which reaches further back for its portals. */
  const scopesOf = (stored: StoredStory[]) => ({
    all: snapshotOf(stored, 90),
    province: snapshotOf(stored.filter((a) => Number(a.sourceId.slice(7)) % 2 === 0), 70),
  });
  const fresh = (id: string, sourceId: string, text: { title: string; summary: string }, published: string) =>
    ({ id, sourceId, ...text, published }) as Article;
  const stream = storyStream({ seed: 7, count: 420, start: Date.parse('2026-03-02T00:00:00Z') });

  /**
   * A day's runs over the stream: each run takes the next 1–12 articles (every fifth run one
   * published a day earlier) and stores them (its snapshots then hold them), except every seventh run, whose store fails (the next run reads the
   * same snapshots); every eleventh run the store also edits an older article's summary. The runs'
   * matchers read the snapshots through `read`; returns every article's story id, and how many
   * times a snapshot's articles were parsed.
   */
  async function runs(read: (text: string) => StoredStory[] | SnapshotScope, scope: string) {
    let stored: StoredStory[] = [];
    const ids: Record<string, string | undefined> = {};
    let parsed = 0;
    let changes = 0;
    let texts = scopesOf(stored);
    for (let at = 0, run = 1; at < stream.length; run++) {
      const batch = stream.slice(at, (at += 1 + (run % 12))).map((a) => ({ ...a }));
      // A portal that publishes late: older than articles already stored.
      if (run % 5 === 0) batch[0].published = new Date(Date.parse(batch[0].published) - 30 * 3600_000).toISOString();
      const counting = (text: string): ScopeRead => {
        const r = read(text);
        return Array.isArray(r) ? r : { stored: r.stored, articles: () => (parsed++, r.articles()) };
      };
      // Few candidates a feature: which ones a run takes depends on the index's order, as it must.
      const matcher = storyMatcher(async (key) => counting(texts[key.slice(scope.length) as 'all' | 'province']), { perKey: 4 });
      // Two sources at a time, as a run's sources are matched.
      for (let k = 0; k < batch.length; k += 2) await matcher.assign(batch.slice(k, k + 2), [`${scope}all`, `${scope}province`]);
      for (const a of batch) ids[a.id] = a.storyId;
      if (run % 7 === 0) continue;
      stored = [...stored, ...batch.map(({ id, sourceId, title, summary, published, storyId }) => ({ id, sourceId, title, summary, published, storyId }))];
      if (run % 11 === 0) stored = stored.map((a, i) => (i === stored.length - 20 ? { ...a, summary: `${a.summary} Cập nhật thêm thông tin.` } : a));
      texts = scopesOf(stored);
      changes++;
    }
    return { ids, parsed, changes };
  }

  it('gives every new article the story a run building its index from scratch gives, and parses a snapshot only when it changed', async () => {
    const anew = await runs((text) => JSON.parse(text).articles as StoredStory[], 'anew:');
    const kept = await runs((text) => ({ stored: storedAs(text), articles: () => JSON.parse(text).articles as StoredStory[] }), 'kept:');
    const joined = Object.values(anew.ids).filter(Boolean).length;
    console.log(`${stream.length} articles over ${anew.changes} snapshot changes: ${joined} joined a story; snapshots parsed ${kept.parsed} times kept`);
    expect(joined).toBeGreaterThan(60);
    expect(kept.ids).toEqual(anew.ids);
    // Each scope's snapshot is parsed once per change, never for a run that finds it unchanged.
    expect(kept.parsed).toBeLessThanOrEqual(2 * (anew.changes + 1));
  });

  it('does not keep what a run stored: a copy arriving after a failed store finds no story in it', async () => {
    const text = snapshotOf([{ id: 'x', sourceId: 'cho-don-2', ...OTHER, published: at(0) }], 90);
    const read = async (): Promise<ScopeRead> => ({ stored: storedAs(text), articles: () => JSON.parse(text).articles });
    const first = fresh('p', 'tinhuy-backan', RELEASE, at(0));
    await storyMatcher(read).assign([first], ['leak:all']);
    // Its store failed: the next run reads the same snapshot, which does not hold "p".
    const copy = fresh('d1', 'cho-don', COPY_1, at(1));
    await storyMatcher(read).assign([copy], ['leak:all']);
    expect(copy.storyId).toBeUndefined();
    // The same run, had it read "p" stored, would have joined it.
    const stored = snapshotOf([{ id: 'x', sourceId: 'cho-don-2', ...OTHER, published: at(0) }, { id: 'p', sourceId: 'tinhuy-backan', ...RELEASE, published: at(0) }], 90);
    const again = fresh('d1', 'cho-don', COPY_1, at(1));
    await storyMatcher(async () => ({ stored: storedAs(stored), articles: () => JSON.parse(stored).articles })).assign([again], ['leak:all']);
    expect(again.storyId).toBe('p');
  });

  it('matches against the snapshot each run read, when two runs of one isolate overlap', async () => {
    const older = snapshotOf([{ id: 'p', sourceId: 'tinhuy-backan', ...RELEASE, published: at(0) }], 90);
    const newer = snapshotOf([{ id: 'x', sourceId: 'cho-don-2', ...OTHER, published: at(1) }], 90);
    const reading = (text: string) => async (): Promise<ScopeRead> => ({ stored: storedAs(text), articles: () => JSON.parse(text).articles });
    const slow = storyMatcher(reading(older));
    await slow.assign([fresh('o', 'ba-be', { title: 'Ba Bể đón đoàn khách quốc tế', summary: 'Huyện Ba Bể đón đoàn khách du lịch.' }, at(1))], ['overlap:all']);
    // Another run reads the newer snapshot (its release no longer in it) and matches meanwhile.
    const other = fresh('d2', 'na-ri', COPY_2, at(1));
    await storyMatcher(reading(newer)).assign([other], ['overlap:all']);
    expect(other.storyId).toBeUndefined();
    // The first run goes on with what it read.
    const copy = fresh('d1', 'cho-don', COPY_1, at(1));
    await slow.assign([copy], ['overlap:all']);
    expect(copy.storyId).toBe('p');
  });
});

describe('a cold isolate bounded in what one run indexes', () => {
  it('compares new articles with the newest stored ones first, and with the rest as later runs index them', async () => {
    forgetKept();
    const release = { id: 'p', sourceId: 'tinhuy-backan', ...RELEASE, published: at(0) };
    // 45 newer articles of the province's portals, published after the release the same day and the next.
    const newer = storyStream({ seed: 21, count: 45, start: Date.parse(at(0)) + 60_000 }).map(({ id, sourceId, title, summary, published }) => ({ id, sourceId, title, summary, published }));
    const text = JSON.stringify({ version: 'v1', updated: '', members: {}, sources: {}, articles: [...newer].reverse().concat(release) });
    const read = async (): Promise<ScopeRead> => ({ stored: storedAs(text), articles: () => JSON.parse(text).articles });
    const joined: Array<string | undefined> = [];
    for (let run = 0; run < 3; run++) {
      const copy = { id: `d${run}`, sourceId: 'cho-don', ...COPY_1, published: at(1) } as Article;
      await storyMatcher(read, { indexPerRun: 20 }).assign([copy], ['cold:all']);
      joined.push(copy.storyId);
    }
    // The release is the 46th newest: indexed by the third run.
    expect(joined).toEqual([undefined, undefined, 'p']);
  });
});
