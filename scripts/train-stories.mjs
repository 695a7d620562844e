/**
 * Fits the learned second opinion of story matching (src/stories/likeness.ts) on the labelled
 * pairs, and measures it as unseen text meets it: leave-one-writer-out cross-validation over the
 * held-out sets (each by a different writer). For each set, the model is fitted on all the other
 * sets (the project's own pairs always among them) and the set judged through the matcher a
 * refresh runs. Pooled, that estimates precision and recall on a new writer's pairs. The rules
 * (anchors, conflicts) were tuned by hand on every set, the newest (the twenty-second to thirtieth)
 * least: their figures are printed apart. Offline.
 *
 *   node scripts/train-stories.mjs            # the CV figures, rules alone and with the model
 *   node scripts/train-stories.mjs --write    # and writes src/stories/learned.ts, fitted on all sets
 *
 * Options: --floor=0.25 (word similarity from which the model may lift a pair to the bar; no lower
 * than the anchors' floor, below which nothing is lifted), --cut=0.5 (log-odds from which it does), --l2=1 (ridge on standardized features), --verbose
 * (each verdict the model changes, by its pair's note).
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PAIRS = join(ROOT, 'tests/fixtures/stories');
const OUT = join(ROOT, 'src/stories/learned.ts');
const arg = (name, fallback) => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.slice(name.length + 3)) : fallback;
};
const FLOOR = arg('floor', 0.25);
const L2 = arg('l2', 1);
/** The log-odds at or above which the model takes a pair for one story (0.5: a probability of 0.62). */
const CUT = arg('cut', 0.5);
/** Other cuts whose pooled figures are printed beside it, to show the choice. */
const OTHER_CUTS = [0, 1, 2].filter((c) => c !== CUT);
const WRITE = process.argv.includes('--write');
const VERBOSE = process.argv.includes('--verbose');

const ENTRY = `
export { fingerprint } from './src/stories/fingerprint';
export { wordScore, wordParts, conflicting } from './src/stories/similarity';
export { anchored } from './src/stories/anchors';
export { pairFeatures, FEATURE_NAMES, askable } from './src/stories/likeness';
export { LEARNED } from './src/stories/learned';
export { parsePairs, matchedAsCopies } from './tests/helpers/story-pairs';
`;
const work = join(ROOT, 'node_modules/.cache/train-stories');
mkdirSync(work, { recursive: true });
const bundled = join(work, 'stories.mjs');
await build({ stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts' }, bundle: true, format: 'esm', platform: 'node', outfile: bundled, logLevel: 'error' });
const S = await import(pathToFileURL(bundled).href);

// The held-out sets, one writer each: the folds. The project's own pairs train every fold.
const heldOut = [];
const own = [];
for (const file of readdirSync(PAIRS).sort()) {
  if (!file.startsWith('pairs') || !file.endsWith('.txt')) continue;
  const list = S.parsePairs(readFileSync(join(PAIRS, file), 'utf8')).filter((p) => p.a.sourceId !== p.b.sourceId);
  (/^pairs-holdout-\d+\.txt$/.test(file) ? heldOut : own).push(...list);
}
own.push(...JSON.parse(readFileSync(join(PAIRS, 'pairs.json'), 'utf8')).map((p) => ({ ...p, set: `json-${p.set}` })));
const setNumber = (s) => Number(s.replace('holdout-', ''));
/** The newest sets (the last nine writers'): their figures are printed apart as well. */
const NEWEST = 22;
/** The sets written after the thirty-first freeze: printed apart too. */
const LATEST_SETS = 31;
/** The three sets written after the thirty-fifth freeze: printed apart too. */
const NEWEST_THREE = 35;
const folds = [...new Set(heldOut.map((p) => p.set))].sort((x, y) => setNumber(x) - setNumber(y));

const saved = { ...S.LEARNED };
const off = () => Object.assign(S.LEARNED, { floor: 1, cut: Infinity });
off();

// Every pair once: its features, and the rules' verdict through the matcher.
const rows = [];
for (const p of [...heldOut, ...own]) {
  const fa = S.fingerprint(p.a.title, p.a.summary);
  const fb = S.fingerprint(p.b.title, p.b.summary);
  const score = S.wordScore(fa, fb);
  S.LEARNED.floor = FLOOR;
  const band = score < 0.5 && S.askable(fa, fb, score) && !S.conflicting(fa, fb);
  S.LEARNED.floor = 1;
  rows.push({ p, set: p.set, same: p.same, rules: await S.matchedAsCopies(p), band, anchored: band && S.anchored(fa, fb, score), x: band ? S.pairFeatures(fa, fb, score, S.wordParts(fa, fb)) : null });
}
const names = S.FEATURE_NAMES;
const d = names.length;

function solve(A, b) {
  const n = b.length;
  const M = A.map((r, i) => [...r, b[i]]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[piv][c])) piv = r;
    [M[c], M[piv]] = [M[piv], M[c]];
    for (let r = 0; r < n; r++) {
      if (r === c || M[c][c] === 0) continue;
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
    }
  }
  return M.map((r, i) => (r[i] === 0 ? 0 : r[n] / r[i]));
}

