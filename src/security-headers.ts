import type { MiddlewareHandler } from 'hono';
import { NONCE, secureHeaders } from 'hono/secure-headers';

/**
 * Security headers on every response, through Hono's secure-headers middleware.
 *
 * - Content-Security-Policy: scripts only from bantin itself (or an inline one carrying
 *   this response's nonce, `c.get('secureHeadersNonce')`), no plugins, no <base>, forms
 *   post only here, framed only by bantin. Article images and source icons come through
 *   bantin's own image route (/img), so img-src is bantin itself (and data: for the
 *   stylesheet's placeholders): no page loads an image from a portal directly. Styles come
 *   only from /style.css: the widget previewed on /embed styles its shadow root with an
 *   adopted stylesheet, which style-src does not govern, so no inline style is needed.
 * - X-Content-Type-Options: nosniff everywhere, feeds included: a feed is never run as a script.
 * - Referrer-Policy: portals see that a reader came from bantin, not which page.
 * - Cross-Origin-Resource-Policy: cross-origin, because feeds, /embed.js and JSONP exist
 *   to be loaded by other sites.
 * Routes may set their own value of any of these (overwrite: false).
 */
export const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'", NONCE],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'self'"],
};

export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: CSP,
    referrerPolicy: 'strict-origin-when-cross-origin',
    crossOriginResourcePolicy: 'cross-origin',
    crossOriginOpenerPolicy: 'same-origin',
    xFrameOptions: 'SAMEORIGIN',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [], usb: [] },
    overwrite: false,
  });
}
