/**
 * The `members` map of a stored snapshot, read from its text without parsing the
 * article list: a snapshot is written `{"version":…,"updated":…,"members":{…},…}`
 * and member ids and versions are slugs and base-36 strings, so the first `}`
 * after `"members":{` closes it. Verifying that the snapshots agree with the
 * buckets after a run then costs one read per key and almost no CPU.
 * Returns null when the text does not have that shape (the caller parses it all).
 */
export function peekMembers(text: string): Record<string, string> | null {
  const at = text.indexOf('"members":{');
  if (at < 0 || at > 400) return null; // members comes third, right after version and updated
  const start = at + '"members":'.length;
  const end = text.indexOf('}', start);
  if (end < 0) return null;
  try {
    const members = JSON.parse(text.slice(start, end + 1)) as unknown;
    if (!members || typeof members !== 'object' || Array.isArray(members)) return null;
    return members as Record<string, string>;
  } catch {
    return null;
  }
}
