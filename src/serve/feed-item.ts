import type { StoryWhy } from '../stories';
import type { SnapshotArticle, SourceInfo } from '../store/types';

/** Another portal's copy of the same story. */
export interface Alternate {
  id: string;
  url: string;
  title: string;
  sourceId: string;
  sourceName: string;
  /** Why it was taken for a copy of the item that stands for the story; worked out only by the formats that show it. */
  why: () => StoryWhy;
}

/** An article as a feed shows it: with the portal it came from. */
export interface FeedItem extends SnapshotArticle {
  contentHtml?: string;
  source: SourceInfo;
  /** Other portals' copies of this story, when feeds collapse them (see collapse.ts). */
  alternates?: Alternate[];
}
