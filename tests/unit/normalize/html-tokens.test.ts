import { describe, expect, it } from 'vitest';
import { tokenizeHtml } from '../../../src/normalize/html-tokens';

// The HTML standard's tokenizer, as the project reads every page, feed description and article:
// each case is a corner where a reader that does not follow the standard sees different text
// (or a different tag) than a browser does.

/**
 * The tokens of `html`, one string each: `"text"` (data or RCDATA), `raw"text"` (RAWTEXT, script
 * data, PLAINTEXT, CDATA), `<name a="v"/>` with `svg:`/`math:` before a foreign element, `</name>`.
 * Adjacent texts of one kind are joined: where the tokenizer splits text is not its behaviour.
 */
function tokens(html: string): string[] {
  const out: string[] = [];
  let text: { raw: boolean; value: string } | null = null;
  const flush = () => {
    if (text) out.push(`${text.raw ? 'raw' : ''}${JSON.stringify(text.value)}`);
    text = null;
  };
  tokenizeHtml(html, {
    text(value, raw) {
      if (text && text.raw !== raw) flush();
      if (text) text.value += value;
      else text = { raw, value };
    },
    startTag(tag) {
      flush();
      const attrs = tag.attrs.map(([k, v]) => ` ${k}=${JSON.stringify(v)}`).join('');
      out.push(`<${tag.ns === 'html' ? '' : `${tag.ns}:`}${tag.name}${attrs}${tag.selfClosing ? '/' : ''}>`);
    },
    endTag(name) {
      flush();
      out.push(`</${name}>`);
    },
  });
  flush();
  return out;
}

const text = (s: string) => JSON.stringify(s);
const raw = (s: string) => `raw${JSON.stringify(s)}`;

type Case = [what: string, html: string, expected: string[]];
const check = (cases: Case[]) => {
  for (const [what, html, expected] of cases) {
    it(what, () => {
      expect(tokens(html)).toEqual(expected);
    });
  }
};

describe('comments', () => {
  check([
    ['a comment is nothing, markup inside it too', 'a<!-- <p>x</p> -->b', ['"ab"']],
    ['it ends at -->, not at a -- inside it', 'a<!-- x -- y -->b', ['"ab"']],
    ['--!> ends it too', 'a<!-- x --!>b', ['"ab"']],
    ['--!> ends it when it comes before -->', 'a<!-- x --!>b-->c', ['"ab-->c"']],
    ['<!--> and <!---> are empty comments', 'a<!-->b<!--->c', ['"abc"']],
    ['the issue text: nothing of b is lost', 'a<!-- x --!>b<!-->c d', ['"abc d"']],
    ['a comment the input ends inside runs to the end', 'a<!-- x <p>y', ['"a"']],
  ]);
});

describe('bogus comments, doctype and processing instructions', () => {
  check([
    ['a doctype vanishes', '<!DOCTYPE html>a', ['"a"']],
    ['<? ... > is a bogus comment, to the first >', 'a<?php echo "x>y" ?>b', [text('ay" ?>b')]],
    ['<! not starting a comment, doctype or CDATA is a bogus comment', 'a<!ELEMENT x>b<!x>c', ['"abc"']],
    ['</ followed by no letter is a bogus comment; </> is nothing', 'a</ x>b</3>c</>d', ['"abcd"']],
  ]);
});

describe('CDATA', () => {
  check([
    ['in HTML content it is a bogus comment, ending at its first >', 'a<![CDATA[x]]>b', ['"ab"']],
    ['so markup inside it is read after that first >', 'a<![CDATA[<b>x</b>]]>c', ['"ax"', '</b>', '"]]>c"']],
    ['in SVG it is raw text, < and & included', '<svg><![CDATA[a<b &amp;]]></svg>', ['<svg:svg>', 'raw"a<b &amp;"', '</svg>']],
    ['in MathML too', '<math><![CDATA[x]]></math>', ['<math:math>', 'raw"x"', '</math>']],
    ['a CDATA section the input ends inside runs to the end', '<svg><![CDATA[x<y', ['<svg:svg>', 'raw"x<y"']],
    ['inside foreignObject (HTML again) it is a bogus comment', '<svg><foreignObject><![CDATA[x]]>y', ['<svg:svg>', '<foreignobject>', '"y"']],
  ]);
});

