/**
 * Which URLs the fetcher may request: http(s) only, no user name or password (they would be
 * published wherever the URL is shown), and (unless private sources are allowed) nothing on
 * loopback, private, link-local or otherwise internal addresses, so a catalog entry or a
 * redirect cannot point the Worker inward.
 *
 * The host is judged the way a resolver reads it, not as `new URL()` leaves it: WHATWG parsing
 * already percent-decodes, lowercases, maps full-width forms and turns odd IPv4 spellings
 * (`2130706433`, `0177.0.0.1`, `0x7f.1`, `127.1`) into dotted quads, but it keeps a name
 * ending in two or more dots (`localhost..`, `127.0.0.1..`) as a name, which a resolver then
 * reads without them. So every trailing dot goes, the rest is parsed again (an IPv4 spelling
 * shows up only now), a name with an empty label (`a..b`, `.localhost`) is refused, and the
 * URL handed back carries the host as judged, so what is fetched is what was checked.
 *
 * A Worker cannot resolve DNS itself, so a public name whose record points at a
 * private address cannot be caught here; that case is left to Cloudflare's own
 * egress rules (Workers cannot reach private networks from the edge anyway).
 */

export type UrlCheck = { ok: true; url: URL } | { ok: false; reason: string };

export function checkUrl(url: string, allowPrivate: boolean): UrlCheck {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: `${url} is not a valid URL` };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { ok: false, reason: `${parsed.protocol} URLs are not fetched (only http and https)` };
  }
  const host = resolverHost(parsed.hostname);
  if (!host.ok) return { ok: false, reason: `${displayHost(parsed.hostname)} is ${host.reason}` };
  if (!allowPrivate) {
    const kind = hostKind(host.host);
    if (kind) return { ok: false, reason: `${displayHost(host.host)} is ${kind}` };
  }
  if (parsed.username || parsed.password) {
    return { ok: false, reason: 'a URL with a user name or password is not accepted (it would be published); give it without them' };
  }
  if (host.host !== parsed.hostname) parsed.hostname = host.host;
  return { ok: true, url: parsed };
}

/** True when the host (a name or an IP literal, any spelling URL parsing accepts) is not public. */
export function isPrivateHost(hostname: string): boolean {
  let h = hostname.trim();
  if (h.includes(':') && !h.startsWith('[')) h = `[${h}]`;
  let parsed: string;
  try {
    parsed = new URL(`http://${h}/`).hostname;
  } catch {
    return true; // not a host a URL can name: nothing public either
  }
  const host = resolverHost(parsed);
  return !host.ok || hostKind(host.host) !== null;
}

type ResolverHost = { ok: true; host: string } | { ok: false; reason: string };

/**
 * A hostname as URL parsing leaves it, read the way a resolver would: percent-decoded and
 * lowercased (again, for hosts that did not come through a URL), every trailing dot dropped,
 * and an IPv4 spelling hidden behind them (`0x7f.1..`) turned into its dotted quad.
 */
function resolverHost(hostname: string): ResolverHost {
  if (hostname.startsWith('[')) return { ok: true, host: hostname };
  let name = hostname;
  try {
    name = decodeURIComponent(name);
  } catch {
    return { ok: false, reason: 'not a valid host name' };
  }
  name = name.toLowerCase().replace(/\.+$/, '');
  if (name === '') return { ok: false, reason: 'an empty host' };
  if (name.split('.').includes('')) return { ok: false, reason: 'a host name with an empty label' };
  try {
    const again = new URL(`http://${name}/`).hostname;
    // Parsing again is only for the IPv4 spellings; anything else it changes is not a host.
    return again === name || /^\d+\.\d+\.\d+\.\d+$/.test(again) ? { ok: true, host: again } : { ok: false, reason: 'not a valid host name' };
  } catch {
    return { ok: false, reason: 'not a valid host name' };
  }
}

function displayHost(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, '');
}

/** A phrase saying why the host is not public ("a private address"), or null when it is public. */
function hostKind(host: string): string | null {
  if (host.startsWith('[')) {
    const words = parseIPv6(host.slice(1, -1));
    return words ? ipv6Kind(words) : 'an invalid IPv6 address';
  }
  const v4 = parseIPv4(host);
  if (v4 !== null) return ipv4Kind(v4);
  return nameKind(host);
}

const INTERNAL_SUFFIXES = ['localhost', 'local', 'internal', 'localdomain', 'home.arpa'];

function nameKind(host: string): string | null {
  if (host === '') return 'an empty host';
  for (const suffix of INTERNAL_SUFFIXES) {
    if (host === suffix || host.endsWith(`.${suffix}`)) return 'a local name';
  }
  // Public DNS names always have a dot; a single label (`metadata`, `intranet`)
  // only resolves through a local search domain.
  if (!host.includes('.')) return 'a local name';
  return null;
}

