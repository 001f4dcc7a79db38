import { describe, expect, it } from 'vitest';
import { runnerCommandSchema } from '../contract/runner.schema';
import { allowedCommands, forbiddenMessage, isRemoteRole, remoteRoles, roleAllows, runnerCommandTypes, salesSourceOf, type RemoteRole } from './remote.roles';

/**
 * The whole permission matrix, written out: every command type × every role (recordSale included: the runner
 * accepts it now); the test below demands a line for every command the runner accepts, so
 * a new command fails here until someone decides who may send it.
 */
const expected: Record<string, Record<RemoteRole, boolean>> = {
  start: { host: true, cohost: false, controller: false, viewer: false },
  next: { host: true, cohost: true, controller: false, viewer: false },
  previous: { host: true, cohost: true, controller: false, viewer: false },
  jumpTo: { host: true, cohost: false, controller: false, viewer: false },
  pause: { host: true, cohost: false, controller: false, viewer: false },
  resume: { host: true, cohost: false, controller: false, viewer: false },
  adjustTime: { host: true, cohost: false, controller: false, viewer: false },
  startCountdown: { host: true, cohost: true, controller: true, viewer: false },
  stopCountdown: { host: true, cohost: true, controller: true, viewer: false },
  setStockLeft: { host: true, cohost: true, controller: true, viewer: false },
  markSoldOut: { host: true, cohost: true, controller: true, viewer: false },
  end: { host: true, cohost: false, controller: false, viewer: false },
  fireBeat: { host: true, cohost: true, controller: true, viewer: false },
  recordSale: { host: true, cohost: false, controller: true, viewer: false },
  giveawayDrawn: { host: false, cohost: false, controller: false, viewer: false },
};

describe('remote roles', () => {
  it('knows the commands of the runner contract', () => {
    expect(runnerCommandTypes).toEqual(runnerCommandSchema.options.map((o) => o.shape.type.value));
    expect(runnerCommandTypes).toContain('startCountdown');
    expect(runnerCommandTypes).toContain('recordSale');
  });

  it('lets the Host and Controller phones record sales, in their own name, and refuses the others with a sentence', () => {
    expect(allowedCommands('controller')).toContain('recordSale');
    expect(allowedCommands('host')).toContain('recordSale');
    expect(allowedCommands('cohost')).not.toContain('recordSale');
    expect(salesSourceOf('host')).toBe('host');
    expect(salesSourceOf('controller')).toBe('controller');
    expect(salesSourceOf('cohost')).toBeUndefined();
    expect(salesSourceOf('viewer')).toBeUndefined();
    expect(forbiddenMessage('cohost', 'recordSale')).toBe('A Co-host phone cannot record sales.');
  });

  it('has a decided permission for every runner command and every role', () => {
    for (const type of runnerCommandTypes) expect(expected[type], `no decision for "${type}"`).toBeDefined();
    for (const [type, byRole] of Object.entries(expected)) {
      for (const role of remoteRoles) expect(roleAllows(role, type), `${role} × ${type}`).toBe(byRole[role]);
    }
  });

  it('lets a host send every runner command but the desktop-only giveaway record', () => {
    expect(allowedCommands('host')).toEqual(runnerCommandTypes.filter((type) => type !== 'giveawayDrawn'));
  });

  it('lets no phone record a giveaway draw (the entrants and the seed stay on the desktop that draws)', () => {
    for (const role of remoteRoles) expect(roleAllows(role, 'giveawayDrawn')).toBe(false);
  });

  it('lets a co-host move between segments and run the deal, nothing else', () => {
    expect(allowedCommands('cohost').sort()).toEqual(
      ['markSoldOut', 'next', 'previous', 'setStockLeft', 'startCountdown', 'stopCountdown', ...(runnerCommandTypes.includes('fireBeat' as never) ? ['fireBeat'] : [])].sort(),
    );
  });

  it('lets a controller run the deal (countdown, stock, sold out) and beats, but never end, jump, move, pause or start', () => {
    const allowed = allowedCommands('controller');
    for (const type of ['startCountdown', 'stopCountdown', 'setStockLeft', 'markSoldOut'] as const) expect(allowed).toContain(type);
    for (const type of ['start', 'next', 'previous', 'jumpTo', 'pause', 'resume', 'adjustTime', 'end'] as const) expect(roleAllows('controller', type), type).toBe(false);
    expect(roleAllows('controller', 'fireBeat')).toBe(true);
    expect(roleAllows('controller', 'recordSale')).toBe(true);
  });

  it('offers a phone only commands the runner accepts today', () => {
    for (const role of remoteRoles) for (const type of allowedCommands(role)) expect(runnerCommandTypes).toContain(type);
  });

  it('lets a viewer send nothing', () => {
    expect(allowedCommands('viewer')).toEqual([]);
  });

  it('refuses a command type it does not know, and inherited names', () => {
    for (const role of remoteRoles) {
      expect(roleAllows(role, 'launchMissiles')).toBe(false);
      expect(roleAllows(role, 'toString')).toBe(false);
      expect(roleAllows(role, '__proto__')).toBe(false);
    }
  });

  it('knows only its four roles', () => {
    expect(['host', 'cohost', 'controller', 'viewer'].every(isRemoteRole)).toBe(true);
    expect(isRemoteRole('admin')).toBe(false);
    expect(isRemoteRole(undefined)).toBe(false);
  });

  it('words a refusal as a sentence, naming neither a code nor a method', () => {
    expect(forbiddenMessage('controller', 'end')).toBe('A Controller phone cannot end the show.');
    expect(forbiddenMessage('viewer', 'next')).toBe('A Viewer phone cannot go to the next segment.');
    for (const type of runnerCommandTypes.filter((t) => /[A-Z]/.test(t))) expect(forbiddenMessage('viewer', type)).not.toContain(type);
    for (const type of runnerCommandTypes) expect(forbiddenMessage('viewer', type)).toMatch(/^A Viewer phone cannot [a-z].*\.$/);
  });
});
