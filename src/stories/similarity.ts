import { anchored, ANCHORED_FLOOR } from './anchors';
import { askable, learnedCopy, sharedWeight, type WordParts } from './likeness';
import { daysDiffer, measuresDiffer } from './figures';
import { negationDiffers } from './negation';
import { numberDropped } from './numbers';
import { subjectsDiffer } from './subjects';
import { tellsOf } from './places';
import { provincesDiffer } from './provinces';
import { slotsDiffer } from './slots';
import { COURSES, latestStage, TOLD, TOLD_SUCCEEDED } from './stages';
import { swappedSpan } from './templates';
import { sharedWeight as sharedVectorWeight, type Vectors } from './vectors';
import type { Fingerprint, NameKind } from './types';

/** Under keys both name, each names a value the other does not ("lần thứ 15" / "lần thứ 16"). */
function eachNamesAnother(a: Map<string, Set<string>>, b: Map<string, Set<string>>): boolean {
  let aOnly = false;
  let bOnly = false;
  for (const [key, sa] of a) {
    const sb = b.get(key);
    if (!sb) continue;
    for (const v of sa) if (!sb.has(v)) aOnly = true;
    for (const v of sb) if (!sa.has(v)) bOnly = true;
  }
  return aOnly && bOnly;
}

/** Some name of one text, of this kind, that the other never tells of, under any kind word or none. */
function untoldName(kind: NameKind, x: Fingerprint, y: Fingerprint): boolean {
  for (const n of x.names[kind]) {
    if (!tellsOf(n, y.text)) return true;
  }
  return false;
}

const NAME_KINDS: readonly NameKind[] = ['people', 'bodies'];

/** Two titles telling opposite stages ("khai mạc" / "bế mạc"), or one telling a stage the other text never tells. */
function stagesDiffer(a: Fingerprint, b: Fingerprint): boolean {
  for (const [group, sa] of a.titleStages) {
    const sb = b.titleStages.get(group);
    if (sb && ![...sa].some((v) => sb.has(v)) && !toldAlike(group, a, sa, b, sb)) return true;
  }
  const untold = (x: Fingerprint, y: Fingerprint) =>
    y.summary.size > 0 && [...(x.titleStages.get('stage') ?? [])].some((v) => TOLD.has(v) && !y.stages().get('stage')?.has(v) && !(v === 'close' && TOLD_SUCCEEDED.test(y.markedText)));
  return untold(a, b) || untold(b, a);
}

/**
 * Two titles telling different stages of a group that the whole texts tell alike: an incident's
 * course whose latest stage both texts reach (one title tells the fire, the other its putting
 * out, both summaries both), or an event named without its age group by a title whose text
 * names the other title's ("giải bóng đá hè" / "Giải bóng đá thiếu niên hè").
 */
function toldAlike(group: string, a: Fingerprint, sa: Set<string>, b: Fingerprint, sb: Set<string>): boolean {
  // A case's arrests and charges come in either order (a case charged, then suspects arrested and charged): no latest tells it.
  if (COURSES.has(group) && group !== 'case') {
    const [la, lb] = [a.stages().get(group), b.stages().get(group)];
    return !!la && !!lb && latestStage(group, la) === latestStage(group, lb);
  }
  if (group !== 'age') return false;
  const namesAll = (x: Fingerprint, sx: Set<string>, sy: Set<string>) => sx.size === 1 && sx.has('all') && [...sy].every((v) => x.stages().get(group)?.has(v));
  return namesAll(a, sa, sb) || namesAll(b, sb, sa);
}

/**
 * Two texts are different stories however alike their words when each names a number the
 * other does not for the same thing (session 14 / 15, October / November, thôn 2 / thôn 5,
 * Công văn 112 / 118), names a different thing in the same slot (xã Bằng Vân / xã Thượng
 * Quan, cầu Bình Ca / cầu Tình Húc; one shared name does not cancel a differing one) or a
 * different person, or their titles are one template with a thing swapped, or tell different
 * stages. The first are cheap and most pairs that differ differ there: asked first.
 */
export function conflicting(a: Fingerprint, b: Fingerprint): boolean {
  return namesDiffer(a, b) || wordsDiffer(a, b);
}

function namesDiffer(a: Fingerprint, b: Fingerprint): boolean {
  return (
    daysDiffer(a.figures, b.figures) ||
    measuresDiffer(a.figures, b.figures) ||
    eachNamesAnother(a.numbers, b.numbers) ||
    numberDropped(a.numberedNames, b.text, b.numberedNames) ||
    numberDropped(b.numberedNames, a.text, a.numberedNames) || slotsDiffer(a, b) || NAME_KINDS.some((k) => untoldName(k, a, b) && untoldName(k, b, a)) || provincesDiffer(a, b)
  );
}

function wordsDiffer(a: Fingerprint, b: Fingerprint): boolean {
  return swappedSpan(a, b) || stagesDiffer(a, b) || negationDiffers(a, b) || subjectsDiffer(a, b);
}

/*
 * Title coverage: how much each title is told by the other item. A republisher rewords,
 * shortens or extends a title, but what it says is in the other copy's title or summary. The
 * lesser direction counts, so a short generic title does not vouch for a long specific one.
 */

