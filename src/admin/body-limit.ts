import type { MiddlewareHandler } from 'hono';
import { concatBytes } from '../bytes';

/**
 * Refuses a request body over `maxBytes` without reading more of it than that: a declared
 * Content-Length over the limit is refused unread; a streamed (chunked) body is read up to
 * the limit, and on the first byte over it the stream is cancelled, so the runtime knows
 * the rest is unwanted and can end the connection. An accepted body is passed on as bytes.
 */
export function bodyLimit(maxBytes: number, tooLarge: MiddlewareHandler): MiddlewareHandler {
  return async (c, next) => {
    const body = c.req.raw.body;
    if (!body) return next();
    const declared = c.req.header('Content-Length');
    if (declared !== undefined && !c.req.header('Transfer-Encoding')) {
      return Number(declared) > maxBytes ? tooLarge(c, next) : next();
    }
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        reader.cancel().catch(() => {});
        return tooLarge(c, next);
      }
      chunks.push(value);
    }
    c.req.raw = new Request(c.req.raw, { body: concatBytes(chunks, size) });
    return next();
  };
}
