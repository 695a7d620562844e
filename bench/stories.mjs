import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { markdownTable, ms, startBenchWorker, stats } from './harness.mjs';
import { int, pick, rng, summary } from './gen/words.mjs';

/**
 * Story-matching cost, before and after a change, side by side in one workerd: the matcher
 * of a baseline commit (extracted with `git archive` into bench/.baseline/, not committed)
 * and the working tree's. A run is what a refresh does: index the country's and a province's
 * snapshots (500 articles each), then match a batch of new articles. Cost per new article
 * is (run of 100 − run of 1) / 99; the run of 1 is mostly indexing. Writes
 * bench/results/stories.md.
 *
 *   node bench/stories.mjs [--baseline=<git ref>] [--iterations=30] [--warmup=5]
 */

process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false';
process.env.WRANGLER_SEND_METRICS = 'false';

/** The matcher before the precision work (4-day window, measured through storyMatcher). */
const DEFAULT_BASELINE = '98ca0ea';
const BASELINE_DIR = fileURLToPath(new URL('./.baseline/', import.meta.url));
const RESULTS = new URL('./results/stories.md', import.meta.url);
const BATCH = 100;

const PLACES = [
  ['xã', ['Bằng Vân', 'Thượng Quan', 'Nà Phặc', 'Cẩm Giàng', 'Phong Quang', 'Nghiên Loan', 'Yên Thịnh', 'Nam Cường', 'Quảng Bạch', 'Nghĩa Tá', 'Thanh Mai', 'Văn Lang', 'Cường Lợi', 'Côn Minh', 'Hiệp Lực', 'Vĩnh Thông']],
  ['huyện', ['Chợ Đồn', 'Bạch Thông', 'Na Rì', 'Ngân Sơn', 'Ba Bể', 'Pác Nặm', 'Chợ Mới']],
  ['phường', ['Đức Xuân', 'Phan Đình Phùng', 'Gia Sàng', 'Quan Triều', 'Tích Lương']],
];
const EVENTS = [
  'tổ chức hội nghị triển khai nhiệm vụ năm 2026',
  'ra quân tổng vệ sinh môi trường',
  'tổ chức tiếp xúc cử tri trước kỳ họp',
  'sơ kết 6 tháng đầu năm',
  'tập huấn chuyển đổi số cho cán bộ',
  'kiểm tra tiến độ xây dựng nông thôn mới',
  'trao quà cho hộ nghèo dịp Tết',
  'triển khai kế hoạch phòng chống thiên tai',
  'tổ chức Ngày hội Đại đoàn kết toàn dân tộc',
  'Lịch công tác tuần của lãnh đạo',
  'Thông báo kết quả giải quyết thủ tục hành chính tháng 5',
];

/** A day of portal news: templated events in many places, some republished by other portals. */
function articles(seed, n, t0, prefix) {
  const r = rng(seed);
  const out = [];
  let t = t0;
  for (let i = 0; i < n; i++) {
    const [kind, names] = pick(r, PLACES);
    const place = `${kind} ${pick(r, names)}`;
    const event = pick(r, EVENTS);
    t -= int(r, 2, 20) * 60_000;
    const title = r() < 0.5 ? `${place[0].toUpperCase()}${place.slice(1)} ${event}` : `${event[0].toUpperCase()}${event.slice(1)} tại ${place}`;
    out.push({
      id: `${prefix}${i}`,
      sourceId: `portal-${int(r, 0, 60)}`,
      title,
      summary: `Ngày ${int(r, 1, 28)}/5, ${place} ${event}. ${summary(r, 2)}`.slice(0, 300),
      published: new Date(t).toISOString(),
    });
  }
  return out;
}

function payload() {
  const t0 = Date.parse('2026-05-20T10:00:00Z');
  const all = articles(1, 500, t0, 'a');
  const province = articles(2, 500, t0 - 86_400_000, 'p');
  const r = rng(3);
  // New articles: two in five republish a stored one under a reworded title, the rest are new.
  const fresh = articles(4, BATCH, t0 + 3 * 3_600_000, 'n').map((a, i) => {
    if (i % 5 > 1) return a;
    const src = pick(r, all);
    return { ...a, title: `Tin tỉnh: ${src.title}`, summary: src.summary.slice(0, 200), published: new Date(Date.parse(src.published) + 26 * 3_600_000).toISOString() };
  });
  return { snapshots: { all, 'p:bac-kan': province }, fresh };
}

