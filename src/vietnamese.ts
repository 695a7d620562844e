/** Vietnamese order for names: "Bắc Kạn" before "Cao Bằng", "Đ" after "D" (plain code-point order gets both wrong). */
export const vietnameseOrder = new Intl.Collator('vi');

/** The first letter upper case, as a title or a sentence starts ("huyện Chợ Đồn" → "Huyện Chợ Đồn"). */
export const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Whitespace incl. NBSP and the zero-width space (a break hint, so it separates words). */
const SPACES = /[\s\u00A0\u200B]+/g;

/** Collapses every run of whitespace (incl. NBSP, zero-width space) to one space and trims. */
export function collapseSpaces(s: string): string {
  return s.replace(SPACES, ' ').trim();
}

/**
 * Accent-insensitive search key: "Chợ Đồn" → "cho don". `đ` has no Unicode decomposition,
 * so it is folded by hand.
 */
export function foldForSearch(s: string): string {
  return collapseSpaces(
    s
      .toLowerCase()
      .replace(/đ/g, 'd')
      .normalize('NFD')
      .replace(/\p{M}/gu, ''),
  );
}
