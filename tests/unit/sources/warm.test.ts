import { describe, expect, it } from 'vitest';
import { warmCatalog } from '../../../src/sources/warm';

describe('warmCatalog', () => {
  it('validates every sample, so the warm-up compiles the path a stored catalog takes', () => {
    // A sample the schema turned away (a renamed field, a new rule) would warm only the error
    // path, and leave a cold isolate's first refresh to compile the rest inside its CPU limit.
    expect(warmCatalog()).toBe(true);
  });
});
