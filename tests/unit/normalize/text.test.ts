import { describe, expect, it } from 'vitest';
import { cleanText, decodeAttribute, decodeEntities, htmlToText, summarize } from '../../../src/normalize/text';
import { collapseSpaces } from '../../../src/vietnamese';

describe('decodeEntities', () => {
  it('decodes named, decimal and hex entities mixed with raw UTF-8', () => {
    expect(decodeEntities('Đăng ng&agrave;y 26/11/2019')).toBe('Đăng ngày 26/11/2019');
    expect(decodeEntities('H&#7897;i ngh&#x1ECB;')).toBe('Hội nghị');
    expect(decodeEntities('A &amp; B&nbsp;C')).toBe('A & B\u00a0C');
  });
});

describe('decodeAttribute', () => {
  it('leaves a legacy reference without ; before = or a letter as written, as in a URL query', () => {
    expect(decodeAttribute('/tin?a=1&copy=2&section=3')).toBe('/tin?a=1&copy=2&section=3');
    expect(decodeAttribute('&copy;2024 &amp; x')).toBe('©2024 & x');
  });
});

// The text of markup as a browser shows it: the HTML standard's tokenizer decides what is markup.
describe('htmlToText', () => {
  const cases: Array<[what: string, html: string, text: string]> = [
    // comments
    ['a comment ends at --!> as at -->, and <!--> is an empty comment: nothing around them is lost', 'a<!-- x --!>b<!-->c d', 'abc d'],
    ['<!---> is an empty comment; -- inside a comment does not end it', 'a<!--->b<!-- x -- y -->c', 'abc'],
    ['markup inside a comment is no markup', 'a<!-- <p>x</p> -->b', 'ab'],
    ['a comment the input ends inside hides the rest', 'Tin<!-- quảng cáo <b>x</b>', 'Tin'],
    // bogus comments
    ['doctype, processing instructions and bogus comments vanish', 'a<!DOCTYPE html>b<?xml version="1.0"?>c</ x>d</>e', 'abcde'],
    // CDATA
    ['CDATA in HTML is a bogus comment up to its first >', 'a<![CDATA[x]]>b', 'ab'],
    ['so text after a > inside it shows', 'a<![CDATA[1 > 0]]>b', 'a 0]]>b'],
    ['CDATA in SVG is text, its & as written', 'Ảnh <svg><text><![CDATA[a<b &amp; c]]></text></svg>', 'Ảnh a<b &amp; c'],
    // raw text and RCDATA
    ['script, style and noscript content is hidden, even with tags and a </p> inside', 'Tin<script>var s = "</p><b>";</script> mới<style>p>b{}</style><noscript><img src=a></noscript>', 'Tin mới'],
    ['script ends only at </script>, not at </scriptx> or inside an escaped <!-- <script>', 'a<script>x</scriptx>y<!--<script></script>z--></script>b', 'a b'],
    ['textarea and title are hidden', 'a<textarea><b>giá trị</b></textarea>b<title>Trang</title >c', 'a b c'],
    ['iframe, noembed and noframes fallbacks are hidden', 'a<iframe><p>thay thế</p></iframe>b<noembed>x</noembed><noframes>y</noframes>c', 'a b c'],
    ['xmp shows its tags and references as written', 'Mã: <xmp><b>đậm</b> &amp;</xmp>', 'Mã: <b>đậm</b> &amp;'],
    ['plaintext shows everything after it as written', 'a<plaintext><i>b</plaintext> &lt;', 'a <i>b</plaintext> &lt;'],
    ['SVG text shows, decoded; an SVG style is hidden', '<svg><style>a{}</style><text>x &amp; y</text></svg>', 'x & y'],
    ['template content is hidden, nested templates too', 'a<template><p>x<template>y</template>z</p></template>b', 'a b'],
    ['a self-closing SVG title hides nothing', '<svg><title/><text>chữ</text></svg>', 'chữ'],
    // character references
    ['named references with ; and the legacy ones without', 'Ng&agrave;y &copy 2024 &AMP; &ampx', 'Ngày © 2024 & &x'],
    ['a legacy prefix is decoded, a full name wins', 'I&#39;m &notit; &notin;', "I'm ¬it; ∉"],
    ['decimal and hex references, with or without ;', 'H&#7897;i ngh&#x1ECB; &#X1ecb; &#65x', 'Hội nghị ị Ax'],
    ['NUL, surrogates and numbers past Unicode become U+FFFD; 0x80-0x9F are windows-1252', '&#0;&#xD800;&#x110000; &#x80;&#150;', '\uFFFD\uFFFD\uFFFD €–'],
    ['an unknown name or a bare & stays as written', 'A & B &khongco; &#;', 'A & B &khongco; &#;'],
    ['a reference is not decoded across a tag', '&am<b></b>p;', '&amp;'],
    ['an encoded tag is text, not markup', '&lt;b&gt;đậm&lt;/b&gt;', '<b>đậm</b>'],
    // tags
    ['a tag the input ends inside is dropped', 'Thông báo<a href="/x', 'Thông báo'],
    ['a quoted > stays inside the attribute', '<a title="a>b">Đồn</a>', 'Đồn'],
    ['a < that opens no tag is text', 'giá <5 triệu, a < b', 'giá <5 triệu, a < b'],
  ];
  for (const [what, html, text] of cases) {
    it(what, () => {
      // Where a tag leaves a space is no one's business; that it separates words is.
      expect(collapseSpaces(htmlToText(html))).toBe(text);
    });
  }
});

