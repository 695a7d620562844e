import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module shared with `npm run bench:load`
import { failures, runLoad, storyWithNews } from '../../bench/load-core.mjs';
import { startBantin, type Running } from './dev-server';

// The light version of `npm run bench:load`: 50 concurrent readers of the three feeds on a
// real `wrangler dev` (127.0.0.1 only) while refreshes rewrite the store under them. No
// timing assertions: every answer must be a full 200, and the refreshes must succeed.

let bantin: Running;
const catalog = JSON.parse(readFileSync('tests/fixtures/catalog.json', 'utf8')) as { id: string }[];
const story = readFileSync('tests/fixtures/story/rss.xml', 'utf8');

describe('feeds under 50 concurrent readers while refreshes run', () => {
  beforeAll(async () => {
    bantin = await startBantin();
    const first = await bantin.admin('POST', `/admin/refresh?${catalog.map((s) => `source=${s.id}`).join('&')}`);
    expect(first.status).toBe(200);
  });
  afterAll(() => bantin?.stop());

  it('answers every request in full, with no error, while the store is rewritten', async () => {
    const publish = (n: number) =>
      fetch(`${bantin.origin}/__override`, { method: 'POST', body: JSON.stringify({ path: '/story/rss.xml', body: storyWithNews(story, n), headers: { 'content-type': 'application/rss+xml; charset=utf-8' } }) });
    const r = await runLoad({ base: bantin.base, admin: (method: string, path: string) => bantin.admin(method, path), publish, ids: catalog.map((s) => s.id), connections: 50, durationSeconds: 3 });
    expect(r.requests).toBeGreaterThan(50);
    expect({ errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx, emptyBodies: r.emptyBodies, badStatus: r.badStatus }).toEqual({ errors: 0, timeouts: 0, non2xx: 0, emptyBodies: 0, badStatus: {} });
    expect(failures(r)).toBe(0);
    expect(r.refreshes.length).toBeGreaterThan(0);
    for (const x of r.refreshes) expect(x).toMatchObject({ ok: true, failed: [] });
    expect(r.refreshes.some((x: { updated: number }) => x.updated > 0)).toBe(true);
  });
});
