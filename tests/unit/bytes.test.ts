import { describe, expect, it } from 'vitest';
import { concatBytes, sameBytes } from '../../src/bytes';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('sameBytes', () => {
  it('tells equal bytes from bytes that differ anywhere, the last byte too', () => {
    const text = 'Xã Tân Lộc tổ chức hội nghị tổng kết năm 2026'.repeat(50);
    expect(sameBytes(bytes(text), bytes(text))).toBe(true);
    expect(sameBytes(bytes(text), bytes(`${text.slice(0, -1)}!`))).toBe(false);
    expect(sameBytes(bytes(text), bytes(`!${text.slice(1)}`))).toBe(false);
    expect(sameBytes(bytes(text), bytes(text.slice(1)))).toBe(false);
  });

  it('compares views that do not start on a word, as a value read out of a larger buffer is', () => {
    const text = 'Cổng thông tin điện tử tỉnh Lạng Sơn';
    const inner = bytes(text);
    const buffer = new Uint8Array(inner.byteLength + 3);
    buffer.set(inner, 3);
    const view = buffer.subarray(3);
    expect(view.byteOffset % 4).not.toBe(0);
    expect(sameBytes(inner, view)).toBe(true);
    expect(sameBytes(view, inner)).toBe(true);
    buffer[buffer.length - 1] ^= 1;
    expect(sameBytes(inner, view)).toBe(false);
  });
});

describe('concatBytes', () => {
  it('puts the parts one after another', () => {
    expect(new TextDecoder().decode(concatBytes([bytes('Lạng '), bytes(''), bytes('Sơn')]))).toBe('Lạng Sơn');
  });
});
