import { attr, descendants, textContent, VOID_ELEMENTS, type HtmlElement, type HtmlNode } from '../normalize/html-tree';
import { imageUrl } from '../ingest/html-urls';
import { linkDensity, type BlockStats } from './block-stats';
import { isFurniture, opensWithLabel } from './boilerplate';
import { DATE_CLASS } from './date-class';
import { documentLink, embeddedDocument, linkedAddresses } from './embedded-doc';
import { isTeaserCard } from './teaser';
import { chromeLines } from './text-lines';

/**
 * The article body's markup, written back from the container's tree without the furniture in
 * it: site furniture (boilerplate.ts), boxes opened by a label such as "Tin liên quan" and the
 * link lists after such a label, link-dense lists, the page's own `<h1>` and the element found
 * to print the title (title.ts; shown apart), and tracking pixels and icons. Images get their real address from lazy-loading
 * attributes; runs of `&nbsp;` become one space. The result still goes through the sanitizer.
 */
export function cleanBody(container: HtmlElement, stats: Map<HtmlElement, BlockStats>, baseUrl: string, title: HtmlElement | null = null): string {
  const out: string[] = [];
  writeChildren(container, out, { stats, baseUrl, title, skip: chromeLines(container), linked: linkedAddresses(container, baseUrl) });
  return out.join('');
}

