import { attr, textContent, type HtmlElement } from '../normalize/html-tree';
import { cleanText } from '../normalize/text';
import { linkDensity, type BlockStats } from './block-stats';
import { isDropped } from './clean';

/**
 * The signature closing an article body, as Vietnamese portals sign articles: the body's last
 * text block when it is a short name set in bold or aligned right ("Nguyễn Văn An - Trung tâm
 * VH-TT&TT xã"), or a line opening with a byline label ("Tin, ảnh: Minh Hà"). Blocks the body
 * leaves out (related-news lists, tags, share bars inside the container) are not its end.
 */

const SIGNATURE_MAX = 60;
/** "Tin, ảnh:", "Bài và ảnh:", "Tin:", "Bài:": who wrote (and photographed) the piece. "Ảnh:" alone credits photos only. */
const BYLINE_LABEL = /^(?:tin|bài|tin,? ảnh|bài,? ảnh|tin và ảnh|bài và ảnh|nhóm pv|nhóm phóng viên)\s*[:：]\s*\p{Lu}/iu;

export function signature(container: HtmlElement, stats: Map<HtmlElement, BlockStats>): string | undefined {
  const last = lastTextBlock(container, stats);
  if (!last) return undefined;
  const text = cleanText(textContent(last));
  if (!text || text.length > SIGNATURE_MAX || /[.!?:;]$/.test(text) || !/^\p{Lu}/u.test(text)) return undefined;
  if (BYLINE_LABEL.test(text.normalize('NFC'))) return text;
  const right = /text-align\s*:\s*right/i.test(attr(last, 'style') ?? '') || (attr(last, 'align') ?? '').toLowerCase() === 'right';
  const bold = last.children.every((c) => (c.type === 'text' ? !c.raw.replace(/&nbsp;/g, '').trim() : ['b', 'strong', 'em', 'i', 'span'].includes(c.name)));
  return right || bold ? text : undefined;
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
