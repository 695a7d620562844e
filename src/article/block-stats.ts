import type { HtmlElement } from '../normalize/html-tree';

/**
 * Text measures of every element, from one bottom-up pass: how much a reader would read in
 * it, how much of that is link text, and how many links. Counted in non-space characters of
 * the text as written (entities count a few more; fine for comparing blocks of one page).
 */
export interface BlockStats {
  chars: number;
  linkChars: number;
  links: number;
  commas: number;
}

/** Content a reader never sees as text. */
export const NOT_TEXT = new Set(['script', 'style', 'template', 'noscript', 'textarea', 'title', 'iframe', 'object', 'svg', 'math', 'select', 'head']);

export function blockStats(root: HtmlElement): Map<HtmlElement, BlockStats> {
  const stats = new Map<HtmlElement, BlockStats>();
  const visit = (el: HtmlElement, inLink: boolean): BlockStats => {
    const s: BlockStats = { chars: 0, linkChars: 0, links: 0, commas: 0 };
    const link = inLink || el.name === 'a';
    if (el.name === 'a') s.links++;
    for (const c of el.children) {
      if (c.type === 'text') {
        const n = countVisible(c.raw);
        s.chars += n;
        if (link) s.linkChars += n;
        s.commas += countCommas(c.raw);
      } else if (!NOT_TEXT.has(c.name)) {
        const cs = visit(c, link);
        s.chars += cs.chars;
        s.linkChars += cs.linkChars;
        s.links += cs.links;
        s.commas += cs.commas;
      }
    }
    stats.set(el, s);
    return s;
  };
  visit(root, false);
  return stats;
}

/** Characters other than white space and `&nbsp;` written as an entity. */
function countVisible(raw: string): number {
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 160) continue;
    if (c === 38 && raw.startsWith('&nbsp;', i)) {
      i += 5;
      continue;
    }
    n++;
  }
  return n;
}

function countCommas(raw: string): number {
  let n = 0;
  for (let i = raw.indexOf(','); i !== -1; i = raw.indexOf(',', i + 1)) n++;
  return n;
}

export const linkDensity = (s: BlockStats | undefined) => (s && s.chars ? s.linkChars / s.chars : 0);

/** Text a reader reads that is not link text. */
export const prose = (s: BlockStats | undefined) => (s ? s.chars - s.linkChars : 0);
