import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { Env } from '../../src/env';
import { adminCall, call, origin } from '../helpers/worker';

// One source at a time through the admin API: add, change, delete with or without its
// articles, and a catalog that round-trips. In workerd, with this file's own KV.

const kv = () => (env as unknown as Env).KV;
const src = (id: string, path: string, over: object = {}) => ({ id, name: `Cổng ${id}`, url: `${origin()}${path}`, region: { province: 'bac-kan', district: id }, ...over });
type Feed = { items: { id: string; _bantin: { source: { id: string } } }[] };
type Health = { id: string; retired: boolean; health: { lastError: string | null; consecutiveFailures: number; nextDue: string | null } };
const feed = async (path: string) => (await (await call(path)).json()) as Feed;
const health = async (id: string) => ((await (await call('/api/sources')).json()) as { sources: Health[] }).sources.find((s) => s.id === id)!;
const refresh = async () => expect((await adminCall('/admin/refresh?all=1', 'POST')).status).toBe(200);
const stateOf = async (id: string) => ((await kv().get('state', 'json')) as { sources: Record<string, Record<string, unknown>> }).sources[id];

describe('GET and PUT /admin/sources', () => {
  it('takes back what it gives, unchanged', async () => {
    await adminCall('/admin/sources', 'PUT', [src('cho-don', '/liferay/rss.xml', { note: 'ghi chú', intervalMinutes: 60 }), src('pac-nam', '/nukeviet/rss.xml')]);
    const first = (await (await adminCall('/admin/sources', 'GET')).json()) as { sources: unknown[] };
    const stored = await kv().get('catalog');
    expect((await adminCall('/admin/sources', 'PUT', first.sources)).status).toBe(200);
    expect(await (await adminCall('/admin/sources', 'GET')).json()).toEqual(first);
    expect(await kv().get('catalog')).toBe(stored);
  });
});

describe('POST /admin/sources', () => {
  it('adds one source, refuses an id that exists with 409 and an invalid one with 400, naming the field', async () => {
    await adminCall('/admin/sources', 'PUT', [src('cho-don', '/liferay/rss.xml')]);
    const added = await adminCall('/admin/sources', 'POST', src('pac-nam', '/nukeviet/rss.xml'));
    expect(added.status).toBe(201);
    expect(await added.json()).toMatchObject({ ok: true, source: { id: 'pac-nam', enabled: true, retired: false, kind: 'auto' } });
    const again = await adminCall('/admin/sources', 'POST', src('pac-nam', '/other.xml'));
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ errors: [{ field: 'id' }] });
    const bad = await adminCall('/admin/sources', 'POST', { ...src('ba-be', '/x'), url: 'ftp://x' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ errors: [{ field: 'url' }] });
    const list = (await (await adminCall('/admin/sources', 'GET')).json()) as { sources: { id: string }[] };
    expect(list.sources.map((s) => s.id)).toEqual(['cho-don', 'pac-nam']);
    await refresh();
    expect((await feed('/s/pac-nam/feed.json')).items.length).toBeGreaterThan(0);
  });
});

