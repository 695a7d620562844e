import { parseDate, type DateOrder, type ParsedDate } from '../normalize/date';
import { findTime } from '../normalize/date-parts';
import { attr, contains, textContent, type HtmlElement } from '../normalize/html-tree';
import { cleanText } from '../normalize/text';
import { collapseSpaces } from '../vietnamese';
import type { BlockStats } from './block-stats';
import type { LdFacts } from './json-ld';
import { isFurniture, opensWithLabel } from './boilerplate';
import { DATE_CLASS } from './date-class';
import type { PageFacts } from './page-facts';
import { signature } from './signature';

/**
 * When the article was published and who wrote it, as its page says. The date: the page's
 * structured statements (`article:published_time`, JSON-LD `datePublished`, `itemprop`), else
 * the date line the platform prints near the article ("Ngày đăng 24/03/2025 | 07:09",
 * "Thứ Hai, 02/12/2024 08:30 (GMT+7)"); a statement with a time beats a bare day, and of the
 * printed ones the nearest before the body wins (lists of other articles carry dates too).
 * A date without a zone is Vietnam time (parseDate's rule).
 */
export interface BylineContext {
  facts: PageFacts;
  ld: LdFacts;
  /** The article body's element; null when the body came from elsewhere. */
  container: HtmlElement | null;
  now: Date;
  order: DateOrder;
  /** Text measures of the page's elements (block-stats.ts), when known. */
  stats?: Map<HtmlElement, BlockStats>;
}

const STRUCTURED_DATE_KEYS = [
  'article:published_time', 'og:published_time', 'article:published', 'datepublished', 'pubdate', 'publishdate', 'publish-date', 'publish_date',
  'dc.date.issued', 'dcterms.issued', 'dc.date.created', 'dcterms.created', 'datecreated', 'parsely-pub-date', 'date',
];
/** Labels of the publication itself, not of a later edit. */
const PUBLISHED_LABEL = /ngày đăng|đăng ngày|đăng lúc|đăng tải|(?<!\p{L})đăng\s*:|xuất bản|thời gian đăng|ngày viết|ngày tạo|published|posted on/iu;
/** Labels of a later edit. */
const UPDATED_LABEL = /cập nhật|sửa đổi|chỉnh sửa|sửa lần cuối|updated|modified/iu;
const DATE_LABEL = /(?:ngày đăng|đăng ngày|ngày xuất bản|cập nhật|ngày cập nhật|đăng lúc|đăng tải|thời gian đăng|ngày tạo)\s*:?/iu;
/** Longest text of an element read as a date line. */
const DATE_LINE_MAX = 120;
/** Longest line of a day and a time in elements of their own. */
const SPLIT_LINE_MAX = 60;

export function publishedDate(ctx: BylineContext): ParsedDate | null {
  const parse = (text: string | undefined) => (text ? parseDate(text, { now: ctx.now, order: ctx.order }) : null);
  const structured: ParsedDate[] = [];
  for (const key of STRUCTURED_DATE_KEYS) {
    const d = parse(ctx.facts.meta.get(key));
    if (d) structured.push(d);
  }
  const ld = parse(ctx.ld.datePublished);
  if (ld) structured.push(ld);
  for (const t of ctx.facts.times) {
    if (!t.published) continue;
    const d = parse(t.value);
    if (d) structured.push(d);
  }
  const timed = structured.find((d) => d.hasTime);
  if (timed) return timed;
  const printed = printedDate(ctx, parse);
  // A printed time on the structured day refines it; a printed date alone does not overrule.
  if (structured[0] && printed && (!printed.hasTime || !sameVietnamDay(printed.date, structured[0].date))) return structured[0];
  return printed ?? structured[0] ?? null;
}

function sameVietnamDay(a: Date, b: Date): boolean {
  const day = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  return day(a) === day(b);
}

/**
 * The date lines printed on the page, nearest before the body first, then the rest in order;
 * last those that date other articles (an item of a "Tin mới" ticker or a sidebar list).
 */
