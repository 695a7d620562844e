import { describe, expect, it } from 'vitest';
import { matches, parseSelector, selectAll, selectFirst, SelectorError } from '../../../src/normalize/html-select';
import { attr, descendants, parseHtml } from '../../../src/normalize/html-tree';

const page = parseHtml(`<div id="tin" class="khung  tin-moi">
  <ul class="ds"><li class="muc"><a href="/1" title="Tin Một">Một</a></li><li class="muc dau"><a href="/2">Hai</a><span>x</span></li>
  <li><a href="/3" data-loai="thong-bao chung">Ba</a></li><li><a href="/4" lang="vi-VN">Bốn</a></li></ul>
  <p><a href="/5">Năm</a></p></div>`);
const hrefs = (sel: string, scope = page) => selectAll(scope, parseSelector(sel)).map((e) => attr(e, 'href') ?? e.name);

describe('CSS selectors on the element tree', () => {
  it('types, classes, ids and the two combinators', () => {
    expect(hrefs('li a')).toEqual(['/1', '/2', '/3', '/4']);
    expect(hrefs('#tin > p > a, ul.ds li.dau > a')).toEqual(['/2', '/5']);
    expect(hrefs('div.tin-moi.khung > a')).toEqual([]);
  });
  it('attribute operators, case-insensitive values with i', () => {
    expect(hrefs('a[title]')).toEqual(['/1']);
    expect(hrefs('a[data-loai~="chung"], a[lang|=vi]')).toEqual(['/3', '/4']);
    expect(hrefs('a[href^="/"][href$="5"]')).toEqual(['/5']);
    expect(hrefs('a[title*="MỘT" i]')).toEqual(['/1']);
  });
  it('positions and negation', () => {
    expect(hrefs('li:first-child a')).toEqual(['/1']);
    expect(hrefs('li:nth-child(2n) > a')).toEqual(['/2', '/4']);
    expect(hrefs('li:nth-of-type(3) a, li:last-child a')).toEqual(['/3', '/4']);
    expect(hrefs('li:not(.muc, :nth-child(4)) a')).toEqual(['/3']);
    expect(hrefs('li > :first-child:not(span)')).toEqual(['/1', '/2', '/3', '/4']);
  });
  it('relative to a scope: a leading > is a child of it, and ancestors stop at it', () => {
    const ul = selectFirst(page, parseSelector('ul'))!;
    const li = descendants(ul)[0];
    expect(matches(li, parseSelector('> li'), ul)).toBe(true);
    expect(matches(li, parseSelector('div li'), ul)).toBe(false);
    expect(matches(li, parseSelector('div li'))).toBe(true);
  });
  it('refuses what it cannot read, saying why', () => {
    expect(() => parseSelector('a:hover')).toThrow(SelectorError);
    expect(() => parseSelector('a:hover')).toThrow(/:hover/);
    expect(() => parseSelector('li + li')).toThrow(/"\+"/);
    expect(() => parseSelector('a[href')).toThrow(/"\]"/);
    expect(() => parseSelector('li,')).toThrow(/empty|ends early/);
  });
});
