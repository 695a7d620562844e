import { describe, expect, it } from 'vitest';
import { checkUrl, isPrivateHost } from '../../../src/ingest/address-guard';
import { INWARD_URLS } from '../../helpers/inward-urls';

// Address strings only: nothing here connects anywhere.

const blocked: Array<[url: string, why: RegExp]> = [
  // IPv4 ranges
  ['http://127.0.0.1/', /loopback/],
  ['http://127.255.255.254:8080/rss', /loopback/],
  ['http://10.0.0.1/', /10\.0\.0\.1 is a private address/],
  ['http://172.16.0.1/', /private/],
  ['http://172.31.255.255/', /private/],
  ['http://192.168.1.1/', /private/],
  ['http://169.254.169.254/latest/meta-data/', /link-local/],
  ['http://0.0.0.0/', /this network/],
  ['http://0.1.2.3/', /this network/],
  ['http://100.64.0.1/', /CGNAT/],
  ['http://100.127.255.255/', /CGNAT/],
  ['http://224.0.0.251/', /multicast/],
  ['http://239.255.255.250/', /multicast/],
  ['http://240.0.0.1/', /reserved/],
  ['http://255.255.255.255/', /broadcast/],
  // Odd IPv4 spellings that URL parsing turns into 127.0.0.1 / 10.0.0.1
  ['http://2130706433/', /127\.0\.0\.1 is a loopback/],
  ['http://0177.0.0.1/', /127\.0\.0\.1 is a loopback/],
  ['http://0x7f.1/', /127\.0\.0\.1 is a loopback/],
  ['http://0x7f000001/', /loopback/],
  ['http://127.1/', /127\.0\.0\.1 is a loopback/],
  ['http://127.0.0.1./', /loopback/],
  ['http://012.0.0.1/', /10\.0\.0\.1 is a private/],
  ['http://0xa9.0xfe.0xa9.0xfe/', /169\.254\.169\.254 is a link-local/],
  ['http://3232235777/', /192\.168\.1\.1 is a private/],
  // IPv6
  ['http://[::1]/', /::1 is a loopback/],
  ['http://[0:0:0:0:0:0:0:1]/', /loopback/],
  ['http://[::]/', /unspecified/],
  ['http://[fc00::1]/', /unique local/],
  ['http://[fd12:3456:789a::1]/', /unique local/],
  ['http://[fe80::1]/', /link-local/],
  ['http://[febf::1]/', /link-local/],
  ['http://[ff02::1]/', /multicast/],
  ['http://[::ffff:127.0.0.1]/', /loopback.*IPv4-mapped/],
  ['http://[::ffff:7f00:1]/', /loopback.*IPv4-mapped/],
  ['http://[::ffff:a9fe:a9fe]/', /link-local.*IPv4-mapped/],
  ['http://[::ffff:10.1.2.3]/', /private.*IPv4-mapped/],
  ['http://[64:ff9b::10.0.0.1]/', /private.*NAT64/],
  ['http://[64:ff9b::7f00:1]/', /loopback.*NAT64/],
  ['http://[2002:c0a8:101::1]/', /private.*6to4/],
  // Names
  ['http://localhost/', /localhost is a local name/],
  ['http://LOCALHOST:8787/', /local name/],
  ['http://localhost./', /local name/],
  ['http://portal.localhost/', /local name/],
  ['http://printer.local/', /local name/],
  ['http://metadata.google.internal/computeMetadata/v1/', /local name/],
  ['http://db.internal/', /local name/],
  ['http://metadata/', /local name/],
];

const allowed = [
  'https://backan.gov.vn/Pages/tin-tuc.aspx',
  'http://baothainguyen.vn/rss/home.rss',
  'https://khuyennong.backan.gov.vn/feed/',
  'http://8.8.8.8/',
  'http://172.15.255.255/', // just below 172.16/12
  'http://172.32.0.1/', // just above it
  'http://100.63.255.255/', // just below CGNAT
  'http://192.169.0.1/',
  'http://[2606:4700:4700::1111]/',
  'http://[::ffff:8.8.8.8]/',
  'http://[64:ff9b::8.8.8.8]/',
  'http://local.gov.vn/', // "local" as a label, not the suffix
  'http://internal-news.example.vn/',
];

