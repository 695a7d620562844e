import type { Env } from '../env';
import { newNewsHeld } from './held-news';
import { newStateMemory } from './kept-state';
import { newItemsSeen } from './seen-items';
import type { RefreshDeps } from './run';

/** This isolate's memory of source states not yet written, shared by the runs it serves. */
const isolateMemory = newStateMemory();
/** This isolate's news fetched and not stored yet (REFRESH_NEWS = "apart"). */
const isolateNews = newNewsHeld();
/** This isolate's item keys of the feeds it read (REFRESH_PARSE = "new"). */
const isolateSeen = newItemsSeen();

/** Structured JSON logs: one line per event, with the source and the reason. */
export const jsonLog = (entry: Record<string, unknown>) => console.log(JSON.stringify(entry));

/** The real world's side effects for a refresh, read from the Worker's env. */
export function refreshDeps(env: Env): RefreshDeps {
  const max = Number(env.MAX_SUBREQUESTS);
  const maxSources = positive(env.REFRESH_MAX_SOURCES);
  const snapshotCap = positive(env.SNAPSHOT_CAP);
  const bucketCap = positive(env.BUCKET_CAP);
  const storyIndexPerRun = positive(env.STORY_INDEX_PER_RUN);
  const maxNewArticles = positive(env.REFRESH_MAX_NEW);
  return {
    kv: env.KV,
    fetch: (input, init) => fetch(input, init),
    now: () => new Date(),
    random: Math.random,
    allowPrivate: env.ALLOW_PRIVATE_SOURCES === 'true',
    maxSubrequests: Number.isFinite(max) && max > 0 ? max : 45,
    log: jsonLog,
    memory: isolateMemory,
    ...(maxSources ? { maxSources } : {}),
    ...(snapshotCap ? { snapshotCap } : {}),
    ...(bucketCap ? { bucketCap } : {}),
    ...(storyIndexPerRun ? { storyIndexPerRun } : {}),
    ...(env.REFRESH_SNAPSHOTS === 'apart' ? { snapshotsApart: true } : {}),
    ...(env.REFRESH_NEWS === 'apart' ? { heldNews: isolateNews } : {}),
    ...(maxNewArticles ? { maxNewArticles } : {}),
    ...(env.REFRESH_PARSE === 'new' ? { seenItems: isolateSeen } : {}),
  };
}

/** A whole number above zero from a var, or undefined (unset or not a number: the default applies). */
function positive(v: string | undefined): number | undefined {
  const n = Number(v);
  return v && Number.isInteger(n) && n > 0 ? n : undefined;
}
