import { communeTitle, nearestCommunes, provinceTitle } from '../regions';
import { ErrorPage } from '../pages/error-page';
import { paramErrorText } from '../pages/param-text';
import { htmlResponse } from '../pages/respond';
import type { ParamError } from '../serve/query';
import { unknownCommuneOf, type MissingScope } from './unknown-scope';

/** 404 for a commune no commune of today is: the nearest ones, and where the list is. */
export const unknownCommunePage = (value: string) =>
  htmlResponse(
    <ErrorPage
      title="Không có xã, phường này"
      messages={[`Không có xã, phường, đặc khu nào mang mã ${value}. Gần nhất: ${nearestCommunes(value).map((c) => `${communeTitle(c)} (${c.code})`).join(', ')}. Xem danh sách ở /c.`]}
    />,
    { status: 404 },
  );

/** A page's bad query string in Vietnamese: 404 for a commune that does not exist, else 400 naming each bad parameter. */
export function badQueryPage(errors: ParamError[]): Promise<Response> {
  const commune = unknownCommuneOf(errors);
  if (commune) return unknownCommunePage(commune);
  return htmlResponse(<ErrorPage title="Yêu cầu không hợp lệ" messages={errors.map(paramErrorText)} />, { status: 400 });
}

/** 404 for a source or district that does not exist, naming those that do. */
export function missingScopePage(m: MissingScope): Promise<Response> {
  if (m.kind === 'source') {
    return htmlResponse(<ErrorPage title="Không có nguồn này" messages={[`Không có nguồn tin "${m.source}". Xem danh sách ở trang Nguồn tin.`]} />, { status: 404 });
  }
  const list = m.districts.length ? `Các huyện có nguồn tin: ${m.districts.map((d) => `${d.label} (${d.value})`).join(', ')}.` : 'Tỉnh này chưa có nguồn tin cấp huyện.';
  return htmlResponse(<ErrorPage title="Không có huyện này" messages={[`Không có huyện “${m.district}” trong ${provinceTitle(m.province)}.`, list]} />, { status: 404 });
}
