import { describe, expect, it } from 'vitest';
import { isStale, mergeSnapshot, snapshotBytes, snapshotKeysFor, storySnapshotKeys, versionOf } from '../../../src/store/snapshot';
import type { Bucket } from '../../../src/store/types';
import { article } from '../../helpers/articles';

const now = new Date('2026-11-27T03:00:00Z');
const bytesOf = (text: string) => new TextEncoder().encode(text);
/** What a snapshot is written as, read back as text. */
const snapshotText = (s: Parameters<typeof snapshotBytes>[0]) => new TextDecoder().decode(snapshotBytes(s));
const bucket = (sourceId: string, version: string, ids: string[], day = 20): Bucket => ({
  version,
  sourceId,
  source: { id: sourceId, name: sourceId, url: `https://${sourceId}.gov.vn/`, region: { province: 'bac-kan' } },
  articles: ids.map((id, i) => article({ id, sourceId, published: `2026-11-${day}T0${i}:00:00.000Z`, contentHtml: '<p>x</p>' })),
});

describe('snapshots', () => {
  it('names the all, province and district keys of a source', () => {
    expect(snapshotKeysFor({ province: 'bac-kan', district: 'cho-don' })).toEqual(['snap:all', 'snap:p:bac-kan', 'snap:d:bac-kan:cho-don']);
    expect(snapshotKeysFor({ province: 'thai-nguyen' })).toEqual(['snap:all', 'snap:p:thai-nguyen']);
  });

  it('looks for a story in all and the province, or in all alone when the catalog is one province (the same articles)', () => {
    expect(storySnapshotKeys({ province: 'bac-kan', district: 'cho-don' })).toEqual(['snap:all', 'snap:p:bac-kan']);
    expect(storySnapshotKeys({ province: 'bac-kan' }, true)).toEqual(['snap:all']);
    // Whatever story matching reads, the articles are still merged into every snapshot they belong to.
    expect(snapshotKeysFor({ province: 'bac-kan' })).toEqual(['snap:all', 'snap:p:bac-kan']);
  });

  it('gives a commune of today, named by its code, its own key; a commune label gets none', () => {
    expect(snapshotKeysFor({ province: 'thai-nguyen', commune: '02143' })).toEqual(['snap:all', 'snap:p:thai-nguyen', 'snap:c:02143']);
    // Văn Lăng shares Văn Lang's slug, never its key.
    expect(snapshotKeysFor({ province: 'thai-nguyen', commune: '05665' })).toContain('snap:c:05665');
    expect(snapshotKeysFor({ province: 'bac-kan', commune: 'bang-lang' })).toEqual(['snap:all', 'snap:p:bac-kan']);
  });

  it('replaces a changed member and keeps the others, newest first, without content', () => {
    const first = mergeSnapshot(null, [bucket('a', 'v1', ['a1', 'a2']), bucket('b', 'v1', ['b1'], 21)], 's1', now);
    expect(first.articles.map((x) => x.id)).toEqual(['b1', 'a2', 'a1']);
    expect('contentHtml' in first.articles[0]).toBe(false);
    const second = mergeSnapshot(first, [bucket('a', 'v2', ['a3'], 22)], 's2', now);
    expect(second.articles.map((x) => x.id)).toEqual(['a3', 'b1']);
    expect(second.members).toEqual({ a: 'v2', b: 'v1' });
    expect(second.sources.b.url).toBe('https://b.gov.vn/');
  });

  it('caps and keeps one copy of an article two sources carry', () => {
    const s = mergeSnapshot(null, [bucket('a', 'v', ['x', 'y']), bucket('b', 'v', ['x'])], 's', now, 5);
    expect(s.articles.filter((a) => a.id === 'x')).toHaveLength(1);
    expect(mergeSnapshot(null, [bucket('a', 'v', ['1', '2', '3'])], 's', now, 2).articles).toHaveLength(2);
  });

  it('knows when a member is stale and reads its version without parsing', () => {
    const s = mergeSnapshot(null, [bucket('a', 'v1', ['a1'])], 'ver-1', now);
    expect(isStale(s, bucket('a', 'v1', []))).toBe(false);
    expect(isStale(s, bucket('a', 'v2', []))).toBe(true);
    expect(isStale(null, bucket('a', 'v1', []))).toBe(true);
    expect(versionOf(bytesOf(JSON.stringify(s)))).toBe('ver-1');
    expect(versionOf(bytesOf('{"articles":[]}'))).toBeNull();
  });

  it('is written as the bytes of what JSON.stringify writes, merge after merge, its kept articles serialized once', () => {
    const first = mergeSnapshot(null, [bucket('a', 'v1', ['a1', 'a2']), bucket('b', 'v1', ['b1'], 21)], 's1', now);
    expect(snapshotText(first)).toBe(JSON.stringify(first));
    // Read back (parsed), then merged with news: the kept articles are the parsed objects.
    const read = JSON.parse(snapshotText(first));
    expect(snapshotText(read)).toBe(JSON.stringify(read));
    const withPage = { ...bucket('b', 'v2', ['b2', 'b1'], 22), source: { id: 'b', name: 'Xã B "mới"', url: 'https://b.gov.vn/', region: { province: 'bac-kan' } } };
    withPage.articles[0] = { ...withPage.articles[0], pageRead: '2026-11-22T05:00:00.000Z', author: undefined };
    const second = mergeSnapshot(read, [withPage], 's2', now);
    expect(snapshotText(second)).toBe(JSON.stringify(second));
    expect(JSON.parse(snapshotText(second)).articles.map((x: { id: string }) => x.id)).toEqual(['b1', 'b2', 'a2', 'a1']);
    // Byte for byte UTF-8 (Vietnamese letters are 2 and 3 bytes), also with nothing in it.
    expect(snapshotBytes(second)).toEqual(bytesOf(JSON.stringify(second)));
    const empty = mergeSnapshot(null, [], 's0', now);
    expect(snapshotBytes(empty)).toEqual(bytesOf(JSON.stringify(empty)));
  });
});