describe('checkUrl without private sources', () => {
  it.each(blocked)('blocks %s', (url, why) => {
    const r = checkUrl(url, false);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(why);
  });

  it.each(allowed)('allows %s', (url) => {
    const r = checkUrl(url, false);
    expect(r).toMatchObject({ ok: true });
    if (r.ok) expect(r.url.href).toBe(new URL(url).href);
  });

  it.each([
    'ftp://backan.gov.vn/rss.xml',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/xml,<rss/>',
  ])('refuses the scheme of %s', (url) => {
    const r = checkUrl(url, false);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/only http and https/);
  });

  it.each(['not a url', 'http://', 'http://1.2.3.256/', '/relative/path'])('refuses %j as invalid', (url) => {
    const r = checkUrl(url, false);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/not a valid URL/);
  });
});

describe('hosts read the way a resolver reads them', () => {
  it.each(INWARD_URLS)('refuses %s', (url, why) => {
    const r = checkUrl(url, false);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(why);
  });

  it.each([
    ['http://backan.gov.vn../rss', 'http://backan.gov.vn/rss'],
    ['http://BACKAN.gov.vn./rss', 'http://backan.gov.vn/rss'],
    ['http://8.8.8.8../', 'http://8.8.8.8/'],
    ['http://134744072../', 'http://8.8.8.8/'],
  ])('fetches a public %s under the host it was judged by', (url, fetched) => {
    expect(checkUrl(url, false)).toMatchObject({ ok: true, url: new URL(fetched) });
  });

  it('refuses empty labels even when private sources are allowed', () => {
    expect(checkUrl('http://a..localhost/', true)).toEqual({ ok: false, reason: 'a..localhost is a host name with an empty label' });
  });
});

describe('user names and passwords', () => {
  it.each(['http://user:secret@backan.gov.vn/rss.xml', 'https://user@backan.gov.vn/', 'http://:secret@backan.gov.vn/', 'http://%75:%73@backan.gov.vn/'])(
    'refuses %s without repeating the password',
    (url) => {
      for (const allowPrivate of [false, true]) {
        const r = checkUrl(url, allowPrivate);
        expect(r).toEqual({ ok: false, reason: expect.stringMatching(/user name or password/) });
        if (!r.ok) expect(r.reason).not.toMatch(/secret|user:|%73/);
      }
    },
  );

  it('names the inward host first when both are wrong', () => {
    expect(checkUrl('http://portal.gov.vn:x@localhost../', false)).toEqual({ ok: false, reason: 'localhost is a local name' });
  });
});

describe('checkUrl with private sources allowed', () => {
  it.each(['http://127.0.0.1:8787/rss', 'http://[::1]:8787/', 'http://localhost/', 'http://10.0.0.1/'])(
    'allows %s',
    (url) => {
      expect(checkUrl(url, true).ok).toBe(true);
    },
  );

  it('still refuses other schemes', () => {
    expect(checkUrl('file:///etc/passwd', true).ok).toBe(false);
  });
});

describe('isPrivateHost', () => {
  it.each([
    '127.0.0.1',
    '2130706433',
    '0177.0.0.1',
    '0x7f.1',
    '127.1',
    '::1',
    '[::1]',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '64:ff9b::c0a8:1',
    'fe80::1%eth0',
    'localhost..',
    'LOCALHOST%2E%2E',
    '127.0.0.1..',
    '0x7f.1..',
    'metadata.google.internal..',
    'a..b',
    'localhost',
    'a.b.localhost',
    'nas.local',
    'metadata.google.internal',
    '169.254.169.254',
  ])('%s is private', (host) => {
    expect(isPrivateHost(host)).toBe(true);
  });

  it.each(['backan.gov.vn', '8.8.8.8', '2606:4700:4700::1111', '[2001:4860:4860::8888]'])(
    '%s is public',
    (host) => {
      expect(isPrivateHost(host)).toBe(false);
    },
  );
});

