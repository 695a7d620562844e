/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { currentProvinceOf, findProvince } from '../../../src/regions';
import { BUNDLED_SOURCES } from '../../../src/sources/bundled';
import { PROVINCIAL_PAPERS, PROVINCIAL_PORTALS } from '../../../src/sources/national.generated';
import { ingestSource } from '../../../src/ingest/ingest-source';
import { sourceSchema, validateCatalog, type PresetName } from '../../../src/sources/schema';
import newsitem from '../../fixtures/newsitem/listing.html?raw';
import story from '../../fixtures/story/listing.html?raw';

const host = (u: string) => new URL(u).hostname;

describe('the bundled catalog', () => {
  const r = validateCatalog(BUNDLED_SOURCES);
  const sources = r.ok ? r.value : [];

  it('is valid, with unique ids, and every entry unverified with where its address came from', () => {
    expect(r.ok ? [] : r.errors).toEqual([]);
    expect(sources.length).toBeGreaterThan(70);
    for (const s of sources) expect(s.unverified?.from, s.id).toMatch(/\S/);
  });

  it('carries a portal for each of the 34 provinces of today', () => {
    const portals = sources.filter((s) => PROVINCIAL_PORTALS.some((p) => host(p.url) === host(s.url)));
    expect(portals).toHaveLength(34);
    expect(new Set(portals.map((s) => s.region.province)).size).toBe(34);
    for (const s of portals) expect(findProvince(s.region.province)?.current, s.id).toBe(true);
    expect(portals.find((s) => s.region.province === 'dong-nai')?.name).toBe('Cổng TTĐT thành phố Đồng Nai');
    expect(portals.find((s) => s.region.province === 'cao-bang')?.name).toBe('Cổng TTĐT tỉnh Cao Bằng');
  });

  it('carries every listed paper once, a paper of a former province under that province', () => {
    for (const p of PROVINCIAL_PAPERS) {
      const found = sources.filter((s) => host(s.url) === host(p.url));
      expect(found, p.url).toHaveLength(1);
      expect(found[0].region.province).toBe(p.province);
    }
    const binhDuong = sources.find((s) => host(s.url) === 'baobinhduong.vn')!;
    expect(binhDuong).toMatchObject({ name: 'Báo Bình Dương', region: { province: 'binh-duong' } });
    expect(currentProvinceOf(binhDuong.region.province)).toBe('ho-chi-minh');
    expect(sources.filter((s) => !findProvince(s.region.province)?.current).length).toBeGreaterThan(15);
  });

  it('gives the national entries no preset or selectors: they are read from their address alone', () => {
    const listed = new Set([...PROVINCIAL_PORTALS, ...PROVINCIAL_PAPERS].map((p) => host(p.url)));
    // The two papers the local list already had keep their local entries (checked below).
    const national = sources.filter((s) => listed.has(host(s.url)) && !['baothainguyen', 'baobackan'].includes(s.id));
    expect(national.length).toBe(34 + PROVINCIAL_PAPERS.length - 2);
    for (const s of national) {
      expect(s.preset, s.id).toBeUndefined();
      expect(s.selectors, s.id).toBeUndefined();
      expect(s.kind).toBe('auto');
    }
  });
});

const now = new Date('2024-12-09T03:00:00Z');

/** The bundled entries whose portals run a known platform, with a page of that platform. */
const KNOWN: Array<{ id: string; platform: PresetName; html: string }> = [
  { id: 'backan', platform: 'newsitem', html: newsitem },
  { id: 'baobackan', platform: 'story', html: story },
];

const serve = (url: string, html: string) =>
  (async (input: RequestInfo | URL) =>
    String(input instanceof Request ? input.url : input) === url
      ? new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } })
      : new Response('không có', { status: 404 })) as typeof fetch;

describe('the bundled catalog, read without presets', () => {
  it('names no preset or selectors: detection finds the platform by itself', () => {
    for (const s of BUNDLED_SOURCES) {
      expect(s.preset, s.id).toBeUndefined();
      expect(s.selectors, s.id).toBeUndefined();
    }
  });

  it.each(KNOWN)('$id still reads its listing right ($platform, found on the page)', async ({ id, platform, html }) => {
    const entry = sourceSchema.parse(BUNDLED_SOURCES.find((s) => s.id === id));
    const run = (source: typeof entry) => ingestSource({ source, validators: {} }, { fetch: serve(entry.url, html), allowPrivate: false, now });
    const found = await run(entry);
    const told = await run({ ...entry, kind: 'html', preset: platform });
    if (found.status !== 'parsed' || told.status !== 'parsed') throw new Error('not parsed');
    expect(found.listing?.platform).toBe(platform);
    expect(found.articles.length).toBeGreaterThan(5);
    expect(found.articles).toEqual(told.articles);
  });
});
