import { describe, expect, it } from 'vitest';
import { warmFeeds } from '../../../src/serve/warm';

describe('warmFeeds', () => {
  it('renders every format through to a full feed, so the warm-up compiles each path a first request takes', async () => {
    // A sample that stopped rendering (a changed query, selection or renderer) would leave its
    // path to an isolate's first feed request again, silently: each must still give its items.
    const feeds = await warmFeeds();
    for (const [format, res] of Object.entries(feeds)) {
      expect(res?.status, format).toBe(200);
      const body = await res!.text();
      expect(body, format).toContain('Xã Mẫu ra quân làm đường giao thông nông thôn đợt 3');
      expect(body, format).toContain('Xã Mẫu ra quân làm đường giao thông nông thôn đợt 1');
    }
    expect(feeds.rss!.headers.get('Content-Type')).toMatch(/^application\/rss\+xml/);
    expect(feeds.atom!.headers.get('Content-Type')).toMatch(/^application\/atom\+xml/);
    expect(JSON.parse(await (await warmFeeds()).json!.text()).version).toBe('https://jsonfeed.org/version/1.1');
  });
});