/** Dotted quad (as URL parsing leaves it) to a 32-bit unsigned number; null if not one. */
function parseIPv4(host: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return null;
  return ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
}

/** [network, prefix length, phrase], most specific where they overlap. */
const IPV4_BLOCKS: Array<[string, number, string]> = [
  ['0.0.0.0', 8, 'a "this network" address'],
  ['10.0.0.0', 8, 'a private address'],
  ['100.64.0.0', 10, 'a shared (CGNAT) address'],
  ['127.0.0.0', 8, 'a loopback address'],
  ['169.254.0.0', 16, 'a link-local address (cloud metadata lives here)'],
  ['172.16.0.0', 12, 'a private address'],
  ['192.0.0.0', 24, 'a reserved address'],
  ['192.0.2.0', 24, 'a documentation address'],
  ['192.168.0.0', 16, 'a private address'],
  ['198.18.0.0', 15, 'a benchmarking address'],
  ['198.51.100.0', 24, 'a documentation address'],
  ['203.0.113.0', 24, 'a documentation address'],
  ['224.0.0.0', 4, 'a multicast address'],
  ['255.255.255.255', 32, 'the broadcast address'],
  ['240.0.0.0', 4, 'a reserved address'],
];

function ipv4Kind(ip: number): string | null {
  for (const [net, bits, phrase] of IPV4_BLOCKS) {
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    if (((ip & mask) >>> 0) === parseIPv4(net)) return phrase;
  }
  return null;
}

/** IPv6 text (no brackets) to eight 16-bit words; accepts `::` and a trailing dotted quad. */
function parseIPv6(text: string): number[] | null {
  let s = text.replace(/%.*$/, ''); // zone id
  // A trailing dotted quad stands for the last two words: rewrite it in hex.
  const quad = /(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})$/.exec(s);
  if (quad) {
    const v4 = parseIPv4(quad[1]);
    if (v4 === null) return null;
    s = `${s.slice(0, -quad[1].length)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const toWords = (part: string): number[] | null => {
    if (part === '') return [];
    const out: number[] = [];
    for (const g of part.split(':')) {
      if (!/^[0-9a-f]{1,4}$/i.test(g)) return null;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const head = toWords(halves[0]);
  if (!head) return null;
  if (halves.length === 1) {
    return head.length === 8 ? head : null;
  }
  const rest = toWords(halves[1]);
  if (!rest) return null;
  const fill = 8 - head.length - rest.length;
  if (fill < 1) return null;
  return [...head, ...new Array<number>(fill).fill(0), ...rest];
}

function ipv6Kind(w: number[]): string | null {
  const zeros = (from: number, to: number) => w.slice(from, to).every((x) => x === 0);
  const v4At = (i: number) => ((w[i] << 16) | w[i + 1]) >>> 0;
  const embedded = (i: number, via: string) => {
    const kind = ipv4Kind(v4At(i));
    return kind ? `${kind} (${via})` : null;
  };

  if (zeros(0, 8)) return 'the unspecified address';
  if (zeros(0, 7) && w[7] === 1) return 'a loopback address';
  // ::ffff:a.b.c.d (IPv4-mapped) and the deprecated ::a.b.c.d (IPv4-compatible).
  if (zeros(0, 5) && w[5] === 0xffff) return embedded(6, 'IPv4-mapped');
  if (zeros(0, 6)) return embedded(6, 'IPv4-compatible');
  // ::ffff:0:a.b.c.d (IPv4-translated, RFC 2765) reaches IPv4 through a translator.
  if (zeros(0, 4) && w[4] === 0xffff && w[5] === 0) return embedded(6, 'IPv4-translated');
  // NAT64 well-known prefix 64:ff9b::/96 carries an IPv4 address in its last 32 bits.
  if (w[0] === 0x64 && w[1] === 0xff9b && zeros(2, 6)) return embedded(6, 'NAT64');
  if (w[0] === 0x64 && w[1] === 0xff9b && w[2] === 1) return 'a local-use NAT64 address';
  // 6to4 2002:a.b.c.d::/48 carries one in words 1-2.
  if (w[0] === 0x2002) return embedded(1, '6to4');
  if ((w[0] & 0xfe00) === 0xfc00) return 'a unique local (private) address';
  if ((w[0] & 0xffc0) === 0xfe80) return 'a link-local address';
  if ((w[0] & 0xffc0) === 0xfec0) return 'a site-local address';
  if ((w[0] & 0xff00) === 0xff00) return 'a multicast address';
  if (w[0] === 0x2001 && w[1] === 0x0db8) return 'a documentation address';
  // Teredo 2001::/32 tunnels to an IPv4 host hidden (XORed) in the address; no portal uses it.
  if (w[0] === 0x2001 && w[1] === 0) return 'a Teredo tunnel address';
  if (w[0] === 0x0100 && zeros(1, 4)) return 'a discard-only address';
  return null;
}
