import { describe, expect, it } from 'vitest';
import { bodyText } from '../../../src/article/body-text';

describe('bodyText', () => {
  it('gives paragraphs, captions and list items apart by a blank line, inline markup joined', () => {
    const html =
      '<p>Sáng 12/3, UBND xã <strong>Bằng Vân</strong> họp.</p>\n<figure><img src="https://x.vn/a.jpg" alt="ảnh"><figcaption>Quang cảnh</figcaption></figure>' +
      '<ul><li>Một</li><li>Hai</li></ul><p>Dòng một<br>dòng hai</p>';
    expect(bodyText(html)).toBe('Sáng 12/3, UBND xã Bằng Vân họp.\n\nQuang cảnh\n\nMột\n\nHai\n\nDòng một\n\ndòng hai');
  });
  it('decodes entities once and keeps a ">" inside an attribute from ending its tag', () => {
    expect(bodyText('<p><a href="https://x.vn/?a=1&amp;b=2" title="a>b">GD&amp;ĐT</a> &lt;b&gt; &nbsp;x</p>')).toBe('GD&ĐT <b> \u00a0x');
  });
  it('collapses the white space of the markup', () => {
    expect(bodyText('<div>\n  <p>  a\n\tb  </p>\n\n  <p>c</p>\n</div>')).toBe('a b\n\nc');
  });
});
