import { currentProvinceSlugs, findProvince } from '../regions';
import type { ParamError } from '../serve/query';

/** A bad parameter, said in Vietnamese for pages (feeds and the API keep their English JSON). */
export function paramErrorText(e: ParamError): string {
  switch (e.parameter) {
    case 'limit':
      return 'Số bài mỗi trang (limit) phải là số nguyên từ 1 đến 500.';
    case 'cursor':
      return 'Liên kết “Trang sau” không hợp lệ hoặc đã cũ (cursor): hãy mở lại trang đầu.';
    case 'q':
    case 'filter':
    case 'filterout':
    case 'filter_title':
      return `Từ tìm kiếm (${e.parameter}) quá dài: tối đa 200 ký tự.`;
    case 'filter_time':
      return 'Khoảng thời gian (filter_time) phải là số giây, số nguyên dương.';
    case 'dedupe':
      return 'Tham số dedupe chỉ nhận 0 hoặc 1.';
    case 'province': {
      const unknown = /unknown province "([^"]*)"/.exec(e.message);
      if (!unknown) return 'Mã tỉnh (province) không hợp lệ: viết thường, không dấu, nối bằng gạch ngang, như “thai-nguyen”.';
      const known = currentProvinceSlugs().map((s) => `${findProvince(s)?.name ?? s} (${s})`);
      return `Không có tỉnh “${unknown[1]}”. Các tỉnh, thành phố hiện nay: ${known.join(', ')}.`;
    }
    case 'district':
      return /needs its province/.test(e.message)
        ? 'Huyện (district) cần đi cùng tỉnh: chọn tỉnh trước.'
        : 'Mã huyện (district) không hợp lệ: viết thường, không dấu, như “cho-don”.';
    case 'source':
      return 'Mã nguồn tin (source) không hợp lệ: viết thường, không dấu, như “cho-don”.';
    default:
      return `Tham số ${e.parameter} không hợp lệ.`;
  }
}
