import type { NameKind } from './types';

/**
 * Kind words, and the kind of name they introduce; `lower` ones only in lower case ("sông
 * Đáy", not "Hồ Chí Minh"); `unit` ones name an administrative unit, and a unit's name fills
 * one slot whatever its level ("thị xã Sa Pa" / "thành phố Lào Cai", "tỉnh Thái Bình" / "xã Vũ Hội").
 */
export interface KindWord {
  kind: NameKind;
  lower?: boolean;
  unit?: boolean;
  /**
   * A school's level, as its name is read (abbreviations spelled out, tokens.ts): schools of
   * every level fill one slot, the level part of the name ("Trường Tiểu học Nà Phặc" / "Trường
   * THCS Nà Phặc" are two schools of one commune).
   */
  school?: string;
  /** A slot shared by kind words that name one kind of thing ("vườn quốc gia", "khu bảo tồn"). */
  slot?: string;
}
export const KIND_WORDS: Record<string, KindWord> = {
  'xã': { kind: 'places', unit: true },
  'phường': { kind: 'places', unit: true },
  'thị trấn': { kind: 'places', unit: true },
  'đặc khu': { kind: 'places', unit: true },
  'huyện': { kind: 'places', unit: true },
  'quận': { kind: 'places', unit: true },
  'thị xã': { kind: 'places', unit: true },
  'thành phố': { kind: 'places', unit: true },
  'tp': { kind: 'places', unit: true },
  'tỉnh': { kind: 'places', unit: true },
  'thôn': { kind: 'places' },
  'bản': { kind: 'places' },
  'xóm': { kind: 'places' },
  'ấp': { kind: 'places' },
  'tổ dân phố': { kind: 'places' },
  'nước': { kind: 'places' },
  'cửa khẩu': { kind: 'places' },
  'khu công nghiệp': { kind: 'places' },
  'cụm công nghiệp': { kind: 'places' },
  'nghĩa trang': { kind: 'places' },
  'sông': { kind: 'places', lower: true },
  'suối': { kind: 'places', lower: true },
  'hồ': { kind: 'places', lower: true },
  'đèo': { kind: 'places', lower: true },
  'đảo': { kind: 'places', lower: true },
  'đường': { kind: 'places', lower: true },
  'phố': { kind: 'places', lower: true },
  'cầu': { kind: 'places', lower: true },
  'chợ': { kind: 'places', lower: true },
  'bến': { kind: 'places', lower: true },
  'cảng': { kind: 'places', lower: true },
  // Protected areas, parks and reserves: one slot, whatever they are called.
  'vườn quốc gia': { kind: 'places', slot: 'protected' },
  'vqg': { kind: 'places', slot: 'protected' },
  'khu bảo tồn': { kind: 'places', slot: 'protected' },
  'khu bảo tồn thiên nhiên': { kind: 'places', slot: 'protected' },
  'khu bảo tồn loài và sinh cảnh': { kind: 'places', slot: 'protected' },
  'khu bảo tồn biển': { kind: 'places', slot: 'protected' },
  'kbt': { kind: 'places', slot: 'protected' },
  'kbttn': { kind: 'places', slot: 'protected' },
  'khu dự trữ sinh quyển': { kind: 'places', slot: 'protected' },
  'rừng phòng hộ': { kind: 'places', slot: 'protected' },
  'rừng đặc dụng': { kind: 'places', slot: 'protected' },
  'khu rừng đặc dụng': { kind: 'places', slot: 'protected' },
  'ban quản lý rừng phòng hộ': { kind: 'places', slot: 'protected' },
  'ban quản lý rừng đặc dụng': { kind: 'places', slot: 'protected' },
  // The person elected, appointed, honoured or helped is the news.
  'đồng chí': { kind: 'people' },
  'ông': { kind: 'people' },
  'bà': { kind: 'people' },
  'anh': { kind: 'people' },
  'chị': { kind: 'people' },
  'cháu': { kind: 'people' },
  'em': { kind: 'people' },
  'cụ': { kind: 'people' },
  'liệt sĩ': { kind: 'people' },
  // Clergy, named with their honorific as others are with "ông" or "bà".
  'hòa thượng': { kind: 'people' },
  'hoà thượng': { kind: 'people' },
  'thượng tọa': { kind: 'people' },
  'thượng toạ': { kind: 'people' },
  'đại đức': { kind: 'people' },
  'ni sư': { kind: 'people' },
  'ni trưởng': { kind: 'people' },
  'sư cô': { kind: 'people' },
  'linh mục': { kind: 'people' },
  'mục sư': { kind: 'people' },
  'giám mục': { kind: 'people' },
  'đức cha': { kind: 'people' },
  'sư thầy': { kind: 'people' },
  'tổng giám mục': { kind: 'people' },
  'nghệ nhân': { kind: 'people' },
  'bác sĩ': { kind: 'people' },
  'đại tá': { kind: 'people' },
  'thượng tá': { kind: 'people' },
  'trung tá': { kind: 'people' },
  'thiếu tá': { kind: 'people' },
  'đại úy': { kind: 'people' },
  // "Trường THPT Chợ Đồn" / "Trường THPT Ba Bể" open their year the same morning.
  'trường thpt': { kind: 'bodies', school: 'trung học phổ thông' },
  'trường thcs': { kind: 'bodies', school: 'trung học cơ sở' },
  'trường tiểu học': { kind: 'bodies', school: 'tiểu học' },
  'trường mầm non': { kind: 'bodies', school: 'mầm non' },
  'trường ptdtbt': { kind: 'bodies', school: 'ptdtbt' },
  'trường ptdtnt': { kind: 'bodies', school: 'phổ thông dân tộc nội trú' },
  'trường th&thcs': { kind: 'bodies', school: 'th trung học cơ sở' },
  'trường': { kind: 'bodies', lower: true, school: '' },
  'công ty tnhh': { kind: 'bodies' },
  'công ty cổ phần': { kind: 'bodies' },
  'công ty cp': { kind: 'bodies' },
  'công ty': { kind: 'bodies' },
  'hợp tác xã': { kind: 'bodies' },
  'htx': { kind: 'bodies' },
  'bệnh viện': { kind: 'bodies' },
  'trạm y tế': { kind: 'bodies' },
  'đồn biên phòng': { kind: 'bodies' },
};

