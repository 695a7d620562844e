import type { RawItem } from '../model';
import type { Selectors } from '../sources/schema';
import { EndTags } from './end-tags';
import { collapse, newHeadInfo, watchHead } from './html-head';
import { imageUrl, resolveHref } from './html-urls';
import {
  checkSelector,
  combineSelectors,
  nestedSelectors,
  onSelector,
  splitSelectorList,
  withConditions,
  type ListingField,
} from './listing-selectors';
import { IngestError, type ParsedPage } from './types';

/**
 * Extracts the articles of an HTML listing page (portals without feeds) in one streaming
 * HTMLRewriter pass. Each element matching `item` starts an item; the field selectors are
 * relative to it. Texts are kept raw (entity-encoded, whitespace collapsed): the normalize
 * stage decodes them. URLs (links, images, feed links) are decoded and made absolute here.
 *
 * Text is only collected by text handlers scoped to the field selectors (and to items that
 * are links themselves): a document-wide text handler is called for every chunk of the page
 * and cost more than the whole rest of the extraction.
 */

/** Longest raw text kept per field: a field whose end tag never comes must not eat the page. */
const MAX_CHARS = { title: 1_000, date: 200, summary: 4_000 } as const;

const DEFAULT_TITLE = 'a';
const DEFAULT_IMAGE = 'img';

/**
 * "Inside an element of this field": marks (attributes on the rewriter's output, which is
 * thrown away) set by handlers registered before the field and item handlers, which run first.
 */
const INSIDE = { title: 'data-bantin-in-title', date: 'data-bantin-in-date', summary: 'data-bantin-in-summary' } as const;
type Field = keyof typeof INSIDE;

/**
 * Text of one field element, from the field's scoped text handler. A capture ends when the
 * next element of the same field starts outside it (so this one has ended), or when its item
 * ends: waiting for each field element's own end tag costs a callback per element. Only an
 * element inside another element of its field (a missing end tag upstream, say) waits for its
 * end tag: text after it could still reach the field's handler.
 */
interface Capture {
  buf: string;
  max: number;
  done: boolean;
  finish(): void;
}

interface OpenItem {
  raw: RawItem;
  tag: string;
  closed: boolean;
  /** The capture of each field still collecting text. */
  title?: Capture;
  date?: Capture;
  summary?: Capture;
  /** The item element's own text, when it is a link: the last-resort title. */
  self?: Capture;
  /** First link inside the title element, when the title element is no link itself. */
  innerHref?: string;
  /** First title element with no text but a `title` attribute, and its link. */
  fallbackTitle?: { title: string; link?: string };
  /** First link seen on a title element, for an item whose titles all lack text. */
  firstHref?: string;
  /** The item element itself is a link: its href (and text) are the last resort. */
  selfHref?: string;
}

type TextField = Field | 'self';

