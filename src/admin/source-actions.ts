import type { Source } from '../sources/schema';

/** What an operator can do to one source without rewriting the catalog. */
export const SOURCE_ACTIONS = ['enable', 'disable', 'retire', 'unretire'] as const;
export type SourceAction = (typeof SOURCE_ACTIONS)[number];

export const isSourceAction = (s: string): s is SourceAction => (SOURCE_ACTIONS as readonly string[]).includes(s);

/**
 * The catalog with one source's flags changed, or null when there is no such source.
 * Disable pauses fetching; retire marks a portal that no longer publishes (its
 * articles stay served, it is not fetched). Neither deletes anything stored.
 */
export function applySourceAction(catalog: readonly Source[], id: string, action: SourceAction): { catalog: Source[]; source: Source; changed: boolean } | null {
  const i = catalog.findIndex((s) => s.id === id);
  if (i < 0) return null;
  const before = catalog[i];
  const after: Source = { ...before };
  if (action === 'enable') after.enabled = true;
  if (action === 'disable') after.enabled = false;
  if (action === 'retire') after.retired = true;
  if (action === 'unretire') after.retired = false;
  const changed = after.enabled !== before.enabled || after.retired !== before.retired;
  const next = [...catalog];
  next[i] = after;
  return { catalog: next, source: after, changed };
}
