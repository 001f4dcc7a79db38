/** Zone search: cities in English and Chinese find their IANA zone; ids still work; every key is a real zone. */
import { describe, expect, it } from 'vitest';
import { searchZones, zoneCity, zoneMatches, zoneNames } from './zone-names';

const zones = Intl.supportedValuesOf('timeZone').includes('UTC') ? Intl.supportedValuesOf('timeZone') : ['UTC', ...Intl.supportedValuesOf('timeZone')];

describe('zone names', () => {
  it.each([
    ['Beijing', 'Asia/Shanghai'],
    ['北京', 'Asia/Shanghai'],
    ['beijing', 'Asia/Shanghai'],
    ['上海', 'Asia/Shanghai'],
    ['Shanghai', 'Asia/Shanghai'],
    ['Tokyo', 'Asia/Tokyo'],
    ['东京', 'Asia/Tokyo'],
    ['New York', 'America/New_York'],
    ['new_york', 'America/New_York'],
    ['纽约', 'America/New_York'],
    ['洛杉矶', 'America/Los_Angeles'],
    ['sao paulo', 'America/Sao_Paulo'],
    ['新加坡', 'Asia/Singapore'],
    ['Asia/Shang', 'Asia/Shanghai'],
  ])('"%s" finds %s first', (query, zone) => {
    expect(searchZones(zones, query)[0]).toBe(zone);
  });

  it('finds a zone with no names by its id, and returns every zone for an empty query', () => {
    expect(searchZones(zones, 'Lagos')).toContain('Africa/Lagos');
    expect(searchZones(zones, '  ')).toHaveLength(zones.length);
    expect(zoneMatches('Europe/Paris', '巴黎')).toBe(true);
    expect(zoneMatches('Europe/Paris', '北京')).toBe(false);
  });

  it('names the display city in the UI language', () => {
    expect(zoneCity('Asia/Shanghai', 'zh-CN')).toBe('北京');
    expect(zoneCity('Asia/Shanghai', 'en')).toBe('Beijing');
    expect(zoneCity('Africa/Lagos', 'en')).toBeUndefined();
  });

  it('every key is a zone this runtime knows', () => {
    for (const zone of Object.keys(zoneNames)) expect(() => new Intl.DateTimeFormat('en', { timeZone: zone }), zone).not.toThrow();
  });
});
