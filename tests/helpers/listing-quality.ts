import type { Article } from '../../src/model';
import { canonicalUrl } from '../../src/normalize/url';

/** One expected item of a labelled listing page; `date` null means the page shows none. */
export interface Expected {
  title: string;
  link: string;
  date: string | null;
  image: string | null;
}

/** Counts over a set of pages: hits of each measure and what they are out of. */
export interface Quality {
  expected: number;
  found: number;
  matched: number;
  titles: number;
  dates: number;
  images: number;
  /** Per page, what went wrong (for the failure message). */
  misses: string[];
}

export const emptyQuality = (): Quality => ({ expected: 0, found: 0, matched: 0, titles: 0, dates: 0, images: 0, misses: [] });

/** Scores one page's articles against its labels: matched by canonical URL; dates within 60 s. */
export function score(q: Quality, page: string, got: Article[], want: Expected[]): void {
  q.expected += want.length;
  q.found += got.length;
  const byUrl = new Map(got.map((a) => [a.url, a]));
  const wanted = new Set(want.map((w) => canonicalUrl(w.link)));
  for (const a of got) if (!wanted.has(a.url)) q.misses.push(`${page}: extra ${a.url} "${a.title}"`);
  for (const w of want) {
    const a = byUrl.get(canonicalUrl(w.link));
    if (!a) {
      q.misses.push(`${page}: missing ${w.link}`);
      continue;
    }
    q.matched++;
    if (a.title === w.title.normalize('NFC')) q.titles++;
    else q.misses.push(`${page}: title "${a.title}" for "${w.title}"`);
    const dateOk = w.date === null ? !!a.dateEstimated : !a.dateEstimated && Math.abs(Date.parse(a.published) - Date.parse(w.date)) <= 60_000;
    if (dateOk) q.dates++;
    else q.misses.push(`${page}: date ${a.published}${a.dateEstimated ? ' (estimated)' : ''} for ${w.date} ("${w.title}")`);
    if ((a.image ?? null) === w.image) q.images++;
    else q.misses.push(`${page}: image ${a.image} for ${w.image} ("${w.title}")`);
  }
}

const pct = (n: number, of: number) => (of === 0 ? 100 : (100 * n) / of);

/** recall, precision, exact titles, dates within 60 s, images: percentages. */
export function figures(q: Quality) {
  return {
    recall: pct(q.matched, q.expected),
    precision: pct(q.matched, q.found),
    titles: pct(q.titles, q.matched),
    dates: pct(q.dates, q.matched),
    images: pct(q.images, q.matched),
  };
}
