import { decodeHTMLAttribute } from 'entities';
import { EndTags } from './end-tags';
import { resolveHref } from './html-urls';

/**
 * Publication date and lead image of an article page, for enriching listing items that
 * came without them. Read in one HTMLRewriter pass from, best first:
 * date — `article:published_time`, JSON-LD `datePublished`, `itemprop=datePublished`;
 * image — `og:image`, JSON-LD `image`, `twitter:image`.
 * The date is returned raw (its shape varies); the image absolute.
 */
export interface ArticleMeta {
  date?: string;
  image?: string;
}

/** Largest JSON-LD script read; real ones are a few KiB. */
const MAX_JSON_LD = 200_000;

export async function extractArticleMeta(html: string, baseUrl: string): Promise<ArticleMeta> {
  const found = {
    publishedTime: undefined as string | undefined,
    itemprop: undefined as string | undefined,
    ogImage: undefined as string | undefined,
    twitterImage: undefined as string | undefined,
    ldDate: undefined as string | undefined,
    ldImage: undefined as string | undefined,
  };
  const ends = new EndTags();
  let script: string | null = null;

  const rewriter = new HTMLRewriter()
    .on('meta[content]', {
      element(el) {
        const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? '').trim().toLowerCase();
        // Kept entity-encoded here: resolveHref decodes image URLs itself.
        const content = (el.getAttribute('content') ?? '').trim();
        if (!content) return;
        if (key === 'article:published_time') found.publishedTime ??= decodeHTMLAttribute(content);
        else if (key === 'og:image' || key === 'og:image:url' || key === 'og:image:secure_url') found.ogImage ??= content;
        else if (key === 'twitter:image' || key === 'twitter:image:src') found.twitterImage ??= content;
      },
    })
    .on('[itemprop~="datePublished"]', {
      element(el) {
        // <meta itemprop content>, <time itemprop datetime>, <span itemprop content>.
        const value = decodeHTMLAttribute(el.getAttribute('datetime') ?? el.getAttribute('content') ?? '').trim();
        if (value) found.itemprop ??= value;
      },
    })
    .on('script[type]', {
      element(el) {
        const type = (el.getAttribute('type') ?? '').split(';')[0].trim().toLowerCase();
        if (type !== 'application/ld+json') return;
        script = '';
        ends.on(el, () => {
          readJsonLd(script ?? '', found);
          script = null;
        });
      },
    })
    .onDocument({
      text(chunk) {
        // Script text arrives as is (no entities), possibly in several chunks.
        if (script !== null && script.length < MAX_JSON_LD) script += chunk.text;
      },
    });

  await rewriter.transform(new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } })).arrayBuffer();

  const meta: ArticleMeta = {};
  const date = found.publishedTime ?? found.ldDate ?? found.itemprop;
  if (date) meta.date = date;
  for (const candidate of [found.ogImage, found.ldImage, found.twitterImage]) {
    const url = candidate ? resolveHref(candidate, baseUrl) : undefined;
    if (url) {
      meta.image = url;
      break;
    }
  }
  return meta;
}

type Found = { ldDate?: string; ldImage?: string };

/** Reads `datePublished` and `image` from a JSON-LD block; invalid JSON is skipped. */
function readJsonLd(text: string, found: Found): void {
  let data: unknown;
  try {
    data = JSON.parse(text.trim().replace(/^<!--|-->$/g, ''));
  } catch {
    return;
  }
  for (const node of ldNodes(data)) {
    if (!found.ldDate && typeof node.datePublished === 'string' && node.datePublished.trim()) {
      found.ldDate = node.datePublished.trim();
    }
    if (!found.ldImage) {
      const image = ldImage(node.image) ?? ldImage(node.thumbnailUrl);
      if (image) found.ldImage = image;
    }
  }
}

type LdNode = Record<string, unknown>;

/** Every object of a JSON-LD document: top level, arrays, and `@graph` members. */
function ldNodes(data: unknown, depth = 0): LdNode[] {
  if (depth > 4 || data === null || typeof data !== 'object') return [];
  if (Array.isArray(data)) return data.flatMap((d) => ldNodes(d, depth + 1));
  const node = data as LdNode;
  const graph = node['@graph'];
  return [node, ...(graph ? ldNodes(graph, depth + 1) : [])];
}

/** `image` may be a URL, an ImageObject (`url`/`contentUrl`), or a list of either. */
function ldImage(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value)) {
    for (const v of value) {
      const url = ldImage(v);
      if (url) return url;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    const obj = value as LdNode;
    return ldImage(obj.url) ?? ldImage(obj.contentUrl);
  }
  return undefined;
}
