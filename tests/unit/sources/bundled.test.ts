/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { ingestSource } from '../../../src/ingest/ingest-source';
import { BUNDLED_SOURCES } from '../../../src/sources/bundled';
import { sourceSchema, type PresetName } from '../../../src/sources/schema';
import newsitem from '../../fixtures/newsitem/listing.html?raw';
import story from '../../fixtures/story/listing.html?raw';

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

describe('the bundled catalog', () => {
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