/** Reads an HTML listing with `selectors`; `baseUrl` is the page's final URL. */
export async function extractListing(html: string | Response, selectors: Selectors, baseUrl: string): Promise<ParsedPage> {
  const rewriter = new HTMLRewriter();
  const ends = new EndTags();
  const head = newHeadInfo(baseUrl);
  watchHead(rewriter, head, ends);

  const items: OpenItem[] = [];
  /** Items whose element is open, innermost last (see startItem for nesting). */
  const stack: OpenItem[] = [];
  const top = (): OpenItem | undefined => stack[stack.length - 1];

  const titleSel = selectors.title ?? DEFAULT_TITLE;
  // Without a link selector the link is the title element's (or the link inside it).
  const linkFromTitle = selectors.link === undefined;
  const imageSel = selectors.image ?? DEFAULT_IMAGE;

  function capture(max: number, onDone: (text: string) => void): Capture {
    const cap: Capture = {
      buf: '',
      max,
      done: false,
      finish() {
        if (cap.done) return;
        cap.done = true;
        onDone(collapse(cap.buf));
      },
    };
    return cap;
  }

  /**
   * Whether a field element may start a capture: not while one of the same field is open
   * around it (its text belongs to that one); an open one it is not inside has ended.
   */
  function startsField(el: Element, it: OpenItem, field: Field): boolean {
    const open = it[field];
    if (!open) return true;
    if (el.hasAttribute(INSIDE[field])) return false;
    open.finish();
    return true;
  }

  /** Makes `cap` the item's open capture of `field` (see Capture for when it ends). */
  function startCapture(el: Element, it: OpenItem, field: Field, cap: Capture): void {
    it[field] = cap;
    if (el.hasAttribute(INSIDE[field]) && !ends.on(el, () => cap.finish())) cap.finish();
  }

  function closeItem(it: OpenItem): void {
    if (it.closed) return;
    // Items opened inside this one end with it (their end tags were missing).
    while (stack.length > 0) {
      const last = stack.pop()!;
      finalize(last);
      if (last === it) break;
    }
  }

  function finalize(it: OpenItem): void {
    if (it.closed) return;
    it.closed = true;
    // The fields' own elements first: the item's text is the last resort for a title.
    it.title?.finish();
    it.date?.finish();
    it.summary?.finish();
    it.self?.finish();
    const raw = it.raw;
    if (!raw.title && it.fallbackTitle) {
      raw.title = it.fallbackTitle.title;
      if (linkFromTitle && !raw.link) raw.link = it.fallbackTitle.link;
    }
    if (linkFromTitle && !raw.link) raw.link = it.firstHref;
    if (!raw.link && it.selfHref) raw.link = it.selfHref;
  }

  function startItem(el: Element): void {
    const open = top();
    if (open) {
      // The open item's title element has ended unless this one is inside it: its link counts.
      if (open.title && !el.hasAttribute(INSIDE.title)) open.title.finish();
      // A match inside an item still being read is part of it (a wrapper repeating the class).
      // Once the open item has its link, a match of the same tag is a sibling whose previous
      // end tag is missing (`<li>` without `</li>`, a forgotten `</div>`): it starts a new
      // item, and the open one resumes if its end tag comes later.
      if (!open.raw.link || el.tagName !== open.tag) return;
    }
    const it: OpenItem = { raw: {}, tag: el.tagName, closed: false };
    items.push(it);
    stack.push(it);
    const href = el.hasAttribute('href') ? resolveHref(el.getAttribute('href'), head.base) : undefined;
    if (href) {
      it.selfHref = href;
      it.self = capture(MAX_CHARS.title, (text) => {
        if (!it.raw.title && text) it.raw.title = text;
      });
    }
    if (!ends.on(el, () => closeItem(it))) {
      // A void element as item: it holds nothing, so it ends where it starts.
      closeItem(it);
    }
  }

  function onTitle(el: Element): void {
    const it = top();
    if (!it || !startsField(el, it, 'title') || it.raw.title) return;
    const href = linkFromTitle ? resolveHref(el.getAttribute('href'), head.base) : undefined;
    const attrTitle = el.getAttribute('title');
    it.innerHref = undefined;
    const cap = capture(MAX_CHARS.title, (text) => {
      if (it.title === cap) it.title = undefined;
      const link = href ?? it.innerHref;
      if (link && !it.firstHref) it.firstHref = link;
      if (text) {
        // The first title element with text wins; its link comes with it.
        it.raw.title = text;
        if (linkFromTitle && !it.raw.link && link) it.raw.link = link;
      } else if (attrTitle && !it.fallbackTitle) {
        const title = collapse(attrTitle);
        if (title) it.fallbackTitle = { title, link };
      }
    });
    startCapture(el, it, 'title', cap);
  }

  function onInnerLink(el: Element): void {
    const it = top();
    if (!it || !it.title || it.innerHref) return;
    it.innerHref = resolveHref(el.getAttribute('href'), head.base);
  }

  function onLink(el: Element): void {
    const it = top();
    if (!it || it.raw.link) return;
    const href = resolveHref(el.getAttribute('href'), head.base);
    if (href) it.raw.link = href;
  }

  function onDate(el: Element): void {
    const it = top();
    if (!it || !startsField(el, it, 'date') || it.raw.date !== undefined) return;
    // <time datetime>, <meta itemprop=datePublished content> carry the machine-readable date.
    const attr = collapse(el.getAttribute('datetime') ?? el.getAttribute('content') ?? '');
    if (attr) {
      it.raw.date = attr;
      return;
    }
    const cap = capture(MAX_CHARS.date, (text) => {
      if (it.date === cap) it.date = undefined;
      if (text && it.raw.date === undefined) it.raw.date = text;
    });
    startCapture(el, it, 'date', cap);
  }

  function onSummary(el: Element): void {
    const it = top();
    if (!it || !startsField(el, it, 'summary') || it.raw.summary !== undefined) return;
    const cap = capture(MAX_CHARS.summary, (text) => {
      if (it.summary === cap) it.summary = undefined;
      if (text && it.raw.summary === undefined) it.raw.summary = text;
    });
    startCapture(el, it, 'summary', cap);
  }

  function onImage(el: Element): void {
    const it = top();
    if (!it || it.raw.image) return;
    const url = imageUrl(el, head.base);
    if (url) it.raw.image = url;
  }

  const mark = (name: string) => (el: Element): void => {
    el.setAttribute(name, '');
  };

  // Check every selector before reading a byte, naming the one at fault.
  const fields: Array<[ListingField, string | undefined]> = [
    ['item', selectors.item],
    ['title', selectors.title],
    ['link', selectors.link],
    ['date', selectors.date],
    ['summary', selectors.summary],
    ['image', selectors.image],
  ];
  for (const [field, sel] of fields) if (sel !== undefined) checkSelector(field, sel);

  /**
   * A text handler for one field, registered once (one selector list), so each chunk comes
   * once. Only text inside the field's elements arrives here, and while the innermost item
   * has a capture of the field open, such text lies in that capture's element (see Capture).
   */
  const textOf = (field: TextField) => (chunk: Text) => {
    const t = chunk.text;
    if (t === '') return;
    const cap = top()?.[field];
    if (cap && !cap.done && cap.buf.length < cap.max) cap.buf += t;
  };

  const rel = (field: string): string => combineSelectors(selectors.item, field);
  /** The field's element handler, after the one marking its nested elements (handlers run in order). */
  const onField = (field: Field, sel: string, element: (el: Element) => void, textSel = sel) => {
    onSelector(rewriter, field, sel, nestedSelectors(selectors.item, sel, sel), { element: mark(INSIDE[field]) });
    if (textSel === sel) {
      onSelector(rewriter, field, sel, rel(sel), { element, text: textOf(field) });
    } else {
      onSelector(rewriter, field, sel, rel(sel), { element });
      onSelector(rewriter, field, sel, rel(textSel), { text: textOf(field) });
    }
  };

  const itemInTitle = nestedSelectors(selectors.item, titleSel, selectors.item);
  onSelector(rewriter, 'item', selectors.item, itemInTitle, { element: mark(INSIDE.title) });
  onSelector(rewriter, 'item', selectors.item, selectors.item, { element: startItem });
  // An item that is a link itself takes its own text as the last-resort title.
  const linkItems = splitSelectorList(selectors.item).map((s) => `${s}[href]`).join(', ');
  onSelector(rewriter, 'item', selectors.item, linkItems, { text: textOf('self') });
  onField('title', titleSel, onTitle);
  if (linkFromTitle) {
    const inner = splitSelectorList(titleSel).map((t) => `${t} a`).join(', ');
    onSelector(rewriter, 'title', titleSel, rel(inner), { element: onInnerLink });
  }
  else onSelector(rewriter, 'link', selectors.link!, rel(selectors.link!), { element: onLink });
  if (selectors.date) {
    // The text of a date element whose `datetime`/`content` attribute has the date is never
    // read: no text handler calls for it (every call costs, empty ones too). An attribute of
    // spaces only (which CSS cannot tell from a date) leaves such an element without a date.
    const textual = withConditions(selectors.date, [':not([datetime]):not([content])', '[datetime=""]', ':not([datetime])[content=""]']);
    onField('date', selectors.date, onDate, textual);
  }
  if (selectors.summary) onField('summary', selectors.summary, onSummary);
  onSelector(rewriter, 'image', imageSel, rel(imageSel), { element: onImage });

  const response =
    typeof html === 'string' ? new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } }) : html;
  try {
    await rewriter.transform(response).arrayBuffer();
  } catch (e) {
    if (e instanceof IngestError) throw e;
    throw new IngestError('parse', `HTML listing could not be read: ${e instanceof Error ? e.message : String(e)}`);
  }
  // Items still open at the end of the body lost their end tags: keep what they hold.
  while (stack.length > 0) closeItem(stack[0]);

  const page: ParsedPage = {
    format: 'html',
    items: items.map((it) => it.raw).filter((raw) => !!raw.link),
    feedLinks: head.feedLinks,
  };
  if (head.title) page.title = head.title;
  return page;
}

/** The feeds a page announces with <link rel="alternate" type="...">, absolute. */
export async function extractFeedLinks(html: string, baseUrl: string): Promise<string[]> {
  const rewriter = new HTMLRewriter();
  const head = newHeadInfo(baseUrl);
  watchHead(rewriter, head, new EndTags());
  await rewriter.transform(new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } })).arrayBuffer();
  return head.feedLinks;
}
