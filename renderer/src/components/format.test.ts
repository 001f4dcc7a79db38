import { describe, expect, it } from 'vitest';
import { formatDuration } from './format';

describe('formatDuration', () => {
  it('shows lengths as a clock, with hours only when needed', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(240)).toBe('4:00');
    expect(formatDuration(3480)).toBe('58:00');
    expect(formatDuration(3600)).toBe('1:00:00');
    expect(formatDuration(3725)).toBe('1:02:05');
  });
});