describe('cleanText', () => {
  it('stores NFD (decomposed) titles as NFC', () => {
    const nfd = 'Chợ Đồn tổ chức hội nghị'.normalize('NFD');
    const out = cleanText(nfd);
    expect(out).toBe('Chợ Đồn tổ chức hội nghị');
    expect(out).toBe(out.normalize('NFC'));
    expect(out.length).toBeLessThan(nfd.length);
  });

  it('strips tags, turning <br> and block tags into spaces but not splitting words at inline tags', () => {
    expect(cleanText('Hội nghị<br>tổng kết<br/>năm 2024')).toBe('Hội nghị tổng kết năm 2024');
    expect(cleanText('<p>Đoạn một</p><p>Đoạn hai</p>')).toBe('Đoạn một Đoạn hai');
    expect(cleanText('Ch<b>ợ</b> <a href="/x" title="a>b">Đồn</a>')).toBe('Chợ Đồn');
  });

  it('decodes entities after stripping, so encoded markup stays literal text', () => {
    expect(cleanText('Ng&agrave;y h&#7897;i &lt;script&gt;alert(1)&lt;/script&gt;')).toBe(
      'Ngày hội <script>alert(1)</script>',
    );
  });

  it('drops script and style content and comments', () => {
    expect(cleanText('<style>p{color:red}</style>Tin <!-- quảng cáo -->mới<script>var a = "<b>";</script>')).toBe(
      'Tin mới',
    );
  });

  it('keeps a lone < that opens no tag', () => {
    expect(cleanText('Giá < 5 triệu đồng')).toBe('Giá < 5 triệu đồng');
  });

  it('collapses NBSP, zero-width spaces, tabs and newlines; removes joiners and XML-invalid controls', () => {
    expect(cleanText('&nbsp; Thứ ba\u00a0-\t26/11/2019\n\u200b08:30 ')).toBe('Thứ ba - 26/11/2019 08:30');
    expect(cleanText('Ba\u0000n\u0008 tin\u200d\ufeff\u000b')).toBe('Ban tin');
  });

  it('is empty for empty or markup-only input', () => {
    expect(cleanText('')).toBe('');
    expect(cleanText('<p> &nbsp; </p>')).toBe('');
  });
});

describe('summarize', () => {
  const long = 'Sáng ngày 26/11, Ủy ban nhân dân huyện Chợ Đồn tổ chức hội nghị tổng kết công tác năm 2019 '.repeat(8);

  it('leaves short text alone', () => {
    expect(summarize('Tin ngắn.', 300)).toBe('Tin ngắn.');
  });

  it('cuts long text at a word boundary, within max including the ellipsis', () => {
    const s = summarize(long, 100);
    expect(s.length).toBeLessThanOrEqual(100);
    expect(s.endsWith('…')).toBe(true);
    const body = s.slice(0, -1);
    expect(long.startsWith(body)).toBe(true);
    // the character after the cut in the original is a space: no half words
    expect(long[body.length]).toBe(' ');
  });

  it('defaults to 300 characters', () => {
    const s = summarize(long);
    expect(s.length).toBeLessThanOrEqual(300);
    expect(s.length).toBeGreaterThan(250);
    expect(s.endsWith('…')).toBe(true);
  });

  it('hard-cuts a single overlong word instead of returning nothing', () => {
    const s = summarize('x'.repeat(50), 10);
    expect(s).toBe('xxxxxxxxx…');
  });

  it('does not leave a dangling comma before the ellipsis', () => {
    expect(summarize('một, hai, ba, bốn, năm', 10)).toBe('một, hai…');
  });
});
