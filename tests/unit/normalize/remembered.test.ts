import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RawItem } from '../../../src/model';
import { normalizeItems, type NormalizeContext } from '../../../src/normalize/article';
import { normalizeRemembered } from '../../../src/normalize/remembered';

const morning = new Date('2025-07-10T01:00:00Z'); // 08:00 in Vietnam
const evening = new Date('2025-07-10T12:30:00Z'); // 19:30 in Vietnam
let sources = 0;
/** A source of its own for every test: the memo lives as long as the isolate. */
const contextAt = (now: Date, over: Partial<NormalizeContext> = {}): NormalizeContext => ({
  source: { id: `phuong-${sources}`, dateOrder: 'dmy' },
  baseUrl: 'https://phuonghoa.example.gov.vn/tin-tuc/',
  now,
  ...over,
});

const item = (n: number, extra: Partial<RawItem> = {}): RawItem => ({
  title: `Phường tổ chức hội nghị tiếp xúc cử tri lần ${n}`,
  link: `/tin-tuc/hoi-nghi-cu-tri-${n}.html`,
  guid: `news_${n}`,
  date: `${String((n % 27) + 1).padStart(2, '0')}/06/2025 08:30`,
  summary: `Sáng nay, Ủy ban nhân dân phường họp lần thứ ${n} với cử tri khu phố.`,
  ...extra,
});

/** A newest-first page of 30, with what feeds get wrong mixed in. */
const feedPage = (first: number): RawItem[] => {
  const items = Array.from({ length: 30 }, (_, i) => item(first - i));
  items[1] = { ...items[1], date: undefined }; // no date: estimated as now
  items[2] = { ...items[2], date: 'Thứ hai, 14/07/2025 09:00' }; // days ahead of now: clamped
  items[3] = { ...items[3], date: '3 giờ trước' }; // relative: moves with now
  items[4] = { ...items[4], contentHtml: '<p>Toàn văn <img src="/anh/hop.jpg"><script>x()</script></p>', categories: ['Tin tức', 'Tin&nbsp;tức'] };
  items[6] = { ...items[5] }; // the same item twice on one page
  items[7] = { ...items[7], link: '#', guid: undefined }; // no article page
  return items;
};

afterEach(() => {
  sources++;
  vi.restoreAllMocks();
});

describe('normalizeRemembered', () => {
  it('gives exactly what normalizing afresh gives, fetch after fetch, with the dates read at each fetch', async () => {
    const first = feedPage(100);
    expect(await normalizeRemembered(first, contextAt(morning))).toStrictEqual(await normalizeItems(first, contextAt(morning)));
    // Two new items on top; the same items otherwise, normalized in the evening.
    const second = [item(102), item(101), ...first.slice(0, 28)];
    const remembered = await normalizeRemembered(second, contextAt(evening));
    const afresh = await normalizeItems(second, contextAt(evening));
    expect(remembered).toStrictEqual(afresh);
    expect(JSON.stringify(remembered)).toBe(JSON.stringify(afresh)); // same fields in the same order
    const undated = remembered.find((a) => a.title.endsWith('lần 99'))!;
    expect(undated).toMatchObject({ published: evening.toISOString(), dateEstimated: true, firstSeen: evening.toISOString() });
    expect(remembered.find((a) => a.title.endsWith('lần 98'))!.published).toBe(evening.toISOString());
    expect(remembered.find((a) => a.title.endsWith('lần 97'))!.published).toBe('2025-07-10T09:30:00.000Z');
  });

  it('hashes only the items it has not seen on the last two pages', async () => {
    const page = feedPage(200);
    await normalizeRemembered(page, contextAt(morning));
    const digest = vi.spyOn(crypto.subtle, 'digest');
    await normalizeRemembered(page, contextAt(evening));
    expect(digest).not.toHaveBeenCalled();
    await normalizeRemembered([item(202), item(201), ...page.slice(0, 28)], contextAt(evening));
    expect(digest).toHaveBeenCalledTimes(2);
  });

  it('normalizes a known link again when any field of its item changed', async () => {
    const page = feedPage(300);
    await normalizeRemembered(page, contextAt(morning));
    const edited = page.map((raw, i) =>
      i === 0 ? { ...raw, title: `${raw.title} (cập nhật)` } : i === 4 ? { ...raw, contentHtml: '<p>Bản đã sửa</p>' } : i === 8 ? { ...raw, categories: ['Thông báo'] } : raw,
    );
    const remembered = await normalizeRemembered(edited, contextAt(evening));
    expect(remembered).toStrictEqual(await normalizeItems(edited, contextAt(evening)));
    expect(remembered[0].title).toBe('Phường tổ chức hội nghị tiếp xúc cử tri lần 300 (cập nhật)');
    expect(remembered.find((a) => a.title.endsWith('lần 296'))!.contentHtml).toBe('<p>Bản đã sửa</p>');
  });

  it('reads a relative link against the page it came from, and gives each source its own articles', async () => {
    const page = feedPage(400);
    await normalizeRemembered(page, contextAt(morning));
    const moved = contextAt(evening, { baseUrl: 'https://phuonghoa.example.gov.vn/tin-moi/' });
    const atNewBase = await normalizeRemembered(page, moved);
    expect(atNewBase).toStrictEqual(await normalizeItems(page, moved));
    expect(atNewBase[0].url).toBe('https://phuonghoa.example.gov.vn/tin-tuc/hoi-nghi-cu-tri-400.html');
    const other = contextAt(evening, { source: { id: `xa-khac-${sources}`, dateOrder: 'dmy' } });
    const theirs = await normalizeRemembered(page, other);
    expect(theirs).toStrictEqual(await normalizeItems(page, other));
    expect(theirs[0].sourceId).toBe(`xa-khac-${sources}`);
  });

  it('keeps the page-wide reading of NukeViet times on a remembered page', async () => {
    // NukeViet writes the month (6) where the minutes belong: only the days are kept.
    const page = Array.from({ length: 5 }, (_, i) => item(500 - i, { date: `0${i + 1}/06/2025 ${10 + i}:06` }));
    await normalizeRemembered(page, contextAt(morning));
    const remembered = await normalizeRemembered(page, contextAt(evening));
    expect(remembered).toStrictEqual(await normalizeItems(page, contextAt(evening)));
    expect(remembered[0]).toMatchObject({ published: '2025-05-31T17:00:00.000Z', dateOnly: true });
    // The same items under a date order the source now declares otherwise.
    const mdy = contextAt(evening, { source: { id: `phuong-${sources}`, dateOrder: 'mdy' } });
    expect(await normalizeRemembered(page, mdy)).toStrictEqual(await normalizeItems(page, mdy));
  });
});
