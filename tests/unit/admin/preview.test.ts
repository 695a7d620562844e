import { describe, expect, it } from 'vitest';
import { previewSource } from '../../../src/admin/preview';

/** A fetch that fails as workerd's does for each kind of unreachable portal. */
const failingWith = (message: string): typeof fetch => async () => {
  throw new TypeError(message);
};

const previewOf = (url: string, message: string) =>
  previewSource({ url, kind: 'feed' }, { fetch: failingWith(message), allowPrivate: true, now: new Date('2026-12-07T05:00:00Z'), timeoutMs: 2000 });

describe('previewSource on an address that cannot be reached', () => {
  it.each([
    ['a name that does not resolve', 'http://khong-ton-tai.backan.gov.vn/rss', 'internal error; reference = 7kq2h0v1', 'dns'],
    ['a refused connection', 'https://chodon.backan.gov.vn/rss', 'Network connection lost.', 'refused'],
    ['a broken certificate', 'https://babe.backan.gov.vn/rss', 'TLS peer\'s certificate is not trusted', 'tls'],
  ])('blames the URL field for %s, with its failure code', async (_what, url, message, code) => {
    const out = await previewOf(url, message);
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    expect(out.result.articleCount).toBe(0);
    expect(out.result.problems).toEqual([expect.objectContaining({ severity: 'error', code, field: 'url' })]);
  });
});
