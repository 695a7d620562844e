import { describe, expect, it } from 'vitest';
import { renderAtom } from '../../../src/serve/render-atom';
import { doc } from '../../helpers/feed-doc';
import { child, children, parseXml } from '../../helpers/xml';

describe('Atom 1.0', () => {
  const feed = parseXml(renderAtom(doc));
  it('says when an empty feed was built, since Atom requires <updated>', () => {
    const empty = { ...doc, updated: null, items: [], nextUrl: undefined };
    expect(child(parseXml(renderAtom(empty)), 'updated')!.text).toBe('2026-11-27T03:05:00Z');
  });
  it('has feed id, updated, author and self link', () => {
    expect(feed.attrs.xmlns).toBe('http://www.w3.org/2005/Atom');
    expect(child(feed, 'id')!.text).toBe(doc.formats.atom);
    expect(child(feed, 'updated')!.text).toBe('2026-11-27T03:00:00Z');
    expect(child(child(feed, 'author')!, 'name')!.text).toBe('bantin');
    expect(children(feed, 'link').find((l) => l.attrs.rel === 'self')!.attrs.href).toBe(doc.selfUrl);
  });
  it('gives each entry an id, dates, a link and a source', () => {
    const entry = children(feed, 'entry')[0];
    expect(child(entry, 'id')!.text).toBe('urn:bantin:article:a1');
    expect(child(entry, 'updated')!.text).toBe('2026-11-20T01:00:00Z');
    expect(child(entry, 'published')!.text).toBe('2026-11-20T01:00:00Z');
    expect(child(entry, 'link')!.attrs.href).toBe('https://backan.gov.vn/tin/a1.html');
    const src = child(entry, 'source')!;
    expect(child(src, 'title')!.text).toBe('Cổng TTĐT huyện Chợ Đồn');
    expect(child(src, 'id')!.text).toBe('urn:bantin:source:cho-don');
  });
});
