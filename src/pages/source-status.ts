import type { Source } from '../sources/schema';
import type { SourceState } from '../store/types';
import { failureSentence } from './failure-text';

export type StatusKind = 'ok' | 'failing' | 'unverified' | 'retired' | 'disabled';

export interface SourceStatus {
  kind: StatusKind;
  /** In words, as /sources shows it. */
  text: string;
  /** Fetched but never successfully ("Chưa kiểm chứng"), failing or not. */
  unverified: boolean;
}

/** The last error of a source in Vietnamese; the stored English text only for a code this version does not know. */
export function lastErrorText(state: Pick<SourceState, 'lastError' | 'lastErrorCode' | 'lastErrorStatus'>): string {
  return failureSentence(state.lastErrorCode, state.lastErrorStatus) ?? state.lastError ?? 'không rõ';
}

/**
 * A source's health in one phrase. Retired and disabled sources are not fetched, so their
 * last error says nothing about today; a failing source says why and how many times in a row.
 */
export function sourceStatus(source: Pick<Source, 'enabled' | 'retired' | 'unverified'>, state: SourceState | undefined): SourceStatus {
  if (source.retired) return { kind: 'retired', text: 'Đã ngừng', unverified: false };
  if (!source.enabled) return { kind: 'disabled', text: 'Tắt', unverified: false };
  const unverified = !state?.lastSuccess;
  const failures = state?.failures ?? 0;
  if (state && failures > 0) {
    const times = failures === 1 ? '1 lần' : `${failures} lần liên tiếp`;
    const never = unverified ? `${unverifiedText(source)} · ` : '';
    return { kind: 'failing', text: `${never}Lỗi: ${lastErrorText(state)} (${times})`, unverified };
  }
  if (unverified) return { kind: 'unverified', text: unverifiedText(source), unverified };
  return { kind: 'ok', text: 'Hoạt động', unverified };
}

/** "Chưa kiểm chứng", with where an unchecked address came from when the catalog says. */
const unverifiedText = (source: Pick<Source, 'unverified'>) =>
  source.unverified ? `Chưa kiểm chứng (địa chỉ lấy từ ${source.unverified.from})` : 'Chưa kiểm chứng';

/** How a source is read, in words: "Nguồn tin RSS/Atom/JSON", "Trang HTML (mẫu tandan)". */
export function sourceKindText(source: Pick<Source, 'kind' | 'preset'>): string {
  const base = { feed: 'Nguồn tin RSS/Atom/JSON', html: 'Trang HTML', auto: 'Tự nhận biết' }[source.kind];
  return source.preset ? `${base} (mẫu ${source.preset})` : base;
}
