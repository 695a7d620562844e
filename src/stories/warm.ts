import { fingerprint } from './fingerprint';
import { scopeIndex, syncIndex } from './scope-index';
import { conflicting, vectorResemblance } from './similarity';
import { warmStages } from './stages';

/**
 * Fingerprinting's first calls in an isolate compile its regular expressions (V8 compiles one
 * when first run, and again to machine code when run again): tens of milliseconds, which a
 * cold isolate's first refresh would pay inside its invocation's CPU limit. Done here, when the
 * script starts (limited on its own, at a second), on texts that reach every rule: stages and
 * unions, numbers and documents, names after kind words and in lists, a title's place prefix,
 * capitals, abbreviations, Roman ordinals, a cut summary, a routine posting.
 */
const SAMPLES: ReadonlyArray<[title: string, summary: string]> = [
  [
    'Bắc Kạn: Khai mạc Kỳ họp thứ XV HĐND tỉnh khóa X, nhiệm kỳ 2021-2026',
    'Sáng 12/11, HĐND tỉnh khai mạc Kỳ họp thứ 15, bầu bổ sung Phó Chủ tịch UBND tỉnh theo Công văn số 112/UBND-VX; ông Nông Văn Tài, bà Hà Thị Liễu và đại biểu các xã Bằng Vân, Thượng Quan dự…',
  ],
  [
    'Hội Nông dân huyện Chợ Đồn tổng kết công tác năm 2025, tăng 38.000 hội viên',
    'Trường THPT Chợ Đồn, Công ty TNHH Minh Phát và Đoàn Thanh niên xã Nà Làng trao giải cho trẻ từ 1 đến 5 tuổi tại thôn số 2, Quốc lộ 3B, cầu treo Khuổi Nộc (Lào) kết thúc.',
  ],
  ['LỊCH CÔNG TÁC TUẦN 48 CỦA LÃNH ĐẠO UBND TỈNH', 'Thông báo kết quả giải quyết thủ tục hành chính tháng 11.'],
  ['Lịch công tác tuần 49 của Thường trực Tỉnh ủy', ''],
];

// Twice over: a first run compiles each expression, a second to machine code. Indexed as a run
// indexes stored articles, so the index's and the score's code is compiled too.
for (let pass = 0; pass < 2; pass++) {
  const index = scopeIndex();
  const stored = SAMPLES.map(([title, summary], i) => ({ id: `${pass}-${i}`, sourceId: `${i}`, title: `${title}${pass ? ' mới' : ''}`, summary, published: `2026-01-0${i + 1}T00:00:00Z` }));
  syncIndex(index, stored, fingerprint);
  const entries = [...index.held.values()].flatMap((h) => (h.entry ? [h.entry] : []));
  for (const a of entries) {
    for (const b of entries) {
      a.fp.stages();
      conflicting(a.fp, b.fp);
      vectorResemblance(a.fp, a.vectors, b.fp, b.vectors);
    }
  }
}
warmStages();