describe('raw text: content that is not markup', () => {
  check([
    ['script data holds tags and entities as written', '<script>if (a<b) s="</p>&amp;";</script>c', ['<script>', raw('if (a<b) s="</p>&amp;";'), '</script>', '"c"']],
    ['script ends at its end tag in any case, followed by a space, / or >', '<script>a</scriptx>b</SCRIPT >c', ['<script>', 'raw"a</scriptx>b"', '</script>', '"c"']],
    ['an escaped <!-- <script> in script data holds a </script>', '<script><!--<script>a</script>b--></script>c', ['<script>', 'raw"<!--<script>a</script>b-->"', '</script>', '"c"']],
    ['style', '<style>p>b{content:"&amp;"}</style>x', ['<style>', raw('p>b{content:"&amp;"}'), '</style>', '"x"']],
    ['noscript (scripting on)', '<noscript><img src=a.jpg></noscript>x', ['<noscript>', 'raw"<img src=a.jpg>"', '</noscript>', '"x"']],
    ['iframe', '<iframe><p>thay thế</p></iframe>x', ['<iframe>', 'raw"<p>thay thế</p>"', '</iframe>', '"x"']],
    ['xmp', '<xmp><b>x</b> &amp;</xmp>', ['<xmp>', 'raw"<b>x</b> &amp;"', '</xmp>']],
    ['noembed and noframes', '<noembed><b>a</b></noembed><noframes><i>b</i></noframes>', ['<noembed>', 'raw"<b>a</b>"', '</noembed>', '<noframes>', 'raw"<i>b</i>"', '</noframes>']],
    ['plaintext: everything after it is text, its own end tag too', '<plaintext><i>y</plaintext>z', ['<plaintext>', 'raw"<i>y</plaintext>z"']],
    ['raw text the input ends inside runs to the end', '<style>a{}', ['<style>', 'raw"a{}"']],
    ['textarea and title are RCDATA: tags are text, character references are references', '<textarea><b>&amp;</textarea><title>a</title >b', ['<textarea>', '"<b>&amp;"', '</textarea>', '<title>', '"a"', '</title>', '"b"']],
    ['RCDATA ends only at its own end tag', '<title>a</b></titles></title>', ['<title>', '"a</b></titles>"', '</title>']],
    ['inside SVG, style is markup again', '<svg><style><a>x</a></style></svg>', ['<svg:svg>', '<svg:style>', '<svg:a>', '"x"', '</a>', '</style>', '</svg>']],
  ]);
});

describe('tags and attributes', () => {
  check([
    ['names and attribute names are lowercased, values kept as written', '<DIV Class="Tin &amp; Bài">x</DIV>', ['<div class="Tin &amp; Bài">', '"x"', '</div>']],
    ['a quoted > stays in the value; single, double and no quotes', `<p title="a>b" data-x='c"d' id=e>x`, [`<p title="a>b" data-x=${JSON.stringify('c"d')} id="e">`, '"x"']],
    ['an unquoted value runs to a space or >, a / included', '<img src=/anh/a.jpg/>x', ['<img src="/anh/a.jpg/">', '"x"']],
    ['the first of a repeated attribute counts', '<a href="/1" HREF="/2">', ['<a href="/1">']],
    ['an attribute without a value is empty; a stray / between attributes is nothing', '<input disabled / checked>', ['<input disabled="" checked="">']],
    ['self-closing is reported as written', '<br/><br />', ['<br/>', '<br/>']],
    ['a tag the input ends inside is dropped', 'Thông báo<a href="/x', ['"Thông báo"']],
    ['an end tag the input ends inside is dropped', 'a</b', ['"a"']],
    ['a < that opens no tag is text', 'giá <5 triệu, a < b <', ['"giá <5 triệu, a < b <"']],
    ['character references are handed over undecoded', 'a &amp; b &#7897;', ['"a &amp; b &#7897;"']],
  ]);

  it('keeps a bare </ at the very end as text', () => {
    expect(tokens('a</')).toEqual(['"a</"']);
  });

  it('stays linear on a tag with thousands of attributes', () => {
    const attrs = Array.from({ length: 5000 }, (_, i) => `a${i}=${i}`).join(' ');
    const [tag] = tokens(`<p ${attrs} a0=x>`);
    expect(tag.startsWith('<p a0="0" a1="1"')).toBe(true);
    expect(tag.match(/ a0=/g)).toHaveLength(1);
  });
});

describe('SVG and MathML content', () => {
  check([
    ['elements inside <svg> are in the SVG namespace; self-closing counts there', '<svg><path d="M0"/></svg>x', ['<svg:svg>', '<svg:path d="M0"/>', '</svg>', '"x"']],
    ['an HTML block element ends it', '<svg><p>x', ['<svg:svg>', '<p>', '"x"']],
    ['</p> and </br> end it too, so a <style> after them is raw text again', '<svg></p><style>a</style>y', ['<svg:svg>', '</p>', '<style>', 'raw"a"', '</style>', '"y"']],
    ['font with color, size or face ends it; plain font does not', '<svg><font>a<font color=red>b', ['<svg:svg>', '<svg:font>', '"a"', '<font color="red">', '"b"']],
    ['desc, title and foreignObject hold HTML', '<svg><title><b>t</b></title></svg>', ['<svg:svg>', '<title>', '<b>', '"t"', '</b>', '</title>', '</svg>']],
    ['MathML text points hold HTML: a <style> there is raw text', '<math><mi><style>a<b</style></mi></math>', ['<math:math>', '<mi>', '<style>', 'raw"a<b"', '</style>', '</mi>', '</math>']],
    ['annotation-xml holds HTML only when its encoding says so', '<math><annotation-xml encoding="text/html"><style>a</style>', ['<math:math>', '<annotation-xml encoding="text/html">', '<style>', 'raw"a"', '</style>']],
  ]);
});
