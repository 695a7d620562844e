import { describe, expect, it } from 'vitest';
import { readHead } from '../../../src/ingest/html-head';
import { parseHtml } from '../../../src/normalize/html-tree';

const head = (links: string, base = '') => readHead(parseHtml(`<!DOCTYPE html><html><head><title>Xã</title>${base}${links}</head><body></body></html>`), 'https://xa.gov.vn/tin-tuc/');

describe('readHead: the site icon', () => {
  it('takes an icon link before a shortcut icon before a touch icon, resolved against the page or its <base>', () => {
    expect(head('<link rel="apple-touch-icon" href="/touch.png"><link rel="shortcut icon" href="favicon.ico"><link rel="icon" href="/icon.png">').icon).toBe('https://xa.gov.vn/icon.png');
    expect(head('<link rel="apple-touch-icon" href="/touch.png"><link rel="SHORTCUT ICON" href="favicon.ico">').icon).toBe('https://xa.gov.vn/tin-tuc/favicon.ico');
    expect(head('<link rel="apple-touch-icon" href="/touch.png">').icon).toBe('https://xa.gov.vn/touch.png');
    expect(head('<link rel="icon" href="i.png">', '<base href="https://cdn.xa.gov.vn/static/">').icon).toBe('https://cdn.xa.gov.vn/static/i.png');
  });

  it('leaves out SVG icons (the image route does not pass SVG on) and what is no http(s) URL', () => {
    expect(head('<link rel="icon" type="image/svg+xml" href="/logo"><link rel="apple-touch-icon" href="/touch.png">').icon).toBe('https://xa.gov.vn/touch.png');
    expect(head('<link rel="icon" href="/logo.svg">').icon).toBeUndefined();
    expect(head('<link rel="icon" href="javascript:alert(1)">').icon).toBeUndefined();
    expect(head('<link rel="icon" href="data:image/png;base64,iVBORw0KGgo=">').icon).toBeUndefined();
    expect(head('').icon).toBeUndefined();
  });
});
