import { attr, descendants, type HtmlElement } from '../normalize/html-tree';
import { insideFurniture } from './boilerplate';
import type { BlockStats } from './block-stats';

/**
 * A document the page shows in a viewer (`<iframe>`, `<object>`, `<embed>`): a decision or a
 * plan published as a PDF, often the whole of a government page's content. The viewer itself
 * never reaches the body (the sanitizer drops frames); a link to the document takes its place.
 * The document is the frame's own address, or the file a viewer is given (`viewer.html?file=`,
 * Google's `viewer?url=`, Office's `embed.aspx?src=`).
 */

export const DOCUMENT_FILE = /\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|rtf)(?:$|[?#])/i;
const FRAMES = new Set(['iframe', 'object', 'embed']);
const VIEWER_PARAMS = ['file', 'url', 'src', 'doc', 'document', 'pdf'];

export function embeddedDocument(el: HtmlElement, baseUrl: string): string | null {
  if (!FRAMES.has(el.name)) return null;
  const raw = attr(el, el.name === 'object' ? 'data' : 'src') ?? (el.name === 'object' ? attr(el, 'src') : null);
  if (!raw?.trim()) return null;
  let url: URL;
  try {
    url = new URL(raw.trim(), baseUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (DOCUMENT_FILE.test(url.pathname)) return url.href;
  for (const name of VIEWER_PARAMS) {
    const value = url.searchParams.get(name);
    if (!value) continue;
    try {
      const doc = new URL(value, url);
      if ((doc.protocol === 'http:' || doc.protocol === 'https:') && DOCUMENT_FILE.test(doc.pathname)) return doc.href;
    } catch {
      continue;
    }
  }
  return null;
}

/** The link written in the viewer's place: the file's name as its text. */
export function documentLink(url: string): string {
  let name = url;
  try {
    name = decodeURIComponent(new URL(url).pathname.split('/').pop() || url);
  } catch {
    // keep the address
  }
  return `<p><a href="${url.replaceAll('&', '&amp;').replaceAll('"', '%22')}">${name.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</a></p>`;
}

/** Documents the page shows in a viewer outside its furniture, in document order, each once. */
export function pageDocuments(all: HtmlElement[], stats: Map<HtmlElement, BlockStats>, baseUrl: string): string[] {
  const found: string[] = [];
  for (const el of all) {
    const doc = embeddedDocument(el, baseUrl);
    if (doc && !found.includes(doc) && !insideFurniture(el, stats)) found.push(doc);
  }
  return found;
}

/** Addresses the element already links to (a viewer's own "Tải về" link beside it). */
export function linkedAddresses(el: HtmlElement, baseUrl: string): Set<string> {
  const out = new Set<string>();
  for (const a of descendants(el)) {
    if (a.name !== 'a') continue;
    try {
      out.add(new URL(attr(a, 'href') ?? '', baseUrl).href);
    } catch {
      continue;
    }
  }
  return out;
}
