/** A default (not byte) body stream that counts pulls and notices cancellation. */
export function watchedStream(pull: (c: ReadableStreamDefaultController<Uint8Array>) => void | Promise<void>) {
  const state = { pulls: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(c) {
        state.pulls++;
        await pull(c);
      },
      cancel() {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}
