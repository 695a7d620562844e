/**
 * The one article model every stage agrees on (like Miniflux's model package).
 * Ingest produces it, store keeps it, serve renders it.
 */
export interface Region {
  /** Province slug as published, e.g. "bac-kan" (may be a former province). */
  province: string;
  district?: string;
  commune?: string;
  /** Display names, since slugs carry no diacritics: "huyện Chợ Đồn", "xã Bằng Lãng". */
  districtName?: string;
  communeName?: string;
}

export interface Article {
  /** Stable id: hash of the canonical URL (or of source id + guid when the guid is no URL). */
  id: string;
  /** Canonical absolute http(s) URL of the article page. */
  url: string;
  /** The feed's guid, when it had one. */
  guid?: string;
  /** Plain text, NFC, no tags. */
  title: string;
  /** Plain text, at most 300 characters, cut at a word boundary ("" when none). */
  summary: string;
  /** Sanitized HTML with absolute links, when the source gave content. */
  contentHtml?: string;
  /** Absolute http(s) image URL. */
  image?: string;
  author?: string;
  categories?: string[];
  /** ISO 8601 instant (UTC, with Z). */
  published: string;
  /** True when the source gave no usable date and `published` is when we first saw it. */
  dateEstimated?: boolean;
  /** True when the source gave a day without a time (or times not to be trusted): `published` is that day's midnight in Vietnam. */
  dateOnly?: boolean;
  /** ISO instant we first stored this article. */
  firstSeen: string;
  /** ISO instant its content last changed in our store (absent when never changed). */
  updated?: string;
  sourceId: string;
  /** When its own page was read (sources with `fullText`): content, time, author and image are the page's. */
  pageRead?: string;
  /** Id of the story this article copies (another source's article, set when first stored); absent = its own story. */
  storyId?: string;
}

/**
 * One item as a parser found it, before normalization: raw strings, possibly
 * entity-encoded, relative URLs, dates in whatever shape the site writes them.
 */
export interface RawItem {
  title?: string;
  link?: string;
  guid?: string;
  /** Date text or attribute as found (RFC 822, ISO, "Thứ ba - 26/11/2019 08:30", ...). */
  date?: string;
  /** Summary: plain text or HTML. */
  summary?: string;
  /** Full content HTML (content:encoded, Atom content, JSON Feed content_html). */
  contentHtml?: string;
  image?: string;
  author?: string;
  categories?: string[];
}
