import { describe, expect, it } from 'vitest';
import { decodeBody, headerCharset, resolveLabel } from '../../../src/ingest/charset';

const utf8 = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/**
 * A windows-1258 encoder for Vietnamese, from the code page's table: vowels with
 * circumflex, breve or horn and Đ/đ are single bytes; the five tones are
 * combining marks that follow their vowel.
 */
const CP1258_LETTERS: Record<string, number> = {
  Đ: 0xd0, đ: 0xf0, Â: 0xc2, â: 0xe2, Ê: 0xca, ê: 0xea, Ô: 0xd4, ô: 0xf4,
  Ơ: 0xd5, ơ: 0xf5, Ư: 0xdd, ư: 0xfd, Ă: 0xc3, ă: 0xe3,
};
const CP1258_TONES: Record<string, number> = {
  '\u0300': 0xcc, // huyền
  '\u0301': 0xec, // sắc
  '\u0309': 0xd2, // hỏi
  '\u0303': 0xde, // ngã
  '\u0323': 0xf2, // nặng
};
function cp1258(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    // Split each letter into its base (with circumflex/breve/horn) and its tone.
    const parts = [...ch.normalize('NFD')];
    const tones = parts.filter((p) => p in CP1258_TONES);
    const base = parts.filter((p) => !(p in CP1258_TONES)).join('').normalize('NFC');
    if (base in CP1258_LETTERS) out.push(CP1258_LETTERS[base]);
    else if (base.length === 1 && base.charCodeAt(0) < 0x80) out.push(base.charCodeAt(0));
    else throw new Error(`no cp1258 byte for ${base}`);
    for (const t of tones) out.push(CP1258_TONES[t]);
  }
  return new Uint8Array(out);
}

const CHO_DON = 'Chợ Đồn';
const HEADLINE = 'Ủy ban nhân dân huyện Chợ Đồn triển khai nhiệm vụ năm 2025';

describe('windows-1258', () => {
  it('the test encoder matches the code page', () => {
    // C h ơ (F5) nặng (F2) space Đ (D0) ô (F4) huyền (CC) n, as Python's cp1258 codec gives.
    expect([...cp1258(CHO_DON)]).toEqual([0x43, 0x68, 0xf5, 0xf2, 0x20, 0xd0, 0xf4, 0xcc, 0x6e]);
  });

  it('decodes combining tone marks into NFC text', () => {
    const r = decodeBody(cp1258(CHO_DON), 'text/html; charset=windows-1258');
    expect(r).toEqual({ text: CHO_DON, charset: 'windows-1258' });
    expect(r.text.length).toBe(7); // precomposed ợ and ồ, not base + mark
  });

  it('decodes a full headline with every tone', () => {
    const text = `${HEADLINE}: hỗ trợ, ngã ba, sắc phong, kỷ niệm, Ưu tiên, Ơn`;
    expect(decodeBody(cp1258(text), 'text/html; charset=cp1258').text).toBe(text);
  });

  it('finds windows-1258 in a <meta http-equiv> when the header has no charset', () => {
    const page = concat(
      utf8('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'),
      utf8('<title>'),
      cp1258(HEADLINE),
      utf8('</title></head></html>'),
    );
    const r = decodeBody(page, 'text/html');
    expect(r.charset).toBe('windows-1258');
    expect(r.text).toContain(`<title>${HEADLINE}</title>`);
  });

  it('reads undeclared bytes that are not UTF-8 as windows-1258', () => {
    const r = decodeBody(concat(utf8('<p>'), cp1258(CHO_DON), utf8('</p>')), null);
    expect(r).toEqual({ text: `<p>${CHO_DON}</p>`, charset: 'windows-1258' });
  });
});

