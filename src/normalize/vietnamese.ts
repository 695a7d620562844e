/** Vietnamese order for names: "Bắc Kạn" before "Cao Bằng", "Đ" after "D" (plain code-point order gets both wrong). */
export const vietnameseOrder = new Intl.Collator('vi');

/** The first letter upper case, as a title or a sentence starts ("huyện Chợ Đồn" → "Huyện Chợ Đồn"). */
export const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
