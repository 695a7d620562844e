import { defineConfig } from 'vitest/config';

// End-to-end suite: runs in Node, drives a real `wrangler dev` against the fixture
// portals on 127.0.0.1 (and, for pages, a real browser).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