function extractBaseline(ref) {
  rmSync(BASELINE_DIR, { recursive: true, force: true });
  mkdirSync(BASELINE_DIR, { recursive: true });
  const tar = execFileSync('git', ['archive', ref, 'src'], { maxBuffer: 1 << 28 });
  execFileSync('tar', ['-x', '-C', BASELINE_DIR], { input: tar });
  const commit = execFileSync('git', ['rev-parse', '--short', ref]).toString().trim();
  writeFileSync(
    `${BASELINE_DIR}entry.ts`,
    `import { storyMatcher as before } from './src/stories';\nimport { storyMatcher as after } from '../../src/stories';\nimport { storiesBenchWorker } from '../stories-worker';\nexport default storiesBenchWorker({ before, after });\n`,
  );
  writeFileSync(`${BASELINE_DIR}wrangler.toml`, `name = "bantin-stories-bench"\nmain = "entry.ts"\ncompatibility_date = "2026-04-20"\ncompatibility_flags = ["nodejs_compat"]\n`);
  return commit;
}

export async function main(options = {}) {
  const opts = { iterations: options.iterations ?? 30, warmup: options.warmup ?? 5, minBatchMs: options.minBatchMs ?? 25 };
  const baseline = extractBaseline(String(options.baseline ?? DEFAULT_BASELINE));
  const head = execFileSync('git', ['rev-parse', '--short', 'HEAD']).toString().trim();
  const dirty = execFileSync('git', ['status', '--porcelain', 'src']).toString().trim() ? ' + uncommitted changes' : '';
  const data = payload();
  const worker = await startBenchWorker(`${BASELINE_DIR}wrangler.toml`);
  try {
    const med = {};
    const joined = {};
    for (const batch of [1, BATCH]) {
      const p = { ...data, batch };
      const out = await worker.compare(['before', 'after'], p, opts);
      for (const name of ['before', 'after']) med[`${name}-${batch}`] = stats(out.cases[name].samples).median;
      if (batch === BATCH) for (const name of ['before', 'after']) joined[name] = (await worker.check(name, p)).joined;
    }
    const per = (name) => (med[`${name}-${BATCH}`] - med[`${name}-1`]) / (BATCH - 1);
    const rows = [
      ['run: index 1,000 stored, match 1 new', ms(med['before-1']), ms(med['after-1']), (med['after-1'] / med['before-1']).toFixed(2)],
      [`run: index 1,000 stored, match ${BATCH} new`, ms(med[`before-${BATCH}`]), ms(med[`after-${BATCH}`]), (med[`after-${BATCH}`] / med[`before-${BATCH}`]).toFixed(2)],
      ['per new article', ms(per('before')), ms(per('after')), (per('after') / per('before')).toFixed(2)],
    ];
    const cpuModel = os.cpus()[0]?.model ?? 'unknown CPU';
    const doc = `\`${options.command ?? 'node bench/stories.mjs'}\`

# Story matching: CPU per refresh run, before and after

${new Date().toISOString().slice(0, 10)}; workerd (local), Node ${process.version}, ${os.cpus().length} × ${cpuModel}.
Before: \`storyMatcher\` at ${baseline}; after: at ${head}${dirty}. Both in one workerd, rounds interleaved,
medians of ${opts.iterations} samples after ${opts.warmup} warm-ups (ms).

A run reads two snapshots of 500 generated articles each (templated local news in ${PLACES.reduce((n, [, names]) => n + names.length, 0)}
places from 61 portals), indexes them and matches the new articles (two in five republish a
stored one). New articles that joined a story in the run of ${BATCH}: before ${joined.before}, after ${joined.after}.

${markdownTable(['case', 'before ms', 'after ms', 'after / before'], rows)}
`;
    await writeFile(RESULTS, doc);
    console.log(doc);
  } finally {
    await worker.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const options = {};
  for (const a of process.argv.slice(2)) {
    const [k, v] = a.replace(/^--/, '').split('=');
    options[k] = v === undefined ? true : Number.isNaN(Number(v)) ? v : Number(v);
  }
  options.command = `node bench/stories.mjs${process.argv.length > 2 ? ` ${process.argv.slice(2).join(' ')}` : ''}`;
  await main(options);
}
