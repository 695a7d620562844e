import { attr, textContent, type HtmlElement, type HtmlNode } from '../normalize/html-tree';
import { cleanText } from '../normalize/text';
import { linkDensity, NOT_TEXT, type BlockStats } from './block-stats';
import { isDropped } from './clean';
import { chromeLines } from './text-lines';

/**
 * The signature closing an article body, as Vietnamese portals sign articles: the body's last
 * text block when it is a short name set in bold or aligned right ("Nguyễn Văn An - Trung tâm
 * VH-TT&TT xã"), or a line opening with a byline label ("Tin, ảnh: Minh Hà"). Blocks the body
 * leaves out (related-news lists, tags, share bars inside the container) are not its end.
 */

const SIGNATURE_MAX = 60;
/** A photo or source credit closing the body ("Ảnh: Thanh Hương", "Nguồn: …"): no writer. */
const CREDIT_LABEL = /^(?:ảnh|ảnh minh họa|ảnh minh hoạ|nguồn|video)\s*[:：]/iu;
/** "Tin, ảnh:", "Bài và ảnh:", "Tin:", "Bài:": who wrote (and photographed) the piece. "Ảnh:" alone credits photos only. */
const BYLINE_LABEL = /^(?:tin|bài|tin,? ảnh|bài,? ảnh|tin và ảnh|bài và ảnh|nhóm pv|nhóm phóng viên)\s*[:：]\s*\p{Lu}/iu;

export function signature(container: HtmlElement, stats: Map<HtmlElement, BlockStats>): string | undefined {
  // Old portals write the whole body as one block of lines apart by `<br>`: then its last line signs.
  const last = lastTextBlock(container, stats) ?? container;
  const lines = linesOf(last, last === container ? chromeLines(container) : undefined);
  const line = lines[lines.length - 1];
  if (!line) return undefined;
  const text = cleanText(line.text);
  if (!text || text.length > SIGNATURE_MAX || /[.!?:;]$/.test(text) || !/^\p{Lu}/u.test(text)) return undefined;
  if (CREDIT_LABEL.test(text.normalize('NFC'))) return undefined;
  if (BYLINE_LABEL.test(text.normalize('NFC'))) return text;
  const right = lines.length === 1 && (/text-align\s*:\s*right/i.test(attr(last, 'style') ?? '') || (attr(last, 'align') ?? '').toLowerCase() === 'right');
  return right || line.styled ? text : undefined;
}

interface Line {
  text: string;
  /** Every word of it is set in an inline element (bold, italic, a span), none bare in the block. */
  styled: boolean;
}

const STYLING = new Set(['b', 'strong', 'em', 'i', 'span', 'font', 'u']);

/** The block's text lines, split at `<br>`, empty ones left out. */
function linesOf(block: HtmlElement, skip?: Set<HtmlNode>): Line[] {
  const lines: Line[] = [];
  let current: Line = { text: '', styled: true };
  const end = () => {
    if (current.text.replace(/&nbsp;/g, ' ').trim()) lines.push(current);
    current = { text: '', styled: true };
  };
  const walk = (el: HtmlElement, styled: boolean) => {
    for (const c of el.children) {
      if (skip?.has(c)) continue;
      if (c.type === 'text') {
        current.text += textContent(c);
        if (!styled && c.raw.replace(/&nbsp;/g, '').trim()) current.styled = false;
      } else if (c.name === 'br') end();
      else if (!NOT_TEXT.has(c.name)) walk(c, styled || STYLING.has(c.name));
    }
  };
  walk(block, false);
  end();
  return lines;
}

/** The last `<p>` or `<div>` holding text directly (no block inside), outside what the body drops and not a link. */
function lastTextBlock(el: HtmlElement, stats: Map<HtmlElement, BlockStats>): HtmlElement | null {
  for (let i = el.children.length - 1; i >= 0; i--) {
    const c = el.children[i];
    if (c.type !== 'element' || !(stats.get(c)?.chars ?? 0) || isDropped(c, stats)) continue;
    const inner = lastTextBlock(c, stats);
    if (inner) return inner;
    const leaf = (c.name === 'p' || c.name === 'div') && !c.children.some((g) => g.type === 'element' && (g.name === 'p' || g.name === 'div'));
    if (leaf && linkDensity(stats.get(c)) <= 0.5) return c;
    if (leaf) continue;
  }
  return null;
}
