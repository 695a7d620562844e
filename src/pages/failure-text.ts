/**
 * A refresh failure in words a portal editor understands. The machine code (kept in
 * the API and the logs) chooses the sentence; an HTTP status is named where it helps.
 */
export const FAILURE_SENTENCES: Record<string, string> = {
  dns: 'Không tìm thấy tên miền của cổng (tra cứu DNS thất bại): địa chỉ có thể sai, hoặc tên miền đã ngừng hoạt động.',
  refused: 'Máy chủ của cổng từ chối hoặc cắt kết nối.',
  tls: 'Chứng chỉ bảo mật (HTTPS) của cổng bị lỗi hoặc hết hạn.',
  timeout: 'Cổng không trả lời kịp (quá chậm hoặc quá tải).',
  redirects: 'Cổng chuyển hướng vòng quanh hoặc quá nhiều lần.',
  'too-large': 'Trang quá lớn, vượt giới hạn dung lượng bantin đọc.',
  'not-a-feed': 'Địa chỉ này không phải nguồn tin RSS/Atom/JSON hay trang tin đọc được.',
  parse: 'Nội dung nguồn tin bị hỏng, không đọc được.',
  'no-items': 'Không tìm thấy bài nào trên trang (bố cục trang có thể đã đổi).',
  blocked: 'Địa chỉ không được phép (địa chỉ nội bộ hoặc giao thức không hỗ trợ).',
  network: 'Không kết nối được tới cổng (lỗi mạng).',
  store: 'Lỗi lưu trữ của bantin, không phải lỗi của cổng.',
};

function httpSentence(status: number | undefined): string {
  if (status === 404 || status === 410) return `Trang không còn (HTTP ${status}): địa chỉ nguồn tin có thể đã đổi.`;
  if (status === 401 || status === 403) return `Cổng chặn truy cập của bantin (HTTP ${status}).`;
  if (status === 429) return 'Cổng báo truy cập quá nhiều lần (HTTP 429).';
  if (status !== undefined && status >= 500) return `Máy chủ của cổng đang lỗi (HTTP ${status}).`;
  return status ? `Cổng trả lời lỗi HTTP ${status}.` : 'Cổng trả lời lỗi HTTP.';
}

/** The sentence for a failure code, or null for a code this version does not know. */
export function failureSentence(code: string | undefined, status?: number): string | null {
  if (!code) return null;
  if (code === 'http') return httpSentence(status);
  return FAILURE_SENTENCES[code] ?? null;
}
