// A real HTTP origin on 127.0.0.1 that serves the fixture portals (tests/fixtures),
// honours ETag / If-None-Match and Last-Modified / If-Modified-Since like a good
// portal, and can be told to misbehave (for tests of failures). Used by the e2e
// tests, `npm run demo` and the benchmarks. It listens on loopback only.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.json': 'application/feed+json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};
/** Text fixtures may name the origin itself (`{{ORIGIN}}`: images, icons), as it is reached. */
const TEXT = new Set(['.html', '.xml', '.rss', '.atom', '.json']);
const LAST_MODIFIED = 'Wed, 25 Nov 2026 01:00:00 GMT';

/** Hostile behaviours, by path, for reliability tests. */
const HOSTILE = {
  '/hostile/500': (res) => res.writeHead(500, { 'content-type': 'text/html' }).end('<h1>Lỗi máy chủ</h1>'),
  '/hostile/404': (res) => res.writeHead(404).end('not found'),
  '/hostile/loop': (res) => res.writeHead(302, { location: '/hostile/loop' }).end(),
  '/hostile/png': (res) =>
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')),
  '/hostile/huge': (res) => {
    // 30 MB of RSS-looking text, streamed: the fetcher must stop at its limit.
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    const chunk = Buffer.alloc(64 * 1024, '<item><title>x</title></item>');
    let sent = 0;
    const pump = () => {
      while (sent < 30 * 1024 * 1024) {
        sent += chunk.length;
        if (!res.write(chunk)) return res.once('drain', pump);
      }
      res.end('</channel></rss>');
    };
    res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>huge</title>');
    pump();
    res.on('close', () => (sent = Infinity));
  },
  '/hostile/dribble': (res) => {
    // One byte a second, forever (until the client gives up).
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    const text = '<?xml version="1.0"?><rss version="2.0"><channel>';
    let i = 0;
    const timer = setInterval(() => res.write(text[i++ % text.length]), 1000);
    res.on('close', () => clearInterval(timer));
  },
};

/** `/hostile/held/<fixture path>`: held until POST /__release?path=<the full path>, then the fixture. */
const HELD = '/hostile/held/';

export async function startOrigin({ port = 0, root = 'tests/fixtures', host = '127.0.0.1' } = {}) {
  const base = resolve(root);
  /** path → { status, body, headers } set by tests through POST /__override. */
  const overrides = new Map();
  const hits = new Map();
  /** path → the requests of /hostile/held/… waiting for POST /__release?path=… */
  const held = new Map();

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://origin');
    let path = decodeURIComponent(url.pathname);
    if (req.method === 'POST' && path === '/__release') {
      const waiting = url.searchParams.get('path');
      for (const release of held.get(waiting) ?? []) release();
      held.delete(waiting);
      return res.writeHead(204).end();
    }
    if (path.startsWith(HELD)) {
      // A portal that answers only when the test says so (then as the fixture after the prefix).
      await new Promise((release) => held.set(path, [...(held.get(path) ?? []), release]));
      path = path.slice(HELD.length - 1);
    }
    if (req.method === 'POST' && path === '/__override') {
      const body = JSON.parse(await readBody(req));
      if (body.reset) overrides.clear();
      else overrides.set(body.path, body);
      return res.writeHead(204).end();
    }
    if (path === '/__hits') return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(Object.fromEntries(hits)));
    hits.set(path, (hits.get(path) ?? 0) + 1);

    const o = overrides.get(path);
    if (o?.status && !o.body) return res.writeHead(o.status, o.headers ?? {}).end();
    if (HOSTILE[path] && !o) return HOSTILE[path](res);

    let body;
    let type = o?.headers?.['content-type'];
    if (o?.body !== undefined) body = Buffer.from(o.body, o.base64 ? 'base64' : 'utf8');
    else {
      const file = normalize(join(base, path));
      if (!file.startsWith(base)) return res.writeHead(403).end();
      try {
        // A `.b64` fixture holds bytes in a legacy charset; it is served decoded.
        body = await readFile(file).catch(async () => Buffer.from((await readFile(`${file}.b64`, 'utf8')).trim(), 'base64'));
      } catch {
        return res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      }
      type ??= TYPES[extname(path)] ?? 'application/octet-stream';
      if (TEXT.has(extname(path)) && body.includes('{{ORIGIN}}')) body = Buffer.from(body.toString('utf8').replaceAll('{{ORIGIN}}', `http://${req.headers.host}`));
    }
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    const headers = { 'content-type': type ?? 'text/html; charset=utf-8', etag, 'last-modified': LAST_MODIFIED, ...(o?.headers ?? {}) };
    if (req.headers['if-none-match'] === etag) return res.writeHead(304, { etag }).end();
    const since = Date.parse(req.headers['if-modified-since'] ?? '');
    if (!req.headers['if-none-match'] && !o && since >= Date.parse(LAST_MODIFIED)) return res.writeHead(304).end();
    res.writeHead(o?.status ?? 200, headers).end(body);
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const actual = server.address().port;
  return {
    port: actual,
    url: `http://${host}:${actual}`,
    close: () => new Promise((ok) => (server.closeAllConnections(), server.close(ok))),
  };
}

function readBody(req) {
  return new Promise((ok, fail) => {
    const parts = [];
    req.on('data', (c) => parts.push(c)).on('end', () => ok(Buffer.concat(parts).toString('utf8'))).on('error', fail);
  });
}

// `node scripts/fixture-origin.mjs [port]` serves the fixtures until stopped.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const origin = await startOrigin({ port: Number(process.argv[2] ?? 8790) });
  console.log(`fixture portals on ${origin.url}`);
}
