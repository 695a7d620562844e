import { z } from 'zod';
import type { RawItem } from '../model';
import { firstImageIn } from './html-urls';
import { IngestError, type ParsedPage } from './types';
import { errorText } from '../error-text';

/**
 * JSON Feed 1.0 and 1.1 to RawItems. Lenient by design: every field is optional and coerced
 * (a numeric id becomes a string, a field of the wrong type is dropped), and an item that is
 * not an object or carries nothing usable is skipped instead of failing the whole feed.
 */

/** A string field: trimmed, empty → undefined; a finite number → its digits; anything else dropped. */
const text = z.unknown().transform((v): string | undefined => {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
});

/** 1.1's `authors: [{name}]` or 1.0's `author: {name}`: the names, joined. */
const authorNames = z.unknown().transform((v): string | undefined => {
  const names = (Array.isArray(v) ? v : [v])
    .map((a) => (a && typeof a === 'object' ? text.parse((a as { name?: unknown }).name) : undefined))
    .filter((n): n is string => !!n);
  return names.length ? names.join(', ') : undefined;
});

const tags = z.unknown().transform((v): string[] =>
  (Array.isArray(v) ? v : [v]).map((t) => text.parse(t)).filter((t): t is string => !!t),
);

/** The first attachment of an image type: its address. */
const imageAttachment = z.unknown().transform((v): string | undefined => {
  for (const a of Array.isArray(v) ? v : []) {
    if (!a || typeof a !== 'object') continue;
    const { url, mime_type } = a as { url?: unknown; mime_type?: unknown };
    if (typeof mime_type === 'string' && /^image\//i.test(mime_type.trim())) return text.parse(url);
  }
  return undefined;
});

const itemSchema = z.object({
  id: text,
  url: text,
  external_url: text,
  title: text,
  content_html: text,
  content_text: text,
  summary: text,
  image: text,
  banner_image: text,
  date_published: text,
  date_modified: text,
  authors: authorNames,
  author: authorNames,
  tags,
  attachments: imageAttachment,
});

const feedSchema = z.object({
  title: text,
  icon: text,
  favicon: text,
  authors: authorNames,
  author: authorNames,
  items: z.array(z.unknown()),
});

export function parseJsonFeed(body: string): ParsedPage {
  let data: unknown;
  try {
    data = JSON.parse(body.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new IngestError('parse', `invalid JSON: ${errorText(e)}`);
  }
  const feed = feedSchema.safeParse(data);
  if (!feed.success) throw new IngestError('parse', 'not a JSON Feed: no "items" array');

  const feedAuthor = feed.data.authors ?? feed.data.author;
  const items: RawItem[] = [];
  for (const candidate of feed.data.items) {
    const parsed = itemSchema.safeParse(candidate);
    if (!parsed.success) continue;
    const item = toRawItem(parsed.data, feedAuthor);
    if (item.link || item.guid || item.title || item.contentHtml) items.push(item);
  }
  const page: ParsedPage = { format: 'jsonfeed', items };
  if (feed.data.title) page.title = feed.data.title;
  // The small favicon suits a name's side better than the 512-pixel icon.
  const icon = feed.data.favicon ?? feed.data.icon;
  if (icon) page.icon = icon;
  return page;
}

function toRawItem(it: z.output<typeof itemSchema>, feedAuthor: string | undefined): RawItem {
  const raw: RawItem = {};
  const fields: Partial<Record<keyof RawItem, string | undefined>> = {
    title: it.title,
    link: it.url ?? it.external_url,
    guid: it.id,
    date: it.date_published ?? it.date_modified,
    summary: it.summary ?? it.content_text,
    contentHtml: it.content_html ?? (it.content_text ? textToHtml(it.content_text) : undefined),
    image: it.image ?? it.banner_image ?? it.attachments ?? firstImageIn(it.summary) ?? firstImageIn(it.content_html),
    // JSON Feed 1.1: an item without authors has the feed's.
    author: it.authors ?? it.author ?? feedAuthor,
  };
  for (const [key, value] of Object.entries(fields) as [Exclude<keyof RawItem, 'categories'>, string | undefined][]) {
    if (value !== undefined) raw[key] = value;
  }
  if (it.tags.length) raw.categories = it.tags;
  return raw;
}

/** content_text as HTML: escaped, blank lines make paragraphs, single newlines breaks. */
function textToHtml(s: string): string {
  const escaped = s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return escaped
    .split(/\r?\n\s*\r?\n/)
    .map((p) => `<p>${p.trim().replace(/\r?\n/g, '<br>')}</p>`)
    .join('');
}
