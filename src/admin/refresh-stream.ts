import { errorText } from '../error-text';
import type { RunProgress, RunSummary } from '../refresh/run';

/** What a streamed refresh says, one JSON object a line: the run's progress, then its summary (or why it stopped). */
export type RefreshLine = RunProgress | { event: 'finished'; summary: RunSummary } | { event: 'failed'; error: string };

export const NDJSON = 'application/x-ndjson';

/** Whether the client asked for the run as it goes rather than its summary at the end. */
export const wantsProgress = (accept: string | undefined) => (accept ?? '').split(',').some((t) => t.trim().split(';')[0].toLowerCase() === NDJSON);

/**
 * A refresh answered at once and streamed as newline-delimited JSON: a line when the run knows
 * its sources, one as each source finishes, one when it starts storing, and the summary last.
 * The run is held by `waitUntil`, so a client that goes away does not cut it short; lines it
 * can no longer be sent are dropped. Nothing is written to KV for the progress itself.
 */
export function streamRefresh(run: (progress: (e: RunProgress) => void) => Promise<RunSummary>, waitUntil: (p: Promise<unknown>) => void): Response {
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const writer = writable.getWriter();
  const encoder = new TextEncoder();
  const send = (line: RefreshLine) => {
    writer.write(encoder.encode(`${JSON.stringify(line)}\n`)).catch(() => {});
  };
  const done = run(send)
    .then((summary) => send({ event: 'finished', summary }))
    .catch((e) => send({ event: 'failed', error: errorText(e) }))
    .finally(() => writer.close().catch(() => {}));
  waitUntil(done);
  return new Response(readable, { headers: { 'Content-Type': `${NDJSON}; charset=utf-8`, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' } });
}