function printedDate(ctx: BylineContext, parse: (t: string) => ParsedDate | null): ParsedDate | null {
  const bodyOrder = ctx.container?.order ?? Number.MAX_SAFE_INTEGER;
  const lines: Array<{ order: number; text: string; other: boolean }> = [];
  for (const t of ctx.facts.times) if (!t.published) lines.push({ order: t.el.order, text: t.value, other: datesOtherArticle(t.el, ctx.stats) });
  for (const el of ctx.facts.all) {
    if (el.name === 'script' || el.name === 'style' || el.name === 'meta') continue;
    const named = DATE_CLASS.test(attr(el, 'class') ?? '') || DATE_CLASS.test(attr(el, 'id') ?? '');
    // A bare date inside the body is the body's own (a schedule, a deadline), not when it was published.
    // Far longer than a date line in visible characters alone (entities count a few more): its text is not read (a body's whole text would be).
    if ((ctx.stats?.get(el)?.chars ?? 0) > 2 * DATE_LINE_MAX) continue;
    if (!named && !hasLabelText(el) && !(isBareDate(el, ctx.stats) && !(ctx.container && el !== ctx.container && contains(ctx.container, el)))) continue;
    let text = collapseSpaces(textContent(el));
    if (!text || text.length > DATE_LINE_MAX) continue;
    // The day and the time in elements of their own ("<span class=date>07/12/2026</span> <span class=time>14:35</span>"): read them together.
    if (named && el.parent && !findTime(text.toLowerCase()) && (ctx.stats?.get(el.parent)?.chars ?? 0) <= 2 * SPLIT_LINE_MAX) {
      const around = collapseSpaces(textContent(el.parent));
      if (around.length <= SPLIT_LINE_MAX && findTime(around.toLowerCase())) text = around;
    }
    lines.push({ order: el.order, text: text.normalize('NFC'), other: datesOtherArticle(el, ctx.stats) });
  }
  const own = lines.filter((l) => !l.other);
  const before = own.filter((l) => l.order < bodyOrder).sort((a, b) => b.order - a.order);
  const after = own.filter((l) => l.order >= bodyOrder).sort((a, b) => a.order - b.order);
  const others = lines.filter((l) => l.other).sort((a, b) => a.order - b.order);
  // "Ngày đăng …" beats a nearer "Cập nhật …" line: the page was published then, edited later.
  // A line that says only when the page was last edited comes after every other line of the article.
  const ordered = [...before, ...after].sort((a, b) => Number(UPDATED_LABEL.test(a.text)) - Number(UPDATED_LABEL.test(b.text)));
  // One line may say both ("Cập nhật 10:00 08/12 | Đăng lúc 16:40 07/12"): read from the publication's label on.
  const published = ordered.flatMap((l) => {
    const m = PUBLISHED_LABEL.exec(l.text);
    return m ? [{ ...l, text: l.text.slice(m.index) }] : [];
  });
  const labelled = firstDate(published, parse);
  const any = firstDate(ordered, parse);
  // "Ngày đăng: 07 Tháng 12 2026" beside a `<time datetime>` of that day's hour: the hour refines the day.
  if (labelled && !labelled.hasTime) {
    const timed = firstDate(ordered.filter((l) => !UPDATED_LABEL.test(l.text)), parse);
    if (timed?.hasTime && sameVietnamDay(timed.date, labelled.date)) return timed;
  }
  return labelled ?? any ?? firstDate(others, parse);
}

/** The first line with a time, else the first with a day. */
function firstDate(lines: Array<{ text: string }>, parse: (t: string) => ParsedDate | null): ParsedDate | null {
  let day: ParsedDate | null = null;
  for (const l of lines) {
    const d = parse(l.text.replace(DATE_LABEL, ' '));
    if (d?.hasTime) return d;
    day ??= d;
  }
  return day;
}

/** Elements that frame an article rather than sit beside it: furniture by tag only when it is one of these. */
const ARTICLE_FRAMES = new Set(['form', 'header', 'footer']);
/** Longest box whose opening label is read. */
const LABELLED_BOX_MAX = 3000;
/** A link this long beside a date is another article's title. */
const TITLE_LINK_CHARS = 20;

