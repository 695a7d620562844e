/**
 * The stored value a snapshot's text is, as story matching knows it: one object per text, as the
 * store gives one object while a key's bytes stay the same (snapshot-read.ts).
 */
const known = new Map<string, object>();

export function storedAs(text: string): object {
  let stored = known.get(text);
  if (!stored) known.set(text, (stored = {}));
  return stored;
}
