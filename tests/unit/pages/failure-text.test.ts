import { describe, expect, it } from 'vitest';
import { failureSentence } from '../../../src/pages/failure-text';

describe('refresh failures in Vietnamese', () => {
  it('has a sentence for every fetch failure code, none of it English', () => {
    for (const code of ['dns', 'refused', 'tls', 'timeout', 'http', 'redirects', 'too-large', 'not-a-feed', 'parse', 'no-items', 'blocked', 'network', 'store']) {
      const text = failureSentence(code, 500);
      expect(text, code).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
      expect(text, code).not.toMatch(/internal error|cannot reach|Network connection/i);
    }
  });
  it('names the HTTP status where it tells the editor something', () => {
    expect(failureSentence('http', 404)).toBe('Trang không còn (HTTP 404): địa chỉ nguồn tin có thể đã đổi.');
    expect(failureSentence('http', 403)).toBe('Cổng chặn truy cập của bantin (HTTP 403).');
    expect(failureSentence('http', 502)).toBe('Máy chủ của cổng đang lỗi (HTTP 502).');
  });
  it('leaves a code it does not know to the stored text', () => {
    expect(failureSentence('something-new')).toBeNull();
    expect(failureSentence(undefined)).toBeNull();
  });
});
