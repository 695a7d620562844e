/**
 * Paging by cursor, never by offset: a cursor names the last item shown (its date
 * and id), and the next page starts strictly after it in newest-first order, so
 * articles arriving in between neither repeat nor skip items.
 */
interface Position {
  published: string;
  id: string;
}

const b64url = (s: string) => btoa(unescape(encodeURIComponent(s))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const unb64url = (s: string) => decodeURIComponent(escape(atob(s.replace(/-/g, '+').replace(/_/g, '/'))));

export const encodeCursor = (p: Position) => b64url(`${p.published}|${p.id}`);

export function decodeCursor(cursor: string): Position | null {
  try {
    const [published, id] = unb64url(cursor).split('|');
    return published && id && !Number.isNaN(Date.parse(published)) ? { published, id } : null;
  } catch {
    return null;
  }
}

/** True when `a` comes after position `p` in newest-first order (see byNewest). */
const after = (a: Position, p: Position) => a.published < p.published || (a.published === p.published && a.id > p.id);

/** One page of newest-first items and the cursor of the next page, if any. */
export function paginate<T extends Position>(items: T[], cursor: string | undefined, limit: number): { page: T[]; next?: string } {
  const from = cursor ? decodeCursor(cursor) : null;
  const rest = from ? items.filter((a) => after(a, from)) : items;
  const page = rest.slice(0, limit);
  const last = page[page.length - 1];
  return rest.length > limit && last ? { page, next: encodeCursor(last) } : { page };
}