/** Spellings beyond the ones above, each of an address that must stay unreachable. */
const inward: Array<[url: string, why: RegExp]> = [
  // IPv4 written as one number, in octal, in hex, with padding, short forms
  ['http://0/', /0\.0\.0\.0 is a "this network"/],
  ['http://017700000001/', /127\.0\.0\.1 is a loopback/],
  ['http://0x7f.0x0.0x0.0x1/', /127\.0\.0\.1 is a loopback/],
  ['http://127.000.000.001/', /127\.0\.0\.1 is a loopback/],
  ['http://00000177.0.0.1/', /127\.0\.0\.1 is a loopback/],
  ['http://4294967295/', /broadcast/],
  ['http://2852039166/latest/meta-data/', /169\.254\.169\.254 is a link-local/],
  ['http://0251.0376.0251.0376/', /169\.254\.169\.254 is a link-local/],
  ['http://100.100.100.200/', /CGNAT/], // Alibaba Cloud metadata
  ['http://192.0.0.192/', /reserved/], // Oracle Cloud metadata
  // Full-width digits, percent-encoding, user-info and backslash tricks: URL parsing undoes them
  ['http://１２７.０.０.１/', /127\.0\.0\.1 is a loopback/],
  ['http://%31%32%37.0.0.1/', /127\.0\.0\.1 is a loopback/],
  ['http://127.0.0.1%2e/', /loopback/],
  ['http://portal.gov.vn@127.0.0.1/', /127\.0\.0\.1 is a loopback/],
  ['http://127.0.0.1:80\\@portal.gov.vn/', /127\.0\.0\.1 is a loopback/],
  ['https://ⓛⓞⓒⓐⓛⓗⓞⓢⓣ/', /localhost is a local name/],
  // IPv6 and IPv4 inside IPv6
  ['http://[0000:0000:0000:0000:0000:0000:0000:0001]/', /::1 is a loopback/],
  ['http://[0::1]/', /::1 is a loopback/],
  ['http://[::127.0.0.1]/', /loopback.*IPv4-compatible/],
  ['http://[0:0:0:0:0:ffff:7f00:0001]/', /loopback.*IPv4-mapped/],
  ['http://[::ffff:169.254.169.254]/', /link-local.*IPv4-mapped/],
  ['http://[::ffff:192.168.0.1]/', /private.*IPv4-mapped/],
  ['http://[::ffff:0.0.0.0]/', /this network.*IPv4-mapped/],
  ['http://[::ffff:0:127.0.0.1]/', /loopback.*IPv4-translated/],
  ['http://[::ffff:0:a9fe:a9fe]/', /link-local.*IPv4-translated/],
  ['http://[fd00:ec2::254]/', /unique local/], // AWS metadata over IPv6
  ['http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/', /Teredo/],
  ['http://[100::1]/', /discard-only/],
  ['http://[64:ff9b:1::a00:1]/', /local-use NAT64/],
  // Names
  ['http://metadata.google.internal./', /local name/],
  ['http://instance-data/', /local name/],
];

describe('address forms', () => {
  it.each(inward)('blocks %s', (url, why) => {
    const r = checkUrl(url, false);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(why);
  });

  it.each(['http://[fe80::1%25eth0]/', 'http://0x100000000/', 'http://[::ffff:127.0.0.1%25lo]/'])('refuses %s as no valid URL', (url) => {
    expect(checkUrl(url, false)).toMatchObject({ ok: false, reason: expect.stringMatching(/not a valid URL/) });
  });

  it.each(['http://[2001:4860:4860::8888]/', 'http://[2402:800::1]/', 'https://thainguyen.gov.vn/'])('lets the public %s through', (url) => {
    expect(checkUrl(url, false).ok).toBe(true);
  });
});
