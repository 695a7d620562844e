import { describe, expect, it } from 'vitest';
import { attr, childElements, classes, descendants, innerHtml, outerHtml, parseHtml, rawText, textContent, type HtmlElement } from '../../../src/normalize/html-tree';

/** The tree as a compact string: name(children…), text as "…". */
function shape(el: HtmlElement): string {
  return childElements(el)
    .map((c) => (childElements(c).length ? `${c.name}(${shape(c)})` : c.name))
    .join(' ');
}
const body = (html: string) => parseHtml(html);

describe('implied end tags, as portals rely on them', () => {
  it('closes an open paragraph at the next block', () => {
    expect(shape(body('<p>một<p>hai<div>ba</div>'))).toBe('p p div');
  });
  it('closes list items and definition terms at the next one', () => {
    expect(shape(body('<ul><li>a<li>b<li>c</ul>'))).toBe('ul(li li li)');
    expect(shape(body('<dl><dt>a<dd>b<dt>c</dl>'))).toBe('dl(dt dd dt)');
  });
  it('keeps a nested list inside its item', () => {
    expect(shape(body('<ul><li>a<ul><li>a1<li>a2</ul><li>b</ul>'))).toBe('ul(li(ul(li li)) li)');
  });
  it('closes table rows and cells without their end tags', () => {
    expect(shape(body('<table><tr><td>1<td>2<tr><td>3</table>'))).toBe('table(tr(td td) tr(td))');
  });
  it('does not nest links or headings', () => {
    expect(shape(body('<a href=1>x<a href=2>y</a>'))).toBe('a a');
    expect(shape(body('<h3>tiêu đề<h3>khác</h3>'))).toBe('h3 h3');
  });
  it('keeps blocks opened inside an unclosed link open for the next link', () => {
    // An advert's link never closed, then the next news item: the item keeps its heading and link.
    expect(shape(body('<div><a href=qc><img><div class=item><h3><a href=1>Tin</a></h3><span>1/2</span></div></div>'))).toBe('div(a(img div(h3(a) span)))');
  });
  it('ignores a stray end tag and one that would leave a table cell', () => {
    expect(shape(body('<div>a</span>b</div>'))).toBe('div');
    expect(shape(body('<div><table><tr><td>a</div>b</td></tr></table></div>'))).toBe('div(table(tr(td)))');
  });
  it('gives void elements no children', () => {
    expect(shape(body('<div><img src=a.jpg>chữ<br>tiếp</div>'))).toBe('div(img br)');
  });
});

describe('text and attributes as a reader sees them', () => {
  it('decodes entities in text, skipping script and style', () => {
    const root = body('<div>Ng&agrave;y<script>var x="<b>"</script><style>b{}</style> &#7897;i</div>');
    expect(textContent(root).replace(/\s+/g, ' ').trim()).toBe('Ngày ội');
  });
  it('keeps words whole across inline tags and apart across blocks', () => {
    expect(textContent(body('<p>Ch<b>ợ</b> Đồn</p><p>Na Rì</p>')).replace(/\s+/g, ' ').trim()).toBe('Chợ Đồn Na Rì');
  });
  it('keeps inline parts apart when asked (dates drawn as badges)', () => {
    const badge = body('<div><span>08</span><span>Tháng 12</span><span>2024</span></div>');
    expect(rawText(badge).trim()).toBe('08Tháng 122024');
    expect(rawText(badge, true).replace(/\s+/g, ' ').trim()).toBe('08 Tháng 12 2024');
  });
  it('reads attributes decoded, classes split, first of each name', () => {
    const a = descendants(body('<a href="/tin?a=1&amp;b=2" href="/khac" class=" x  y\tz">t</a>'))[0];
    expect(attr(a, 'href')).toBe('/tin?a=1&b=2');
    expect(attr(a, 'title')).toBeNull();
    expect(classes(a)).toEqual(['x', 'y', 'z']);
  });
  it('writes a subtree back with its text and values as written', () => {
    const root = body('<div id=a><p title=\'say "hi"\'>A &amp; B<img src=x.png></div>');
    const div = descendants(root)[0];
    expect(outerHtml(div)).toBe('<div id="a"><p title="say &quot;hi&quot;">A &amp; B<img src="x.png"></p></div>');
    expect(innerHtml(div)).toBe('<p title="say &quot;hi&quot;">A &amp; B<img src="x.png"></p>');
  });
  it('keeps comment text out and raw text elements whole', () => {
    const root = body('a<!-- x --!>b<textarea><p>c</p></textarea>');
    expect(shape(root)).toBe('textarea');
    expect(textContent(root).trim()).toBe('ab');
  });
});
