import type { IngestErrorCode } from './types';

/**
 * What a failed connection was, from what the runtime says. workerd gives little away:
 * a refused or dropped connection is "Network connection lost.", and a failed DNS lookup
 * surfaces as "internal error; reference = …" (the real cause only reaches its own log).
 * TLS failures say TLS or certificate where the message says anything.
 */
export function networkFailureCode(message: string, url: string): IngestErrorCode {
  if (/\b(?:TLS|SSL|certificate|handshake)\b/i.test(message)) return 'tls';
  if (/\bDNS\b|ENOTFOUND|EAI_AGAIN|getaddrinfo|name (?:or service )?not (?:known|resolved)/i.test(message)) return 'dns';
  if (/refused|ECONNREFUSED|connection lost|ECONNRESET|connection reset/i.test(message)) return 'refused';
  // Over plain HTTP workerd's opaque internal error on connecting is a lookup that failed.
  if (/internal error; reference/i.test(message) && url.startsWith('http:')) return 'dns';
  return 'network';
}

/**
 * Statuses Cloudflare answers with itself when it could not get the origin's answer:
 * their cause is a connection failure, not the portal's HTTP reply.
 */
export function cloudflareStatusCode(status: number): IngestErrorCode | null {
  if (status === 530 || status === 523) return 'dns';
  if (status === 525 || status === 526) return 'tls';
  if (status === 521) return 'refused';
  if (status === 522 || status === 524) return 'timeout';
  return null;
}

/** The runtime's message, with workerd's opaque reference named for what it most often is. */
export function networkFailureText(message: string, code: IngestErrorCode): string {
  if (code === 'dns' && /internal error; reference/i.test(message)) return `DNS lookup failed (${message})`;
  return message;
}
