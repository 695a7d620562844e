import { describe, expect, it } from 'vitest';
import { defaultBatchSize } from '../../../src/refresh/queue-from-env';

describe('queue settings from the env', () => {
  it('sizes a batch to fit the consumer subrequest budget', () => {
    expect(defaultBatchSize(45)).toBe(36);
    expect(defaultBatchSize(950)).toBe(100);
    expect(defaultBatchSize(1)).toBe(1);
  });
});
