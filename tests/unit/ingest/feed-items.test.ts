import { describe, expect, it } from 'vitest';
import { cutKnownItems, feedItems, itemDate } from '../../../src/ingest/feed-items';
import wordpress from '../../fixtures/wordpress/feed.xml?raw';
import liferay from '../../fixtures/liferay/rss.xml?raw';
import rdf from '../../fixtures/feeds/rdf.xml?raw';

const rss = (items: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Xã Yên Bình</title>${items}</channel></rss>`;
const item = (n: number, extra = '') =>
  `<item><title>Tin số ${n}</title><link>https://yenbinh.gov.vn/tin/${n}.html</link><guid>yb-${n}</guid>${extra}</item>`;

describe('feedItems: where each item is, and what it is told by', () => {
  it('RSS 2.0 (WordPress, CDATA bodies): every item, in order, each with its own key', () => {
    const items = feedItems(wordpress)!;
    expect(items).toHaveLength(10);
    for (const it of items) expect(wordpress.slice(it.start, it.end)).toMatch(/^<item>[\s\S]*<\/item>$/);
    expect(items[0].key).toContain('https://khuyennong.backan.gov.vn/?p=4821');
    expect(new Set(items.map((it) => it.key)).size).toBe(10);
  });

  it('Atom (Liferay): entries told by their id and links', () => {
    const items = feedItems(liferay)!;
    expect(items.length).toBeGreaterThan(1);
    expect(items[0].key).toContain('2841307-cho-don-trien-khai');
    expect(items.every((it) => liferay.slice(it.start, it.end).startsWith('<entry>'))).toBe(true);
  });

  it('RDF: items told by rdf:about, the <items> list of ids is not an item', () => {
    const items = feedItems(rdf)!;
    expect(items).toHaveLength(3);
    expect(items[0].key).toContain('"https://sotnmt.backan.gov.vn/tin-hoat-dong/tap-huan-nghiep-vu-do-dac-ban-do-nam-2019-412.html"');
  });

  it('markup inside CDATA and comments is text: neither an item nor a guid', () => {
    const cdata = '<description><![CDATA[<p>Xem <item><guid>gia</guid></item> ở đây</p>]]></description>';
    const xml = rss(`${item(1, cdata)}<!-- <item><guid>cu</guid></item> -->${item(2)}`);
    const items = feedItems(xml)!;
    expect(items).toHaveLength(2);
    expect(items[0].key).not.toContain('gia');
    expect(items[0].key).toBe(feedItems(rss(item(1)))![0].key);
  });

  it('a guid in CDATA is read as written, and other text of the item does not change the key', () => {
    const a = feedItems(rss('<item><title>Cũ</title><guid><![CDATA[yb-7]]></guid></item>'))!;
    const b = feedItems(rss('<item><title>Đã sửa</title><guid><![CDATA[yb-7]]></guid></item>'))!;
    expect(a[0].key).toBe(b[0].key);
  });

  it('gives nothing when an item cannot be told apart for certain', () => {
    expect(feedItems(rss(`${item(1)}<item><title>Không có mã</title></item>`))).toBeUndefined(); // no guid, link or about
    expect(feedItems(rss(`${item(1)}${item(1)}`))).toBeUndefined(); // two items, one key
    expect(feedItems(rss(`<item><guid>a</guid>${item(2)}</item>`))).toBeUndefined(); // an item inside an item
    expect(feedItems(rss(`${item(1)}<item><guid>b</guid>`).replace('</channel></rss>', ''))).toBeUndefined(); // unclosed item
    expect(feedItems(rss(`${item(1, '<description><![CDATA[<p>dở')}`))).toBeUndefined(); // unclosed CDATA
    expect(feedItems(rss(`${item(1)}<!-- ${item(2)}`))).toBeUndefined(); // unclosed comment
    expect(feedItems(rss(`${item(1)}<item/>`))).toBeUndefined(); // an empty item
    expect(feedItems(rss(`${item(1)}<item><guid></guid><link/></item>`))).toBeUndefined(); // empty guid and link
  });
});

describe('itemDate: an item\'s date as written, as the parser would read it', () => {
  it('RSS: pubDate before dc:date; Atom: published before updated; CDATA taken off; dates in CDATA bodies are text', () => {
    const body = '<description><![CDATA[<pubDate>sai</pubDate>]]></description>';
    expect(itemDate(`<item>${body}<dc:date>2026-11-27T08:00:00+07:00</dc:date><pubDate> Fri, 27 Nov 2026 01:00:00 GMT </pubDate></item>`, 'rss')).toBe('Fri, 27 Nov 2026 01:00:00 GMT');
    expect(itemDate('<item><dc:date><![CDATA[27/11/2026 08:11]]></dc:date></item>', 'rdf')).toBe('27/11/2026 08:11');
    expect(itemDate('<entry><updated>2026-11-28T00:00:00Z</updated><published>2026-11-27T00:00:00Z</published></entry>', 'atom')).toBe('2026-11-27T00:00:00Z');
    expect(itemDate(`<item>${body}<title>Không ngày</title></item>`, 'rss')).toBeUndefined();
  });
});

describe('cutKnownItems: the head and the new items, without the known ones', () => {
  const known = new Set(feedItems(rss(`${item(3)}${item(2)}${item(1)}`))!.map((it) => it.key));

  it('two new items: the body keeps them and drops the known ones', () => {
    const xml = rss(`${item(5)}${item(4)}\n${item(3)}\n${item(2)}\n${item(1)}`);
    const cut = cutKnownItems(xml, feedItems(xml)!, known, 'rss')!;
    expect(cut).toMatchObject({ fresh: 2, known: 3, knownDates: [] });
    expect(cut.xml).toBe(rss(`${item(5)}${item(4)}\n`));
  });

  it('the first item known: only the head is left', () => {
    const xml = rss(`${item(3)}${item(2)}`);
    expect(cutKnownItems(xml, feedItems(xml)!, known, 'rss')).toEqual({ xml: rss(''), fresh: 0, known: 2, knownDates: [] });
  });

  it('nothing to cut when no item is known', () => {
    const xml = rss(`${item(7)}${item(6)}`);
    expect(cutKnownItems(xml, feedItems(xml)!, known, 'rss')).toBeUndefined();
  });

  it('no cut when a new item comes after a known one (not newest first)', () => {
    const xml = rss(`${item(4)}${item(3)}${item(9)}${item(2)}`);
    expect(cutKnownItems(xml, feedItems(xml)!, known, 'rss')).toBeUndefined();
  });

  it('no cut when something other than white space lies between the known items', () => {
    const xml = rss(`${item(4)}${item(3)}<ttl>60</ttl>${item(2)}`);
    expect(cutKnownItems(xml, feedItems(xml)!, known, 'rss')).toBeUndefined();
  });
});
