import { candidatePairs, DEFAULT_PER_KEY } from './candidates';
import { fingerprint } from './fingerprint';
import { comparePrimary } from './primary';
import { conflicting, SAME_STORY_THRESHOLD, similarity } from './similarity';
import type { Fingerprint, Story, StoryInput } from './types';

export const DEFAULT_WINDOW_MS = 3 * 24 * 60 * 60 * 1000;

export interface ClusterOptions {
  /** Copies of one story are at most this far apart (all of them, not just neighbours). Default 3 days. */
  windowMs?: number;
  /** Similarity at or above which two items are copies. Default SAME_STORY_THRESHOLD. */
  threshold?: number;
  /** Items one index feature may offer as candidates (see candidates.ts). */
  perKey?: number;
  /** Fingerprints computed earlier (a refresh run reuses them across sources). */
  fingerprintOf?: (item: StoryInput) => Fingerprint;
}

interface Entry {
  item: StoryInput;
  /** Position in the input. */
  order: number;
  time: number;
  fp: Fingerprint;
}

interface Group {
  members: number[];
  sources: Set<string>;
  first: number;
  last: number;
}

/**
 * Groups copies of one story published by different sources. Every input id ends up in
 * exactly one story (a repeated id counts once); stories come in the order of their primary
 * in the input. Rules, checked at every merge so they hold for the whole group:
 * - two items of one source are never one story (a source's own feed is never collapsed);
 * - all copies lie within `windowMs` of each other;
 * - no two copies conflict (different session numbers, places, people: see similarity.ts).
 * The most similar pairs merge first, so an item joins the story it resembles most.
 */
export function clusterStories(items: readonly StoryInput[], opts: ClusterOptions = {}): Story[] {
  const windowMs = opts.windowMs ?? DEFAULT_WINDOW_MS;
  const threshold = opts.threshold ?? SAME_STORY_THRESHOLD;

  const seen = new Set<string>();
  const entries: Entry[] = [];
  items.forEach((item, order) => {
    if (seen.has(item.id)) return;
    seen.add(item.id);
    const fp = opts.fingerprintOf ? opts.fingerprintOf(item) : fingerprint(item.title, item.summary);
    entries.push({ item, order, time: Date.parse(item.published), fp });
  });

  // Items without a readable date stay alone: the window cannot be checked for them.
  const dated = entries.filter((e) => Number.isFinite(e.time)).sort((a, b) => a.time - b.time || a.order - b.order);

  const edges: Array<{ a: number; b: number; score: number }> = [];
  for (const [a, b] of candidatePairs(dated, windowMs, opts.perKey ?? DEFAULT_PER_KEY)) {
    if (dated[a].item.sourceId === dated[b].item.sourceId) continue;
    const score = similarity(dated[a].fp, dated[b].fp);
    if (score >= threshold) edges.push({ a, b, score });
  }
  edges.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);

  const groupOf = dated.map((_, i) => i);
  const groups = new Map<number, Group>(
    dated.map((e, i) => [i, { members: [i], sources: new Set([e.item.sourceId]), first: e.time, last: e.time }]),
  );
  const canJoin = (g: Group, h: Group): boolean => {
    if ([...h.sources].some((s) => g.sources.has(s))) return false;
    if (Math.max(g.last, h.last) - Math.min(g.first, h.first) > windowMs) return false;
    return !g.members.some((x) => h.members.some((y) => conflicting(dated[x].fp, dated[y].fp)));
  };
  for (const { a, b } of edges) {
    const ga = groupOf[a];
    const gb = groupOf[b];
    if (ga === gb) continue;
    const g = groups.get(ga)!;
    const h = groups.get(gb)!;
    if (!canJoin(g, h)) continue;
    for (const m of h.members) {
      groupOf[m] = ga;
      g.members.push(m);
    }
    for (const s of h.sources) g.sources.add(s);
    g.first = Math.min(g.first, h.first);
    g.last = Math.max(g.last, h.last);
    groups.delete(gb);
  }

  const stories: Array<{ order: number; story: Story }> = [];
  for (const g of groups.values()) {
    const copies = g.members.map((m) => dated[m]).sort(comparePrimary);
    const [primary, ...rest] = copies;
    stories.push({ order: primary.order, story: { primary: primary.item.id, alternates: rest.map((c) => c.item.id) } });
  }
  for (const e of entries) {
    if (!Number.isFinite(e.time)) stories.push({ order: e.order, story: { primary: e.item.id, alternates: [] } });
  }
  return stories.sort((x, y) => x.order - y.order).map((s) => s.story);
}
