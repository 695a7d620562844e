import type { StateDoc } from '../store/types';

type LastRun = NonNullable<StateDoc['lastRun']>;

export interface Health {
  /** `ok`: a refresh ran within the hour; `stale`: the last one is older; `never`: none has run yet. */
  status: 'ok' | 'stale' | 'never';
  lastRun: (LastRun & { ageSeconds: number }) | null;
}

/** The cron runs every 15 minutes: four missed runs in a row is worth a page to someone. */
export const STALE_AFTER_MS = 60 * 60 * 1000;

/**
 * The last run as stored in the state, read without parsing the whole document (a
 * megabyte at thousands of sources): its flat `"lastRun":{…}` object is found and parsed
 * alone. No source id can hold the key (ids are lowercase), and inside strings quotes are escaped.
 */
export function lastRunOf(stateText: string | null): LastRun | null {
  if (!stateText) return null;
  const at = stateText.lastIndexOf('"lastRun":{');
  if (at >= 0) {
    const start = at + '"lastRun":'.length;
    try {
      return JSON.parse(stateText.slice(start, stateText.indexOf('}', start) + 1)) as LastRun;
    } catch {
      // fall through to the whole document
    }
  }
  return (JSON.parse(stateText) as StateDoc).lastRun ?? null;
}

export function healthOf(lastRun: LastRun | null, now: Date): Health {
  if (!lastRun) return { status: 'never', lastRun: null };
  const age = now.getTime() - Date.parse(lastRun.at);
  return { status: age <= STALE_AFTER_MS ? 'ok' : 'stale', lastRun: { ...lastRun, ageSeconds: Math.max(0, Math.round(age / 1000)) } };
}
