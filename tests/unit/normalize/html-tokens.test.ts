import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '../../../src/normalize/sanitize';

// The sanitizer reads HTML with its own tokenizer (src/normalize/html-tokens.ts). These are
// the corners of the HTML standard's tokenizer that decide what text a reader sees after
// broken or hostile markup; each expected output is what the HTMLRewriter-based sanitizer
// it replaced produced for the same input.

const base = 'https://xa.example/tin/';
const clean = (html: string) => sanitizeHtml(html, base);

describe('the sanitizer reads markup as an HTML parser does', () => {
  const cases: Array<[string, string, string]> = [
    ['a tag cut off by the end of the input is dropped', 'Thông báo<a href="/x', 'Thông báo'],
    ['a lone < is text', 'giá <5 triệu <', 'giá &lt;5 triệu &lt;'],
    ['an end tag cut off is dropped, a bare </ is text', 'a</b', 'a'],
    ['comments end at -->, --!> or right away (<!-->)', 'a<!-- x --!>b<!-->c<!--->d<!-- <p>e</p> -->f', 'abcdf'],
    ['doctype, processing instructions and bogus comments vanish', 'a<!DOCTYPE html>b<?php echo 1 ?>c</ x>d</>e', 'abcde'],
    ['a quoted > stays inside the attribute', '<p title="a>b">x</p>', '<p>x</p>'],
    ['an unquoted value ends at a space or >', '<img src=/anh/a.jpg/>x', '<img src="https://xa.example/anh/a.jpg/" alt="">x'],
    ['the first of a repeated attribute counts', '<a href="/1" HREF="/2">x</a>', '<a href="https://xa.example/1" rel="noopener noreferrer nofollow" target="_blank">x</a>'],
    ['script text ends at its end tag, not at one inside an escaped <!-- <script>', '<script><!--<script>a</script>b</script>c', 'c'],
    ['raw text (style, title, textarea) holds tags as text', '<textarea><b>x</textarea>y<title>a</title >b', 'yb'],
    ['xmp and plaintext show their tags as text', '<xmp><b>x</b></xmp><plaintext><i>y', '&lt;b&gt;x&lt;/b&gt;&lt;i&gt;y'],
    ['an end tag closes what was opened inside its element', '<font><p>x</font>y</p>', '<p>x</p>y'],
    ['</p> ends SVG content: a <style> after it is HTML raw text', '<svg></p><style>a</style></svg>y', 'y'],
    ['CDATA is text in SVG content only', 'a<![CDATA[x]]>b<svg/><![CDATA[c<d]]>', 'abc&lt;d'],
  ];
  for (const [what, html, expected] of cases) {
    it(what, async () => {
      expect(await clean(html)).toBe(expected);
    });
  }

  it('reads a <style> inside <select> instead of refusing the whole item', async () => {
    // HTMLRewriter threw on this ("text content tag in an ambiguous context"), failing the source.
    expect(await clean('<p>Trước</p><select><style>a</style></select><p>Sau</p>')).toBe('<p>Trước</p><p>Sau</p>');
  });
});
