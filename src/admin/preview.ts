import { applyPage } from '../article/apply';
import { readArticlePage } from '../article/read-page';
import { ingestSource, type ListingOutcome } from '../ingest/ingest-source';
import type { ListingWay } from '../ingest/listing-read';
import { IngestError, type IngestErrorCode } from '../ingest/types';
import type { Article } from '../model';
import { subrequestBudget } from '../refresh/budget';
import { PRESETS, resolveSelectors } from '../sources/presets';
import { validateSource, type FieldError, type PresetName, type Selectors, type Source } from '../sources/schema';
import { checkSourceSelectors } from './selector-check';
import { checkCatalogUrls } from './url-policy';
import { errorText } from '../error-text';

/**
 * A dry run of one source definition through the real ingest (fetch, detect, parse,
 * normalize, enrich), storing nothing, so an operator can try a URL, a preset or
 * selectors and see what bantin would make of them before adding the source.
 */
export interface PreviewDeps {
  fetch: typeof fetch;
  allowPrivate: boolean;
  now: Date;
  timeoutMs?: number;
  /** Requests one preview may make (page, discovered feed, enrichment). */
  maxSubrequests?: number;
  /** Articles returned in full (all are counted). */
  maxArticles?: number;
}

export interface PreviewProblem {
  /** error: nothing would be stored; warning: stored, but worse than it could be; info: worth knowing. */
  severity: 'error' | 'warning' | 'info';
  code: IngestErrorCode | 'no-articles' | 'dates-estimated' | 'images-missing' | 'summaries-missing' | 'damaged-feed' | 'feed-discovered';
  message: string;
  /** The definition's field the problem is about, when there is one. */
  field?: string;
}

export type PreviewArticle = Pick<Article, 'id' | 'url' | 'title' | 'summary' | 'published' | 'dateOnly' | 'dateEstimated' | 'image' | 'author' | 'categories'> & {
  /** Why each missing field is missing. */
  missing?: Partial<Record<'date' | 'image' | 'summary', string>>;
};

/** How the page was read: which platform, whether a feed was followed, what structure was inferred. */
export interface PreviewReading {
  /** The platform whose preset read the page (told or detected), or "unknown". */
  platform: PresetName | 'unknown';
  /** preset/selectors given; remembered; platform detected; structure inferred; or a feed. */
  way: ListingWay | 'feed';
  feed: { followed: boolean; url?: string; dead?: string };
  /** Selectors inferred for a page of no known platform: pin them into the source to keep them. */
  inferred?: Selectors;
  /** Whether the inferred selectors say all of it (else: items have no wrapper, or dates stand loose in them). */
  expressible?: boolean;
}

export interface PreviewResult {
  source: Source;
  /** The listing selectors in effect (preset merged with explicit ones), if any. */
  selectors: Selectors | null;
  format?: string;
  feedUrl?: string;
  reading?: PreviewReading;
  articleCount: number;
  articles: PreviewArticle[];
  problems: PreviewProblem[];
  subrequests: number;
  durationMs: number;
}

export type PreviewOutcome = { ok: true; result: PreviewResult } | { ok: false; errors: FieldError[] };

/** Fields a preview does not need from the operator: placeholders that are never stored. */
const PLACEHOLDERS = { id: 'preview', name: 'preview', region: { province: 'thai-nguyen' } };
/** Article pages a preview reads for a source with `fullText` or `enrich`. */
const PREVIEW_PAGES = 3;

