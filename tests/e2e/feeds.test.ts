import Ajv from 'ajv';
import addFormats from 'ajv-formats';
// @ts-expect-error: a JSON schema module without types
import schema11 from 'jsonfeed-schema/v1.1.js';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { child, children, parseXml } from '../helpers/xml';
import { startBantin, type Running } from './dev-server';

let bantin: Running;

// The real thing: `wrangler dev`, its cron fired through /__scheduled, the fixture
// portals on 127.0.0.1, and the feeds read back the way feed readers read them.
describe('wrangler dev against fixture portals', () => {
  beforeAll(async () => {
    bantin = await startBantin();
    const cron = await fetch(`${bantin.base}/__scheduled?cron=*/15+*+*+*+*`);
    expect(cron.status).toBe(200);
    // The scheduled handler finishes in waitUntil; wait until its state is written.
    for (let i = 0; i < 100; i++) {
      const { lastRun } = (await (await fetch(`${bantin.base}/api/sources`)).json()) as { lastRun: unknown };
      if (lastRun) break;
      await new Promise((ok) => setTimeout(ok, 200));
    }
  });
  afterAll(() => bantin?.stop());

  it('serves a JSON Feed that satisfies the JSON Feed 1.1 schema', async () => {
    const res = await fetch(`${bantin.base}/feed.json?limit=100`);
    expect(res.headers.get('content-type')).toBe('application/feed+json; charset=utf-8');
    const feed = (await res.json()) as { items: { date_published: string }[] };
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema11);
    expect(validate(feed), JSON.stringify(validate.errors)).toBe(true);
    expect(feed.items.length).toBeGreaterThan(20);
    for (const item of feed.items) expect(item.date_published).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('serves RSS and Atom that a feed reader library reads back with the same items', async () => {
    const parser = new Parser();
    const rss = await parser.parseString(await (await fetch(`${bantin.base}/feed.rss?limit=30`)).text());
    const atomText = await (await fetch(`${bantin.base}/feed.atom?limit=30`)).text();
    const atom = await parser.parseString(atomText);
    expect(rss.items).toHaveLength(30);
    expect(atom.items.map((i) => i.link)).toEqual(rss.items.map((i) => i.link));
    expect(rss.items.map((i) => i.guid)).toEqual(atom.items.map((i) => i.id));
    const entry = children(parseXml(atomText), 'entry')[0];
    expect(child(child(entry, 'source')!, 'title')!.text.length).toBeGreaterThan(0);
  });

  it('stores Vietnamese text as NFC and dates in Vietnam time', async () => {
    const feed = (await (await fetch(`${bantin.base}/feed.json?source=backan`)).json()) as { items: { title: string; date_published: string }[] };
    for (const i of feed.items) expect(i.title).toBe(i.title.normalize('NFC'));
    // backan's ASP.NET feed writes "26/11/2019 08:30:00" with no zone: 08:30 in Vietnam is 01:30 UTC.
    expect(feed.items.map((i) => i.date_published)).toContain('2019-11-26T01:30:00Z');
  });

  it('answers 304 for an unchanged feed and refuses the admin API without the token', async () => {
    const first = await fetch(`${bantin.base}/feed.rss`);
    const again = await fetch(`${bantin.base}/feed.rss`, { headers: { 'if-none-match': first.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect((await fetch(`${bantin.base}/admin/refresh`, { method: 'POST' })).status).toBe(401);
  });
});
