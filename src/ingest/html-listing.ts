import type { RawItem } from '../model';
import type { Selectors } from '../sources/schema';
import { EndTags } from './end-tags';
import { collapse, newHeadInfo, watchHead } from './html-head';
import { imageUrl, resolveHref } from './html-urls';
import { checkSelector, combineSelectors, onSelector, splitSelectorList, type ListingField } from './listing-selectors';
import { IngestError, type ParsedPage } from './types';

/**
 * Extracts the articles of an HTML listing page (portals without feeds) in one streaming
 * HTMLRewriter pass. Each element matching `item` starts an item; the field selectors are
 * relative to it. Texts are kept raw (entity-encoded, whitespace collapsed): the normalize
 * stage decodes them. URLs (links, images, feed links) are decoded and made absolute here.
 */

/** Longest raw text kept per field: a field whose end tag never comes must not eat the page. */
const MAX_CHARS = { title: 1_000, date: 200, summary: 4_000 } as const;

const DEFAULT_TITLE = 'a';
const DEFAULT_IMAGE = 'img';

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
  /** Text captures of this item still waiting for their end tag. */
  captures: Capture[];
  titleBusy: boolean;
  dateBusy: boolean;
  summaryBusy: boolean;
  /** First link inside the title element, when the title element is no link itself. */
  innerHref?: string;
  /** First title element with no text but a `title` attribute, and its link. */
  fallbackTitle?: { title: string; link?: string };
  /** First link seen on a title element, for an item whose titles all lack text. */
  firstHref?: string;
  /** The item element itself is a link: its href (and text) are the last resort. */
  self?: { href: string };
}

/** Reads an HTML listing with `selectors`; `baseUrl` is the page's final URL. */
export async function extractListing(html: string | Response, selectors: Selectors, baseUrl: string): Promise<ParsedPage> {
  const rewriter = new HTMLRewriter();
  const ends = new EndTags();
  const head = newHeadInfo(baseUrl);
  const headText = watchHead(rewriter, head, ends);

  const items: OpenItem[] = [];
  /** Items whose element is open, innermost last (see startItem for nesting). */
  const stack: OpenItem[] = [];
  const top = (): OpenItem | undefined => stack[stack.length - 1];

  const titleSel = selectors.title ?? DEFAULT_TITLE;
  // Without a link selector the link is the title element's (or the link inside it).
  const linkFromTitle = selectors.link === undefined;
  const imageSel = selectors.image ?? DEFAULT_IMAGE;

  function capture(it: OpenItem, max: number, onDone: (text: string) => void): Capture {
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
    it.captures.push(cap);
    return cap;
  }

  /** Finishes a capture at the element's end tag, or now when the element has none. */
  function finishAtEnd(el: Element, cap: Capture): void {
    if (!ends.on(el, () => cap.finish())) cap.finish();
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
    for (const cap of it.captures) cap.finish();
    it.captures = [];
    const raw = it.raw;
    if (!raw.title && it.fallbackTitle) {
      raw.title = it.fallbackTitle.title;
      if (linkFromTitle && !raw.link) raw.link = it.fallbackTitle.link;
    }
    if (linkFromTitle && !raw.link) raw.link = it.firstHref;
    if (!raw.link && it.self?.href) raw.link = it.self.href;
  }

  function startItem(el: Element): void {
    const open = top();
    if (open) {
      // A match inside an item still being read is part of it (a wrapper repeating the class).
      // Once the open item has its link, a match of the same tag is a sibling whose previous
      // end tag is missing (`<li>` without `</li>`, a forgotten `</div>`): it starts a new
      // item, and the open one resumes if its end tag comes later.
      if (!open.raw.link || el.tagName !== open.tag) return;
    }
    const it: OpenItem = {
      raw: {},
      tag: el.tagName,
      closed: false,
      captures: [],
      titleBusy: false,
      dateBusy: false,
      summaryBusy: false,
    };
    items.push(it);
    stack.push(it);
    const href = el.hasAttribute('href') ? resolveHref(el.getAttribute('href'), head.base) : undefined;
    if (href) {
      it.self = { href };
      // Finished with the item's other captures, after any title element's.
      capture(it, MAX_CHARS.title, (text) => {
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
    if (!it || it.raw.title || it.titleBusy) return;
    const href = linkFromTitle ? resolveHref(el.getAttribute('href'), head.base) : undefined;
    const attrTitle = collapse(el.getAttribute('title') ?? '');
    it.titleBusy = true;
    it.innerHref = undefined;
    const cap = capture(it, MAX_CHARS.title, (text) => {
      it.titleBusy = false;
      const link = href ?? it.innerHref;
      if (link && !it.firstHref) it.firstHref = link;
      if (text) {
        // The first title element with text wins; its link comes with it.
        it.raw.title = text;
        if (linkFromTitle && !it.raw.link && link) it.raw.link = link;
      } else if (attrTitle && !it.fallbackTitle) {
        it.fallbackTitle = { title: attrTitle, link };
      }
    });
    finishAtEnd(el, cap);
  }

  function onInnerLink(el: Element): void {
    const it = top();
    if (!it || !it.titleBusy || it.innerHref) return;
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
    if (!it || it.raw.date !== undefined || it.dateBusy) return;
    // <time datetime>, <meta itemprop=datePublished content> carry the machine-readable date.
    const attr = collapse(el.getAttribute('datetime') ?? el.getAttribute('content') ?? '');
    if (attr) {
      it.raw.date = attr;
      return;
    }
    it.dateBusy = true;
    finishAtEnd(
      el,
      capture(it, MAX_CHARS.date, (text) => {
        it.dateBusy = false;
        if (text && it.raw.date === undefined) it.raw.date = text;
      }),
    );
  }

  function onSummary(el: Element): void {
    const it = top();
    if (!it || it.raw.summary !== undefined || it.summaryBusy) return;
    it.summaryBusy = true;
    finishAtEnd(
      el,
      capture(it, MAX_CHARS.summary, (text) => {
        it.summaryBusy = false;
        if (text && it.raw.summary === undefined) it.raw.summary = text;
      }),
    );
  }

  function onImage(el: Element): void {
    const it = top();
    if (!it || it.raw.image) return;
    const url = imageUrl(el, head.base);
    if (url) it.raw.image = url;
  }

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

  const rel = (field: string): string => combineSelectors(selectors.item, field);
  onSelector(rewriter, 'item', selectors.item, selectors.item, { element: startItem });
  onSelector(rewriter, 'title', titleSel, rel(titleSel), { element: onTitle });
  if (linkFromTitle) {
    const inner = splitSelectorList(titleSel).map((t) => `${t} a`).join(', ');
    onSelector(rewriter, 'title', titleSel, rel(inner), { element: onInnerLink });
  }
  else onSelector(rewriter, 'link', selectors.link!, rel(selectors.link!), { element: onLink });
  if (selectors.date) onSelector(rewriter, 'date', selectors.date, rel(selectors.date), { element: onDate });
  if (selectors.summary) onSelector(rewriter, 'summary', selectors.summary, rel(selectors.summary), { element: onSummary });
  onSelector(rewriter, 'image', imageSel, rel(imageSel), { element: onImage });

  // One document-wide text handler: every chunk reaches each open capture exactly once.
  rewriter.onDocument({
    text(chunk) {
      const t = chunk.text;
      if (t === '') return;
      headText.text(t);
      const it = top();
      if (!it) return;
      for (const cap of it.captures) if (!cap.done && cap.buf.length < cap.max) cap.buf += t;
    },
  });

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
