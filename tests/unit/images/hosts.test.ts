import { describe, expect, it } from 'vitest';
import { hostOf } from '../../../src/images/hosts';

describe('hostOf', () => {
  it('gives the host as URL.host does: lowercased, with a port that is not the default, punycode for IDN', () => {
    expect(hostOf('https://BacKan.gov.vn/anh/a.jpg')).toBe('backan.gov.vn');
    expect(hostOf('http://cdn.backan.gov.vn:8080/a.jpg')).toBe('cdn.backan.gov.vn:8080');
    expect(hostOf('https://backan.gov.vn:443/a.jpg')).toBe('backan.gov.vn');
    expect(hostOf('https://bắckạn.vn/a.jpg')).toBe(new URL('https://bắckạn.vn/').host);
    expect(hostOf('https://backan.gov.vn?x=1')).toBe('backan.gov.vn');
  });

  it('reads the host after a user name as URL does, and gives nothing for other schemes or junk', () => {
    expect(hostOf('http://backan.gov.vn@evil.example/a.png')).toBe('evil.example');
    expect(hostOf('javascript:alert(1)')).toBeUndefined();
    expect(hostOf('data:image/png;base64,AAAA')).toBeUndefined();
    expect(hostOf('/anh/a.jpg')).toBeUndefined();
    expect(hostOf(undefined)).toBeUndefined();
  });
});
