import os from 'node:os';
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rssFeed } from './gen/pages.mjs';
import { markdownTable, ms, startBenchWorker, stats } from './harness.mjs';

/**
 * A source's fetches, fetch after fetch, in workerd: a 30-item page of a WordPress feed
 * (content:encoded) with 0, 2 or 30 items new on top of each, normalized afresh against
 * through the isolate's memo of the source's last pages (src/normalize/remembered.ts),
 * side by side. Writes bench/results/normalize-remembered.md.
 */

const RESULTS = new URL('./results/normalize-remembered.md', import.meta.url);
const FRESH = [0, 2, 30];

export async function main(options = {}) {
  const opts = { iterations: options.iterations ?? 30, warmup: options.warmup ?? 5, minBatchMs: options.minBatchMs ?? 25 };
  const feed = rssFeed(100);
  const worker = await startBenchWorker();
  const rows = [];
  try {
    for (const fresh of FRESH) {
      const payload = { xml: feed.xml, baseUrl: feed.baseUrl, fresh };
      for (const name of ['fetches/afresh', 'fetches/remembered']) {
        const check = await worker.check(name, payload);
        if (check.count !== 30 || !check.same) throw new Error(`bench input check failed: ${name} with ${fresh} new: ${JSON.stringify(check)}`);
      }
      const { cases } = await worker.compare(['fetches/afresh', 'fetches/remembered'], payload, opts);
      const a = stats(cases['fetches/afresh'].samples);
      const r = stats(cases['fetches/remembered'].samples);
      const what = `30-item feed page, ${fresh} new of 30`;
      rows.push([`${what}: normalized afresh`, ms(a.median), ms(a.p90), 'baseline']);
      rows.push([`${what}: through the memo`, ms(r.median), ms(r.p90), `${(r.median / a.median).toFixed(2)}x afresh`]);
    }
  } finally {
    await worker.close();
  }
  const table = markdownTable(['case', 'median ms', 'p90 ms', 'ratio'], rows);
  console.log(table);
  const doc = `\`${options.command ?? 'node bench/normalize-remembered.mjs'}\`

# A source's fetches: normalized afresh vs through the isolate's memo

${new Date().toISOString().slice(0, 10)}; workerd (local), Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')} at the end.
Each sample normalizes the next fetch of one source: a 30-item page of a generated WordPress feed (content:encoded),
newest first, with the stated number of items new on top of the fetch before. Both ways ran in the same workerd,
interleaved, ${opts.iterations} samples after ${opts.warmup} warm-ups; before timing, a fetch through the memo gave
exactly the articles normalizing afresh gave.

${table}
`;
  await mkdir(new URL('.', RESULTS), { recursive: true });
  await writeFile(RESULTS, doc);
  console.error(`written ${RESULTS.pathname}`);
  return { rows };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main({ command: 'node bench/normalize-remembered.mjs' });
