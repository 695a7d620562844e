import { Hono } from 'hono';
import type { Env } from '../env';
import { DEFAULT_IMAGE_MAX_BYTES, IMAGE_TIMEOUT_MS, serveImage } from '../images/serve-image';
import { IMAGE_ROUTE } from '../images/route-url';
import { imageHostAllowed } from '../store/image-hosts';
import { countingStore } from '../store/kv';

export const images = new Hono<{ Bindings: Env }>();

/** `GET /img?u=<image URL>`: an article image or a source icon, through bantin (see images/serve-image.ts). */
images.get(IMAGE_ROUTE, (c) => {
  const store = countingStore(c.env.KV);
  const max = Number(c.env.IMAGE_MAX_BYTES);
  const url = new URL(c.req.url);
  return serveImage(c.req.query('u'), url.origin, {
    fetch: (input, init) => fetch(input, init),
    allowPrivate: c.env.ALLOW_PRIVATE_SOURCES === 'true',
    allowed: (host) => imageHostAllowed(store, host, Date.now()),
    cache: typeof caches === 'undefined' ? undefined : caches.default,
    waitUntil: (work) => {
      try {
        c.executionCtx.waitUntil(work);
      } catch {
        // no execution context (not under workerd): the write finishes on its own
      }
    },
    maxBytes: Number.isInteger(max) && max > 0 ? max : DEFAULT_IMAGE_MAX_BYTES,
    timeoutMs: IMAGE_TIMEOUT_MS,
  });
});
