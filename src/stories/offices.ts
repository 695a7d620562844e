import type { Fingerprint } from './types';

/**
 * Departments and mass organisations, by their names as a text reads folded (initials spelled
 * out, tokens.ts): "Sở Y tế" / "Sở Công Thương", "Hội Nông dân" / "Hội Cựu chiến binh" inspecting,
 * handing over or meeting in one template are two pieces of news.
 */

/** What a department or an office is about: after "sở" it is a province's, after "phòng" a commune's or a district's. */
const FIELDS = [
  'y te', 'tai chinh', 'noi vu', 'cong thuong', 'xay dung', 'tu phap', 'giao duc', 'nong nghiep', 'khoa hoc',
  'van hoa', 'ngoai vu', 'dan toc', 'tai nguyen', 'giao thong', 'ke hoach', 'lao dong', 'thong tin', 'du lich', 'kinh te',
];

/** Mass organisations: each by the forms it is written in. */
const ORGANISATIONS: readonly (readonly string[])[] = [
  ['hoi nong dan'],
  ['hoi cuu chien binh'],
  ['hoi lien hiep phu nu', 'hoi phu nu'],
  ['doan thanh nien', 'doan tncs'],
  ['mat tran to quoc'],
  ['lien doan lao dong'],
  ['hoi chu thap do'],
  ['hoi nguoi cao tuoi'],
  ['hoi khuyen hoc', 'quy khuyen hoc'],
  ['hoi cuu thanh nien xung phong'],
  ['hoi nan nhan chat doc da cam'],
  ['hoi lien hiep thanh nien'],
];

/** Each office or organisation as the forms that name it, spaced as in Fingerprint.text. */
const OFFICES: readonly (readonly string[])[] = [
  ...FIELDS.flatMap((f) => [[` so ${f} `], [` phong ${f} `]]),
  ...ORGANISATIONS.map((forms) => forms.map((f) => ` ${f} `)),
];

/** The offices a text names, by their place in OFFICES. */
function officesIn(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < OFFICES.length; i++) if (OFFICES[i].some((f) => text.includes(f))) out.push(i);
  return out;
}

/**
 * Each text names an office or organisation the other never does: two bodies' news. One that
 * names a partner besides ("Sở Y tế phối hợp Sở Công Thương") or none at all is no other news.
 */
export function officesDiffer(a: Fingerprint, b: Fingerprint): boolean {
  const na = officesIn(a.text);
  if (!na.length) return false;
  const nb = officesIn(b.text);
  return nb.some((i) => !na.includes(i)) && na.some((i) => !nb.includes(i));
}
