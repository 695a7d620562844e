import { describe, expect, it } from 'vitest';
import { iconAfterParse, ICON_RECHECK_MS, probeFavicon, wantsFavicon } from '../../../src/ingest/site-icon';

const ICO = Uint8Array.from([0, 0, 1, 0, 1, 0, 16, 16, 0, 0]);
const now = new Date('2026-11-30T03:00:00Z');

const fake = (answer: (url: string) => Response) => {
  const asked: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    asked.push(String(input));
    return answer(String(input));
  }) as typeof globalThis.fetch;
  return { asked, opts: { fetch, allowPrivate: false } };
};

describe('a source’s icon', () => {
  it('is the one its page or feed names, resolved; else the one known', () => {
    expect(iconAfterParse('/icon.png', 'https://xa.gov.vn/rss/tin.rss', undefined)).toEqual({ icon: 'https://xa.gov.vn/icon.png' });
    expect(iconAfterParse(undefined, 'https://xa.gov.vn/', { icon: 'https://xa.gov.vn/cu.png' })).toEqual({ icon: 'https://xa.gov.vn/cu.png' });
    expect(iconAfterParse('javascript:alert(1)', 'https://xa.gov.vn/', { iconChecked: now.toISOString() })).toEqual({ iconChecked: now.toISOString() });
  });

  it('asks /favicon.ico only with no icon known, and once a month at most', () => {
    expect(wantsFavicon({}, now)).toBe(true);
    expect(wantsFavicon({ icon: 'https://xa.gov.vn/i.png' }, now)).toBe(false);
    expect(wantsFavicon({ iconChecked: new Date(now.getTime() - 1000).toISOString() }, now)).toBe(false);
    expect(wantsFavicon({ iconChecked: new Date(now.getTime() - ICON_RECHECK_MS - 1000).toISOString() }, now)).toBe(true);
  });

  it('takes /favicon.ico only when it answers as a raster image', async () => {
    const good = fake(() => new Response(ICO, { headers: { 'content-type': 'image/x-icon' } }));
    expect(await probeFavicon('https://xa.gov.vn/tin-tuc/', good.opts)).toBe('https://xa.gov.vn/favicon.ico');
    expect(good.asked).toEqual(['https://xa.gov.vn/favicon.ico']);
    // A portal's "not found" page with status 200, an SVG, a 404, a redirect inward: no icon, and no throw.
    for (const answer of [
      () => new Response('<!DOCTYPE html><p>Không tìm thấy</p>', { headers: { 'content-type': 'text/html' } }),
      () => new Response('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', { headers: { 'content-type': 'image/x-icon' } }),
      () => new Response('', { status: 404 }),
      () => new Response(null, { status: 302, headers: { location: 'http://169.254.169.254/favicon.ico' } }),
    ]) {
      const f = fake(answer);
      expect(await probeFavicon('https://xa.gov.vn/', f.opts)).toBeUndefined();
      expect(f.asked).toEqual(['https://xa.gov.vn/favicon.ico']);
    }
  });
});
