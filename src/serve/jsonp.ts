import type { MiddlewareHandler } from 'hono';

// A dotted JavaScript identifier, short: nothing else can be written before "(".
const SAFE_CALLBACK = /^[A-Za-z_$][\w$]{0,63}(?:\.[A-Za-z_$][\w$]{0,63}){0,3}$/;

/**
 * JSONP for portals that cannot use CORS: `?callback=fn` wraps a JSON response as
 * `fn(...)`. Only a plain identifier is accepted; anything else gets 400.
 */
export const jsonp: MiddlewareHandler = async (c, next) => {
  const callback = c.req.query('callback');
  if (callback === undefined) return next();
  if (!SAFE_CALLBACK.test(callback)) {
    return c.json({ error: 'bad parameter', parameters: [{ parameter: 'callback', message: 'must be a JavaScript identifier like "bantin.render"' }] }, 400);
  }
  await next();
  const type = c.res.headers.get('content-type') ?? '';
  if (c.res.status !== 200 || !/json/.test(type)) return;
  const body = await c.res.text();
  const headers = new Headers(c.res.headers);
  headers.set('content-type', 'application/javascript; charset=utf-8');
  headers.set('x-content-type-options', 'nosniff');
  // The comment guards against content sniffing of the first bytes (the Rosetta Flash class of attacks).
  c.res = new Response(`/**/ typeof ${callback} === 'function' && ${callback}(${body});`, { status: 200, headers });
};
