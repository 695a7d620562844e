import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { decodeHTML } from 'entities';
import { markdownTable, ms, startBenchWorker, stats, workerdCpuMs } from './harness.mjs';
import { int, pick, rng, slugify, summary, title } from './gen/words.mjs';

/**
 * Pages benchmark: server CPU of the home page and of a searched feed over a
 * 500-article snapshot, measured in workerd through the real Hono app, and the size of
 * /embed.js. Writes bench/results/pages.md.
 *
 *   node bench/pages.mjs [--iterations=30] [--warmup=5]
 */

process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false';
process.env.WRANGLER_SEND_METRICS = 'false';

const CONFIG = fileURLToPath(new URL('./pages.wrangler.toml', import.meta.url));
const RESULTS = new URL('./results/pages.md', import.meta.url);
const FREE_CPU_MS = 10;
const EMBED_GOAL = 5 * 1024;
const SEARCH = 'nong thon moi';

const REQUESTS = {
  home: { path: '/', what: 'home page, 20 newest' },
  'home-304': { path: '/', revalidate: true, what: 'home page, If-None-Match (304)' },
  'home-search': { path: `/?q=${SEARCH.replaceAll(' ', '+')}`, what: `home page searched (q=${SEARCH})` },
  'province-page': { path: '/p/thai-nguyen', what: 'province page (catalog read, district choices)' },
  'feed-rss': { path: '/feed.rss?limit=50', what: 'combined RSS, 50 newest (goal < 5 ms)' },
  'feed-rss-304': { path: '/feed.rss?limit=50', revalidate: true, what: 'combined RSS, If-None-Match (304) (goal < 1 ms)' },
  'feed-rss-search': { path: `/feed.rss?q=${SEARCH.replaceAll(' ', '+')}`, what: `combined RSS searched (q=${SEARCH})` },
};

/** Twelve portals of Thái Nguyên and the former Bắc Kạn, six of them district portals. */
function sources() {
  const province = [
    ['baothainguyen', 'Báo Thái Nguyên', 'thai-nguyen'],
    ['ict-thainguyen', 'Sở Thông tin và Truyền thông Thái Nguyên', 'thai-nguyen'],
    ['snn-thainguyen', 'Sở Nông nghiệp Thái Nguyên', 'thai-nguyen'],
    ['backan', 'Cổng TTĐT tỉnh Bắc Kạn', 'bac-kan'],
    ['baobackan', 'Báo Bắc Kạn', 'bac-kan'],
    ['khuyennong-backan', 'Trung tâm Khuyến nông Bắc Kạn', 'bac-kan'],
  ].map(([id, name, p]) => ({ id, name, url: `https://${id}.example.vn/`, kind: 'feed', region: { province: p } }));
  const districts = [
    ['cho-don', 'Chợ Đồn'],
    ['bach-thong', 'Bạch Thông'],
    ['pac-nam', 'Pác Nặm'],
    ['na-ri', 'Na Rì'],
    ['ngan-son', 'Ngân Sơn'],
    ['ba-be', 'Ba Bể'],
  ].map(([d, name]) => ({ id: d, name: `Cổng TTĐT huyện ${name}`, url: `https://${d}.backan.example.vn/`, kind: 'html', preset: 'liferay', region: { province: 'bac-kan', district: d, districtName: `huyện ${name}` } }));
  return [...province, ...districts];
}

/** Requests over a store where every article has its full text (8 KiB bodies). */
const FULL_TEXT_REQUESTS = {
  'feed-rss-fulltext': { path: '/feed.rss?limit=50', what: 'combined RSS, 50 newest, each with an 8 KiB full text (goal < 5 ms)' },
  'feed-rss-fulltext-304': { path: '/feed.rss?limit=50', revalidate: true, what: 'the same, If-None-Match (304) (goal < 1 ms)' },
  'feed-json-fulltext': { path: '/feed.json?limit=50', what: 'combined JSON Feed, 50 newest with full text' },
  'feed-atom-fulltext': { path: '/feed.atom?limit=50', what: 'combined Atom, 50 newest with full text' },
  'home-fulltext': { path: '/', what: 'home page over the full-text snapshot' },
};

/** An article body of about 8 KiB, as a sanitized government article looks: paragraphs, a figure, a list. */
function body(i) {
  const r = rng(100 + i);
  const paras = Array.from({ length: 14 }, () => `<p>${decodeHTML(summary(r, 3))}</p>`).join('');
  return `<p><strong>${decodeHTML(summary(r, 1))}</strong></p><figure><img src="https://xa.example.vn/uploads/2026/11/anh-${i}.jpg" alt="Ảnh"><figcaption>${decodeHTML(summary(r, 1))}</figcaption></figure>${paras}<ul><li>${decodeHTML(summary(r, 1))}</li><li>${decodeHTML(summary(r, 1))}</li></ul>`;
}

