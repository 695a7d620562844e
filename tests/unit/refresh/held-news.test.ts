import { describe, expect, it } from 'vitest';
import { HAND_OVER_MS, handsOver, heldToStore, hold, newNewsHeld, sliceOfNews, type ParsedResult } from '../../../src/refresh/held-news';
import { catalogIndex } from '../../../src/sources/catalog-index';
import { validateCatalog, type Source } from '../../../src/sources/schema';
import type { SourceState } from '../../../src/store/types';
import { article } from '../../helpers/articles';

const catalog = (() => {
  const r = validateCatalog(
    ['xa-mot', 'xa-hai', 'xa-ba'].map((id) => ({ id, name: `UBND ${id}`, url: `https://${id}.langson.gov.vn/rss`, region: { province: 'lang-son' } })),
  );
  if (!r.ok) throw new Error('fixture catalog invalid');
  return r.value;
})();
const result = (ids: string[]): ParsedResult => ({ status: 'parsed', articles: ids.map((id) => article({ id })), validators: { hash: `h-${ids.join()}` }, partial: false, format: 'rss', icon: {} });

describe('held news', () => {
  it('is left for the next run only by an isolate that served the run before', () => {
    const held = newNewsHeld();
    const t0 = Date.parse('2026-11-27T01:00:00Z');
    // A new isolate's first run stores what it fetches; its runs a minute apart, or two isolates
    // in turn, hand news over; after a pause, or runs served elsewhere, it stores at once again.
    expect(handsOver(held, t0)).toBe(false);
    expect(handsOver(held, t0 + 60_000)).toBe(true);
    expect(handsOver(held, t0 + 180_000)).toBe(true);
    expect(handsOver(held, t0 + 180_000 + HAND_OVER_MS + 1)).toBe(false);
    expect(handsOver(held, t0 + 180_000 + HAND_OVER_MS + 60_001)).toBe(true);
    // A clock that went back is no proof of a run just before.
    expect(handsOver(held, t0)).toBe(false);
    expect(newNewsHeld().lastRun).toBeUndefined();
  });

  it('gives the held news to store in the order held, and drops what another run fetched since, a source gone or moved', () => {
    const held = newNewsHeld();
    const states: Record<string, SourceState> = { 'xa-mot': { failures: 0, hash: 'a' }, 'xa-hai': { failures: 0, hash: 'b' }, 'xa-ba': { failures: 0, hash: 'c' } };
    for (const s of [catalog[2], catalog[0], catalog[1]]) hold(held, s, states[s.id], result([`${s.id}-1`]));
    expect(heldToStore(held, catalogIndex(catalog).byId, states).map((s) => s.id)).toEqual(['xa-ba', 'xa-mot', 'xa-hai']);

    // xa-hai fetched elsewhere since (its validators moved), xa-ba moved to another address.
    const moved: Source[] = catalog.map((s) => (s.id === 'xa-ba' ? { ...s, url: 'https://xa-ba.langson.gov.vn/feed' } : s));
    const later = { ...states, 'xa-hai': { failures: 0, hash: 'b2' } };
    expect(heldToStore(held, catalogIndex(moved).byId, later).map((s) => s.id)).toEqual(['xa-mot']);
    expect([...held.keys()]).toEqual(['xa-mot']);
    // A source disabled since holds nothing either.
    expect(heldToStore(held, catalogIndex(catalog.map((s) => ({ ...s, enabled: false }))).byId, later)).toEqual([]);
    expect(held.size).toBe(0);
  });

  it("slices a fetch's new articles: the oldest first, up to the allowance, the known ones untouched", () => {
    const at = (h: number) => `2026-11-27T0${h}:00:00.000Z`;
    // As a feed lists them, newest first; k1 is already stored.
    const articles = [article({ id: 'n3', published: at(5) }), article({ id: 'n2', published: at(4) }), article({ id: 'k1', published: at(3) }), article({ id: 'n1', published: at(2) })];
    const fresh = articles.filter((a) => a.id !== 'k1');
    const two = sliceOfNews(articles, fresh, 2);
    expect(two.fresh.map((a) => a.id)).toEqual(['n2', 'n1']);
    expect(two.articles.map((a) => a.id)).toEqual(['n2', 'k1', 'n1']);
    expect(two.later).toBe(1);
    // The next run's slice, against a bucket that now holds them: the last one.
    const rest = sliceOfNews(articles, fresh.filter((a) => a.id === 'n3'), 2);
    expect([rest.fresh.map((a) => a.id), rest.articles.length, rest.later]).toEqual([['n3'], 4, 0]);
    // No allowance: nothing new taken, everything left.
    expect(sliceOfNews(articles, fresh, 0)).toMatchObject({ fresh: [], later: 3 });
    expect(sliceOfNews(articles, fresh, Infinity).articles).toBe(articles);
  });
});
