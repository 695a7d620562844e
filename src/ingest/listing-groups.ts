import type { HtmlElement } from '../normalize/html-tree';
import { dayOfGroup } from './listing-days';

/** A link to an article of the site, with its title-like text. */
export interface ArticleLink {
  el: HtmlElement;
  href: string;
  text: string;
  /** The link holds only a picture: its text is the picture's `alt` (what a screen reader says). */
  fromAlt?: boolean;
  /** The link only says "Chi tiết": its text is this heading's, written before it in the item. */
  heading?: HtmlElement;
}

/**
 * The candidate lists of a page: elements of one kind under containers of one kind and parent,
 * each linking to articles of the site. Day-grouped pages that wrap each day apart (Blogger's
 * day blocks, one heading and one list per day) give one candidate over all their days.
 */

export interface Group {
  members: HtmlElement[];
  /** Each member's links to articles, in document order. */
  links: Map<HtmlElement, ArticleLink[]>;
  titles: Map<HtmlElement, ArticleLink>;
  /** Distinct articles per member. */
  targets: Map<HtmlElement, Set<string>>;
}

const emptyGroup = (): Group => ({ members: [], links: new Map(), titles: new Map(), targets: new Map() });

/** The candidate groups of `links`: every ancestor of a link is a member of the group of its kind. */
export function groupLinks(links: ArticleLink[], sig: (el: HtmlElement) => string): Group[] {
  // Members of the same kind under containers of the same kind and parent form one group
  // (rows of a card grid, the lists of a day-grouped timeline).
  const groups = new Map<string, Group>();
  for (const link of links) {
    for (let a: HtmlElement = link.el; a.parent && a.parent.name !== '#document'; a = a.parent) {
      const p = a.parent;
      const key = `${p.parent?.order ?? 0}|${sig(p)}|${a.name}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = emptyGroup()));
      let t = g.targets.get(a);
      if (!t) {
        g.members.push(a);
        g.targets.set(a, (t = new Set()));
        g.links.set(a, []);
      }
      t.add(link.href);
      g.links.get(a)!.push(link);
    }
  }
  return [...groups.values(), ...dayWrapped(groups.values(), sig)];
}

/**
 * Groups whose containers stand each in a wrapper of one kind under one parent, every wrapper
 * headed by a day of its own ("Thứ Bảy, 7 tháng 12, 2024"): one list split by day, merged.
 * A day read once for all (a page's "today" above its boxes) merges nothing.
 */
function dayWrapped(groups: Iterable<Group>, sig: (el: HtmlElement) => string): Group[] {
  const buckets = new Map<string, Group[]>();
  for (const g of groups) {
    const container = g.members[0].parent!;
    const wrapper = container.parent;
    const above = wrapper?.parent;
    if (!wrapper || !above || above.name === '#document') continue;
    const key = `${above.order}|${sig(wrapper)}|${sig(container)}|${g.members[0].name}`;
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = []));
    bucket.push(g);
  }
  const out: Group[] = [];
  for (const bucket of buckets.values()) {
    if (bucket.length < 2 || !eachOwnDay(bucket)) continue;
    const merged = emptyGroup();
    for (const g of bucket) {
      for (const m of g.members) {
        merged.members.push(m);
        merged.links.set(m, g.links.get(m)!);
        merged.targets.set(m, g.targets.get(m)!);
      }
    }
    out.push(merged);
  }
  return out;
}

const LISTS = new Set(['ul', 'ol']);

/** Whether a link stands in a list nested in the member (an item's related stories), not in the member itself. */
export function inNestedList(link: HtmlElement, member: HtmlElement): boolean {
  for (let n = link.parent; n && n !== member; n = n.parent) if (LISTS.has(n.name)) return true;
  return false;
}

/**
 * Whether a member links to several articles (more than two): a box of links rather than an item.
 * A story whose own link is one and whose others stand in a list nested in it (its related
 * stories) is an item.
 */
export function isWide(g: Group, m: HtmlElement): boolean {
  if (g.targets.get(m)!.size <= 2) return false;
  const own = new Set(g.links.get(m)!.filter((l) => !inNestedList(l.el, m)).map((l) => l.href));
  return own.size !== 1;
}

/** Whether every group of a bucket falls under a day heading of its own (asked in order, stopping at the first that does not). */
function eachOwnDay(bucket: Group[]): boolean {
  const days = new Set<string>();
  for (const g of bucket) {
    const day = dayOfGroup(g.members[0]);
    if (!day || days.has(day)) return false;
    days.add(day);
  }
  return true;
}

/**
 * Members linking to several articles whose kind, tag and classes, no narrow member shares:
 * a box beside the items in the same column (a menu of categories), not one of them.
 */
export function withoutOddBoxes(g: Group, sig: (el: HtmlElement) => string): HtmlElement[] {
  const wide = new Set(g.members.filter((m) => isWide(g, m)));
  if (wide.size === 0) return g.members;
  const kinds = new Set(g.members.filter((m) => !wide.has(m)).map(sig));
  return g.members.filter((m) => !wide.has(m) || kinds.has(sig(m)));
}
