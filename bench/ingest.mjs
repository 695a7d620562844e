import { readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeHTML } from 'entities';
import { liferayListing, portalListing, rssFeed, storyListing } from './gen/pages.mjs';
import { markdownTable, ms, startBenchWorker, stats } from './harness.mjs';

/**
 * Ingest benchmark: what one source costs the Worker in CPU, measured in workerd.
 *   a. a 200 KiB listing page: extractListing (element tree) against cheerio, same fields;
 *   a'. a 200 KiB page of no known platform: inference, and the remembered way, against cheerio with selectors;
 *   b. a 100-item RSS feed through parseXmlFeed and normalizeItems;
 *   c. an unchanged source: same body hash, and a 304;
 *   d. a 100 KiB article page: extractArticle (element tree) against cheerio, same container rules.
 * Writes bench/results/ingest.md.
 */

const KiB = 1024;
const RESULTS = new URL('./results/ingest.md', import.meta.url);

const LISTING_GOAL = 3; // ours at least 3x faster than cheerio
const FREE_PLAN_CPU_MS = 10; // CPU for a whole invocation on the free plan
const UNCHANGED_GOAL_MS = 1;

const FIELDS = ['title', 'link', 'date', 'summary', 'image'];
// Our extractor keeps texts entity-encoded (normalize decodes them); cheerio decodes.
const TEXT_FIELDS = new Set(['title', 'date', 'summary']);

/** A ~100 KiB article page: the Liferay fixture with a longer body and longer sidebars. */
function articlePage() {
  let html = readFileSync(new URL('../tests/fixtures/articles/liferay.html', import.meta.url), 'utf8');
  const para = (i) => `<p class="MsoNormal" style="text-align:justify"><span lang="VI">Đoạn ${i}: các sở, ngành tiếp tục rà soát thủ tục, cắt giảm thời gian giải quyết hồ sơ, công khai kết quả trên cổng dịch vụ công của tỉnh để người dân theo dõi.<o:p></o:p></span></p>`;
  const link = (i) => `<div class="asset-abstract"><h3 class="asset-title"><a href="/-/view_content/${6000 + i}-tin-${i}">Tin số ${i} trong hộp tin liên quan của cổng</a></h3><div class="asset-content"><div class="asset-summary">Tóm tắt ngắn của tin số ${i}.</div></div></div>`;
  let n = 0;
  while (Buffer.byteLength(html) < 100 * KiB) {
    n++;
    html = html.replace('<p class="MsoNormal" style="text-align:right">', `${para(n)}<p class="MsoNormal" style="text-align:right">`);
    html = html.replace('<div class="asset-abstract">', `${link(n)}<div class="asset-abstract">`);
  }
  return {
    html,
    url: 'https://thainguyen.gov.vn/-/view_content/5512-tinh-thai-nguyen-day-manh-chuyen-doi-so',
    phrases: ['xác định chuyển đổi số là khâu đột phá', `Đoạn ${n}: các sở, ngành`],
    leaks: ['Tin liên quan', 'Hội thảo chính quyền số cấp xã', 'Ý kiến bạn đọc'],
  };
}

/** Differences between our items and cheerio's, after decoding our texts. */
function listingDifferences(ours, theirs) {
  const out = [];
  if (ours.length !== theirs.length) out.push(`${ours.length} items vs ${theirs.length}`);
  for (let i = 0; i < Math.min(ours.length, theirs.length); i++) {
    for (const f of FIELDS) {
      const a = TEXT_FIELDS.has(f) && ours[i][f] !== undefined ? decodeHTML(ours[i][f]) : ours[i][f];
      if (a !== theirs[i][f]) out.push(`item ${i} ${f}: ${JSON.stringify(a)} vs ${JSON.stringify(theirs[i][f])}`);
    }
  }
  return out;
}

function expect(ok, what) {
  if (!ok) throw new Error(`bench input check failed: ${what}`);
}