/** L2-regularized logistic regression by Newton's method on standardized features; returns raw-scale weights and bias. */
function fit(train) {
  const mean = Array(d).fill(0);
  const sd = Array(d).fill(0);
  for (const r of train) r.x.forEach((v, i) => (mean[i] += v / train.length));
  for (const r of train) r.x.forEach((v, i) => (sd[i] += (v - mean[i]) ** 2 / train.length));
  for (let i = 0; i < d; i++) sd[i] = Math.sqrt(sd[i]) || 1;
  const z = train.map((r) => [1, ...r.x.map((v, i) => (v - mean[i]) / sd[i])]);
  const y = train.map((r) => (r.same ? 1 : 0));
  let w = Array(d + 1).fill(0);
  for (let it = 0; it < 30; it++) {
    const g = w.map((wi, i) => (i ? L2 * wi : 0));
    const H = w.map((_, i) => w.map((_, j) => (i === j && i ? L2 : 0)));
    for (let n = 0; n < z.length; n++) {
      let s = 0;
      for (let i = 0; i <= d; i++) s += w[i] * z[n][i];
      const pr = 1 / (1 + Math.exp(-s));
      for (let i = 0; i <= d; i++) {
        g[i] += (pr - y[n]) * z[n][i];
        for (let j = 0; j <= d; j++) H[i][j] += pr * (1 - pr) * z[n][i] * z[n][j];
      }
    }
    const step = solve(H, g);
    w = w.map((wi, i) => wi - step[i]);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  const weights = w.slice(1).map((wi, i) => wi / sd[i]);
  const bias = w[0] - weights.reduce((s, wi, i) => s + wi * mean[i], 0);
  return { weights, bias };
}

const logit = (m, x) => x.reduce((s, v, i) => s + m.weights[i] * v, m.bias);

/** A model fitted on these sets alone. */
function train(sets, cut) {
  return { ...fit(rows.filter((r) => r.band && sets.has(r.set))), cut };
}

async function judge(set, model, tell = VERBOSE) {
  Object.assign(S.LEARNED, { weights: model.weights, bias: model.bias, floor: FLOOR, cut: model.cut });
  const out = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const r of rows.filter((x) => x.set === set)) {
    // The model only lifts in-band pairs the rules kept apart; every other verdict stands.
    const said = r.band && !r.rules ? await S.matchedAsCopies(r.p) : r.rules;
    if (tell && said !== r.rules) console.log(`  ${r.same ? 'joined copy' : 'FALSE COPY'} [${set}]: ${r.p.note}`);
    out[said ? (r.same ? 'tp' : 'fp') : r.same ? 'fn' : 'tn']++;
  }
  off();
  return out;
}

const rulesOf = (set) => {
  const out = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const r of rows.filter((x) => x.set === set)) out[r.rules ? (r.same ? 'tp' : 'fp') : r.same ? 'fn' : 'tn']++;
  return out;
};
const pr = (c) => `${(c.tp / (c.tp + c.fp || 1)).toFixed(3)} / ${(c.tp / (c.tp + c.fn || 1)).toFixed(3)}`;
const add = (x, y) => ({ tp: x.tp + y.tp, fp: x.fp + y.fp, fn: x.fn + y.fn, tn: x.tn + y.tn });
const zero = { tp: 0, fp: 0, fn: 0, tn: 0 };

