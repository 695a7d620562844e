import type { Article } from '../../src/model';
import { storyMatcher } from '../../src/stories';

/** One side of a labelled pair: an article as a portal published it. */
export interface PairSide {
  sourceId: string;
  published: string;
  title: string;
  summary: string;
}

/** Two articles of two sources, labelled the same story or not, with why. */
export interface LabelledPair {
  set: string;
  a: PairSide;
  b: PairSide;
  same: boolean;
  note: string;
}

/**
 * The matcher's verdict on a pair, reached as a refresh reaches it: the earlier article is
 * stored by one run, the later one arrives in a later run and joins its story or not.
 */
export async function matchedAsCopies(p: LabelledPair): Promise<boolean> {
  const [first, second] = [p.a, p.b].sort((x, y) => Date.parse(x.published) - Date.parse(y.published));
  const matcher = storyMatcher(async () => []);
  const earlier = { id: 'first', ...first } as Article;
  const later = { id: 'second', ...second } as Article;
  await matcher.assign([earlier], ['all']);
  await matcher.assign([later], ['all']);
  return later.storyId === earlier.id;
}

export interface PairScore {
  pairs: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  /** The pairs judged wrongly, by their notes. */
  misses: string[];
}

export async function scorePairs(list: readonly LabelledPair[]): Promise<PairScore> {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const misses: string[] = [];
  for (const p of list) {
    const said = await matchedAsCopies(p);
    if (said && p.same) tp++;
    else if (said) {
      fp++;
      misses.push(`false copy [${p.set}]: ${p.note}`);
    } else if (p.same) {
      fn++;
      misses.push(`missed copy [${p.set}]: ${p.note}`);
    }
  }
  return { pairs: list.length, tp, fp, fn, precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1, misses };
}

export const formatScore = (label: string, s: PairScore) =>
  `${label}: ${s.pairs} pairs, precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;

const OLD_TONES: Record<string, string> = {
  òa: 'oà', óa: 'oá', ỏa: 'oả', õa: 'oã', ọa: 'oạ', òe: 'oè', óe: 'oé', ỏe: 'oẻ', õe: 'oẽ', ọe: 'oẹ',
  ùy: 'uỳ', úy: 'uý', ủy: 'uỷ', ũy: 'uỹ', ụy: 'uỵ',
  Òa: 'Oà', Óa: 'Oá', Ùy: 'Uỳ', Úy: 'Uý', Ủy: 'Uỷ',
};

/** What portals do to a text they republish: the transformations a pair file may name. */
function transform(side: PairSide, ops: string): PairSide {
  let { title, summary } = side;
  for (const m of ops.matchAll(/s\/([^/]*)\/([^/]*)\/|(\S+)/g)) {
    if (m[1] !== undefined) {
      title = title.replaceAll(m[1], m[2]);
      summary = summary.replaceAll(m[1], m[2]);
      continue;
    }
    const [op, arg] = m[3].split('=');
    if (op === 'caps-title') title = title.toUpperCase();
    else if (op === 'nfd') [title, summary] = [title.normalize('NFD'), summary.normalize('NFD')];
    else if (op === 'old-tones') [title, summary] = [title, summary].map((t) => t.replace(/[òóỏõọ][ae]|[ùúủũụ]y|[ÒÓ]a|[ÙÚỦ]y/g, (x) => OLD_TONES[x] ?? x));
    else if (op === 'cut') summary = `${summary.slice(0, Number(arg)).trimEnd()}…`;
    else if (op === 'no-summary') summary = '';
    else throw new Error(`unknown transformation "${m[3]}"`);
  }
  return { ...side, title, summary };
}

/** Vietnam wall time "2025-03-04 08:30" as an ISO instant. */
const vietnamTime = (s: string) => new Date(`${s.replace(' ', 'T')}:00+07:00`).toISOString();

/** Reads a pair file (format in its header). */
export function parsePairs(text: string): LabelledPair[] {
  const out: LabelledPair[] = [];
  let set = '';
  let pending: { same: boolean; note: string; a?: PairSide } | null = null;
  for (const [n, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    const fail = (why: string) => new Error(`pairs line ${n + 1}: ${why}: ${line}`);
    if (!line || line.startsWith('# ')) continue;
    if (line.startsWith('## ')) {
      set = line.slice(3).trim();
      continue;
    }
    const head = /^\* (same|diff): (.+)$/.exec(line);
    if (head) {
      if (pending) throw fail('previous pair unfinished');
      pending = { same: head[1] === 'same', note: head[2] };
      continue;
    }
    const side = /^([ab]) (\S+) (\d{4}-\d\d-\d\d \d\d:\d\d) (.*)$/.exec(line);
    if (!side || !pending) throw fail('unexpected line');
    const [, which, sourceId, when, rest] = side;
    const cut = rest.startsWith('~ ') ? 0 : rest.lastIndexOf(' ~ ');
    const body = cut < 0 ? rest : rest.slice(0, cut);
    const ops = cut < 0 ? '' : rest.slice(cut).replace(/^ ?~ /, '');
    let value: PairSide;
    if (body.startsWith('| ')) {
      const [title, summary = ''] = body.slice(2).split(' | ').map((s) => s.trim());
      value = { sourceId, published: vietnamTime(when), title, summary };
    } else {
      if (which !== 'b' || !pending.a) throw fail('a derived side needs an a side before it');
      value = { ...pending.a, sourceId, published: vietnamTime(when) };
    }
    value = transform(value, ops);
    if (which === 'a') pending.a = value;
    else {
      if (!pending.a) throw fail('b before a');
      out.push({ set, a: pending.a, b: value, same: pending.same, note: pending.note });
      pending = null;
    }
  }
  if (pending) throw new Error('last pair unfinished');
  return out;
}
