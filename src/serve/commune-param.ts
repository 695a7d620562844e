import { describeCommune, resolveCommune } from '../regions';

/**
 * The `commune` values of a query as GSO codes of communes of today. A code names one; a
 * slug must be unambiguous within the query's one province (or the country without one):
 * "van-lang" in Thái Nguyên is two communes, so it answers an error naming both codes.
 */
export function communeCodes(values: string[], provinces: string[]): { codes: string[] } | { error: string; unknown?: string } {
  const within = provinces.length === 1 ? provinces[0] : undefined;
  const codes: string[] = [];
  for (const value of values) {
    const r = resolveCommune(value, within);
    if (r.ok) {
      codes.push(r.commune.code);
      continue;
    }
    const list = r.candidates.map(describeCommune).join(', ');
    const message = {
      ambiguous: `"${value}" names several communes: ${list}; use the code`,
      elsewhere: `commune ${value} is ${list}, not in ${within}`,
      unknown: `unknown commune "${value}"${within ? ` in ${within}` : ''}; nearest: ${list}`,
    }[r.reason];
    return { error: message, ...(r.reason === 'unknown' ? { unknown: value } : {}) };
  }
  return { codes: [...new Set(codes)] };
}
