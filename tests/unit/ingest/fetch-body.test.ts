import { describe, expect, it } from 'vitest';
import { fetchBody, sha256Hex } from '../../../src/ingest/fetch';
import { IngestError, type FetchOptions } from '../../../src/ingest/types';

// How fetchBody reads bodies: byte streams (what fetch gives) into one buffer (sized by a
// declared Content-Length), still counted against the cap, and an unchanged body (same
// hash) left undecoded. Every fetch is a fake answering from memory.

const URL_ = 'https://bacgiang.gov.vn/tin-tuc';
const opts = (make: () => Response, extra: Partial<FetchOptions> = {}): FetchOptions => ({
  fetch: (async () => make()) as unknown as typeof fetch,
  allowPrivate: false,
  ...extra,
});

/** A byte stream (like a fetch body) of `chunk` repeated, or endless; notes cancellation. */
function byteStream(chunk: Uint8Array, times = Infinity) {
  const state = { sent: 0, cancelled: false };
  const stream = new ReadableStream({
    type: 'bytes',
    pull(c) {
      if (state.sent >= times) return c.close();
      state.sent++;
      c.enqueue(chunk.slice());
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

const page = '<html><body>' + '<p>Tin tức huyện Chợ Đồn, tỉnh Bắc Kạn.</p>'.repeat(3000) + '</body></html>';

describe('reading a body', () => {
  it('reads a body streamed in many pieces whole, past the first buffer', async () => {
    const bytes = new TextEncoder().encode(page); // ~150 KB
    let at = 0;
    const stream = new ReadableStream({
      type: 'bytes',
      pull(c) {
        if (at >= bytes.byteLength) return c.close();
        c.enqueue(bytes.slice(at, at + 1000));
        at += 1000;
      },
    });
    const r = await fetchBody(URL_, {}, opts(() => new Response(stream, { headers: { 'Content-Type': 'text/html; charset=utf-8' } })));
    expect(r).toMatchObject({ status: 'ok', body: page, charset: 'utf-8', hash: await sha256Hex(bytes), unchanged: false });
  });

  it('stops an endless byte stream at the limit and cancels it', async () => {
    const { stream, state } = byteStream(new Uint8Array(1000).fill(0x61));
    const attempt = fetchBody(URL_, {}, opts(() => new Response(stream), { maxBytes: 50_000 }));
    await expect(attempt).rejects.toMatchObject({ code: 'too-large' });
    expect(state.cancelled).toBe(true);
    expect(state.sent).toBeLessThan(100);
  });

  it('accepts a byte stream of exactly the limit, not one byte more', async () => {
    const exact = byteStream(new Uint8Array(1000).fill(0x61), 50);
    expect(await fetchBody(URL_, {}, opts(() => new Response(exact.stream), { maxBytes: 50_000 }))).toMatchObject({ status: 'ok' });
    const over = byteStream(new Uint8Array(1000).fill(0x61), 51);
    await expect(fetchBody(URL_, {}, opts(() => new Response(over.stream), { maxBytes: 50_000 }))).rejects.toMatchObject({ code: 'too-large' });
  });

  it('counts a compressed body after decompression, whatever its Content-Length says', async () => {
    // Content-Length counts the compressed bytes; the body arrives decompressed.
    const { stream, state } = byteStream(new Uint8Array(1000).fill(0x61));
    const make = () => new Response(stream, { headers: { 'Content-Encoding': 'gzip', 'Content-Length': '900' } });
    await expect(fetchBody(URL_, {}, opts(make, { maxBytes: 50_000 }))).rejects.toMatchObject({ code: 'too-large' });
    expect(state.cancelled).toBe(true);
  });

  it('reads a body with a Content-Length, and reports one that breaks off', async () => {
    const bytes = new TextEncoder().encode(page);
    const ok = await fetchBody(URL_, {}, opts(() => new Response(bytes, { headers: { 'Content-Length': String(bytes.byteLength) } })));
    expect(ok).toMatchObject({ status: 'ok', body: page });
    const broken = new ReadableStream({
      type: 'bytes',
      pull(c) {
        c.error(new Error('connection reset'));
      },
    });
    const err = await fetchBody(URL_, {}, opts(() => new Response(broken, { headers: { 'Content-Length': '5000' } }))).catch((e) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect(err.code).toBe('network');
  });
});

describe('an unchanged body', () => {
  it('is known by the hash of its bytes and not decoded', async () => {
    const bytes = new TextEncoder().encode(page);
    const hash = await sha256Hex(bytes);
    const r = await fetchBody(URL_, { hash }, opts(() => new Response(bytes, { headers: { ETag: '"v2"', 'Content-Type': 'text/html' } })));
    expect(r).toEqual({
      status: 'ok',
      url: URL_,
      body: '',
      contentType: 'text/html',
      charset: '',
      hash,
      unchanged: true,
      etag: '"v2"',
      lastModified: undefined,
      subrequests: 1,
    });
  });
});