/** Share of the score that is the title's alone (the title also counts in the whole text). */
export const TITLE_SHARE = 0.4;
/** Containment is lenient (a short text is easily contained): damp it. */
const CONTAINMENT_DAMPING = 0.8;

/**
 * How alike two items are, 0…1: 0.4 × title coverage + 0.6 × weighted Jaccard of the whole
 * texts (title and summary). When one side has no summary, a Jaccard would punish the missing
 * text, so the whole-text part is a damped containment instead. 0 for conflicting items
 * that would reach SAME_STORY_THRESHOLD.
 * Weights and threshold were tuned on tests/fixtures/stories/pairs.json (see its notes).
 */
export function similarity(a: Fingerprint, b: Fingerprint): number {
  const score = resemblance(a, b);
  return score >= SAME_STORY_THRESHOLD && conflicting(a, b) ? 0 : score;
}

/**
 * The score alone, conflicts not asked: most pairs a new article meets are far apart, and what
 * tells look-alikes apart costs more than the words do, so it is asked only of the near ones.
 */
export function resemblance(a: Fingerprint, b: Fingerprint): number {
  return withAnchors(a, b, wordParts(a, b));
}

/** What the words of two items share (likeness.ts WordParts), from their fingerprints. */
export function wordParts(a: Fingerprint, b: Fingerprint): WordParts {
  return {
    titleA: a.titleWeight === 0 ? 0 : sharedWeight(a.title, b.all) / a.titleWeight,
    titleB: b.titleWeight === 0 ? 0 : sharedWeight(b.title, a.all) / b.titleWeight,
    shared: sharedWeight(a.all, b.all),
    wa: a.allWeight,
    wb: b.allWeight,
  };
}

/** The words' score alone: what the anchors and the learned model are asked to lift. */
export function wordScore(a: Fingerprint, b: Fingerprint): number {
  return scoreFrom(wordParts(a, b), comparable(a, b));
}

/**
 * Whether the whole texts are compared as equals (a Jaccard): both have a summary, neither cut
 * short by its portal. A cut summary tells only the start of the other's, like a missing one.
 */
const comparable = (a: Fingerprint, b: Fingerprint) => a.summary.size > 0 && b.summary.size > 0 && !a.cut && !b.cut;

/**
 * The same score from vectors under one run's ids (vectors.ts): what a matcher compares with.
 * A title shares with the other text at most what the whole texts share, so the whole texts are
 * compared first, and a pair that cannot reach the anchors' floor (anchors.ts) is scored by that
 * bound, without comparing its titles: most candidates a new article meets are far apart.
 */
export function vectorResemblance(a: Fingerprint, va: Vectors, b: Fingerprint, vb: Vectors): number {
  const shared = sharedVectorWeight(va.all, vb.all);
  const bothSummaries = comparable(a, b);
  const ta = va.title.total;
  const tb = vb.title.total;
  const wa = va.all.total;
  const wb = vb.all.total;
  const bound = scoreFrom({ titleA: ta === 0 ? 0 : Math.min(1, shared / ta), titleB: tb === 0 ? 0 : Math.min(1, shared / tb), shared, wa, wb }, bothSummaries);
  if (bound < ANCHORED_FLOOR) return bound;
  return withAnchors(a, b, {
    titleA: ta === 0 ? 0 : sharedVectorWeight(va.title, vb.all) / ta,
    titleB: tb === 0 ? 0 : sharedVectorWeight(vb.title, va.all) / tb,
    shared,
    wa,
    wb,
  });
}

/**
 * A retelling's words fall short of the bar, its figures and names do not (anchors.ts), or the
 * learned model takes it for a copy (likeness.ts): it scores just the bar, so a copy told in the
 * same words still comes first.
 */
function withAnchors(a: Fingerprint, b: Fingerprint, parts: WordParts): number {
  const score = scoreFrom(parts, comparable(a, b));
  return score < SAME_STORY_THRESHOLD && score >= ANCHORED_FLOOR && (anchored(a, b, score) || learned(a, b, score, parts)) ? SAME_STORY_THRESHOLD : score;
}

/**
 * The learned model's verdict (likeness.ts), asked of pairs without conflict as it was fitted:
 * the conflicts, cheap, turn away most look-alikes of one template before it weighs them.
 */
function learned(a: Fingerprint, b: Fingerprint, score: number, parts: WordParts): boolean {
  return askable(a, b, score) && !conflicting(a, b) && learnedCopy(a, b, score, parts);
}

/**
 * 0.4 × title coverage (the lesser of what each title shares with the other text) + 0.6 × the
 * whole texts' weighted Jaccard, or, when one side has no summary, their damped containment.
 */
function scoreFrom({ titleA, titleB, shared, wa, wb }: WordParts, bothSummaries: boolean): number {
  const smaller = Math.min(wa, wb);
  const whole = bothSummaries
    ? (wa + wb - shared <= 0 ? 0 : shared / (wa + wb - shared))
    : (smaller === 0 ? 0 : (CONTAINMENT_DAMPING * shared) / smaller);
  return TITLE_SHARE * Math.min(titleA, titleB) + (1 - TITLE_SHARE) * whole;
}

/** At or above this, two items from different sources within the window are one story. */
export const SAME_STORY_THRESHOLD = 0.5;
