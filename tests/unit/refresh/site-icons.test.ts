import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { subrequestBudget } from '../../../src/refresh/budget';
import { probeSiteIcons } from '../../../src/refresh/site-icons';
import type { Processed, RunContext } from '../../../src/refresh/types';
import type { Source } from '../../../src/sources/schema';
import { bucketKey } from '../../../src/store/keys';
import { countingStore } from '../../../src/store/kv';
import type { Bucket } from '../../../src/store/types';

const kv = (env as unknown as { KV: KVNamespace }).KV;
const ICO = Uint8Array.from([0, 0, 1, 0, 1, 0, 16, 16, 0, 0]);
const now = new Date('2026-11-30T03:00:00Z');

function setup(favicon: (url: string) => Response, max = 10) {
  const asked: string[] = [];
  const budget = subrequestBudget((async (input: RequestInfo | URL) => {
    asked.push(String(input));
    return favicon(String(input));
  }) as typeof fetch, max);
  const ctx = {
    deps: { kv, fetch, now: () => now, random: () => 0.5, allowPrivate: false },
    store: countingStore(kv),
    budget,
    deadline: now.getTime() + 60_000,
    now,
  } as unknown as RunContext;
  return { asked, budget, ctx };
}

const processed = (id: string, url: string, icon: { icon?: string; iconChecked?: string } = {}): Processed => {
  const bucket: Bucket = { version: 'v1', sourceId: id, source: { id, name: id, url, region: { province: 'bac-kan' } }, articles: [] };
  return {
    source: { id, url } as Source,
    report: { id, outcome: 'unchanged', newArticles: 0, updatedArticles: 0 },
    result: { status: 'parsed', articles: [], validators: {}, partial: false, format: 'rss', icon },
    bucket,
  };
};

describe('probeSiteIcons', () => {
  it('asks /favicon.ico once per site for the sources that name no icon, and writes the icon into their buckets', async () => {
    const { asked, ctx, budget } = setup(() => new Response(ICO, { headers: { 'content-type': 'image/x-icon' } }));
    const list = [
      processed('a', 'https://xa.gov.vn/rss'),
      processed('b', 'https://xa.gov.vn/tin-tuc'),
      processed('c', 'https://huyen.gov.vn/', { icon: 'https://huyen.gov.vn/logo.png' }),
      processed('d', 'https://tinh.gov.vn/', { iconChecked: new Date(now.getTime() - 86_400_000).toISOString() }),
    ];
    const rewritten = await probeSiteIcons(list, budget, ctx);
    expect(asked).toEqual(['https://xa.gov.vn/favicon.ico']);
    expect([...rewritten.keys()].sort()).toEqual(['a', 'b']);
    for (const p of list.slice(0, 2)) {
      expect(p.result).toMatchObject({ icon: { icon: 'https://xa.gov.vn/favicon.ico', iconChecked: now.toISOString() } });
      expect((await kv.get<Bucket>(bucketKey(p.source.id), 'json'))!.source!.icon).toBe('https://xa.gov.vn/favicon.ico');
    }
  });

  it('notes the check when the answer is no image, and asks nothing without budget left', async () => {
    const html = setup(() => new Response('<!DOCTYPE html><p>Không tìm thấy</p>', { headers: { 'content-type': 'text/html' } }));
    const p = processed('e', 'https://xa2.gov.vn/');
    expect((await probeSiteIcons([p], html.budget, html.ctx)).size).toBe(0);
    expect(p.result).toMatchObject({ icon: { iconChecked: now.toISOString() } });
    expect(p.result!.status === 'parsed' && p.result!.icon.icon).toBeFalsy();

    const spent = setup(() => new Response(ICO), 0);
    const q = processed('f', 'https://xa3.gov.vn/');
    await probeSiteIcons([q], spent.budget, spent.ctx);
    expect(spent.asked).toEqual([]);
    expect(q.result).toMatchObject({ icon: {} });
  });
});
