import { isBucketKey } from './keys';
import type { JsonStore } from './kv';
import { versionOf } from './snapshot';
import { parsedSnapshot, storedSnapshot } from './snapshot-read';
import type { Bucket, SnapshotArticle, SourceInfo } from './types';

/** What a feed reads from one key: a source's bucket or a snapshot of many sources, in one shape. */
export interface ArticleSet {
  /** Newest change (ISO), for Last-Modified and a feed's `updated`. */
  updated: string;
  articles: (SnapshotArticle & { contentHtml?: string })[];
  sources: Record<string, SourceInfo>;
}

/** The stored values a request reads, before parsing: enough to answer 304. */
export interface ArticleSetsReading {
  /** One string naming the versions of everything read; changes when any of it changes. */
  version: string;
  /** The sets parsed, in key order (absent keys left out). */
  parse(): ArticleSet[];
}

const decoder = new TextDecoder();

/**
 * A snapshot is parsed once per isolate while its bytes stay the same (snapshot-read.ts): the
 * feed requests between two refreshes that change it, and the refresh's own parse or write, share
 * one parse. Read only: a selection copies what it takes.
 */
function asSet(key: string, bytes: Uint8Array): ArticleSet {
  if (!isBucketKey(key)) return parsedSnapshot(storedSnapshot(key, bytes));
  const b = JSON.parse(decoder.decode(bytes)) as Bucket;
  const updated = b.articles.reduce((m, a) => (a.updated && a.updated > m ? a.updated : m), b.articles[0]?.firstSeen ?? '');
  return { updated, articles: b.articles, sources: b.source ? { [b.sourceId]: b.source } : {} };
}

/** Reads the keys; parsing waits until `parse()`, so a 304 costs no parse. */
export async function readArticleSets(store: JsonStore, keys: string[]): Promise<ArticleSetsReading> {
  const values = await Promise.all(keys.map((key) => store.getBytes(key)));
  return {
    version: values.map((v) => (v ? versionOf(v) ?? 'x' : '0')).join('.'),
    parse: () => values.flatMap((bytes, i) => (bytes ? [asSet(keys[i], bytes)] : [])),
  };
}
