import { communeTitle, describeCommune, findProvince, isCommuneCode, resolveCommune, searchCommunes } from '../regions';
import { foldForSearch } from '../vietnamese';

/** A problem with a source's region, on one of its fields. */
export interface RegionProblem {
  field: 'commune' | 'communeName';
  message: string;
}

/** "UBND xã ", "Phường ", "đặc khu ": what may precede a commune's name in a display name. */
const KIND_WORDS = /^(?:(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+)?(?:xã|phường|đặc khu)\s+/iu;

/**
 * Checks a region's commune against the communes of today: a five-digit code must name one
 * in the source's province (a former province stands for the province it is part of now), and
 * a display name given beside a code must be that commune's. Any other value is a label as
 * published (a former commune, an archive) and is not checked. Problems suggest the nearest
 * known units.
 */
export function checkCommune(region: { province: string; commune?: string; communeName?: string }): RegionProblem[] {
  const { province, commune, communeName } = region;
  // An unknown province has its own error; its communes cannot be checked.
  if (!commune || !isCommuneCode(commune) || !findProvince(province)) return [];
  const r = resolveCommune(commune, province);
  if (!r.ok) {
    const list = r.candidates.map(describeCommune).join(', ');
    const message =
      r.reason === 'elsewhere'
        ? `commune ${commune} is ${communeTitle(r.candidates[0])} of ${r.candidates[0].province}, not of ${province}`
        : `no commune of today has the code ${commune} in ${province}; nearest: ${list}`;
    return [{ field: 'commune', message }];
  }
  if (communeName) {
    const bare = communeName.trim().normalize('NFC').replace(KIND_WORDS, '');
    const same = searchCommunes(bare, province).filter((c) => foldForSearch(c.name) === foldForSearch(bare));
    // Folding drops diacritics (Văn Lang = Văn Lăng), so an exact spelling decides between them;
    // tone marks may sit on either vowel (Hoà, Hòa), so a folded match is otherwise enough.
    const exact = same.filter((c) => c.name.toLowerCase() === bare.toLowerCase());
    const named = exact.length ? exact : same;
    if (!named.some((c) => c.code === commune)) {
      const hint = named.length ? `; "${communeName}" is ${named.map(describeCommune).join(', ')}` : '';
      return [{ field: 'communeName', message: `commune ${commune} is ${communeTitle(r.commune)}${hint}` }];
    }
  }
  return [];
}
