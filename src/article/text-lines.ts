import { descendants, textContent, type HtmlElement, type HtmlNode } from '../normalize/html-tree';
import { collapseSpaces } from '../vietnamese';
import { NOT_TEXT } from './block-stats';

/**
 * A body written as lines straight in its container (a print version's `<body>`, an old
 * ASP.NET label): the page's own lines around the text are there too. Before the text come
 * the site's name, its address, a rule, the title and the date line; after it, a rule and the
 * page's address with "In trang | Đóng cửa sổ". The lines up to the date line (or the last
 * rule) before the first line of prose, and from the first rule after the last one, are left
 * out of the body and are not its signature.
 */

/** A line this long is prose: the text has begun. */
const PROSE_LINE = 100;
/** Lines before the text are a title, a site's name or address: never this long. */
const HEADER_LINE_MAX = 200;
/** Longest date line ("Ngày đăng: 07/12/2026 08:15", "(07/12/2026 - 10:20)"). */
const DATE_LINE_MAX = 80;
/** Text a container holds directly (in inline elements too) for it to be read as lines (a picture among them goes too). */
const MIN_OWN_TEXT = 100;

const BREAKS = new Set(['br', 'hr']);
const BLOCK = new Set(['p', 'div', 'table', 'ul', 'ol', 'dl', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'figure', 'center', 'section', 'article', 'pre']);
const INLINE = new Set(['a', 'b', 'strong', 'em', 'i', 'u', 'span', 'font', 'sub', 'sup', 'small', 'big']);

interface Line {
  nodes: HtmlNode[];
  /** The line's text, spaces collapsed: read only for the lines around the text (a body's middle never is). */
  readonly text: string;
  /** The line ends at a horizontal rule. */
  rule: boolean;
}

/** The nodes among `container`'s children that are the page's lines around the text, not the text. */
export function chromeLines(container: HtmlElement): Set<HtmlNode> {
  const skip = new Set<HtmlNode>();
  // A body of blocks (`<p>`s) never loses a picture to this.
  const direct = ownText(container) >= MIN_OWN_TEXT;
  const lines = linesOf(container);
  const first = lines.findIndex(isProse);
  if (first < 0) return skip;
  let last = first;
  for (let i = lines.length - 1; i > first; i--) if (isProse(lines[i])) {
    last = i;
    break;
  }
  // Opening: through the date line, the title (as the page's <title> gives it) or the last rule before the text, when all before it is short.
  const title = pageTitle(container);
  let open = -1;
  for (let i = 0; i < first; i++) {
    if (lines[i].text.length > HEADER_LINE_MAX) break;
    if (lines[i].rule || isDateLine(lines[i].text) || (title && lines[i].text.length >= MIN_TITLE_CHARS && title.startsWith(normalized(lines[i].text)))) open = i;
  }
  if (!direct && lines.slice(0, open + 1).some((l) => l.nodes.some(hasPicture))) open = -1;
  for (let i = 0; i <= open; i++) for (const n of lines[i].nodes) skip.add(n);
  // Closing: from the first rule after the text's last line.
  let close = lines.findIndex((l, i) => i >= last && l.rule);
  if (!direct && lines.slice(close + 1).some((l) => l.nodes.some(hasPicture))) close = -1;
  if (close >= 0) for (let i = close + 1; i < lines.length; i++) for (const n of lines[i].nodes) skip.add(n);
  if (close >= 0) for (const n of lines[close].nodes) if (n.type === 'element' && n.name === 'hr') skip.add(n);
  return skip;
}

/** The container's children as lines: apart at `<br>`, `<hr>` and block elements (each a line of its own). */
function linesOf(container: HtmlElement): Line[] {
  const lines: Line[] = [];
  let nodes: HtmlNode[] = [];
  const end = (rule: boolean) => {
    lines.push(line(nodes, rule));
    nodes = [];
  };
  for (const c of container.children) {
    if (c.type === 'element' && BLOCK.has(c.name)) {
      if (nodes.length) end(false);
      nodes.push(c);
      end(false);
      continue;
    }
    nodes.push(c);
    if (c.type === 'element' && BREAKS.has(c.name)) end(c.name === 'hr');
  }
  if (nodes.length) end(false);
  return lines;
}

function line(nodes: HtmlNode[], rule: boolean): Line {
  let text: string | undefined;
  return {
    nodes,
    rule,
    get text() {
      text ??= collapseSpaces(nodes.map((n) => (n.type === 'element' && (BREAKS.has(n.name) || NOT_TEXT.has(n.name)) ? '' : textContent(n))).join('')).trim();
      return text;
    },
  };
}

/** A line of the text: long, not counting addresses ("Địa chỉ bài viết: https://…"). */
const isProse = (l: Line) => l.text.replace(/\S*:\/\/\S*/g, '').length >= PROSE_LINE;

const MIN_TITLE_CHARS = 15;
const hasPicture = (n: HtmlNode) => n.type === 'element' && (n.name === 'img' || descendants(n).some((d) => d.name === 'img'));
const normalized = (s: string) => collapseSpaces(s).trim().normalize('NFC').toLowerCase();

/** The document's `<title>`, normalized for comparing; found from the container up to the root, then down through `<html>` and `<head>`. */
function pageTitle(el: HtmlElement): string | null {
  let root = el;
  while (root.parent) root = root.parent;
  const find = (e: HtmlElement, depth: number): HtmlElement | null => {
    for (const c of e.children) {
      if (c.type !== 'element') continue;
      if (c.name === 'title') return c;
      if (depth < 2 && (c.name === 'html' || c.name === 'head')) {
        const t = find(c, depth + 1);
        if (t) return t;
      }
    }
    return null;
  };
  const t = find(root, 0);
  return t ? normalized(textContent(t)) : null;
}

/** Text written in the container itself or its inline elements, not in its blocks. */
function ownText(el: HtmlElement, depth = 0): number {
  let n = 0;
  for (const c of el.children) {
    if (c.type === 'text') n += c.raw.trim().length;
    else if (INLINE.has(c.name) && depth < 4) n += ownText(c, depth + 1);
  }
  return n;
}

const DAY = /\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}|\d{1,2}\s*tháng\s*\d{1,2}/iu;
/** Words a date line may hold besides the date: its label, the weekday, the time. */
const DATE_WORDS = /ngày đăng|đăng ngày|đăng lúc|ngày xuất bản|xuất bản|cập nhật|thời gian|thứ\s*\S+|chủ nhật|ngày|tháng|năm|lúc|giờ|gmt|[\d\s/.:|,()+-]/giu;

/** A short line that says only when: "Ngày đăng: 07/12/2026 08:15", "Thứ Hai, 07/12/2026". */
export function isDateLine(text: string): boolean {
  const t = text.normalize('NFC');
  return t.length <= DATE_LINE_MAX && DAY.test(t) && t.replace(DATE_WORDS, '').length <= 3;
}