const BLOCKS = new Set(['div', 'section', 'ul', 'ol', 'table', 'dl', 'p', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b']);
const LISTS = new Set(['ul', 'ol', 'div', 'table', 'dl', 'section']);
const LINK_ITEMS = new Set(['p', 'li', 'a', 'span', 'h3', 'h4', 'h5', 'h6']);
/** Attributes that decide nothing once the image's address is resolved. */
const IMAGE_KEEP = ['alt', 'title', 'width', 'height'];

/** What writing the body needs besides the tree. */
interface Writing {
  stats: Map<HtmlElement, BlockStats>;
  baseUrl: string;
  title: HtmlElement | null;
  /** The container's own lines that are the page's, not the text (text-lines.ts): its children only. */
  skip?: Set<HtmlNode>;
  /** Addresses the body links to: a document shown in a viewer is linked once (embedded-doc.ts). */
  linked: Set<string>;
}

function writeChildren(el: HtmlElement, out: string[], w: Writing): void {
  const { stats, skip } = w;
  w = { ...w, skip: undefined };
  // After a label like "Tin liên quan", the link lists that follow it are its content.
  let afterLabel = false;
  const runs = linkItemRuns(el, stats);
  for (const c of el.children) {
    if (skip?.has(c)) continue;
    if (c.type === 'text') {
      out.push(cleanText(c.raw));
      continue;
    }
    if (runs.has(c) || c === w.title) continue;
    const doc = embeddedDocument(c, w.baseUrl);
    if (doc) {
      if (!w.linked.has(doc)) out.push(documentLink(doc));
      w.linked.add(doc);
      continue;
    }
    if (isDropped(c, stats)) {
      if (isLabel(c, stats)) afterLabel = true;
      continue;
    }
    // Lists, and also one paragraph per link ("<p><a>…</a> - 04/12</p>"), as portals write them.
    if (afterLabel && (LISTS.has(c.name) || LINK_ITEMS.has(c.name)) && linkDensity(stats.get(c)) > 0.4) continue;
    afterLabel = false;
    writeElement(c, out, w);
  }
}

/**
 * Blocks that are a link and nothing else ("» <a>other article</a>"), two or more in a row:
 * unlabelled lists of other articles that portals append to a body. A lone link stays (a
 * source), and so do linked pictures and links to attached documents.
 */
function linkItemRuns(el: HtmlElement, stats: Map<HtmlElement, BlockStats>): Set<HtmlElement> {
  const found = new Set<HtmlElement>();
  let run: HtmlElement[] = [];
  const end = () => {
    if (run.length >= 2) for (const r of run) found.add(r);
    run = [];
  };
  for (const c of el.children) {
    if (c.type === 'text') {
      if (c.raw.replace(/&nbsp;/g, '').trim()) end();
      continue;
    }
    if (isLinkItem(c, stats)) run.push(c);
    else end();
  }
  end();
  return found;
}

const LINK_ITEM_MAX = 200;
const DOCUMENT = /\.(?:pdf|docx?|xlsx?|pptx?|odt|zip|rar)(?:$|[?#])/i;

function isLinkItem(el: HtmlElement, stats: Map<HtmlElement, BlockStats>): boolean {
  const s = stats.get(el);
  if (!s || !s.links || s.chars > LINK_ITEM_MAX || linkDensity(s) < 0.8 || !(LINK_ITEMS.has(el.name) || el.name === 'div')) return false;
  // Pictures (a gallery of linked photos) and attached documents are the article's own.
  return !descendants(el).some((d) => d.name === 'img' || (d.name === 'a' && DOCUMENT.test(attr(d, 'href') ?? '')));
}

/** Whether the body leaves this element out (furniture, a labelled box of links, a link list). */
export function isDropped(el: HtmlElement, stats: Map<HtmlElement, BlockStats>): boolean {
  if (isFurniture(el) || el.name === 'h1' || isTeaserCard(el, stats)) return true;
  const s = stats.get(el);
  // The article's date line inside its container ("07/12/2026 09:00", "Ngày đăng: …"): shown apart.
  if (s && s.chars <= DATE_LINE_MAX && !TABLE_PARTS.has(el.name) && (DATE_CLASS.test(attr(el, 'class') ?? '') || DATE_CLASS.test(attr(el, 'id') ?? '')) && WRITTEN_DATE.test(textContent(el))) return true;
  // A label alone, or a short box of links under one; a paragraph that merely begins with the words stays.
  if (s && BLOCKS.has(el.name) && (s.chars <= LABEL_MAX || (s.chars < 600 && linkDensity(s) > 0.3)) && opensWithLabel(el)) return true;
  // A page counter ("Lượt xem: 318"): the whole short text is the label and a number.
  if (s && s.chars <= LABEL_MAX && VIEW_COUNT.test(textContent(el).normalize('NFC').replace(/\s+/g, ' ').trim())) return true;
  // An ad slot's label ("Quảng cáo", "Advertisement"), left when its script went.
  if (s && s.chars <= LABEL_MAX && AD_LABEL.test(textContent(el).normalize('NFC').replace(/\s+/g, ' ').trim())) return true;
  // A list of three or more links with little else is a box of other articles.
  // Not when its links are the article's attached documents (a table of decisions as PDFs).
  if (LISTS.has(el.name) && s && s.links >= 3 && linkDensity(s) > 0.6 && !linksDocuments(el)) return true;
  return false;
}

const DATE_LINE_MAX = 120;
/** A dated cell or item belongs to the body's own table or list (a schedule). */
const TABLE_PARTS = new Set(['td', 'th', 'tr', 'li', 'dd', 'dt']);
const WRITTEN_DATE = /\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}|\d{4}-\d{2}-\d{2}/;

/** A count of views or reads, nothing else. */
const VIEW_COUNT = /^(?:lượt xem|lượt đọc|số lượt xem|số lần xem|số lần đọc|lượt truy cập|đã xem|views?)\s*[:：]?\s*[\d.,]+\s*(?:lượt|lần)?$/iu;

const AD_LABEL = /^(?:quảng cáo|advertisement|advertising|sponsored|ads)$/iu;

/** Most of the element's links lead to documents (PDF, Word, Excel). */
function linksDocuments(el: HtmlElement): boolean {
  const links = descendants(el).filter((d) => d.name === 'a');
  return links.filter((a) => DOCUMENT.test(attr(a, 'href') ?? '')).length * 2 > links.length;
}

/** Longest text of a bare label ("Tin liên quan:", "Các tin khác"). */
const LABEL_MAX = 40;

const isLabel = (el: HtmlElement, stats: Map<HtmlElement, BlockStats>) => (stats.get(el)?.chars ?? 0) <= LABEL_MAX && opensWithLabel(el);

function writeElement(el: HtmlElement, out: string[], w: Writing): void {
  if (el.name === 'img') {
    writeImage(el, out, w.baseUrl);
    return;
  }
  out.push('<', el.name);
  for (const [k, v] of el.attrs) out.push(' ', k, '="', v.replaceAll('"', '&quot;'), '"');
  out.push('>');
  if (VOID_ELEMENTS.has(el.name)) return;
  writeChildren(el, out, w);
  out.push('</', el.name, '>');
}

function writeImage(el: HtmlElement, out: string[], baseUrl: string): void {
  const src = pictureUrl(el, baseUrl);
  if (!src) return;
  out.push('<img src="', src.replaceAll('"', '%22').replaceAll('&', '&amp;'), '"');
  for (const k of IMAGE_KEEP) {
    const v = rawAttr(el, k);
    if (v !== null) out.push(' ', k, '="', v.replaceAll('"', '&quot;'), '"');
  }
  out.push('>');
}

/** An `<img>`'s absolute address (lazy attributes resolved), unless it is decoration. */
export function pictureUrl(el: HtmlElement, baseUrl: string): string | null {
  const src = imageUrl({ getAttribute: (n) => rawAttr(el, n) }, baseUrl);
  return src && !isDecoration(el, src) ? src : null;
}

/** The attribute as written (entity-encoded), which is what `imageUrl` expects. */
function rawAttr(el: HtmlElement, name: string): string | null {
  for (const [k, v] of el.attrs) if (k === name) return v;
  return null;
}

const ICON_MAX = 32;

/** Tracking pixels, spacers, icons of print/share buttons and of attached files' types. */
function isDecoration(el: HtmlElement, src: string): boolean {
  const w = Number(attr(el, 'width'));
  const h = Number(attr(el, 'height'));
  if ((w > 0 && w <= 2) || (h > 0 && h <= 2)) return true;
  // An icon drawn at its size (a "new" badge, a bullet): no picture of the article.
  if (w > 0 && w <= ICON_MAX && h > 0 && h <= ICON_MAX) return true;
  return /\/(?:icons?|emoji|spacer|blank|pixel|bullet|arrow)[^/]*\.|[/_-](?:print|email|share|facebook|zalo|twitter|pdf|docx?|xlsx?|zip|rar|file|attach|download)[^/]*\.(?:png|gif|svg)/i.test(src);
}

/** Runs of `&nbsp;` (as entity or character) become one space: Word and old editors pad with them. */
function cleanText(raw: string): string {
  return raw.replace(/(?:&nbsp;?|&#160;|&#xa0;|\u00a0)(?:\s|&nbsp;?|&#160;|&#xa0;|\u00a0)+/gi, ' ');
}
