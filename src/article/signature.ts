import { attr, textContent, type HtmlElement, type HtmlNode } from '../normalize/html-tree';
import { cleanText } from '../normalize/text';
import { linkDensity, NOT_TEXT, type BlockStats } from './block-stats';
import { isDropped } from './clean';
import { chromeLines, isDateLine } from './text-lines';

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
  const chrome = chromeLines(container);
  const blocks = lastTextBlocks(container, stats, 2, [], chrome);
  if (!blocks.length) blocks.push(container);
  // A photo or source credit after the signature ("Ảnh: Tư liệu") is passed over, once.
  for (const block of blocks) {
    const lines = linesOf(block, block === container ? chrome : undefined);
    for (let i = lines.length - 1; i >= 0 && i >= lines.length - 2; i--) {
      const found = signatureLine(lines, i, block);
      if (found !== CREDIT) return found;
    }
  }
  return undefined;
}

const CREDIT = Symbol('credit');
/** Classes that align a block right (Bootstrap's, Gutenberg's). */
const RIGHT_CLASS = /(?:^|\s)(?:text-right|text-end|align-right|has-text-align-right|right)(?:\s|$)/i;

function signatureLine(lines: Line[], i: number, block: HtmlElement): string | undefined | typeof CREDIT {
  const text = cleanText(lines[i].text);
  // A date closing the body ("07/12/2026") is passed over as a credit is.
  if (CREDIT_LABEL.test(text.normalize('NFC')) || isDateLine(text)) return CREDIT;
  // "Phan Anh<br>(Trung tâm Văn hóa - Thể thao)": the writer's office on a line of its own.
  if (i > 0 && /^\(.{3,60}\)$/u.test(text)) {
    const name = signatureLine(lines, i - 1, block);
    return typeof name === 'string' && !BYLINE_LABEL.test(name) ? `${name} ${text}` : undefined;
  }
  if (!text || text.length > SIGNATURE_MAX || /[.!?:;]$/.test(text) || !/^\p{Lu}/u.test(text)) return undefined;
  if (BYLINE_LABEL.test(text.normalize('NFC'))) return text;
  const right = i === 0 && (/text-align\s*:\s*right/i.test(attr(block, 'style') ?? '') || (attr(block, 'align') ?? '').toLowerCase() === 'right' || RIGHT_CLASS.test(attr(block, 'class') ?? ''));
  return right || lines[i].styled ? text : undefined;
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

/** The last `<p>` or `<div>` blocks holding text directly (no block inside), outside what the body drops and not links; the last first. */
function lastTextBlocks(el: HtmlElement, stats: Map<HtmlElement, BlockStats>, n: number, out: HtmlElement[] = [], skip?: Set<HtmlNode>): HtmlElement[] {
  for (let i = el.children.length - 1; i >= 0 && out.length < n; i--) {
    const c = el.children[i];
    if (c.type !== 'element' || skip?.has(c) || !(stats.get(c)?.chars ?? 0) || isDropped(c, stats)) continue;
    const before = out.length;
    lastTextBlocks(c, stats, n, out);
    if (out.length > before) continue;
    const leaf = (c.name === 'p' || c.name === 'div') && !c.children.some((g) => g.type === 'element' && (g.name === 'p' || g.name === 'div'));
    if (leaf && linkDensity(stats.get(c)) <= 0.5) out.push(c);
  }
  return out;
}
