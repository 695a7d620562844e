import { app } from '../src/app';
import type { Env } from '../src/env';
import type { Article } from '../src/model';
import type { SourceInput } from '../src/sources/schema';
import { mergeBucket } from '../src/store/bucket';
import { bucketKey, CATALOG_KEY } from '../src/store/keys';
import { mergeSnapshot, snapshotKeysFor } from '../src/store/snapshot';
import type { Bucket, SourceInfo } from '../src/store/types';
import type { BenchCase } from './measure';

/**
 * The pages benchmark's cases: real requests through the project's Hono app (routing, query
 * parsing, snapshot parse, filters, render, ETag) over a store built with the store's own
 * functions (mergeBucket, mergeSnapshot) from generated articles. KV is an in-memory map:
 * in production a KV read is I/O, not CPU, so what is timed here is the CPU of a request.
 */

export interface PagesPayload {
  /** Generated articles, each with its sourceId. */
  articles: Article[];
  sources: SourceInput[];
  /** Requests to time, by case name: path and optional If-None-Match (the ETag a first answer gave). */
  requests: Record<string, { path: string; revalidate?: boolean }>;
}

/** Buckets and snapshots as a refresh run writes them, plus the catalog, as KV texts. */
function buildStore(payload: PagesPayload): Map<string, string> {
  const now = new Date('2026-11-27T03:00:00Z');
  const kv = new Map<string, string>();
  const buckets: Bucket[] = payload.sources.map((s, i) => {
    const info: SourceInfo = { id: s.id, name: s.name, url: s.url, region: s.region };
    const mine = payload.articles.filter((a) => a.sourceId === s.id);
    return { version: `b${i}`, sourceId: s.id, source: info, articles: mergeBucket([], mine, now).articles };
  });
  const members = new Map<string, Bucket[]>();
  for (const b of buckets) {
    kv.set(bucketKey(b.sourceId), JSON.stringify(b));
    for (const key of snapshotKeysFor(b.source!.region)) members.set(key, [...(members.get(key) ?? []), b]);
  }
  let n = 0;
  for (const [key, bs] of members) kv.set(key, JSON.stringify(mergeSnapshot(null, bs, `v${n++}`, now)));
  kv.set(CATALOG_KEY, JSON.stringify(payload.sources));
  return kv;
}

/** A KV namespace that answers from memory (get only: serving never writes). */
function memoryKv(kv: Map<string, string>): KVNamespace {
  const get = async (key: string, type?: unknown) => {
    const text = kv.get(key) ?? null;
    const kind = typeof type === 'string' ? type : (type as { type?: string } | undefined)?.type;
    return text !== null && kind === 'json' ? JSON.parse(text) : text;
  };
  return { get } as unknown as KVNamespace;
}

const ctx: ExecutionContext = { waitUntil() {}, passThroughOnException() {}, props: {} } as unknown as ExecutionContext;

async function request(env: Env, path: string, etag?: string): Promise<Response> {
  const res = await app.fetch(new Request(`https://bantin.bench${path}`, { headers: etag ? { 'if-none-match': etag } : {} }), env, ctx);
  return res;
}

/** One case per request named in the payload; `run` is one whole request, body read. */
function requestCase(name: string): BenchCase {
  return async (payload: PagesPayload) => {
    const env = { KV: memoryKv(buildStore(payload)) } as unknown as Env;
    const { path, revalidate } = payload.requests[name];
    const first = await request(env, path);
    if (first.status !== 200) throw new Error(`${path}: HTTP ${first.status} ${await first.text()}`);
    const body = await first.text();
    const etag = revalidate ? first.headers.get('etag') ?? undefined : undefined;
    const run = async () => (await request(env, path, etag)).text();
    return {
      run,
      check: async () => {
        const res = await request(env, path, etag);
        const text = await res.text();
        const snapAll = JSON.parse(buildStore(payload).get('snap:all')!) as { articles: unknown[] };
        return { status: res.status, bytes: text.length, firstBytes: body.length, snapshotArticles: snapAll.articles.length, items: (body.match(/<item>|<li class="article">/g) ?? []).length };
      },
    };
  };
}

export const PAGE_CASES = [
  'home', 'home-304', 'home-search', 'province-page', 'feed-rss', 'feed-rss-304', 'feed-rss-search',
  'feed-rss-fulltext', 'feed-rss-fulltext-304', 'feed-json-fulltext', 'feed-atom-fulltext', 'home-fulltext',
] as const;

export const pagesCases: Record<string, BenchCase> = Object.fromEntries(PAGE_CASES.map((n) => [n, requestCase(n)]));
