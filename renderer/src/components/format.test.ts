import { describe, expect, it } from 'vitest';
import { formatDuration, formatInZone, formatTimeInZone } from './format';

describe('formatDuration', () => {
  it('shows lengths as a clock, with hours only when needed', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(240)).toBe('4:00');
    expect(formatDuration(3480)).toBe('58:00');
    expect(formatDuration(3600)).toBe('1:00:00');
    expect(formatDuration(3725)).toBe('1:02:05');
  });

  it('formats instants in the given locale and zone', () => {
    const at = '2026-11-26T12:01:00Z';
    expect(formatInZone(at, 'Asia/Shanghai', 'en')).toBe('Nov 26, 2026, 8:01 PM');
    expect(formatInZone(at, 'Asia/Shanghai', 'zh-CN')).toBe('2026年11月26日 20:01');
    expect(formatTimeInZone(at, 'Asia/Shanghai', 'en')).toBe('8:01 PM');
    expect(formatTimeInZone(at, 'Asia/Shanghai', 'zh-CN')).toBe('20:01');
  });
});
