import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../../src/index';
import type { Env } from '../../src/env';
import type { RefreshLine } from '../../src/admin/refresh-stream';
import { adminCall, origin, TOKEN } from '../helpers/worker';

// A refresh that reports as it goes: with Accept: application/x-ndjson, POST /admin/refresh
// answers at once and streams a line per finished source, then the run's summary.

const HELD = '/hostile/held/feeds/rdf.xml';
const sources = [
  { id: 'nhanh', name: 'Cổng trả lời ngay', url: `${origin()}/wordpress/feed.xml`, kind: 'feed', region: { province: 'bac-kan' } },
  { id: 'cham', name: 'Cổng trả lời khi được phép', url: `${origin()}${HELD}`, kind: 'feed', region: { province: 'thai-nguyen' } },
];

/** Reads a stream line by line. */
function lines(body: ReadableStream<Uint8Array>) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  return async (): Promise<RefreshLine | null> => {
    for (;;) {
      const nl = buffered.indexOf('\n');
      if (nl >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        return JSON.parse(line) as RefreshLine;
      }
      const { value, done } = await reader.read();
      if (done) return null;
      buffered += value;
    }
  };
}

describe('POST /admin/refresh with progress', () => {
  it('streams each source as it finishes, while others are still fetched, then the summary', async () => {
    expect((await adminCall('/admin/sources', 'PUT', sources)).status).toBe(200);
    const ctx = createExecutionContext();
    const res = await worker.fetch(
      new Request('https://bantin.test/admin/refresh?all=1', { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, accept: 'application/x-ndjson' } }),
      env as unknown as Env,
      ctx,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const next = lines(res.body!);

    expect(await next()).toEqual({ event: 'started', due: 2, sources: 2 });
    // The quick portal is reported while the other still holds its answer back.
    const first = await next();
    expect(first).toMatchObject({ event: 'source', done: 1, sources: 2, report: { id: 'nhanh', outcome: 'updated' } });
    await fetch(`${origin()}/__release?path=${encodeURIComponent(HELD)}`, { method: 'POST' });
    expect(await next()).toMatchObject({ event: 'source', done: 2, sources: 2, report: { id: 'cham', outcome: 'updated' } });
    expect(await next()).toEqual({ event: 'storing' });
    const last = await next();
    expect(last?.event).toBe('finished');
    const summary = (last as Extract<RefreshLine, { event: 'finished' }>).summary;
    expect(summary.sources.map((s) => s.id).sort()).toEqual(['cham', 'nhanh']);
    expect(summary.sources.every((s) => s.newArticles > 0)).toBe(true);
    expect(await next()).toBeNull();
    await waitOnExecutionContext(ctx);

    // The articles are stored, as by a refresh answered at the end.
    const api = (await (await adminCall('/api/articles?source=cham', 'GET')).json()) as { items: unknown[] };
    expect(api.items.length).toBeGreaterThan(0);
  });

  it('keeps answering with the summary alone when progress is not asked for', async () => {
    const res = await adminCall('/admin/refresh?source=nhanh', 'POST');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const summary = (await res.json()) as { sources: { id: string }[] };
    expect(summary.sources.map((s) => s.id)).toEqual(['nhanh']);
  });
});
