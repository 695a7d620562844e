/**
 * Deterministic Vietnamese text for benchmark pages: the same seed gives the same bytes,
 * so runs on different days measure the same input. The vocabulary is written here in the
 * style of district and provincial portals; nothing is copied from the web.
 */

/** mulberry32: a small seeded PRNG, enough to vary text. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = (r, list) => list[Math.floor(r() * list.length)];
export const int = (r, lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
export const pad2 = (n) => String(n).padStart(2, '0');

const AGENCIES = [
  'UBND huyện Chợ Đồn',
  'UBND xã Bằng Lãng',
  'Sở Nông nghiệp và Phát triển nông thôn',
  'Hội Nông dân tỉnh',
  'Ban Chỉ đạo 389 huyện',
  'Trung tâm Y tế huyện Bạch Thông',
  'Phòng Giáo dục và Đào tạo thành phố',
  'Đoàn Thanh niên xã Quảng Bạch',
  'Hội Liên hiệp Phụ nữ huyện Na Rì',
  'Công an tỉnh Thái Nguyên',
  'Mặt trận Tổ quốc xã Yên Thịnh',
  'Bộ Chỉ huy Quân sự tỉnh',
];

const ACTIONS = [
  'triển khai kế hoạch',
  'tổ chức hội nghị về',
  'kiểm tra tiến độ',
  'tổng kết mô hình',
  'ra quân hưởng ứng',
  'tập huấn nghiệp vụ về',
  'đẩy mạnh tuyên truyền',
  'sơ kết 6 tháng thực hiện',
  'phát động phong trào',
  'trao quyết định về',
];

const TOPICS = [
  'xây dựng nông thôn mới nâng cao',
  'chuyển đổi số cấp xã',
  'phòng, chống thiên tai mùa mưa lũ',
  'trồng cây quế hữu cơ',
  'cải cách hành chính năm 2025',
  'phòng chống dịch bệnh trên đàn gia súc',
  'bảo vệ và phát triển rừng',
  'giảm nghèo bền vững',
  'tiêm chủng mở rộng cho trẻ em',
  'sắp xếp đơn vị hành chính cấp xã',
  'an toàn giao thông dịp Tết Nguyên đán',
  'chương trình OCOP',
];

const SENTENCES = [
  'Tham dự hội nghị có đại diện lãnh đạo các phòng, ban chuyên môn và Chủ tịch UBND các xã, thị trấn.',
  'Theo báo cáo, đến nay toàn huyện đã có 12/20 xã đạt chuẩn nông thôn mới, 3 xã đạt chuẩn nâng cao.',
  'Phát biểu chỉ đạo, đồng chí Phó Chủ tịch UBND huyện đề nghị các đơn vị tiếp tục rà soát, hoàn thiện hồ sơ.',
  'Mô hình được triển khai trên diện tích 15 ha với sự tham gia của 42 hộ dân tại các thôn Nà Pài, Bản Cái.',
  'Qua đó góp phần nâng cao nhận thức của người dân về công tác phòng, chống thiên tai &amp; tìm kiếm cứu nạn.',
  'Năm 2025, tỉnh phấn đấu tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình đạt trên 80%.',
  'Ngay sau hội nghị, các đại biểu đã đi thăm quan thực tế mô hình tại thôn Khuổi Đăm, xã Quảng Bạch.',
  'Lực lượng chức năng đã ra quân kiểm tra 35 cơ sở kinh doanh, nhắc nhở 7 trường hợp vi phạm.',
  'Dịp này, UBND huyện đã tặng giấy khen cho 15 tập thể và 27 cá nhân có thành tích xuất sắc.',
  'Cũng trong ng&agrave;y, đo&agrave;n công tác đã làm việc với Đảng ủy, chính quyền xã về tình hình thực hiện nhiệm vụ.',
];

const AUTHORS = ['Hoàng Thị Thu', 'Nông Văn Tuấn', 'Triệu Thị Mai', 'Lục Văn Hùng', 'Ma Thị Hằng', 'Phòng VH-TT'];

export function title(r) {
  const t = `${pick(r, AGENCIES)} ${pick(r, ACTIONS)} ${pick(r, TOPICS)}`;
  // Some portals put the program name in quotes, entity-encoded.
  return r() < 0.15 ? t.replace(/(chương trình|phong trào) (.+)$/, '$1 &quot;$2&quot;') : t;
}

export function summary(r, sentences = 2) {
  const out = [];
  for (let i = 0; i < sentences; i++) out.push(pick(r, SENTENCES));
  return out.join(' ');
}

export const author = (r) => pick(r, AUTHORS);

/** A lowercase ASCII slug of Vietnamese text, as the portals build their URLs. */
export function slugify(text) {
  return text
    .replace(/&[a-z]+;/g, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Vietnam local time of the i-th item, newest first as `i` grows: { y, m, d, hh, mm }. */
export function dateParts(i) {
  const t = new Date(Date.UTC(2025, 5, 25, 3, 15) - i * 37 * 3600_000 + 7 * 3600_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), hh: t.getUTCHours(), mm: t.getUTCMinutes() };
}