/**
 * A date line that belongs to another article: inside site furniture (a sidebar, a related list),
 * in a box opened by a label such as "Tin mới", or beside a title link in the same item.
 */
function datesOtherArticle(el: HtmlElement, stats?: Map<HtmlElement, BlockStats>): boolean {
  for (let p = el.parent, level = 0; p; p = p.parent, level++) {
    if (isFurniture(p) && !ARTICLE_FRAMES.has(p.name)) return true;
    // A box's label is read from its text: not worth it for the page's big wrappers.
    if (level < 3 && (stats?.get(p)?.chars ?? 0) <= LABELLED_BOX_MAX && opensWithLabel(p, 60, true)) return true;
  }
  const item = el.parent;
  return !!item?.children.some((c) => c.type === 'element' && c.name === 'a' && collapseSpaces(textContent(c)).length >= TITLE_LINK_CHARS);
}


/** A short element that says only a date ("Thứ Hai, 07/12/2026 | 14:35"), whatever its class. */
function isBareDate(el: HtmlElement, stats?: Map<HtmlElement, BlockStats>): boolean {
  if ((stats?.get(el)?.chars ?? 0) > 2 * BARE_DATE_MAX || !el.children.some((c) => c.type === 'text' && /\d/.test(c.raw))) return false;
  const text = collapseSpaces(textContent(el));
  if (text.length > BARE_DATE_MAX || !/\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}|\d{1,2}\s*tháng\s*\d{1,2}/iu.test(text)) return false;
  return text.normalize('NFC').replace(/thứ\s*\S+|chủ nhật|ngày|tháng|năm|lúc|giờ|gmt|[\d\s/.:|,()+-]/giu, '').length <= 3;
}
const BARE_DATE_MAX = 50;

/** The line that names the author often carries the date too. */
const BYLINE_LINE = /^\s*(?:tác giả|người viết)\s*:/iu;

/** An element whose own text (not its children's) carries a date label, or opens as a byline line. */
function hasLabelText(el: HtmlElement): boolean {
  for (const c of el.children) if (c.type === 'text' && (DATE_LABEL.test(c.raw.normalize('NFC')) || BYLINE_LINE.test(c.raw.normalize('NFC')))) return true;
  return false;
}

const AUTHOR_LABEL = /^(?:tác giả bài viết|tác giả|người viết|phóng viên|viết bởi|đăng bởi|gửi bởi|người đăng|bởi|bài(?: và ảnh)?|tin(?: và ảnh)?|tin, ảnh|bài, ảnh|thực hiện|by)\s*[:：-]?\s+/iu;
const LABELLED = /^(?:tác giả bài viết|tác giả|người viết|phóng viên)\s*[:：]\s*(.{2,160})$/iu;
/** "Gửi bởi bientap02 vào …": often the account that posted, so it yields to the body's signature. */
const POSTED_BY = /^(?:gửi|đăng|viết) bởi\s*[:：]?\s*(.{2,160})$/iu;
/** What may follow the name on a byline line: "Tác giả: Hoàng Anh | Nguồn: … | 07/12/2026 14:35". */
/** …and "Gửi bởi admin vào T2, 02/12/2024 - 08:30" (Drupal's submitted line): "vào"/"lúc" opens the time. */
const AFTER_NAME = /\s*[|•·]\s*.*$|\s+(?:vào|lúc)\s+.*$/u;
/** A name that is a site or an office, not a writer; "Theo Báo …", "Nguồn: …" credit a source. */
const NOT_A_PERSON = /https?:|www\.|\.vn\b|cổng|trang thông tin|ủy ban|uỷ ban|ubnd|admin|quản trị|ban biên tập|^bbt$|webmaster|^editor$|^(?:theo|nguồn|báo)[\s:]/iu;
const AUTHOR_MAX = 80;
/** A source credited after the writer's name: "Minh Anh (Theo Báo Thái Nguyên)", "Minh Anh - Nguồn: …". */
/** …and the photographer after the writer: "Tin: Hà Linh - Ảnh: Minh Đức", "Bài: Hà Linh; ảnh: Minh Đức". */
const SOURCE_AFTER_NAME = /\s*(?:\(\s*(?:theo|nguồn)\b[^)]*\)|[-–|;,]\s*(?:theo|nguồn)[\s:].*|[-–|;,]\s*(?:ảnh|video|đồ họa)\s*:.*)$/iu;
/** Longest text of an element read as a byline. */
const BYLINE_MAX = 100;

