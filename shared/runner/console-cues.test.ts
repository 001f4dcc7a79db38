import { describe, expect, it } from 'vitest';
import { cleanRoleCues, cuesFromLines, roleCuesOf } from '../domain/role-cues';
import { cueColumns, phoneCueColumns, phoneCueRoles, rolesForFilter } from './console-cues';

const segment = { cues: { host: ['Show the texture to camera'], assistant: ['Tap cart link 1', 'Hold up the box'], controller: ['Release 50 units at 20:14'] } };

describe('role cues', () => {
  it('reads one cue per line, trimmed, blank lines dropped', () => {
    expect(cuesFromLines('  3, 2, 1 上链接 \r\n\n  Hold the price  \n')).toEqual(['3, 2, 1 上链接', 'Hold the price']);
  });

  it('stores no cues when every role is empty, and bounds what it keeps', () => {
    expect(cleanRoleCues({ host: [' '], assistant: [], controller: [''] })).toBeUndefined();
    expect(cleanRoleCues(undefined)).toBeUndefined();
    const many = cleanRoleCues({ host: Array.from({ length: 60 }, (_, i) => `cue ${i}`), assistant: ['x'.repeat(1200)], controller: [] });
    expect(many?.host).toHaveLength(50);
    expect(many?.assistant[0]).toHaveLength(1000);
  });

  it('reads a segment saved before cues existed as three empty lists', () => {
    expect(roleCuesOf({})).toEqual({ host: [], assistant: [], controller: [] });
  });
});

describe('console cues', () => {
  it('shows all three roles in order host, assistant, controller on the desktop, or one by the filter', () => {
    expect(cueColumns(segment, rolesForFilter('all')).map((c) => c.role)).toEqual(['host', 'assistant', 'controller']);
    expect(cueColumns(segment, ['controller', 'host']).map((c) => c.role)).toEqual(['host', 'controller']);
    expect(cueColumns(segment, rolesForFilter('assistant'))).toEqual([{ role: 'assistant', cues: ['Tap cart link 1', 'Hold up the box'] }]);
  });

  it('gives each phone its own role’s cues (a co-host works as the assistant; a viewer reads all)', () => {
    expect(phoneCueColumns(segment, 'host')).toEqual([{ role: 'host', cues: ['Show the texture to camera'] }]);
    expect(phoneCueColumns(segment, 'cohost')).toEqual([{ role: 'assistant', cues: ['Tap cart link 1', 'Hold up the box'] }]);
    expect(phoneCueColumns(segment, 'controller')).toEqual([{ role: 'controller', cues: ['Release 50 units at 20:14'] }]);
    expect(phoneCueRoles('viewer')).toEqual(['host', 'assistant', 'controller']);
  });

  it('shows empty columns for a segment without cues, or no segment at all', () => {
    expect(phoneCueColumns({}, 'controller')).toEqual([{ role: 'controller', cues: [] }]);
    expect(cueColumns(null, ['host'])).toEqual([{ role: 'host', cues: [] }]);
  });
});
