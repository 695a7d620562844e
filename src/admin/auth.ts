import type { MiddlewareHandler } from 'hono';
import type { Env } from '../env';

/**
 * Admin authentication: `Authorization: Bearer <ADMIN_TOKEN>` and nothing else (never a
 * query string, which ends up in logs and browser history). Every failure — no header, a
 * malformed one, a wrong token, no token configured — gets the same 401 with the same
 * body and challenge, so a caller learns nothing about which part was wrong. The token is
 * compared in constant time: both sides are hashed to 32 bytes and compared with
 * workerd's crypto.subtle.timingSafeEqual, so neither content nor length leaks by timing.
 */
export const UNAUTHORIZED_BODY = { error: 'unauthorized' } as const;
const CHALLENGE = 'Bearer realm="bantin admin"';

const encoder = new TextEncoder();
const sha256 = (s: string) => crypto.subtle.digest('SHA-256', encoder.encode(s));

/** Constant-time string comparison for secrets. */
export async function tokensEqual(given: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([sha256(given), sha256(expected)]);
  return crypto.subtle.timingSafeEqual(a, b);
}

export function adminAuth(): MiddlewareHandler<{ Bindings: Env }> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer +(\S+)\s*$/i.exec(header);
    const expected = c.env.ADMIN_TOKEN ?? '';
    // Hash even when something is missing, so every path costs about the same.
    const ok = (await tokensEqual(m?.[1] ?? '', expected)) && Boolean(m) && expected.length > 0;
    if (!ok) {
      return c.json(UNAUTHORIZED_BODY, 401, { 'WWW-Authenticate': CHALLENGE, 'Cache-Control': 'no-store' });
    }
    await next();
  };
}