console.log(`pairs: ${rows.length} (${heldOut.length} held-out in ${folds.length} sets), in the band [${FLOOR}, 0.5) without conflict: ${rows.filter((r) => r.band).length}`);
console.log(`floor ${FLOOR}, cut ${CUT}, l2 ${L2}\n`);
console.log('| set | rules P / R | with the model P / R (fitted without the set) |');
console.log('|---|---|---|');
let before = zero;
let after = zero;
let beforeUnseen = zero;
let afterUnseen = zero;
let beforeLatest = zero;
let afterLatest = zero;
let beforeNewest = zero;
let afterNewest = zero;
const all = new Set(rows.map((r) => r.set));
for (const set of folds) {
  const model = train(new Set([...all].filter((s) => s !== set)), CUT);
  const b = rulesOf(set);
  const a = await judge(set, model);
  before = add(before, b);
  after = add(after, a);
  if (setNumber(set) >= NEWEST) {
    beforeUnseen = add(beforeUnseen, b);
    afterUnseen = add(afterUnseen, a);
  }
  if (setNumber(set) >= LATEST_SETS) {
    beforeLatest = add(beforeLatest, b);
    afterLatest = add(afterLatest, a);
  }
  if (setNumber(set) >= NEWEST_THREE) {
    beforeNewest = add(beforeNewest, b);
    afterNewest = add(afterNewest, a);
  }
  console.log(`| ${set} | ${pr(b)} | ${pr(a)} (tp ${a.tp}, fp ${a.fp}, fn ${a.fn}) |`);
}
console.log(`\npooled over ${folds.length} sets: rules ${pr(before)} (fp ${before.fp}, fn ${before.fn}); with the model ${pr(after)} (fp ${after.fp}, fn ${after.fn})`);
console.log(`holdout-${NEWEST} to -${setNumber(folds[folds.length - 1])} (the sets the rules were tuned on least): rules ${pr(beforeUnseen)}; with the model ${pr(afterUnseen)}`);
console.log(`holdout-${LATEST_SETS} to -${setNumber(folds[folds.length - 1])}: rules ${pr(beforeLatest)}; with the model ${pr(afterLatest)} (fp ${afterLatest.fp}, fn ${afterLatest.fn})`);
console.log(`holdout-${NEWEST_THREE} to -${setNumber(folds[folds.length - 1])}: rules ${pr(beforeNewest)}; with the model ${pr(afterNewest)} (fp ${afterNewest.fp}, fn ${afterNewest.fn})`);

for (const cut of OTHER_CUTS) {
  let pooled = zero;
  let unseen = zero;
  for (const set of folds) {
    const a = await judge(set, train(new Set([...all].filter((s) => s !== set)), cut), false);
    pooled = add(pooled, a);
    if (setNumber(set) >= NEWEST) unseen = add(unseen, a);
  }
  console.log(`  at cut ${cut}: pooled ${pr(pooled)}, holdout-${NEWEST} on ${pr(unseen)}`);
}

const final = train(all, CUT);
console.log(`\nfitted on all sets: bias ${final.bias.toFixed(3)}`);
names.forEach((n, i) => console.log(`  ${n.padEnd(14)} ${final.weights[i].toFixed(3)}`));
Object.assign(S.LEARNED, saved);
if (WRITE) {
  const num = (v) => Number(v.toFixed(4));
  writeFileSync(
    OUT,
    `// Generated by \`node scripts/train-stories.mjs --write\` (fitted on every labelled pair in
// tests/fixtures/stories): do not edit by hand. Leave-one-writer-out cross-validation of this
// model (same script): pooled precision ${(after.tp / (after.tp + after.fp)).toFixed(3)}, recall ${(after.tp / (after.tp + after.fn)).toFixed(3)} over ${folds.length} held-out sets.

/** The logistic model of likeness.ts: one weight per feature (FEATURE_NAMES' order), the bias, its floor and cut. */
export const LEARNED = {
  weights: [${final.weights.map(num).join(', ')}],
  bias: ${num(final.bias)},
  /** Word similarity below which the model lifts nothing. */
  floor: ${FLOOR},
  /** Log-odds at or above which a pair is taken for one story. */
  cut: ${num(final.cut)},
};
`,
  );
  console.log(`wrote ${OUT}`);
}
