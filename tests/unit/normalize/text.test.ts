import { describe, expect, it } from 'vitest';
import { cleanText, decodeEntities, foldForSearch, summarize } from '../../../src/normalize/text';

describe('decodeEntities', () => {
  it('decodes named, decimal and hex entities mixed with raw UTF-8', () => {
    expect(decodeEntities('Đăng ng&agrave;y 26/11/2019')).toBe('Đăng ngày 26/11/2019');
    expect(decodeEntities('H&#7897;i ngh&#x1ECB;')).toBe('Hội nghị');
    expect(decodeEntities('A &amp; B&nbsp;C')).toBe('A & B\u00a0C');
  });
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

describe('foldForSearch', () => {
  it('folds case, diacritics and đ/Đ', () => {
    expect(foldForSearch('Chợ Đồn')).toBe('cho don');
    expect(foldForSearch('BẮC KẠN  Thái   Nguyên')).toBe('bac kan thai nguyen');
    expect(foldForSearch('Đường đèo'.normalize('NFD'))).toBe('duong deo');
  });
});
