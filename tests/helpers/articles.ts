import type { Article } from '../../src/model';

/** A plausible stored article; override what a test is about. */
export function article(over: Partial<Article> & { id: string }): Article {
  return {
    url: `https://backan.gov.vn/tin/${over.id}.html`,
    title: `Tin ${over.id}`,
    summary: `Tóm tắt ${over.id}`,
    published: '2026-11-20T01:00:00.000Z',
    firstSeen: '2026-11-20T02:00:00.000Z',
    sourceId: 'backan',
    ...over,
  };
}
