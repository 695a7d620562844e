import { BUNDLED_SOURCES } from './bundled';
import { validateCatalog } from './schema';

/**
 * A cold isolate's first refresh validates the stored catalog (catalog.ts keeps it while its
 * text stays). The schema's code, and the communes' index a commune code is checked against, are
 * compiled and built here instead, when the script starts, on a catalog of 100: the bundled
 * sources, one of each shape (the fields it gives), and the rest as a stored catalog holds them
 * (every default written, a commune, a listing's selectors), twice over. Nothing is kept. The
 * first run still validates its catalog (~3 ms of its samples for 100 sources, in workerd).
 */
const SIZE = 100;
const shapes = new Map<string, unknown>();
for (const source of BUNDLED_SOURCES) {
  const shape = Object.keys(source).sort().join();
  if (!shapes.has(shape)) shapes.set(shape, source);
}
const stored = (i: number) => ({
  id: `xa-van-lang-warm-${i}`,
  name: 'UBND xã Văn Lang',
  url: `https://vanlang${i}.thainguyen.example.vn/tin-tuc`,
  kind: 'html',
  preset: 'tandan',
  selectors: { item: 'ul.list-news > li', title: 'h3 a', date: '.date' },
  region: { province: 'thai-nguyen', commune: '02143', communeName: 'xã Văn Lang' },
  dateOrder: 'dmy',
  intervalMinutes: 40,
  enabled: true,
  retired: false,
  enrich: false,
  fullText: false,
  unverified: { from: 'danh bạ cổng thông tin' },
});
const sample: unknown[] = [...shapes.values()];
for (let i = 0; sample.length < SIZE; i++) sample.push(stored(i));

/** Validates the sample; whether all of it is valid (else the warm-up compiled an error's path instead). */
export function warmCatalog(): boolean {
  return validateCatalog(sample).ok;
}

warmCatalog();
warmCatalog();
