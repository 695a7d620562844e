import { describe, expect, it } from 'vitest';
import { warmIngest } from '../../../src/ingest/warm';

describe('warmIngest', () => {
  it('reads every sample through to articles, so the warm-up compiles each path a refresh takes', async () => {
    // A sample that stopped parsing (a changed preset, parser or normalize rule) would leave its
    // path to a cold isolate's first run again, silently: each must still give its articles.
    expect(await warmIngest()).toEqual({ rss: 3, 'rss-cut': 1, atom: 2, rdf: 1, jsonfeed: 2, platform: 3, inferred: 4 });
  });
});