export async function main(options = {}) {
  const opts = { iterations: options.iterations ?? 30, warmup: options.warmup ?? 5, minBatchMs: options.minBatchMs ?? 25 };
  const pages = [
    { label: 'Liferay', preset: 'liferay', ...liferayListing(200 * KiB) },
    { label: 'story CMS', preset: 'story', ...storyListing(200 * KiB) },
  ];
  const feed = rssFeed(100);

  const worker = await startBenchWorker();
  const rows = [];
  /** Runs per sample, per case: how the clock's 1 ms tick was averaged away. */
  const batches = {};
  /** { wallMs, cpuMs } of each timed request: workerd's CPU against the time measured. */
  const cpuShare = [];
  try {
    console.error(`bench worker up; clock tick ${worker.tickMs} ms; ${opts.iterations} samples after ${opts.warmup} warm-ups`);

    // a. listing pages: ours against cheerio, side by side.
    for (const page of pages) {
      const payload = { html: page.html, preset: page.preset, baseUrl: page.baseUrl };
      const ours = await worker.check('listing/ours', payload);
      const theirs = await worker.check('listing/cheerio', payload);
      const diff = listingDifferences(ours.items, theirs.items);
      expect(ours.count === page.items, `${page.label}: ours found ${ours.count} of ${page.items} items`);
      expect(diff.length === 0, `${page.label}: ours and cheerio differ:\n  ${diff.slice(0, 5).join('\n  ')}`);
      const kib = (Buffer.byteLength(page.html) / KiB).toFixed(0);
      console.error(`listing ${page.label}: ${kib} KiB, ${ours.count} items, same output from both`);

      const { cases: m, ...spent } = await worker.compare(['listing/ours', 'listing/cheerio'], payload, opts);
      cpuShare.push(spent);
      const a = stats(m['listing/ours'].samples);
      const b = stats(m['listing/cheerio'].samples);
      const ratio = b.median / a.median;
      batches[`${page.label} ours`] = m['listing/ours'].batch;
      batches[`${page.label} cheerio`] = m['listing/cheerio'].batch;
      const what = `${kib} KiB ${page.label} listing, ${ours.count} items`;
      rows.push([`${what}: extractListing (element tree)`, ms(a.median), ms(a.p90), `cheerio ÷ ours = ${ratio.toFixed(2)}x (goal ≥ ${LISTING_GOAL}x)`, ratio >= LISTING_GOAL ? 'yes' : 'NO']);
      rows.push([`${what}: cheerio (same fields)`, ms(b.median), ms(b.p90), 'baseline', '']);
    }

    // a'. a page of no known platform: inferred, then remembered, against cheerio with written selectors.
    const unknown = portalListing(200 * KiB);
    const unknownPayload = { html: unknown.html, baseUrl: unknown.baseUrl, selectors: unknown.selectors };
    const inferred = await worker.check('unknown/infer', unknownPayload);
    const remembered = await worker.check('unknown/remembered', unknownPayload);
    const cheerioUnknown = await worker.check('unknown/cheerio', unknownPayload);
    expect(inferred.way === 'inferred' && remembered.way === 'remembered', `unknown page read as ${inferred.way} / ${remembered.way}`);
    expect(inferred.count === unknown.items, `unknown page: inference found ${inferred.count} of ${unknown.items} items`);
    const unknownDiff = listingDifferences(inferred.items, cheerioUnknown.items);
    expect(unknownDiff.length === 0, `unknown page: inference and cheerio differ:\n  ${unknownDiff.slice(0, 5).join('\n  ')}`);
    expect(listingDifferences(remembered.items, cheerioUnknown.items).length === 0, 'unknown page: remembered and cheerio differ');
    const unknownKib = (Buffer.byteLength(unknown.html) / KiB).toFixed(0);
    console.error(`unknown page: ${unknownKib} KiB, ${inferred.count} items, same output from inference, remembered and cheerio`);
    const unknownNames = ['unknown/infer', 'unknown/remembered', 'unknown/cheerio'];
    const { cases: km, ...unknownSpent } = await worker.compare(unknownNames, unknownPayload, opts);
    cpuShare.push(unknownSpent);
    const ki = stats(km['unknown/infer'].samples);
    const kr = stats(km['unknown/remembered'].samples);
    const kc = stats(km['unknown/cheerio'].samples);
    for (const name of unknownNames) batches[name] = km[name].batch;
    const uwhat = `${unknownKib} KiB page of no known platform, ${inferred.count} items`;
    rows.push([`${uwhat}: inferred from the URL alone (detection + inference)`, ms(ki.median), ms(ki.p90), `cheerio ÷ ours = ${(kc.median / ki.median).toFixed(2)}x (goal > 1x)`, kc.median > ki.median ? 'yes' : 'NO']);
    rows.push([`${uwhat}: remembered (inferred selectors kept in state)`, ms(kr.median), ms(kr.p90), `cheerio ÷ ours = ${(kc.median / kr.median).toFixed(2)}x (goal ≥ ${LISTING_GOAL}x)`, kc.median / kr.median >= LISTING_GOAL ? 'yes' : 'NO']);
    rows.push([`${uwhat}: cheerio with written selectors`, ms(kc.median), ms(kc.p90), 'baseline', '']);

    // b. a 100-item RSS feed.
    const feedPayload = { xml: feed.xml, baseUrl: feed.baseUrl };
    const parsed = await worker.check('feed/parse', feedPayload);
    const normalized = await worker.check('feed/normalize', feedPayload);
    expect(parsed.count === feed.items, `feed: parsed ${parsed.count} of ${feed.items} items`);
    expect(normalized.count === feed.items, `feed: normalized ${normalized.count} of ${feed.items} items`);
    const feedKib = (Buffer.byteLength(feed.xml) / KiB).toFixed(0);
    console.error(`feed: ${feedKib} KiB, ${feed.items} items parsed and normalized`);
    const feedNames = ['feed/parse', 'feed/normalize', 'feed/parse+normalize'];
    const { cases: fm, ...feedSpent } = await worker.compare(feedNames, feedPayload, opts);
    cpuShare.push(feedSpent);
    const feedLabels = {
      'feed/parse': 'parseXmlFeed (rss-parser)',
      'feed/normalize': 'normalizeItems (dates, text, URLs, ids, sanitize)',
      'feed/parse+normalize': 'parse + normalize',
    };
    for (const name of feedNames) {
      const s = stats(fm[name].samples);
      batches[name] = fm[name].batch;
      // No goal was set for feeds: the free plan's CPU per invocation is shown for scale.
      rows.push([`RSS feed, ${feed.items} items (${feedKib} KiB, content:encoded): ${feedLabels[name]}`, ms(s.median), ms(s.p90), `${(s.median / FREE_PLAN_CPU_MS).toFixed(2)}x the free plan's ${FREE_PLAN_CPU_MS} ms CPU (no goal)`, '—']);
    }

    // b'. the same feed fetched again with 2 new items on top: parsed whole, or down to its first known item.
    const again = await worker.check('feed/again-new', feedPayload);
    expect(again.count === 2 && again.known === feed.items - 2 && again.same, `feed again: ${JSON.stringify(again)}`);
    const againNames = ['feed/again-whole', 'feed/again-new'];
    const { cases: gm, ...againSpent } = await worker.compare(againNames, feedPayload, opts);
    cpuShare.push(againSpent);
    const gw = stats(gm['feed/again-whole'].samples);
    const gn = stats(gm['feed/again-new'].samples);
    for (const name of againNames) batches[name] = gm[name].batch;
    const againWhat = `RSS feed fetched again, 2 new of ${feed.items} items`;
    rows.push([`${againWhat}: parseXmlFeed, whole body`, ms(gw.median), ms(gw.p90), 'baseline', '']);
    rows.push([`${againWhat}: parseXmlFeed down to the first known item (REFRESH_PARSE = "new": scan, head, 2 items)`, ms(gn.median), ms(gn.p90), `new ÷ whole = ${(gn.median / gw.median).toFixed(2)}x (no goal)`, '—']);

    // c. an unchanged source (the Liferay page's bytes).
    const bodyPayload = { html: pages[0].html };
    const same = await worker.check('unchanged/fetch-200-same', bodyPayload);
    const notModified = await worker.check('unchanged/fetch-304', bodyPayload);
    expect(same.status === 'ok' && same.unchanged === true, `fetch 200 same body: ${JSON.stringify(same)}`);
    expect(notModified.status === 'not-modified', `fetch 304: ${JSON.stringify(notModified)}`);
    const bodyKib = (Buffer.byteLength(pages[0].html) / KiB).toFixed(0);
    const unchangedNames = ['unchanged/hash', 'unchanged/fetch-200-same', 'unchanged/fetch-304'];
    const { cases: um, ...unchangedSpent } = await worker.compare(unchangedNames, bodyPayload, opts);
    cpuShare.push(unchangedSpent);
    const unchangedLabels = {
      'unchanged/hash': `unchanged ${bodyKib} KiB body: SHA-256 (crypto.subtle) + compare`,
      'unchanged/fetch-200-same': `unchanged ${bodyKib} KiB body: fetchBody 200, same hash (read, hash, compare; no decode)`,
      'unchanged/fetch-304': 'unchanged source: fetchBody 304 (no body, no parse)',
    };
    for (const name of unchangedNames) {
      const s = stats(um[name].samples);
      batches[name] = um[name].batch;
      rows.push([unchangedLabels[name], ms(s.median), ms(s.p90), `goal < ${UNCHANGED_GOAL_MS} ms`, s.median < UNCHANGED_GOAL_MS ? 'yes' : 'NO']);
    }

    // d. a 100 KiB article page (the Liferay fixture, its body and sidebars grown to size).
    const article = articlePage();
    const articlePayload = { html: article.html, url: article.url };
    const oursA = await worker.check('article/ours', articlePayload);
    const theirsA = await worker.check('article/cheerio', articlePayload);
    for (const phrase of article.phrases) {
      expect(oursA.contentHtml.includes(phrase), `article: ours lacks "${phrase}"`);
      expect(theirsA.contentHtml.includes(phrase), `article: cheerio lacks "${phrase}"`);
    }
    for (const leak of article.leaks) {
      expect(!oursA.contentHtml.includes(leak), `article: ours leaks "${leak}"`);
    }
    const articleKib = (Buffer.byteLength(article.html) / KiB).toFixed(0);
    console.error(`article: ${articleKib} KiB page, body ${oursA.chars} chars (cheerio ${theirsA.chars})`);
    const { cases: am, ...articleSpent } = await worker.compare(['article/ours', 'article/cheerio'], articlePayload, opts);
    cpuShare.push(articleSpent);
    const ao = stats(am['article/ours'].samples);
    const ac = stats(am['article/cheerio'].samples);
    batches['article ours'] = am['article/ours'].batch;
    batches['article cheerio'] = am['article/cheerio'].batch;
    rows.push([`${articleKib} KiB article page: extractArticle (element tree: body, time, author, image, sanitized)`, ms(ao.median), ms(ao.p90), `cheerio ÷ ours = ${(ac.median / ao.median).toFixed(2)}x (no goal)`, '—']);
    rows.push([`${articleKib} KiB article page: cheerio (known containers, furniture removed, same sanitizer)`, ms(ac.median), ms(ac.p90), 'baseline', '']);
  } finally {
    await worker.close();
  }

  const table = markdownTable(['case', 'median ms', 'p90 ms', 'ratio / goal', 'pass'], rows);
  console.log(table);

  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const doc = `\`${options.command ?? 'node bench/run.mjs ingest'}\`

# Ingest benchmark

${new Date().toISOString().slice(0, 10)}; workerd (local, via wrangler ${await wranglerVersion()}), Node ${process.version}, ${os.cpus().length} × ${cpu}.
${opts.iterations} samples per case after ${opts.warmup} warm-ups; cases measured side by side (interleaved rounds).
Times are CPU-bound wall time inside workerd (\`performance.now()\`, which in local workerd advances during compute but
ticks in whole milliseconds, so each sample times a batch of at least ${opts.minBatchMs} ms and divides; fast cases run many times per sample).
Inputs are generated by bench/gen/ (deterministic). Both listing extractors ran in the same workerd and returned the same items.

${table}

${cpuLine(cpuShare)}

Runs per sample: ${Object.entries(batches).map(([name, n]) => `${name} ${n}`).join(', ')}.
`;
  await mkdir(new URL('.', RESULTS), { recursive: true });
  await writeFile(RESULTS, doc);
  console.error(`written ${RESULTS.pathname}`);
  return { rows, batches };
}

/** How much of the timed wall time workerd spent on CPU (near 1: the times are CPU time). */
function cpuLine(spans) {
  if (spans.some((s) => s.cpuMs === null)) return 'workerd CPU not read (no /proc).';
  const parts = spans.map((s) => (s.cpuMs / s.wallMs).toFixed(2));
  return (
    `workerd CPU time ÷ measured time, per group of cases (from /proc, 10 ms ticks): ${parts.join(', ')}. ` +
    'Below 1, other processes held the CPU part of the time and the samples include that wait ' +
    '(medians and side-by-side ratios absorb most of it); above 1, workerd threads besides the ' +
    "timed one (V8's concurrent GC, the dev proxy) worked meanwhile."
  );
}

async function wranglerVersion() {
  const pkg = await readFile(new URL('../node_modules/wrangler/package.json', import.meta.url), 'utf8');
  return JSON.parse(pkg).version;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main({ command: 'node bench/ingest.mjs' });