export async function previewSource(input: unknown, deps: PreviewDeps): Promise<PreviewOutcome> {
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, errors: [{ field: '(body)', message: 'must be a JSON object: a source definition (url, and kind, preset or selectors as needed)' }] };
  }
  const v = validateSource({ ...PLACEHOLDERS, ...input });
  if (!v.ok) return { ok: false, errors: v.errors };
  const source = v.value;
  const errors = [...checkCatalogUrls([source], deps.allowPrivate, () => 'url'), ...checkSourceSelectors(source)];
  if (errors.length) return { ok: false, errors };

  const started = Date.now();
  const budget = subrequestBudget(deps.fetch, deps.maxSubrequests ?? 10);
  const selectors = resolveSelectors(source);
  const result: PreviewResult = { source, selectors, articleCount: 0, articles: [], problems: [], subrequests: 0, durationMs: 0 };
  try {
    const r = await ingestSource(
      { source, validators: {} },
      { fetch: budget.fetch, allowPrivate: deps.allowPrivate, timeoutMs: deps.timeoutMs, now: deps.now },
    );
    if (r.status === 'parsed' && (source.fullText || source.enrich)) {
      // The first few articles as a refresh would complete them from their own pages.
      const pageOpts = { fetch: budget.fetch, allowPrivate: deps.allowPrivate, timeoutMs: deps.timeoutMs, now: deps.now, order: source.dateOrder };
      for (let i = 0; i < Math.min(PREVIEW_PAGES, r.articles.length) && budget.remaining() > 0; i++) {
        try {
          r.articles[i] = applyPage(r.articles[i], await readArticlePage(r.articles[i].url, pageOpts), deps.now, !source.fullText);
        } catch {
          // A page that cannot be read leaves its article as the listing gave it, as in a refresh.
        }
      }
    }
    if (r.status === 'parsed') {
      result.format = r.format;
      result.feedUrl = r.feedUrl;
      result.articleCount = r.articles.length;
      const reading = readingOf(source, r.listing, r.feedUrl);
      result.reading = reading;
      const effective = selectors ?? (reading.platform !== 'unknown' ? PRESETS[reading.platform] : (reading.inferred ?? null));
      if (!selectors && effective) result.selectors = effective;
      result.articles = r.articles.slice(0, deps.maxArticles ?? 20).map((a) => lean(a, reading, result.selectors));
      result.problems = diagnose(source, result.selectors, r.articles, r.partial, r.feedUrl);
    }
  } catch (e) {
    const code: IngestErrorCode = e instanceof IngestError ? e.code : 'parse';
    const message = errorText(e);
    result.problems.push({ severity: 'error', code, message, ...(fieldOfError(code, message, source) ?? {}) });
  }
  result.subrequests = budget.used();
  result.durationMs = Date.now() - started;
  return { ok: true, result };
}

function readingOf(source: Source, listing: ListingOutcome | undefined, feedUrl: string | undefined): PreviewReading {
  const platform = listing?.platform ?? source.preset ?? 'unknown';
  const reading: PreviewReading = { platform, way: listing?.way ?? 'feed', feed: { followed: !!feedUrl && feedUrl !== source.url } };
  if (feedUrl) reading.feed.url = feedUrl;
  if (listing?.deadFeed) reading.feed.dead = listing.deadFeed;
  if (listing?.plan) {
    reading.inferred = listing.plan.selectors;
    reading.expressible = !!listing.expressible;
  }
  return reading;
}

/** Why a listing item lacks a field, in the terms of the selector that should have found it. */
function whyMissing(field: 'date' | 'image' | 'summary', reading: PreviewReading, selectors: Selectors | null): string {
  if (reading.way === 'feed') return `the feed item has no ${field}`;
  const selector = selectors?.[field] ?? (field === 'image' ? 'img' : undefined);
  if (field === 'date' && reading.inferred && !selector) {
    return reading.expressible === false ? 'no date was found in the item\'s text' : 'no element of the items holds a date';
  }
  if (!selector) return `there is no ${field} selector`;
  return `the ${field} selector "${selector}" matched nothing ${field === 'image' ? 'that is a picture (placeholders do not count)' : 'with text'} in this item`;
}

