/**
 * Old portals write the day inside the title link, before or after the title:
 * `<a>07/12/2024 - Khánh thành nhà văn hóa</a>`, `<a>[07/12/2024] …</a>`, `<a>… (07/12/2024)</a>`.
 * The day (with its time) is the item's date and no part of its title. A day standing in the
 * title without brackets or a separator ("Kỷ niệm ngày 20/11/2024") stays there.
 */

const DAY = String.raw`\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}(?:\s*(?:-\s*)?\d{1,2}[:h]\d{2}(?::\d{2})?)?`;
const LEADING = new RegExp(String.raw`^\s*(?:\(\s*(${DAY})\s*\)|\[\s*(${DAY})\s*\]|(${DAY})\s*(?:[-–|:]|&#8211;|&ndash;))\s*(?=\S)`, 'u');
const TRAILING = new RegExp(String.raw`(?<=\S)\s*(?:\(\s*(${DAY})\s*\)|\[\s*(${DAY})\s*\]|(?:[-–|]|&#8211;|&ndash;)\s*(${DAY}))\s*$`, 'u');

/** Cheap first look: a day has figures joined by a separator. */
const DIGITS = /\d\s*[/.-]\s*\d/;

/** The title without a day written at its edge, and that day (raw), when there is one. */
export function dateAtTitleEdge(title: string): { title: string; date: string } | undefined {
  if (!DIGITS.test(title)) return undefined;
  for (const re of [LEADING, TRAILING]) {
    const m = re.exec(title);
    if (!m) continue;
    const rest = (title.slice(0, m.index) + title.slice(m.index + m[0].length)).trim();
    if (rest.split(' ').length < 2) return undefined;
    return { title: rest, date: (m[1] ?? m[2] ?? m[3]).trim() };
  }
  return undefined;
}
