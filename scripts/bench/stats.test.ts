import { describe, expect, it } from 'vitest';
import { median, percentile, round } from './stats';

describe('bench stats', () => {
  it('takes nearest-rank percentiles', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 95)).toBe(95);
    expect(percentile([5, 1, 3], 100)).toBe(5);
    expect(median([3, 1, 2])).toBe(2);
    expect(() => percentile([], 50)).toThrow();
    expect(round(1.26, 1)).toBe(1.3);
  });
});
