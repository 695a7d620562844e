import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import worker from '../../src/index';
import type { Env } from '../../src/env';
import catalogText from '../fixtures/catalog.json?raw';
import { loadCatalog, override, runCron } from '../helpers/worker';

// Feeds through the Worker with FEED_CACHE_SECONDS set (the Cache API where the Worker has a
// custom domain) and without it: what a reader's request costs in KV reads.
const testEnv = env as unknown as Env;

/** The test KV, counting reads. */
function countingKv() {
  const counted = { reads: 0 };
  const kv = {
    get: (key: string, type?: unknown) => (counted.reads++, testEnv.KV.get(key, type as 'text')),
    getWithMetadata: (key: string, type?: unknown) => (counted.reads++, testEnv.KV.getWithMetadata(key, type as 'text')),
    list: (o?: KVNamespaceListOptions) => testEnv.KV.list(o),
  } as unknown as KVNamespace;
  return { kv, counted };
}

async function get(path: string, vars: Partial<Env>, kv: KVNamespace, headers: Record<string, string> = {}) {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`https://bantin.test${path}`, { headers }), { ...testEnv, ...vars, KV: kv }, ctx);
  const body = await res.text();
  await waitOnExecutionContext(ctx);
  return { res, body };
}

describe('feeds with and without the edge cache', () => {
  beforeAll(async () => {
    await override({ reset: true });
    await loadCatalog(catalogText);
    await runCron();
  });

  it('reads KV on every request without FEED_CACHE_SECONDS', async () => {
    const { kv, counted } = countingKv();
    for (let i = 0; i < 3; i++) expect((await get('/feed.rss?limit=3&nocache=1', {}, kv)).res.status).toBe(200);
    expect(counted.reads).toBe(3);
  });

  it('with FEED_CACHE_SECONDS reads KV once for a URL, then answers from the cache (304s too)', async () => {
    const { kv, counted } = countingKv();
    const vars = { FEED_CACHE_SECONDS: '120' };
    const first = await get('/feed.atom?limit=4', vars, kv);
    expect(first.res.status).toBe(200);
    const reads = counted.reads;
    expect(reads).toBeGreaterThan(0);
    const second = await get('/feed.atom?limit=4', vars, kv);
    expect(second.body).toBe(first.body);
    expect(second.res.headers.get('Content-Type')).toBe(first.res.headers.get('Content-Type'));
    const conditional = await get('/feed.atom?limit=4', vars, kv, { 'If-None-Match': first.res.headers.get('ETag')! });
    expect(conditional.res.status).toBe(304);
    expect(counted.reads).toBe(reads);
    // Another URL is another feed; a bad parameter is answered, never kept.
    expect((await get('/feed.json?limit=4', vars, kv)).res.status).toBe(200);
    expect(counted.reads).toBeGreaterThan(reads);
    expect((await get('/feed.rss?limit=zero', vars, kv)).res.status).toBe(400);
    expect((await get('/feed.rss?limit=zero', vars, kv)).res.status).toBe(400);
  });
});
