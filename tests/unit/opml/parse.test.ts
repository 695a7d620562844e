import { describe, expect, it } from 'vitest';
import { parseOpml } from '../../../src/opml/parse';
import portalsText from '../../fixtures/opml/portals.opml?raw';
import xxeText from '../../fixtures/opml/xxe.opml?raw';

const portals = portalsText.replaceAll('{{ORIGIN}}', 'https://tin.backan.gov.vn');

describe('parseOpml', () => {
  it('reads outlines with their attributes and the folders around them', () => {
    const r = parseOpml(portals);
    expect(r).toMatchObject({ ok: true, title: 'Cổng thông tin tỉnh Bắc Kạn và Thái Nguyên' });
    if (!r.ok) return;
    const choDon = r.outlines.find((o) => o.attrs.text === 'Cổng TTĐT huyện Chợ Đồn')!;
    expect(choDon.attrs['bantin:district']).toBe('cho-don');
    expect(choDon.ancestors[0]).toMatchObject({ text: 'Bắc Kạn', 'bantin:province': 'bac-kan' });
  });

  it('refuses a DOCTYPE, so no entity is ever declared, fetched or expanded', () => {
    const r = parseOpml(xxeText);
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/DOCTYPE is not accepted/) });
    expect(JSON.stringify(r)).not.toMatch(/root:|lollol/);
  });

  it('reads HTML named entities from a fixed table and refuses any other entity', () => {
    const named = parseOpml('<opml version="2.0"><body><outline text="Tin&nbsp;tức &amp; sự kiện" xmlUrl="https://a.gov.vn/rss?a=1&amp;b=2"/></body></opml>');
    expect(named).toMatchObject({ ok: true, outlines: [{ attrs: { text: 'Tin\u00a0tức & sự kiện', xmlUrl: 'https://a.gov.vn/rss?a=1&b=2' } }] });
    const unknown = parseOpml('<opml version="2.0"><body><outline text="&xxe;" xmlUrl="https://a.gov.vn/rss"/></body></opml>');
    expect(unknown).toEqual({ ok: false, error: expect.stringMatching(/^not well-formed XML at line 1: Invalid character entity/) });
  });

  it.each([
    ['not XML', 'Tin tức Bắc Kạn', /not well-formed|no <opml>/],
    ['a truncated file', '<opml version="2.0"><body><outline text="a" xmlUrl="https://a.gov.vn/rss"', /not well-formed/],
    ['another root', '<rss version="2.0"><channel/></rss>', /root element is <rss>/],
    ['nothing', '', /no <opml>/],
  ])('refuses %s with a reason', (_what, text, why) => {
    const r = parseOpml(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(why);
  });
});