function lean(a: Article, reading: PreviewReading, selectors: Selectors | null): PreviewArticle {
  const { id, url, title, summary, published, dateOnly, dateEstimated, image, author, categories } = a;
  const out: PreviewArticle = { id, url, title, summary, published, ...(dateOnly ? { dateOnly } : {}), ...(dateEstimated ? { dateEstimated } : {}), ...(image ? { image } : {}), ...(author ? { author } : {}), ...(categories ? { categories } : {}) };
  const missing: PreviewArticle['missing'] = {};
  if (dateEstimated) missing.date = `${whyMissing('date', reading, selectors)}: dated when first seen`;
  if (!image) missing.image = whyMissing('image', reading, selectors);
  if (!summary) missing.summary = whyMissing('summary', reading, selectors);
  if (Object.keys(missing).length) out.missing = missing;
  return out;
}

/** Failures of reaching the address itself: the URL is what to check. */
const URL_CODES = new Set<IngestErrorCode>(['blocked', 'dns', 'refused', 'tls', 'network', 'timeout', 'http', 'redirects', 'too-large']);

/** Which field of the definition an ingest error points at, when it is clear. */
function fieldOfError(code: IngestErrorCode, message: string, source: Source): { field: string } | null {
  const blamed = /selectors matched no article .*?: the (\w+) selector/.exec(message);
  if (code === 'no-items' && blamed) return { field: `selectors.${blamed[1]}` };
  if (code === 'no-items') return { field: source.preset ? 'preset' : 'selectors' };
  const selector = /^Unsupported (\w+) selector/.exec(message);
  if (selector) return { field: `selectors.${selector[1]}` };
  if (code === 'not-a-feed' && source.kind === 'feed') return { field: 'kind' };
  if (URL_CODES.has(code)) return { field: 'url' };
  return null;
}

function count(n: number, of: number, what: string): string {
  return `${n} of ${of} article${of === 1 ? '' : 's'} ${what}`;
}

/** What would make the stored articles worse than they could be, with the field to change. */
function diagnose(source: Source, selectors: Selectors | null, articles: Article[], partial: boolean, feedUrl?: string): PreviewProblem[] {
  const problems: PreviewProblem[] = [];
  const listing = selectors !== null && !feedUrl && source.kind !== 'feed';
  const total = articles.length;
  if (feedUrl && feedUrl !== source.url) {
    problems.push({
      severity: 'info',
      code: 'feed-discovered',
      message: `the page announces a feed at ${feedUrl}; bantin reads that instead of the listing (set kind "html" to read the listing)`,
      field: 'kind',
    });
  }
  if (partial) {
    problems.push({ severity: 'warning', code: 'damaged-feed', message: 'the feed is damaged: only the items before the damage were read' });
  }
  if (total === 0) {
    problems.push({ severity: 'error', code: 'no-articles', message: 'no article had both a title and a link to its page', ...(listing ? { field: 'selectors.link' } : {}) });
    return problems;
  }
  const undated = articles.filter((a) => a.dateEstimated).length;
  if (undated) {
    const how = listing
      ? selectors?.date
        ? `the date selector "${selectors.date}" matched nothing readable as a date in them`
        : 'there is no date selector'
      : 'their feed items carry no date bantin could read';
    problems.push({
      severity: 'warning',
      code: 'dates-estimated',
      message: `${count(undated, total, 'have no date')}: ${how}; they would be dated when first seen${source.enrich ? '' : ' (or set enrich: true to read the date from each article page)'}`,
      ...(listing ? { field: 'selectors.date' } : {}),
    });
  }
  const imageless = articles.filter((a) => !a.image).length;
  if (imageless) {
    problems.push({
      severity: 'info',
      code: 'images-missing',
      message: `${count(imageless, total, 'have no image')}${listing ? (selectors?.image ? ` (image selector "${selectors.image}")` : ' (no image selector)') : ''}`,
      ...(listing ? { field: 'selectors.image' } : {}),
    });
  }
  const bare = articles.filter((a) => !a.summary).length;
  if (bare) {
    problems.push({ severity: 'info', code: 'summaries-missing', message: count(bare, total, 'have no summary'), ...(listing ? { field: 'selectors.summary' } : {}) });
  }
  return problems;
}
