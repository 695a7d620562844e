import type { Article } from '../src/model';
import type { StoredStory, StoryMatcher } from '../src/stories';
import { clockTick, measure, type MeasureOptions, type Prepared } from './measure';

/**
 * The story-matching benchmark's Worker (bench/stories.mjs generates its entry, which hands
 * in two builds of `storyMatcher`: the code as it is and a baseline from git, so both are
 * timed side by side in one workerd). One run is what a refresh does: a new matcher reads
 * the country's and a province's snapshots, indexes them, and assigns story ids to a batch
 * of new articles.
 *   GET  /bench         the case names and the clock's tick
 *   POST /compare       { names, payload, iterations?, warmup?, minBatchMs? } → { cases: { <name>: { samples, batch } } }
 *   POST /check/<name>  { payload } → how many new articles joined a story
 */
export type MatcherFactory = (loadRecent: (scope: string) => Promise<StoredStory[]>) => StoryMatcher;

interface Payload {
  snapshots: Record<string, StoredStory[]>;
  fresh: Article[];
  /** How many of `fresh` one run takes (the rest are left out). */
  batch: number;
}

const DEFAULTS: MeasureOptions = { iterations: 30, warmup: 5, minBatchMs: 25 };

function prepare(make: MatcherFactory, p: Payload): Prepared & { joined: () => Promise<number> } {
  const once = async () => {
    const matcher = make(async (scope) => p.snapshots[scope] ?? []);
    const fresh = p.fresh.slice(0, p.batch).map((a) => ({ ...a }));
    await matcher.assign(fresh, Object.keys(p.snapshots));
    return fresh;
  };
  return { run: once, joined: async () => (await once()).filter((a) => a.storyId).length };
}

export function storiesBenchWorker(builds: Record<string, MatcherFactory>) {
  const cases = (payload: Payload, names: string[]) => {
    const out: Record<string, Prepared> = {};
    for (const name of names) {
      const make = builds[name];
      if (!make) throw new Error(`no build "${name}"; known: ${Object.keys(builds).join(', ')}`);
      out[name] = prepare(make, payload);
    }
    return out;
  };
  return {
    async fetch(request: Request): Promise<Response> {
      const path = new URL(request.url).pathname;
      if (request.method === 'GET' && path === '/bench') return Response.json({ cases: Object.keys(builds), tickMs: clockTick() });
      if (request.method !== 'POST') return new Response('not found', { status: 404 });
      const body = (await request.json()) as Partial<MeasureOptions> & { payload: Payload; names?: string[] };
      try {
        if (path === '/compare') {
          const opts: MeasureOptions = { iterations: body.iterations ?? DEFAULTS.iterations, warmup: body.warmup ?? DEFAULTS.warmup, minBatchMs: body.minBatchMs ?? DEFAULTS.minBatchMs };
          const t0 = performance.now();
          const measured = await measure(cases(body.payload, body.names ?? Object.keys(builds)), opts);
          return Response.json({ cases: measured, wallMs: performance.now() - t0 });
        }
        if (path.startsWith('/check/')) {
          const name = path.slice('/check/'.length);
          const prepared = prepare(builds[name], body.payload);
          return Response.json({ joined: await prepared.joined() });
        }
      } catch (e) {
        return new Response(e instanceof Error ? (e.stack ?? e.message) : String(e), { status: 500 });
      }
      return new Response('not found', { status: 404 });
    },
  };
}
