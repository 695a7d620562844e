import { describe, expect, it } from 'vitest';
import { readBody } from '../../../src/ingest/fetch-body';
import { IngestError } from '../../../src/ingest/types';
import { watchedStream } from '../../helpers/streams';

// How a response body is read under the byte cap: byte streams (what fetch gives) into one
// buffer (sized by a declared Content-Length), other streams chunk by chunk, both counted as
// they arrive. Responses are built in memory.

const URL_ = 'https://bacgiang.gov.vn/tin-tuc';

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
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

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
    expect(text(await readBody(new Response(stream), 5_000_000, URL_))).toBe(page);
  });

  it('reads a body with a Content-Length', async () => {
    const bytes = new TextEncoder().encode(page);
    const body = await readBody(new Response(bytes, { headers: { 'Content-Length': String(bytes.byteLength) } }), 5_000_000, URL_);
    expect(text(body)).toBe(page);
  });

  it('reads an empty body', async () => {
    expect((await readBody(new Response(null), 1024, URL_)).byteLength).toBe(0);
  });

  it('passes on a stream that breaks off, for the caller to name', async () => {
    const broken = new ReadableStream({
      type: 'bytes',
      pull(c) {
        c.error(new Error('connection reset'));
      },
    });
    const err = await readBody(new Response(broken, { headers: { 'Content-Length': '5000' } }), 5_000_000, URL_).catch((e) => e);
    expect(err).not.toBeInstanceOf(IngestError);
    expect(err.message).toBe('connection reset');
  });
});

describe('the byte cap', () => {
  it('stops an endless byte stream at the limit and cancels it', async () => {
    const { stream, state } = byteStream(new Uint8Array(1000).fill(0x61));
    await expect(readBody(new Response(stream), 50_000, URL_)).rejects.toMatchObject({ code: 'too-large' });
    expect(state.cancelled).toBe(true);
    expect(state.sent).toBeLessThan(100);
  });

  it('accepts a byte stream of exactly the limit, not one byte more', async () => {
    const exact = byteStream(new Uint8Array(1000).fill(0x61), 50);
    expect((await readBody(new Response(exact.stream), 50_000, URL_)).byteLength).toBe(50_000);
    const over = byteStream(new Uint8Array(1000).fill(0x61), 51);
    await expect(readBody(new Response(over.stream), 50_000, URL_)).rejects.toMatchObject({ code: 'too-large' });
  });

  it('stops reading an endless stream of chunks past the limit and cancels it', async () => {
    const { stream, state } = watchedStream((c) => c.enqueue(new Uint8Array(256).fill(0x61)));
    const err = await readBody(new Response(stream), 1024, URL_).catch((e) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect(err.code).toBe('too-large');
    expect(err.message).toBe(`body exceeds 1 KiB at ${URL_}`);
    expect(state.pulls).toBe(5); // 4 × 256 bytes fit, the fifth chunk crosses the limit
    expect(state.cancelled).toBe(true);
  });

  it('accepts a body of exactly the limit, not one byte more', async () => {
    expect((await readBody(new Response(new Uint8Array(1024).fill(0x61)), 1024, URL_)).byteLength).toBe(1024);
    await expect(readBody(new Response(new Uint8Array(1025).fill(0x61)), 1024, URL_)).rejects.toMatchObject({ code: 'too-large' });
  });

  it('counts a compressed body after decompression, whatever its Content-Length says', async () => {
    // Content-Length counts the compressed bytes; the body arrives decompressed.
    const { stream, state } = byteStream(new Uint8Array(1000).fill(0x61));
    const response = new Response(stream, { headers: { 'Content-Encoding': 'gzip', 'Content-Length': '900' } });
    await expect(readBody(response, 50_000, URL_)).rejects.toMatchObject({ code: 'too-large' });
    expect(state.cancelled).toBe(true);
  });

  it('fails on a declared Content-Length over the limit before reading, and cancels the body', async () => {
    const { stream, state } = watchedStream((c) => c.enqueue(new Uint8Array(1)));
    const response = new Response(stream, { headers: { 'Content-Length': String(3 * 1024 * 1024) } });
    const err = await readBody(response, 2 * 1024 * 1024, URL_).catch((e) => e);
    expect(err.code).toBe('too-large');
    expect(err.message).toBe(`body exceeds 2 MiB (Content-Length 3145728) at ${URL_}`);
    expect(state.pulls).toBe(0);
    expect(state.cancelled).toBe(true);
  });

  it('reads a body of exactly a declared Content-Length at the limit', async () => {
    const bytes = new Uint8Array(4096).fill(0x61);
    const body = await readBody(new Response(bytes, { headers: { 'Content-Length': '4096' } }), 4096, URL_);
    expect(body.byteLength).toBe(4096);
  });
});

describe('the deadline', () => {
  it('reads each piece within the deadline it is given, and cancels the stream when it passes', async () => {
    const { stream, state } = byteStream(new Uint8Array(100));
    let reads = 0;
    const deadline = <T>(p: Promise<T>): Promise<T> => (++reads > 3 ? Promise.reject(new Error('deadline')) : p);
    const err = await readBody(new Response(stream), 1_000_000, URL_, deadline).catch((e) => e);
    expect(err.message).toBe('deadline');
    expect(state.cancelled).toBe(true);
  });
});
