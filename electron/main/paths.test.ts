import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { userDataPath } from './paths';

describe('userData path', () => {
  it('is pinned to "<appData>/KOL Studio"', () => {
    expect(userDataPath('/home/ana/.config', {})).toBe(path.join('/home/ana/.config', 'KOL Studio'));
  });
  it('can be overridden for tests and portable installs', () => {
    expect(userDataPath('/home/ana/.config', { KOL_STUDIO_USER_DATA_DIR: '/tmp/kol-test' })).toBe('/tmp/kol-test');
    expect(userDataPath('/home/ana/.config', { KOL_STUDIO_USER_DATA_DIR: '  ' })).toBe(path.join('/home/ana/.config', 'KOL Studio'));
  });
});
