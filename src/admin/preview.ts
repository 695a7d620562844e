import { ingestSource } from '../ingest/ingest-source';
import { IngestError, type IngestErrorCode } from '../ingest/types';
import type { Article } from '../model';
import { subrequestBudget } from '../refresh/budget';
import { resolveSelectors } from '../sources/presets';
import { validateSource, type FieldError, type Selectors, type Source } from '../sources/schema';
import { checkSourceSelectors } from './selector-check';
import { checkCatalogUrls } from './url-policy';

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

export type PreviewArticle = Pick<Article, 'id' | 'url' | 'title' | 'summary' | 'published' | 'dateEstimated' | 'image' | 'author' | 'categories'>;

export interface PreviewResult {
  source: Source;
  /** The listing selectors in effect (preset merged with explicit ones), if any. */
  selectors: Selectors | null;
  format?: string;
  feedUrl?: string;
  articleCount: number;
  articles: PreviewArticle[];
  problems: PreviewProblem[];
  subrequests: number;
  durationMs: number;
}

export type PreviewOutcome = { ok: true; result: PreviewResult } | { ok: false; errors: FieldError[] };

/** Fields a preview does not need from the operator: placeholders that are never stored. */
const PLACEHOLDERS = { id: 'preview', name: 'preview', region: { province: 'thai-nguyen' } };

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
      { fetch: budget.fetch, allowPrivate: deps.allowPrivate, timeoutMs: deps.timeoutMs, now: deps.now, maxEnrich: 5 },
    );
    if (r.status === 'parsed') {
      result.format = r.format;
      result.feedUrl = r.feedUrl;
      result.articleCount = r.articles.length;
      result.articles = r.articles.slice(0, deps.maxArticles ?? 20).map(lean);
      result.problems = diagnose(source, selectors, r.articles, r.partial, r.feedUrl);
    }
  } catch (e) {
    const code: IngestErrorCode = e instanceof IngestError ? e.code : 'parse';
    const message = e instanceof Error ? e.message : String(e);
    result.problems.push({ severity: 'error', code, message, ...(fieldOfError(code, message, source) ?? {}) });
  }
  result.subrequests = budget.used();
  result.durationMs = Date.now() - started;
  return { ok: true, result };
}

function lean(a: Article): PreviewArticle {
  const { id, url, title, summary, published, dateEstimated, image, author, categories } = a;
  return { id, url, title, summary, published, ...(dateEstimated ? { dateEstimated } : {}), ...(image ? { image } : {}), ...(author ? { author } : {}), ...(categories ? { categories } : {}) };
}

/** Which field of the definition an ingest error points at, when it is clear. */
function fieldOfError(code: IngestErrorCode, message: string, source: Source): { field: string } | null {
  const blamed = /selectors matched no article .*?: the (\w+) selector/.exec(message);
  if (code === 'no-items' && blamed) return { field: `selectors.${blamed[1]}` };
  if (code === 'no-items') return { field: source.preset ? 'preset' : 'selectors' };
  const selector = /^Unsupported (\w+) selector/.exec(message);
  if (selector) return { field: `selectors.${selector[1]}` };
  if (code === 'not-a-feed' && source.kind === 'feed') return { field: 'kind' };
  if (['blocked', 'network', 'timeout', 'http', 'redirects', 'too-large'].includes(code)) return { field: 'url' };
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
