import { COUNTRIES } from './places';
import { marked } from './tokens';
import type { Fingerprint } from './types';

/**
 * What a piece of news is about, from closed lists, as a text reads (initials spelled out,
 * tokens.ts): departments, offices, party boards, police departments, courts and banks ("Sở Y
 * tế" / "Sở Công Thương" inspecting, handing over or meeting in one template; a union's is the
 * stage groups', stages.ts), diseases
 * ("23 ca sốt xuất huyết" / "23 ca tay chân miệng"), prizes and medals won, men's and women's
 * events, a boy or a girl, which herd, exams, what burned, what vehicle crashed, whom a gift is for: two pieces of news.
 */

/** What a department or an office is about: after "sở" it is a province's, after "phòng" a commune's or a district's. */
const FIELDS = [
  'y te', 'tai chinh', 'noi vu', 'cong thuong', 'xay dung', 'tu phap', 'giao duc', 'nong nghiep', 'khoa hoc',
  'van hoa', 'ngoai vu', 'dan toc', 'tai nguyen', 'giao thong', 'ke hoach', 'lao dong', 'thong tin', 'du lich', 'kinh te',
];

/** Party boards, police departments, the court and the procuracy, banks: each by its forms, folded. */
const BODIES: readonly (readonly string[])[] = [
  ['ban tuyen giao'], ['ban dan van'], ['ban to chuc'], ['uy ban kiem tra', 'ban kiem tra'], ['ban noi chinh'],
  ['canh sat giao thong', 'csgt'], ['canh sat hinh su'], ['canh sat kinh te'], ['canh sat phong chay'], ['canh sat co dong'],
  ['canh sat moi truong'], ['canh sat dieu tra'], ['toa an'], ['vien kiem sat'],
  ['ngan hang chinh sach'], ['agribank', 'ngan hang nong nghiep'], ['vietinbank', 'ngan hang cong thuong'], ['bidv', 'ngan hang dau tu'],
  ['vietcombank', 'ngan hang ngoai thuong'],
  // Forces and agencies that host, hand over or are sent: border guards, police, rangers, market watch, the military command.
  ['bien phong'], ['cong an'], ['kiem lam'], ['quan ly thi truong', 'qltt'], ['chi huy quan su'],
];

/**
 * Diseases of people, animals and crops, each by the forms it is written in, with their marks
 * (folded, "sởi" would be "sợi" and "dại" the "đại" of "đại hội").
 */
const DISEASES: readonly (readonly string[])[] = [
  ['sốt xuất huyết'], ['tay chân miệng'], ['sởi'], ['bạch hầu'], ['ho gà'], ['thủy đậu'], ['sốt rét'],
  ['cúm a', 'cúm gia cầm'], ['covid'], ['bệnh dại', 'chó dại'], ['tả lợn châu phi'], ['lở mồm long móng'],
  ['viêm da nổi cục'], ['lùn sọc đen', 'lùn xoắn lá'], ['đạo ôn'],
];

/** Ranks of a prize or a medal ("HCV" is read spelled out, tokens.ts). */
const PRIZES: readonly (readonly string[])[] = [['giải nhất'], ['giải nhì'], ['giải ba'], ['giải khuyến khích'], ['giải đặc biệt']];
const MEDALS: readonly (readonly string[])[] = [['huy chương vàng'], ['huy chương bạc'], ['huy chương đồng']];

/** Sports played by men and by women: a men's and a women's event are two. */
const SPORTS = ['bóng đá', 'bóng chuyền', 'bóng rổ', 'bóng bàn', 'cầu lông', 'quần vợt', 'bơi', 'điền kinh', 'kéo co', 'đẩy gậy', 'vật', 'đơn', 'đôi', 'm'];
const SEXES: readonly (readonly string[])[] = ['nam', 'nữ'].map((sex) => SPORTS.map((sport) => `${sport} ${sex}`));

/** A child or a pupil in an incident or an award, a boy or a girl. */
const CHILDREN: readonly (readonly string[])[] = [
  ['bé trai', 'cháu trai', 'nam sinh', 'em trai'],
  ['bé gái', 'cháu gái', 'nữ sinh', 'em gái'],
];

/** Herds vaccinated, lost or helped: cattle and buffalo, pigs, poultry, dogs. */
const LIVESTOCK: readonly (readonly string[])[] = [
  ['trâu', 'bò', 'gia súc'],
  ['lợn', 'heo'],
  ['gà', 'vịt', 'gia cầm', 'ngan'],
  ['chó'],
];

/** Exams of one season: the entrance to grade 10, the school-leaving one, the pupils' contest. */
const EXAMS: readonly (readonly string[])[] = [
  ['tuyển sinh lớp 10', 'tuyển sinh vào lớp 10', 'thi vào lớp 10'],
  ['tốt nghiệp trung học phổ thông'],
  ['học sinh giỏi'],
];

