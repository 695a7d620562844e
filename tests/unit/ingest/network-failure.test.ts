import { describe, expect, it } from 'vitest';
import { cloudflareStatusCode, networkFailureCode, networkFailureText } from '../../../src/ingest/network-failure';

describe('what a failed connection was', () => {
  it('tells DNS, refused and TLS failures apart by what the runtime says', () => {
    expect(networkFailureCode('Network connection lost.', 'https://xa.gov.vn/')).toBe('refused');
    expect(networkFailureCode('connect ECONNREFUSED 127.0.0.1:1', 'http://127.0.0.1:1/')).toBe('refused');
    expect(networkFailureCode('getaddrinfo ENOTFOUND cong.example', 'https://cong.example/')).toBe('dns');
    expect(networkFailureCode('DNS lookup failed.', 'https://cong.example/')).toBe('dns');
    expect(networkFailureCode('TLS peer certificate is not trusted', 'https://cong.example/')).toBe('tls');
    expect(networkFailureCode('something odd', 'https://cong.example/')).toBe('network');
  });
  it("names workerd's opaque internal error over plain HTTP a failed lookup, and says so in the text", () => {
    const msg = 'internal error; reference = 96gmfbk193g2ak9kjpovf3hs';
    expect(networkFailureCode(msg, 'http://cong.example/')).toBe('dns');
    expect(networkFailureText(msg, 'dns')).toBe(`DNS lookup failed (${msg})`);
    // Over HTTPS it may as well be the TLS handshake: no guess.
    expect(networkFailureCode(msg, 'https://cong.example/')).toBe('network');
  });
  it("reads Cloudflare's own origin-error statuses as the connection failures they are", () => {
    expect(cloudflareStatusCode(530)).toBe('dns');
    expect(cloudflareStatusCode(526)).toBe('tls');
    expect(cloudflareStatusCode(521)).toBe('refused');
    expect(cloudflareStatusCode(522)).toBe('timeout');
    expect(cloudflareStatusCode(503)).toBeNull();
  });
});
