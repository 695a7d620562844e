/**
 * What an article page's JSON-LD says of itself (schema.org NewsArticle and kin): the first
 * non-empty value of each field over every node, `@graph` members and arrays included.
 * Invalid JSON is skipped: a page's other signals still count.
 */
export interface LdFacts {
  datePublished?: string;
  author?: string;
  image?: string;
  articleBody?: string;
}

/** Largest JSON-LD script read; real ones are a few KiB, an article body a few dozen. */
const MAX_JSON_LD = 400_000;

export function readJsonLd(scripts: string[]): LdFacts {
  const facts: LdFacts = {};
  const nodes: LdNode[] = [];
  for (const text of scripts) {
    if (text.length > MAX_JSON_LD) continue;
    try {
      nodes.push(...ldNodes(JSON.parse(text.trim().replace(/^<!--|-->$/g, ''))));
    } catch {
      continue;
    }
  }
  // `@graph` documents (Yoast and kin) name the author and image by reference: `{"@id": "#/schema/person/…"}`.
  const byId = new Map<string, LdNode>();
  for (const node of nodes) if (typeof node['@id'] === 'string' && !byId.has(node['@id'])) byId.set(node['@id'], node);
  const resolve = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(resolve);
    const ref = v && typeof v === 'object' ? (v as LdNode)['@id'] : undefined;
    return typeof ref === 'string' && byId.has(ref) ? { ...byId.get(ref), ...(v as LdNode) } : v;
  };
  for (const node of nodes) {
    facts.datePublished ??= nonEmpty(node.datePublished) ?? nonEmpty(node.dateCreated);
    facts.author ??= ldName(resolve(node.author)) ?? ldName(resolve(node.creator));
    facts.image ??= ldUrl(resolve(node.image)) ?? ldUrl(resolve(node.thumbnailUrl));
    facts.articleBody ??= nonEmpty(node.articleBody);
  }
  return facts;
}

type LdNode = Record<string, unknown>;

const nonEmpty = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** Every object of a JSON-LD document: top level, arrays, and `@graph` members. */
function ldNodes(data: unknown, depth = 0): LdNode[] {
  if (depth > 4 || data === null || typeof data !== 'object') return [];
  if (Array.isArray(data)) return data.flatMap((d) => ldNodes(d, depth + 1));
  const node = data as LdNode;
  const graph = node['@graph'];
  return [node, ...(graph ? ldNodes(graph, depth + 1) : [])];
}

/** A URL, an ImageObject (`url`/`contentUrl`), or a list of either. */
function ldUrl(value: unknown, depth = 0): string | undefined {
  if (depth > 3) return undefined;
  if (typeof value === 'string') return nonEmpty(value);
  if (Array.isArray(value)) {
    for (const v of value) {
      const url = ldUrl(v, depth + 1);
      if (url) return url;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    const obj = value as LdNode;
    return ldUrl(obj.url, depth + 1) ?? ldUrl(obj.contentUrl, depth + 1);
  }
  return undefined;
}

/** A person's name: a string, a Person (`name`), or the first of a list. Organizations are no author. */
function ldName(value: unknown, depth = 0): string | undefined {
  if (depth > 3) return undefined;
  if (typeof value === 'string') return nonEmpty(value);
  if (Array.isArray(value)) {
    for (const v of value) {
      const name = ldName(v, depth + 1);
      if (name) return name;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    const obj = value as LdNode;
    if (obj['@type'] === 'Organization') return undefined;
    return nonEmpty(obj.name);
  }
  return undefined;
}