describe('PATCH /admin/sources/<id>', () => {
  it('changes the fields given, validated as a whole source; null resets one; the id and unknown ids are refused', async () => {
    await adminCall('/admin/sources', 'PUT', [src('cho-don', '/liferay/rss.xml', { note: 'cũ' })]);
    const ok = await adminCall('/admin/sources/cho-don', 'PATCH', { name: 'Cổng mới', intervalMinutes: 120, note: null });
    expect(ok.status).toBe(200);
    const { source } = (await ok.json()) as { source: Record<string, unknown> };
    expect(source).toMatchObject({ id: 'cho-don', name: 'Cổng mới', intervalMinutes: 120, url: `${origin()}/liferay/rss.xml` });
    expect(source).not.toHaveProperty('note');
    const bad = await adminCall('/admin/sources/cho-don', 'PATCH', { intervalMinutes: 1, region: { province: 'atlantis' } });
    expect(bad.status).toBe(400);
    const fields = ((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['intervalMinutes', 'region.province']));
    expect((await adminCall('/admin/sources/cho-don', 'PATCH', { id: 'other' })).status).toBe(400);
    expect((await adminCall('/admin/sources/cho-don', 'PATCH', [1])).status).toBe(400);
    expect((await adminCall('/admin/sources/nope', 'PATCH', { name: 'x' })).status).toBe(404);
    // Nothing of the refused patches was saved.
    const list = (await (await adminCall('/admin/sources', 'GET')).json()) as { sources: Record<string, unknown>[] };
    expect(list.sources).toEqual([source]);
  });

  it('forgets the old address\'s error and backoff when the URL changes, by PATCH or by PUT', async () => {
    await adminCall('/admin/sources', 'PUT', [src('cho-don', '/khong-co/rss.xml'), src('pac-nam', '/khong-co-nua/rss.xml')]);
    await refresh();
    for (const id of ['cho-don', 'pac-nam']) {
      const h = await health(id);
      expect(h.health.lastError).not.toBeNull();
      expect(h.health.consecutiveFailures).toBe(1);
      expect(h.health.nextDue).not.toBeNull();
    }
    // A change that keeps the URL keeps the history.
    await adminCall('/admin/sources/cho-don', 'PATCH', { name: 'Cổng Chợ Đồn' });
    expect((await health('cho-don')).health.consecutiveFailures).toBe(1);

    await adminCall('/admin/sources/cho-don', 'PATCH', { url: `${origin()}/liferay/rss.xml` });
    const list = (await (await adminCall('/admin/sources', 'GET')).json()) as { sources: { id: string; url: string }[] };
    await adminCall('/admin/sources', 'PUT', list.sources.map((s) => (s.id === 'pac-nam' ? { ...s, url: `${origin()}/nukeviet/rss.xml` } : s)));
    for (const id of ['cho-don', 'pac-nam']) {
      expect((await health(id)).health).toMatchObject({ lastError: null, consecutiveFailures: 0, nextDue: null });
      const state = await stateOf(id);
      expect(state).not.toHaveProperty('lastErrorCode');
      expect(state).not.toHaveProperty('hash');
    }
    // Due at once at the new address, and it works.
    const run = (await (await adminCall('/admin/refresh', 'POST')).json()) as { due: number; failed: unknown[] };
    expect(run.due).toBe(2);
    expect((await feed('/s/pac-nam/feed.json')).items.length).toBeGreaterThan(0);
  });
});

describe('DELETE /admin/sources/<id>', () => {
  const two = () => adminCall('/admin/sources', 'PUT', [src('cho-don', '/liferay/rss.xml'), src('pac-nam', '/nukeviet/rss.xml')]);

  it('deletes a source with its articles: bucket gone, snapshots rebuilt without them, nothing else lost', async () => {
    await two();
    await refresh();
    const before = await feed('/p/bac-kan/feed.json?limit=500');
    const kept = before.items.filter((i) => i._bantin.source.id === 'pac-nam').map((i) => i.id);
    expect(kept.length).toBeGreaterThan(0);
    expect(before.items.some((i) => i._bantin.source.id === 'cho-don')).toBe(true);

    const res = await adminCall('/admin/sources/cho-don', 'DELETE');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { deleted: boolean; articles: number; snapshots: string[] };
    expect(body.deleted).toBe(true);
    expect(body.articles).toBeGreaterThan(0);
    expect(body.snapshots).toEqual(expect.arrayContaining(['snap:all', 'snap:p:bac-kan', 'snap:d:bac-kan:cho-don']));

    expect(await kv().get('src:cho-don')).toBeNull();
    expect(await kv().get('src:pac-nam')).not.toBeNull();
    expect(await stateOf('cho-don')).toBeUndefined();
    for (const path of ['/feed.json?limit=500', '/p/bac-kan/feed.json?limit=500', '/p/thai-nguyen/feed.json?limit=500']) {
      const after = await feed(path);
      expect(after.items.map((i) => i.id)).toEqual(kept);
    }
    expect((await call('/s/cho-don/feed.rss')).status).toBe(404);
    expect((await call('/p/bac-kan/cho-don/feed.rss')).status).toBe(404);
    expect((await call('/api/sources')).status).toBe(200);
    expect((await adminCall('/admin/sources/cho-don', 'DELETE')).status).toBe(404);
    // The next run neither brings it back nor stumbles.
    await refresh();
    expect((await feed('/feed.json?limit=500')).items.every((i) => i._bantin.source.id === 'pac-nam')).toBe(true);
  });

  it('with ?articles=keep keeps the source as retired, with its articles', async () => {
    await two();
    await refresh();
    const before = (await feed('/s/cho-don/feed.json')).items.map((i) => i.id);
    const res = await adminCall('/admin/sources/cho-don?articles=keep', 'DELETE');
    expect(await res.json()).toEqual({ ok: true, id: 'cho-don', deleted: false, retired: true });
    expect((await health('cho-don')).retired).toBe(true);
    expect((await feed('/s/cho-don/feed.json')).items.map((i) => i.id)).toEqual(before);
    expect((await adminCall('/admin/sources/cho-don?articles=drop', 'DELETE')).status).toBe(400);
  });
});
