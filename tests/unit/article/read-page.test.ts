import { describe, expect, it } from 'vitest';
import { readArticlePage } from '../../../src/article/read-page';
import type { IngestError } from '../../../src/ingest/types';

// Article pages go out through the same guarded fetch as listings: the address of the page
// and of every redirect hop is checked before it is requested, the content type must be HTML.
// Fake fetches only: nothing here opens a connection.

type Routes = Record<string, () => Response>;
function fakeFetch(routes: Routes) {
  const asked: string[] = [];
  const fn = (async (input: RequestInfo | URL) => {
    const url = String(input instanceof Request ? input.url : input);
    asked.push(url);
    return routes[url]?.() ?? new Response('not found', { status: 404 });
  }) as typeof fetch;
  return { fetch: fn, asked };
}
const html = (body: string, type = 'text/html; charset=utf-8') => () => new Response(body, { headers: { 'content-type': type } });
const to = (location: string) => () => new Response(null, { status: 302, headers: { location } });
const now = new Date('2026-01-01T00:00:00Z');
const PAGE = '<html><head><meta property="article:published_time" content="2025-03-24T07:09:00+07:00"></head><body><div class="bodytext"><p>Nội dung bài viết của cổng thông tin điện tử xã, đủ dài để là một bài viết.</p><p>Đoạn thứ hai kể tiếp buổi họp của thôn và kết quả bàn bạc.</p></div></body></html>';
const read = (url: string, fake: ReturnType<typeof fakeFetch>, allowPrivate = false) =>
  readArticlePage(url, { fetch: fake.fetch, allowPrivate, now }).catch((e: unknown) => e as IngestError);

describe('readArticlePage', () => {
  it('reads a page: body and time', async () => {
    const fake = fakeFetch({ 'https://xa.gov.vn/tin/1.html': html(PAGE) });
    expect(await read('https://xa.gov.vn/tin/1.html', fake)).toMatchObject({ published: '2025-03-24T00:09:00.000Z', contentHtml: expect.stringContaining('Nội dung bài viết') });
  });

  it.each([
    ['the link-local metadata address', 'http://169.254.169.254/latest/meta-data/'],
    ['loopback with trailing dots', 'http://localhost../tin.html'],
    ['a private network', 'http://10.0.0.5/tin.html'],
    ['a URL with a password', 'http://admin:secret@xa.gov.vn/tin.html'],
  ])('never requests %s', async (_, url) => {
    const fake = fakeFetch({ [url]: html(PAGE) });
    expect(await read(url, fake)).toMatchObject({ code: 'blocked' });
    expect(fake.asked).toEqual([]);
  });

  it('checks every redirect hop before requesting it', async () => {
    const fake = fakeFetch({ 'https://xa.gov.vn/tin/2.html': to('http://127.0.0.1:8080/admin'), 'http://127.0.0.1:8080/admin': html(PAGE) });
    expect(await read('https://xa.gov.vn/tin/2.html', fake)).toMatchObject({ code: 'blocked' });
    expect(fake.asked).toEqual(['https://xa.gov.vn/tin/2.html']);
  });

  it('refuses what is not an HTML page, and failing answers', async () => {
    const fake = fakeFetch({ 'https://xa.gov.vn/qd.pdf': html('%PDF-1.4', 'application/pdf'), 'https://xa.gov.vn/loi.html': () => new Response('Lỗi', { status: 500 }) });
    expect(await read('https://xa.gov.vn/qd.pdf', fake)).toMatchObject({ code: 'not-a-feed', message: expect.stringMatching(/not an HTML page \(application\/pdf\)/) });
    expect(await read('https://xa.gov.vn/loi.html', fake)).toMatchObject({ code: 'http' });
  });
});
