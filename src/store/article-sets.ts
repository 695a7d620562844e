import { isBucketKey } from './keys';
import type { JsonStore } from './kv';
import { versionOf } from './snapshot';
import { parsedSnapshot } from './snapshot-read';
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

/**
 * A snapshot is parsed once per isolate while its text stays the same (snapshot-read.ts): the
 * feed requests between two refreshes that change it, and the refresh's own parse or write, share
 * one parse. Read only: a selection copies what it takes.
 */
function asSet(key: string, text: string): ArticleSet {
  if (!isBucketKey(key)) return parsedSnapshot(key, text);
  const b = JSON.parse(text) as Bucket;
  const updated = b.articles.reduce((m, a) => (a.updated && a.updated > m ? a.updated : m), b.articles[0]?.firstSeen ?? '');
  return { updated, articles: b.articles, sources: b.source ? { [b.sourceId]: b.source } : {} };
}

/** Reads the keys; parsing waits until `parse()`, so a 304 costs no parse. */
export async function readArticleSets(store: JsonStore, keys: string[]): Promise<ArticleSetsReading> {
  const texts = await Promise.all(keys.map((key) => store.getText(key)));
  return {
    version: texts.map((t) => (t ? versionOf(t) ?? 'x' : '0')).join('.'),
    parse: () => texts.flatMap((text, i) => (text ? [asSet(keys[i], text)] : [])),
  };
}
