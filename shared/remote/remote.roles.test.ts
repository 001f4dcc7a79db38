import { describe, expect, it } from 'vitest';
import { allowedCommands, isRemoteRole, remoteCommandRoles, roleAllows } from './remote.roles';

describe('remote roles', () => {
  it('lets a host send every runner command', () => {
    expect(allowedCommands('host').sort()).toEqual(Object.keys(remoteCommandRoles).sort());
  });

  it('lets a co-host move between segments and run the deal and its beats, nothing else', () => {
    expect(allowedCommands('cohost').sort()).toEqual(['fireBeat', 'markSoldOut', 'next', 'previous', 'setStockLeft', 'startCountdown', 'stopCountdown']);
    for (const type of ['start', 'pause', 'resume', 'jumpTo', 'adjustTime', 'end'] as const) expect(roleAllows('cohost', type)).toBe(false);
  });

  it('lets a viewer send nothing', () => {
    expect(allowedCommands('viewer')).toEqual([]);
  });

  it('knows only its three roles', () => {
    expect(['host', 'cohost', 'viewer'].every(isRemoteRole)).toBe(true);
    expect(isRemoteRole('admin')).toBe(false);
    expect(isRemoteRole(undefined)).toBe(false);
  });
});
