import type { Article } from '../../src/model';

/**
 * A province's news as a stream, for story matching over many runs: events in communes and
 * departments from a few dozen portals, a third of them republished by another portal within
 * a few days with a reworded title, some of them look-alikes of one another (one event, two
 * places). Deterministic for a seed.
 */
const PLACES = ['Bằng Vân', 'Thượng Quan', 'Nà Phặc', 'Cẩm Giàng', 'Phong Quang', 'Nghiên Loan', 'Yên Thịnh', 'Nam Cường', 'Quảng Bạch', 'Nghĩa Tá', 'Thanh Mai', 'Văn Lang', 'Cường Lợi', 'Côn Minh', 'Hiệp Lực', 'Vĩnh Thông'];
const EVENTS: ReadonlyArray<[title: (p: string, n: number) => string, summary: (p: string, n: number) => string, copy: (p: string, n: number) => string]> = [
  [(p, n) => `Xã ${p} tổ chức Hội nghị lần thứ ${n} Ban Chấp hành Đảng bộ xã`, (p, n) => `Đảng bộ xã ${p} tổ chức Hội nghị lần thứ ${n}, cho ý kiến về dự thảo báo cáo chính trị trình đại hội.`, (p, n) => `Hội nghị lần thứ ${n} Ban Chấp hành Đảng bộ xã ${p}`],
  [(p) => `Xã ${p} ra quân tổng vệ sinh môi trường`, (p) => `Cán bộ và nhân dân xã ${p} ra quân tổng vệ sinh môi trường, khơi thông cống rãnh, phát quang đường làng.`, (p) => `Ra quân vệ sinh môi trường tại xã ${p}`],
  [(p, n) => `Hỗ trợ ${n} tỷ đồng khắc phục sạt lở tại xã ${p}`, (p, n) => `UBND tỉnh quyết định hỗ trợ ${n} tỷ đồng giúp người dân xã ${p} khắc phục hậu quả sạt lở đất sau mưa lớn.`, (p, n) => `Tỉnh hỗ trợ xã ${p} ${n} tỷ đồng khắc phục hậu quả sạt lở đất`],
  [(p) => `Khánh thành cầu treo bản Nà Làng xã ${p}`, (p) => `Sáng nay, xã ${p} khánh thành cầu treo bản Nà Làng, giúp hơn 200 hộ dân đi lại thuận tiện.`, (p) => `Xã ${p}: khánh thành cầu treo bản Nà Làng`],
  [(p, n) => `Xã ${p} trao ${n} nhà đại đoàn kết cho hộ nghèo`, (p, n) => `Ủy ban Mặt trận Tổ quốc xã ${p} bàn giao ${n} nhà đại đoàn kết cho hộ nghèo có hoàn cảnh khó khăn.`, (p, n) => `Bàn giao ${n} nhà đại đoàn kết tại xã ${p}`],
  [(p) => `Tập huấn kỹ thuật trồng quế cho nông dân xã ${p}`, (p) => `Hội Nông dân xã ${p} phối hợp tổ chức lớp tập huấn kỹ thuật trồng và chăm sóc cây quế cho hội viên.`, (p) => `Nông dân xã ${p} học kỹ thuật trồng quế`],
  [(p, n) => `Lịch công tác tuần ${n} của UBND xã ${p}`, (p, n) => `Lịch công tác tuần ${n} của Chủ tịch và các Phó Chủ tịch UBND xã ${p}.`, (p, n) => `Lịch công tác tuần ${n} của lãnh đạo xã ${p}`],
];

export interface StreamOptions {
  seed: number;
  /** Articles in the stream. */
  count: number;
  /** The first one's time (ms); each next one 5–95 minutes later. */
  start: number;
  /** Portals publishing. */
  sources?: number;
}

export function storyStream({ seed, count, start, sources = 24 }: StreamOptions): Article[] {
  let s = seed;
  const random = () => ((s = (s * 16807) % 2147483647) / 2147483647);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const out: Article[] = [];
  let t = start;
  for (let i = 0; out.length < count; i++) {
    t += (5 + Math.floor(random() * 90)) * 60_000;
    const [title, summary, copy] = pick(EVENTS);
    const place = pick(PLACES);
    const n = 2 + Math.floor(random() * 12);
    const sourceId = `portal-${Math.floor(random() * sources)}`;
    out.push({ id: `a${seed}-${i}`, sourceId, title: title(place, n), summary: summary(place, n), published: new Date(t).toISOString() } as Article);
    if (random() < 0.35) {
      // Republished by another portal up to three days later, the title reworded.
      const later = new Date(t + Math.floor(random() * 72 * 60) * 60_000).toISOString();
      out.push({ id: `a${seed}-${i}c`, sourceId: `portal-${(Number(sourceId.slice(7)) + 1 + Math.floor(random() * (sources - 1))) % sources}`, title: copy(place, n), summary: summary(place, n), published: later } as Article);
    }
  }
  return out.slice(0, count).sort((x, y) => x.published.localeCompare(y.published));
}
