import { fold } from './tokens';

/**
 * Verbs and phrases a republisher swaps for one another ("hỗ trợ" / "giúp đỡ", "khai trương" /
 * "ra mắt"): a few words of each family, as portals write them. A span swapped for one of its
 * group is a rewording (templates.ts), and two-syllable ones count as one word in the similarity.
 */
export const SYNONYMS: ReadonlyArray<readonly string[]> = [
  ['hỗ trợ', 'giúp đỡ', 'trợ giúp', 'hỗ trợ giúp đỡ', 'giúp', 'tiếp sức'],
  ['khai trương', 'ra mắt', 'đưa vào hoạt động', 'chính thức hoạt động', 'khai mở'],
  ['trao tặng', 'tặng', 'trao', 'trao tặng quà', 'tặng quà', 'trao quà'],
  ['thăm hỏi', 'thăm', 'động viên', 'thăm hỏi động viên', 'thăm động viên'],
  ['tổ chức', 'tiến hành', 'diễn ra'],
  ['sửa chữa', 'tu sửa', 'khắc phục'],
  ['bàn giao', 'trao'],
  ['di dời', 'sơ tán', 'di dân'],
  ['người dân', 'bà con', 'nhân dân', 'dân'],
  ['hộ', 'gia đình', 'hộ gia đình'],
  ['chạy', 'vận hành', 'hoạt động'],
  ['khởi công', 'động thổ'],
  ['khánh thành', 'đưa vào sử dụng', 'hoàn thành'],
  ['bắt giữ', 'bắt', 'bắt quả tang'],
  ['thu giữ', 'tạm giữ', 'tịch thu'],
  ['xử phạt', 'phạt'],
  ['ra quân', 'phát động'],
  ['tập huấn', 'bồi dưỡng'],
  ['tuyên truyền', 'phổ biến'],
  ['đón nhận', 'nhận'],
  ['cứu', 'giải cứu', 'cứu nạn', 'cứu hộ'],
  ['phê duyệt', 'duyệt'],
  ['hóa chất', 'thuốc', 'hoá chất', 'thuốc hóa chất'],
  // How urgently or firmly something is done: a republisher's edit of a title it keeps.
  ['khẩn trương', 'nhanh chóng', 'kịp thời', 'gấp rút', 'quyết liệt', 'tập trung'],
  // A cause's verb, a gift's measure word, a contest's name, a loanword spelled two ways.
  ['làm', 'khiến', 'gây'],
  ['suất', 'phần'],
  ['cuộc thi', 'giải', 'hội thi', 'giải đấu'],
  ['vắc xin', 'vaccine', 'vắc-xin', 'vaccin'],
  // A country's other names.
  ['úc', 'australia', 'ô-xtrây-li-a'],
  ['mỹ', 'hoa kỳ', 'hoa kì', 'hợp chủng quốc hoa kỳ'],
  ['nhật bản', 'nhật'],
  ['hàn quốc', 'hàn'],
  ['trung quốc', 'tq'],
  ['singapore', 'xin-ga-po'],
  ['malaysia', 'ma-lai-xi-a'],
  ['indonesia', 'in-đô-nê-xi-a'],
  ['philippines', 'phi-líp-pin'],
  ['ấn độ', 'india'],
  ['eu', 'liên minh châu âu', 'châu âu'],
  // Something made public; a planned cut of power or water announced (the span stops before
  // "điện" or "nước", which both titles keep).
  ['công bố', 'chính thức công bố', 'chính thức có'],
  ['ngừng cấp', 'tạm ngừng cấp', 'cắt', 'lịch cắt', 'thông báo cắt', 'lịch ngừng cấp', 'thông báo ngừng cấp', 'thông báo tạm ngừng cấp', 'ngừng cung cấp', 'tạm ngừng cung cấp'],
  // How a finished event went, in a republisher's words.
  ['thành công', 'thành công tốt đẹp', 'đạt kết quả tốt', 'đạt kết quả cao', 'đạt hiệu quả', 'đạt chất lượng'],
];
const GROUPS = new Map<string, number[]>();
SYNONYMS.forEach((group, i) => {
  for (const phrase of group) GROUPS.set(phrase, [...(GROUPS.get(phrase) ?? []), i]);
});

/** Whether two spans (marked words) are phrases of one group. */
export function synonyms(x: readonly string[], y: readonly string[]): boolean {
  const gy = GROUPS.get(y.join(' '));
  return !!gy && !!GROUPS.get(x.join(' '))?.some((g) => gy.includes(g));
}

/**
 * Two-syllable phrases, folded, → the folded first two-syllable phrase of their group: what the
 * similarity reads for them. Not phrases that say other things too, or that every item says:
 * "bà con" is also "ba con" (three animals), "phổ biến" also "common", "hoạt động" and "tổ chức"
 * are in most titles, and a stand-in would weigh them as a verb.
 */
const AMBIGUOUS = new Set(['ba con', 'nhan dan', 'nguoi dan', 'pho bien', 'hoat dong', 'van hanh', 'to chuc', 'tien hanh', 'dien ra', 'hoan thanh', 'khac phuc', 'dong vien', 'tham hoi']);
export const SAME_AS = new Map<string, [string, string]>();
for (const group of SYNONYMS) {
  const pairs = group.map((p) => p.split(' ').map(fold)).filter((w) => w.length === 2 && !AMBIGUOUS.has(w.join(' ')));
  if (pairs.length < 2) continue;
  for (const w of pairs.slice(1)) SAME_AS.set(w.join(' '), pairs[0] as [string, string]);
}

/** Folded syllables with each two-syllable synonym read as its group's stand-in (a copy, when any changes). */
export function standIns(words: string[]): string[] {
  let out: string[] | null = null;
  for (let i = 0; i + 1 < words.length; i++) {
    const to = SAME_AS.get(`${words[i]} ${words[i + 1]}`);
    if (!to) continue;
    out ??= [...words];
    out[i] = to[0];
    out[i + 1] = to[1];
    i++;
  }
  return out ?? words;
}
