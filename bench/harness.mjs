import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Starts bench/worker.ts in local workerd (wrangler's unstable_startWorker: the same bundling
 * and nodejs_compat as `wrangler dev`) and talks to it over loopback. Timings are taken inside
 * workerd; this side only sends payloads and turns samples into statistics.
 */

// Miniflare would otherwise download the `Request.cf` object from workers.cloudflare.com,
// and wrangler would send usage metrics: a benchmark talks to loopback only.
process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false';
process.env.WRANGLER_SEND_METRICS = 'false';

const CONFIG = fileURLToPath(new URL('./wrangler.toml', import.meta.url));
const STARTUP_TIMEOUT_MS = 60_000;

/** Starts a bench Worker (bench/wrangler.toml's, or the one `config` names) in local workerd. */
export async function startBenchWorker(config = CONFIG) {
  const { unstable_startWorker } = await import('wrangler');
  const worker = await unstable_startWorker({
    config,
    // `wrangler dev` derives this from the nodejs_compat flag; startWorker leaves it to the
    // caller, and without it the bundler cannot resolve rss-parser's Node built-ins.
    build: { nodejsCompatMode: 'v2' },
    sendMetrics: false,
    dev: {
      server: { hostname: '127.0.0.1', port: 0 },
      inspector: false,
      remote: false,
      persist: false,
      watch: false,
      logLevel: 'warn',
      // The bench Worker has no business on the network: refuse any outbound request.
      outboundService: (request) =>
        new Response(`bench worker: outbound request refused (${request.url})`, { status: 599 }),
    },
  });
  // A failed build leaves `ready` pending for ever: give up with a clear message instead.
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`bench worker not ready after ${STARTUP_TIMEOUT_MS / 1000} s (see the build errors above)`)), STARTUP_TIMEOUT_MS);
  });
  try {
    await Promise.race([worker.ready, timeout]);
  } catch (e) {
    await worker.dispose().catch(() => {});
    throw e;
  } finally {
    clearTimeout(timer);
  }

  async function post(path, body) {
    const res = await worker.fetch(`http://127.0.0.1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`bench worker ${path}: HTTP ${res.status}\n${text}`);
    return JSON.parse(text);
  }

  const info = await (await worker.fetch('http://127.0.0.1/bench')).json();

  /** Times cases and reads workerd's CPU around it, to show the timed wall time is CPU. */
  async function timed(path, body) {
    const cpu0 = workerdCpuMs();
    const out = await post(path, body);
    const cpu1 = workerdCpuMs();
    return { ...out, cpuMs: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0 };
  }

  return {
    /** The case names the worker knows, and its clock's tick in ms. */
    cases: info.cases,
    tickMs: info.tickMs,
    /**
     * Times one case: { cases: { [name]: { samples, batch } }, wallMs, cpuMs }, where wallMs is
     * the time the worker spent measuring and cpuMs the CPU workerd used meanwhile (Linux).
     */
    bench: (name, payload, opts = {}) => timed(`/bench/${encodeURIComponent(name)}`, { payload, ...opts }),
    /** Times several cases side by side on one payload, rounds interleaved; same answer. */
    compare: (names, payload, opts = {}) => timed('/compare', { names, payload, ...opts }),
    /** One run's result, summarized, to check the work was really done. */
    check: (name, payload) => post(`/check/${encodeURIComponent(name)}`, { payload }),
    /** The worker's own answer to a POST or GET, for workers with routes of their own. */
    post,
    get: (path) => worker.fetch(`http://127.0.0.1${path}`),
    info,
    close: () => worker.dispose(),
  };
}

/**
 * CPU time (user + system) of the workerd processes this process started, in ms, from /proc;
 * null where there is no /proc. Counted in clock ticks (10 ms), so only long spans mean much.
 */
export function workerdCpuMs() {
  const procs = ourWorkerd();
  if (procs === null) return null;
  // Fields after the name: state ppid ... utime (12th) stime (13th); USER_HZ is 100 on Linux.
  return procs.reduce((sum, p) => sum + (Number(p.fields[11]) + Number(p.fields[12])) * 10, 0);
}

/** The workerd processes this process started, from /proc (null where there is none). */
function ourWorkerd() {
  const out = [];
  let pids;
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return null;
  }
  for (const pid of pids) {
    let stat;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (name === 'workerd' && Number(fields[1]) === process.pid) out.push({ pid: Number(pid), fields });
  }
  return out;
}

/** The q-quantile of sorted values, interpolated between neighbours. */
function quantile(sorted, q) {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

export function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, median: quantile(sorted, 0.5), p90: quantile(sorted, 0.9), min: sorted[0] };
}

/** Milliseconds with three significant digits (0.0123, 1.23, 12.3, 123). */
export function ms(x) {
  if (x >= 100) return x.toFixed(0);
  if (x >= 10) return x.toFixed(1);
  if (x >= 1) return x.toFixed(2);
  return x.toPrecision(3);
}

/** A markdown table from a header row and data rows. */
export function markdownTable(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