describe('where the charset comes from', () => {
  it('uses the HTTP header', () => {
    expect(decodeBody(utf8('Tin tức'), 'text/html; charset=UTF-8')).toEqual({ text: 'Tin tức', charset: 'utf-8' });
    expect(decodeBody(new Uint8Array([0x43, 0x61, 0x66, 0xe9]), 'text/xml; charset="ISO-8859-1"')).toEqual({
      text: 'Café',
      charset: 'windows-1252',
    });
  });

  it('lets a byte order mark win over the header and strips it', () => {
    const r = decodeBody(concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8('<rss>Thái Nguyên</rss>')), 'text/xml; charset=windows-1252');
    expect(r).toEqual({ text: '<rss>Thái Nguyên</rss>', charset: 'utf-8' });
  });

  it('decodes UTF-16 with a BOM', () => {
    const units = [...'Bắc Kạn'].map((c) => c.charCodeAt(0));
    const le = new Uint8Array(2 + units.length * 2);
    le.set([0xff, 0xfe]);
    units.forEach((u, i) => le.set([u & 0xff, u >> 8], 2 + i * 2));
    expect(decodeBody(le, null)).toEqual({ text: 'Bắc Kạn', charset: 'utf-16le' });
  });

  it('reads the XML prolog', () => {
    const feed = concat(utf8('<?xml version="1.0" encoding="windows-1258"?>\n<rss><title>'), cp1258(CHO_DON), utf8('</title></rss>'));
    const r = decodeBody(feed, 'application/xml');
    expect(r.charset).toBe('windows-1258');
    expect(r.text).toContain(`<title>${CHO_DON}</title>`);
  });

  it('reads <meta charset>', () => {
    const ascii = utf8('<!doctype html><meta charset="iso-8859-5"><p>plain</p>');
    expect(decodeBody(ascii, 'text/html').charset).toBe('iso-8859-5');
  });

  it('ignores a <meta> inside a comment', () => {
    const page = utf8('<!-- <meta charset="iso-8859-5"> --><meta charset=koi8-r><p>plain</p>');
    expect(decodeBody(page, null).charset).toBe('koi8-r');
  });

  it('only looks for <meta> in the first 1024 bytes', () => {
    const filler = `<!doctype html><head>${' '.repeat(1100)}`;
    expect(decodeBody(utf8(`${filler}<meta charset="iso-8859-5">`), null).charset).toBe('utf-8');
    expect(decodeBody(utf8(`<head><meta charset="iso-8859-5">${filler}`), null).charset).toBe('iso-8859-5');
  });

  it('takes the header over the document', () => {
    const page = utf8('<meta charset="windows-1258"><p>Hà Nội</p>');
    expect(decodeBody(page, 'text/html; charset=utf-8').charset).toBe('utf-8');
  });

  it('reads a <meta> declaring UTF-16 as UTF-8 (it was readable as ASCII)', () => {
    expect(decodeBody(utf8('<meta charset="utf-16"><p>Lào Cai</p>'), null)).toEqual({
      text: '<meta charset="utf-16"><p>Lào Cai</p>',
      charset: 'utf-8',
    });
  });

  it('defaults to UTF-8', () => {
    expect(decodeBody(utf8('<p>Đắk Lắk</p>'), null)).toEqual({ text: '<p>Đắk Lắk</p>', charset: 'utf-8' });
    expect(decodeBody(new Uint8Array(), null)).toEqual({ text: '', charset: 'utf-8' });
  });
});

describe('labels', () => {
  it.each([
    ['utf8', 'utf-8'],
    ['UTF-8', 'utf-8'],
    [' Utf-8 ', 'utf-8'],
    ['windows-1258', 'windows-1258'],
    ['cp1258', 'windows-1258'],
    ['iso-8859-1', 'windows-1252'],
    ['latin1', 'windows-1252'],
    ['ascii', 'windows-1252'],
  ])('%s → %s', (label, name) => {
    expect(resolveLabel(label)).toBe(name);
  });

  it('does not know made-up labels', () => {
    expect(resolveLabel('tcvn3')).toBeNull();
    expect(resolveLabel('')).toBeNull();
  });

  it('parses the header parameter', () => {
    expect(headerCharset('text/html; charset=utf-8')).toBe('utf-8');
    expect(headerCharset('text/html;charset="windows-1258"; foo=bar')).toBe('windows-1258');
    expect(headerCharset('text/html')).toBeNull();
    expect(headerCharset(null)).toBeNull();
  });

  it('falls back past an unknown label', () => {
    expect(decodeBody(utf8('Sơn La'), 'text/html; charset=tcvn3')).toEqual({ text: 'Sơn La', charset: 'utf-8' });
    const page = concat(utf8('<meta charset="windows-1258">'), cp1258(CHO_DON));
    expect(decodeBody(page, 'text/html; charset=x-unknown').text).toContain(CHO_DON);
  });
});

describe('wrong declarations', () => {
  it('prefers UTF-8 when iso-8859-1 is declared but the bytes are UTF-8 Vietnamese', () => {
    const r = decodeBody(utf8(`<title>${HEADLINE}</title>`), 'text/html; charset=iso-8859-1');
    expect(r).toEqual({ text: `<title>${HEADLINE}</title>`, charset: 'utf-8' });
  });

  it('prefers UTF-8 over a wrong windows-1258 <meta>', () => {
    expect(decodeBody(utf8(`<meta charset="windows-1258"><p>${CHO_DON}</p>`), null).text).toContain(CHO_DON);
  });

  it('keeps a real single-byte charset when the bytes are not UTF-8', () => {
    // "Café" in windows-1252: 0xE9 alone is not valid UTF-8.
    expect(decodeBody(new Uint8Array([0x43, 0x61, 0x66, 0xe9]), 'text/plain; charset=iso-8859-1').text).toBe('Café');
  });
});

describe('normalization', () => {
  it('turns NFD UTF-8 into NFC', () => {
    const nfd = HEADLINE.normalize('NFD');
    expect(nfd).not.toBe(HEADLINE);
    expect(decodeBody(utf8(nfd), 'text/html; charset=utf-8').text).toBe(HEADLINE);
  });
});
