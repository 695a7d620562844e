import { concatBytes } from '../bytes';
import { IngestError } from './types';

/**
 * Reading a response body under a byte cap: a declared Content-Length over the cap fails before
 * anything is read; otherwise bytes are counted as they arrive, so an endless body stops at the
 * cap (a compressed one too, whose Content-Length counts the bytes before decompression), and a
 * declared length sizes the buffer, so an honest body is read in one piece.
 */

/** Runs a read under the caller's deadline (the identity when there is none). */
export type WithinDeadline = <T>(p: Promise<T>) => Promise<T>;

/**
 * The whole body of `response`, at most `maxBytes` bytes. Throws IngestError('too-large') naming
 * `url` past the cap, cancelling the stream so the origin stops sending; any other failure of the
 * stream (a reset, the deadline) is thrown as it comes, for the caller to name.
 */
export async function readBody(
  response: Response,
  maxBytes: number,
  url: string,
  withinDeadline: WithinDeadline = (p) => p,
): Promise<Uint8Array> {
  const lengthHeader = response.headers.get('content-length');
  const declared = lengthHeader !== null && /^\s*\d+\s*$/.test(lengthHeader) ? Number(lengthHeader) : null;
  if (declared !== null && declared > maxBytes) {
    response.body?.cancel().catch(() => {});
    throw new IngestError('too-large', `body exceeds ${formatSize(maxBytes)} (Content-Length ${declared}) at ${url}`);
  }
  const tooLarge = (): never => {
    throw new IngestError('too-large', `body exceeds ${formatSize(maxBytes)} at ${url}`);
  };
  return readCapped(response, maxBytes, declared, withinDeadline, tooLarge);
}

/**
 * Past the cap (`tooLarge` throws) or the deadline, the stream is cancelled. Byte streams (fetch
 * bodies) are read into one growing buffer, a few large reads instead of one per 4 KiB chunk;
 * other streams chunk by chunk.
 */
async function readCapped(
  response: Response,
  maxBytes: number,
  declared: number | null,
  withinDeadline: WithinDeadline,
  tooLarge: () => never,
): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array();
  let byob: ReadableStreamBYOBReader | undefined;
  try {
    byob = response.body.getReader({ mode: 'byob' });
  } catch {
    // not a byte stream
  }
  if (!byob) return readChunks(response.body.getReader(), maxBytes, withinDeadline, tooLarge);
  // One byte of room past the declared length, to see the end without growing the buffer.
  const first = declared === null ? FIRST_BUFFER : declared + 1;
  return readInto(byob, maxBytes, first, withinDeadline, tooLarge);
}

const FIRST_BUFFER = 64 * 1024;

async function readInto(
  reader: ReadableStreamBYOBReader,
  maxBytes: number,
  firstSize: number,
  withinDeadline: WithinDeadline,
  tooLarge: () => never,
): Promise<Uint8Array> {
  // One byte of room past the cap, to tell "exactly the cap" from "more".
  const room = maxBytes + 1;
  let buf = new Uint8Array(Math.max(1, Math.min(firstSize, room)));
  let total = 0;
  try {
    for (;;) {
      if (total === buf.byteLength) {
        const bigger = new Uint8Array(Math.min(buf.byteLength * 2, room));
        bigger.set(buf);
        buf = bigger;
      }
      const { done, value } = await withinDeadline(reader.read(new Uint8Array(buf.buffer, total, buf.byteLength - total)));
      // The read takes the buffer over and hands it back in `value`.
      if (value) buf = new Uint8Array(value.buffer, 0, value.buffer.byteLength);
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) tooLarge();
    }
  } catch (err) {
    reader.cancel().catch(() => {});
    throw err;
  }
  return buf.subarray(0, total);
}

async function readChunks(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  maxBytes: number,
  withinDeadline: WithinDeadline,
  tooLarge: () => never,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await withinDeadline(reader.read());
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) tooLarge();
      chunks.push(value);
    }
  } catch (err) {
    reader.cancel().catch(() => {});
    throw err;
  }
  return chunks.length === 1 ? chunks[0] : concatBytes(chunks, total);
}

function formatSize(bytes: number): string {
  const MiB = 1024 * 1024;
  if (bytes >= MiB && bytes % MiB === 0) return `${bytes / MiB} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