/** What burned and what crashed: the same day's fire or crash in one commune is another if these differ. */
const FIRES: readonly (readonly string[])[] = [
  ['cháy nhà dân', 'cháy nhà ở', 'cháy ngôi nhà', 'cháy căn nhà'], ['cháy rừng'], ['cháy xưởng', 'cháy nhà xưởng'], ['cháy kho'],
  ['cháy chợ'], ['cháy xe'], ['cháy cửa hàng', 'cháy quán'],
];
const VEHICLES: readonly (readonly string[])[] = [
  ['xe tải', 'ô tô tải', 'xe ben'], ['xe khách', 'ô tô khách'], ['xe con', 'ô tô con'], ['xe máy', 'mô tô'], ['xe buýt'],
  ['xe container', 'xe đầu kéo'], ['xe cứu thương'], ['tàu hỏa'],
];

/** Whom a gift, a visit or a service is for; words for one group together ("trẻ em", "học sinh"). */
const RECIPIENTS: readonly (readonly string[])[] = [
  ['người cao tuổi', 'người già', 'cụ cao tuổi'],
  ['trẻ em', 'học sinh', 'thiếu nhi', 'các cháu'],
  ['giáo viên', 'nhà giáo'],
  ['cán bộ quản lý', 'hiệu trưởng'],
  ['người khuyết tật'],
  ['thương binh', 'người có công', 'gia đình chính sách', 'liệt sĩ'],
  ['công nhân', 'người lao động'],
  ['bệnh nhân', 'người bệnh'],
];

/**
 * Countries a team is sent to, a delegation comes from, goods go to: another country is another
 * story. Names that are also Vietnamese words or given names ("Nga", "Pháp", "Úc", "Séc") are left out.
 */
const AMBIGUOUS_COUNTRIES = new Set(['Nga', 'Pháp', 'Úc', 'Séc', 'Cu Ba']);
const FOREIGN: readonly (readonly string[])[] = COUNTRIES.filter((c) => !AMBIGUOUS_COUNTRIES.has(c)).map((c) => [c.split(' ').map(marked).join(' ')]);

/** A list of subjects, each as the forms that name it, spaced as in the text it is looked for in. */
interface Subjects {
  forms: readonly (readonly string[])[];
  /** Looked for in Fingerprint.markedText, not the folded text. */
  marked?: true;
}
const spaced = (forms: readonly string[]) => forms.map((f) => ` ${f} `);
const SUBJECTS: readonly Subjects[] = [
  { forms: [...FIELDS.flatMap((f) => [[` so ${f} `], [` phong ${f} `]]), ...BODIES.map(spaced)] },
  ...[DISEASES, PRIZES, MEDALS, SEXES, CHILDREN, LIVESTOCK, EXAMS, FIRES, VEHICLES, RECIPIENTS, FOREIGN].map((list) => ({ forms: list.map(spaced), marked: true as const })),
];

/** The subjects of one list a text names, by their place in it. */
function namedIn({ forms, marked }: Subjects, x: Fingerprint): number[] {
  const text = marked ? x.markedText : x.text;
  const out: number[] = [];
  for (let i = 0; i < forms.length; i++) if (forms[i].some((f) => holds(text, f))) out.push(i);
  return out;
}

/** Forms that name another thing with the words after them: the province Lào Cai, the department of labour, invalids and social affairs. */
const NOT_FOLLOWED_BY = new Map([[' lào ', 'cai '], [' thương binh ', 'và xã hội ']]);

/** Whether the text names `form`. */
function holds(text: string, form: string): boolean {
  for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
    // "cơ sở y tế" (a clinic) names no "Sở Y tế".
    if (!(form.startsWith(' so ') && text.endsWith(' co', at)) && !text.startsWith(NOT_FOLLOWED_BY.get(form) ?? '\u0000', at + form.length)) return true;
  }
  return false;
}

/**
 * Each text names a subject of one list (an office, a disease, a prize, …) the other never
 * does: two pieces of news. One that names another besides ("Sở Y tế phối hợp Sở Công Thương") or none at all is no
 * other news.
 */
export function subjectsDiffer(a: Fingerprint, b: Fingerprint): boolean {
  const [oa, ob] = [opener(a), opener(b)];
  if (oa >= 0 && ob >= 0 && oa !== ob) return true;
  for (let l = 0; l < SUBJECTS.length; l++) {
    const na = named(a, l);
    if (!na.length) continue;
    const nb = named(b, l);
    if (nb.some((i) => !na.includes(i)) && na.some((i) => !nb.includes(i))) return true;
  }
  return false;
}

/**
 * The office or body a title opens with, who acts (-1 for none): a copy keeps it, however the
 * other text also names another ("Sở Tư pháp đưa vào vận hành …" / "Công an tỉnh triển khai …,
 * nhận bàn giao từ Sở Tư pháp").
 */
function opener(x: Fingerprint): number {
  const forms = SUBJECTS[0].forms;
  for (let i = 0; i < forms.length; i++) if (forms[i].some((f) => x.text.startsWith(f))) return i;
  return -1;
}

/** Per text, what it names of each list, read when first asked: a new article meets several near ones. */
const NAMED = new WeakMap<Fingerprint, (number[] | undefined)[]>();
function named(x: Fingerprint, list: number): number[] {
  let lists = NAMED.get(x);
  if (!lists) NAMED.set(x, (lists = []));
  return (lists[list] ??= namedIn(SUBJECTS[list], x));
}