/** 600 stored articles, newest first across the portals (the snapshot keeps 500). */
function articles(srcs) {
  const r = rng(4);
  const out = [];
  let t = Date.parse('2026-11-27T02:00:00Z');
  for (let i = 0; i < 600; i++) {
    const s = pick(r, srcs);
    const head = decodeHTML(title(r));
    t -= int(r, 5, 240) * 60_000;
    const slug = slugify(head);
    out.push({
      id: (0x10000000 + i * 7919).toString(16).padStart(16, '0'),
      url: `${s.url}tin-tuc/${slug}-${1000 + i}.html`,
      title: head,
      summary: decodeHTML(summary(r, 2)).slice(0, 300),
      ...(r() < 0.4 ? { image: `${s.url}uploads/2026/11/${slug.slice(0, 40)}.jpg` } : {}),
      published: new Date(t).toISOString(),
      firstSeen: new Date(t + 20 * 60_000).toISOString(),
      sourceId: s.id,
    });
  }
  return out;
}

export async function main(options = {}) {
  const opts = { iterations: options.iterations ?? 30, warmup: options.warmup ?? 5, minBatchMs: options.minBatchMs ?? 25 };
  const srcs = sources();
  const payload = { articles: articles(srcs), sources: srcs, requests: REQUESTS };
  const plain = payload;
  // Every article read from its own page (sources with fullText): the snapshot keeps the newest 50 bodies.
  const full = { articles: payload.articles.map((a, i) => ({ ...a, pageRead: a.firstSeen, contentHtml: body(i) })), sources: srcs, requests: FULL_TEXT_REQUESTS };
  const worker = await startBenchWorker(CONFIG);
  const rows = [];
  let snapshot = 0;
  try {
    console.error(`pages bench worker up; clock tick ${worker.info.tickMs} ms`);
    for (const [name, req, payload] of [...Object.entries(REQUESTS).map(([n, r]) => [n, r, plain]), ...Object.entries(FULL_TEXT_REQUESTS).map(([n, r]) => [n, r, full])]) {
      const check = await worker.post(`/check/${name}`, { payload });
      snapshot = check.snapshotArticles;
      const cpu0 = workerdCpuMs();
      const t0 = Date.now();
      const out = await worker.post(`/bench/${name}`, { payload, ...opts });
      const wall = Date.now() - t0;
      const cpu = workerdCpuMs() === null || cpu0 === null ? null : workerdCpuMs() - cpu0;
      const s = stats(out[name].samples);
      // Calibration runs are not counted in the divisor, so this is an upper bound; unlike the wall
      // times it holds on a busy machine.
      const runs = (opts.iterations + opts.warmup) * out[name].batch;
      rows.push([`\`${req.path}\``, req.what, ms(s.median), ms(s.p90), ms(s.min), cpu === null ? '–' : ms(cpu / runs), String(check.status), `${(check.bytes / 1024).toFixed(1)} KiB`, cpu === null ? '–' : `${Math.round((100 * cpu) / wall)} %`]);
      console.error(`${name}: median ${ms(s.median)} ms`);
    }
    const js = Buffer.from(await (await worker.get('/embed.js')).arrayBuffer());
    const gz = gzipSync(js).length;
    const gz9 = gzipSync(js, { level: 9 }).length;
    const br = brotliCompressSync(js, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    const cpuModel = os.cpus()[0]?.model ?? 'unknown CPU';
    const { version } = (await import('wrangler/package.json', { with: { type: 'json' } })).default;
    const doc = `\`${options.command ?? 'node bench/pages.mjs'}\`

# Pages: server CPU and widget size

${new Date().toISOString().slice(0, 10)}; workerd (local, via wrangler ${version}), Node ${process.version}, ${os.cpus().length} × ${cpuModel}.

Each case is one whole request through the project's Hono app (routing, query parsing, the
snapshot's JSON parse, filters, rendering, ETag) over a store built by the store's own
functions (\`mergeBucket\`, \`mergeSnapshot\`) from ${payload.articles.length} generated articles of
${srcs.length} portals: \`snap:all\` holds ${snapshot} articles (the cap). KV is an in-memory map,
because in production a KV read is I/O, not CPU. Times are ms per request, ${opts.iterations}
samples after ${opts.warmup} warm-ups, each sample a batch of at least ${opts.minBatchMs} ms (local workerd's
clock ticks in whole ms). "workerd CPU" is the workerd process's CPU over the wall time of the
measuring, from /proc: near 100 % means the times are CPU, not waiting. "CPU ms" is that
process CPU divided by the requests run (an upper bound: calibration runs are not counted), which
holds when the machine is busy and the wall times do not. The free plan allows
${FREE_CPU_MS} ms of CPU per request.

${markdownTable(['request', 'what', 'median ms', 'p90 ms', 'min ms', 'CPU ms', 'status', 'body', 'workerd CPU'], rows)}

## /embed.js

| | bytes |
|---|---|
| as served | ${js.length} |
| gzip (level 6, as most servers) | ${gz} |
| gzip -9 | ${gz9} |
| brotli q11 | ${br} |

Goal: under ${EMBED_GOAL} bytes gzipped — ${gz < EMBED_GOAL ? 'met' : 'NOT met'} (${((100 * gz) / EMBED_GOAL).toFixed(0)} % of it).
`;
    await writeFile(RESULTS, doc);
    console.log(doc);
  } finally {
    await worker.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = { command: `node bench/pages.mjs${process.argv.length > 2 ? ` ${process.argv.slice(2).join(' ')}` : ''}` };
  for (const a of process.argv.slice(2)) {
    const [k, v] = a.replace(/^--/, '').split('=');
    options[k] = Number(v);
  }
  await main(options);
}
