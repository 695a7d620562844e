/**
 * Dates as Vietnamese readers write them, in Vietnam time. Vietnam keeps UTC+07:00 all year
 * (no daylight saving), so the offset is added by hand: the same arithmetic runs in the
 * widget, and Intl's vi-VN order ("10:00 Thứ Sáu, 27/11/2026") is not the one wanted here.
 */
const VN_OFFSET_MS = 7 * 3600_000;
const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const pad2 = (n: number) => String(n).padStart(2, '0');

/** The fields of an instant on a Vietnamese wall clock; null when the ISO text is no date. */
function vnParts(iso: string) {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  const d = new Date(t + VN_OFFSET_MS);
  return { weekday: d.getUTCDay(), day: d.getUTCDate(), month: d.getUTCMonth() + 1, year: d.getUTCFullYear(), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
}

/** "Thứ Sáu, 27/11/2026 10:00" ("" for a bad date); without the time when the source gave none. */
export function vnDateTime(iso: string, dateOnly = false): string {
  const p = vnParts(iso);
  if (!p) return '';
  const day = `${WEEKDAYS[p.weekday]}, ${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
  return dateOnly ? day : `${day} ${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** "10:00 27/11/2026", shorter, for tables. */
export function vnShort(iso: string): string {
  const p = vnParts(iso);
  if (!p) return '';
  return `${pad2(p.hour)}:${pad2(p.minute)} ${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
}

const UNITS: [number, string][] = [
  [365 * 86400_000, 'năm'],
  [30 * 86400_000, 'tháng'],
  [86400_000, 'ngày'],
  [3600_000, 'giờ'],
  [60_000, 'phút'],
];

/** "2 giờ trước", "15 phút nữa", "vừa xong": how far an instant is from now, in words. */
export function vnRelative(iso: string, now: Date): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const diff = now.getTime() - t;
  const abs = Math.abs(diff);
  if (abs < 60_000) return 'vừa xong';
  const [size, word] = UNITS.find(([ms]) => abs >= ms)!;
  const n = Math.floor(abs / size);
  return diff > 0 ? `${n} ${word} trước` : `${n} ${word} nữa`;
}
