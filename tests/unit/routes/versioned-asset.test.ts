import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { versionedAsset } from '../../../src/routes/versioned-asset';

describe('versionedAsset', () => {
  const app = new Hono().get('/a.js', versionedAsset('var a = 1;', 'application/javascript; charset=utf-8', 'v1'));
  it('caches the linked, versioned URL for a year and any other for a day', async () => {
    const linked = await app.request('/a.js?v=v1');
    expect(await linked.text()).toBe('var a = 1;');
    expect(linked.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(linked.headers.get('Content-Type')).toBe('application/javascript; charset=utf-8');
    expect((await app.request('/a.js?v=old')).headers.get('Cache-Control')).toBe('public, max-age=86400');
  });
  it('answers a browser holding this version with a 304', async () => {
    const again = await app.request('/a.js?v=v1', { headers: { 'If-None-Match': '"v1"' } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await app.request('/a.js', { headers: { 'If-None-Match': '"v0"' } })).status).toBe(200);
  });
});