/**
 * The author: JSON-LD's (a person), an element marked as the author (`.author`, `itemprop`,
 * `rel`), a "Tác giả: …" line, the signature closing the body (a short bold or right-aligned
 * name, as Vietnamese portals sign articles), else the `author` meta tag unless it names the site.
 */
export function author(ctx: BylineContext, stats: Map<HtmlElement, BlockStats>): string | undefined {
  const candidates: Array<string | undefined> = [ctx.ld.author];
  const marked = [...ctx.facts.authors].sort((a, b) => nearness(a, ctx.container) - nearness(b, ctx.container));
  for (const el of marked) candidates.push(el.name === 'meta' ? attr(el, 'content') ?? undefined : textContent(el));
  candidates.push(labelledAuthor(ctx, stats, LABELLED));
  if (ctx.container) candidates.push(signature(ctx.container, stats));
  candidates.push(labelledAuthor(ctx, stats, POSTED_BY));
  candidates.push(ctx.facts.meta.get('author'), ctx.facts.meta.get('article:author'));
  for (const c of candidates) {
    const name = asName(c);
    if (name) return name;
  }
  return undefined;
}

/** 0 inside the body, then by distance in document order. */
function nearness(el: HtmlElement, container: HtmlElement | null): number {
  if (!container) return el.order;
  for (let p = el.parent; p; p = p.parent) if (p === container) return 0;
  return Math.abs(el.order - container.order);
}

/** A short element reading "Tác giả: …" (or `label`'s other words), or a text line of the body that does, nearest the body first. */
function labelledAuthor(ctx: BylineContext, stats: Map<HtmlElement, BlockStats>, label: RegExp): string | undefined {
  const short = ctx.facts.all.filter((el) => {
    const s = stats.get(el);
    return s && s.chars > 0 && s.chars <= BYLINE_MAX;
  });
  short.sort((a, b) => nearness(a, ctx.container) - nearness(b, ctx.container));
  for (const el of short) {
    const m = label.exec(cleanText(textContent(el)));
    if (m) return m[1].replace(AFTER_NAME, '');
  }
  // "…<br>Tác giả: Nguyễn Văn A" inside a long block of text.
  for (const el of ctx.container ? [ctx.container, ...ctx.facts.all.filter((e) => e.order > ctx.container!.order)] : ctx.facts.all) {
    for (const c of el.children) {
      // The labels open with one of these letters: most of a body's text is not cleaned to be asked.
      if (c.type !== 'text' || !LABEL_START.test(c.raw)) continue;
      const m = label.exec(cleanText(c.raw));
      if (m) return m[1].replace(AFTER_NAME, '');
    }
  }
  return undefined;
}

/** How a labelled author's line (LABELLED, POSTED_BY) may open: "Tác giả", "Người viết", "Phóng viên", "Gửi/Đăng/Viết bởi", as written (an entity, NFD too). */
const LABEL_START = /^\s*(?:t[aá]|ng|ph|g[uử]|đ[aă]|vi|&)/iu;

function asName(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const name = cleanText(text).replace(AUTHOR_LABEL, '').replace(SOURCE_AFTER_NAME, '').replace(/^[\s:|-]+|[\s:|.-]+$/g, '').trim();
  if (!name || name.length > AUTHOR_MAX || NOT_A_PERSON.test(name) || /\d{1,2}\/\d{1,2}\/\d{2,4}/.test(name)) return undefined;
  return name;
}
