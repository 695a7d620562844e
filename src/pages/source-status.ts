import type { Source } from '../sources/schema';
import type { SourceState } from '../store/types';

export type StatusKind = 'ok' | 'failing' | 'unverified' | 'retired' | 'disabled';

export interface SourceStatus {
  kind: StatusKind;
  /** In words, as /sources shows it. */
  text: string;
}

/**
 * A source's health in one phrase. Retired and disabled sources are not fetched, so their
 * last error says nothing about today; a failing source says why and how many times in a row.
 */
export function sourceStatus(source: Pick<Source, 'enabled' | 'retired' | 'unverified'>, state: SourceState | undefined): SourceStatus {
  if (source.retired) return { kind: 'retired', text: 'Đã ngừng' };
  if (!source.enabled) return { kind: 'disabled', text: 'Tắt' };
  const failures = state?.failures ?? 0;
  if (failures > 0) {
    const times = failures === 1 ? '1 lần' : `${failures} lần liên tiếp`;
    const never = state?.lastSuccess ? '' : `${unverifiedText(source)} · `;
    return { kind: 'failing', text: `${never}Lỗi: ${state?.lastError ?? 'không rõ'} (${times})` };
  }
  if (!state?.lastSuccess) return { kind: 'unverified', text: unverifiedText(source) };
  return { kind: 'ok', text: 'Hoạt động' };
}

/** "Chưa kiểm chứng", with where an unchecked address came from when the catalog says. */
const unverifiedText = (source: Pick<Source, 'unverified'>) =>
  source.unverified ? `Chưa kiểm chứng (địa chỉ lấy từ ${source.unverified.from})` : 'Chưa kiểm chứng';

/** How a source is read, in words: "Nguồn tin RSS/Atom/JSON", "Trang HTML (mẫu tandan)". */
export function sourceKindText(source: Pick<Source, 'kind' | 'preset'>): string {
  const base = { feed: 'Nguồn tin RSS/Atom/JSON', html: 'Trang HTML', auto: 'Tự nhận biết' }[source.kind];
  return source.preset ? `${base} (mẫu ${source.preset})` : base;
}
