import { describe, expect, it } from 'vitest';
import { StudioError, type StudioReply } from '../../../shared/contract/errors';
import { studioMethods } from '../../../shared/contract/registry';
import type { StudioHandlers } from '../../../shared/contract/studio-api';
import { dispatch } from './dispatch';

const status = { state: 'disconnected' as const, connected: false };

/** Handlers for every method of the contract (derived, never listed): the ones a test names record their calls. */
function recordingHandlers(calls: unknown[][], overrides: Partial<StudioHandlers> = {}): StudioHandlers {
  const unused = Object.fromEntries(
    studioMethods.map((method) => [
      method,
      async () => {
        throw new Error('not used');
      },
    ]),
  );
  const recording: Partial<StudioHandlers> = {
    getAppInfo: async () => ({ name: 'KOL Studio', version: '1.2.3', platform: 'linux' }),
    connectObs: async (args) => {
      calls.push([args]);
      return status;
    },
    runnerCommand: async (command) => {
      calls.push([command]);
      return { revision: 1 };
    },
    enableRemote: async (args) => {
      calls.push([args]);
      return { enabled: true, sessions: [] };
    },
    setObsOutput: async (args) => {
      calls.push([args]);
      return status;
    },
  };
  return { ...unused, ...recording, ...overrides } as StudioHandlers;
}

function errorOf(reply: StudioReply): { code: string; message: string; data?: Record<string, string | number> } {
  if (reply.ok) throw new Error(`expected an error, got ${JSON.stringify(reply.result)}`);
  return reply.error;
}

describe('dispatch', () => {
  it('refuses a remote address that is not an IP address, and a role that does not exist', async () => {
    const calls: unknown[][] = [];
    expect(errorOf(await dispatch(recordingHandlers(calls), 'enableRemote', [{ address: 'evil.example' }])).code).toBe('invalid-arguments');
    expect(errorOf(await dispatch(recordingHandlers(calls), 'createPairingCode', [{ role: 'admin' }])).code).toBe('invalid-arguments');
    await dispatch(recordingHandlers(calls), 'enableRemote', [{ address: '192.168.1.20' }]);
    expect(calls).toEqual([[{ address: '192.168.1.20' }]]);
  });

  it('refuses an OBS output that does not exist and unknown fields', async () => {
    const calls: unknown[][] = [];
    expect(errorOf(await dispatch(recordingHandlers(calls), 'setObsOutput', [{ output: 'replay', active: true }])).code).toBe('invalid-arguments');
    expect(errorOf(await dispatch(recordingHandlers(calls), 'setObsOutput', [{ output: 'stream', active: true, key: 'x' }])).code).toBe('invalid-arguments');
    await dispatch(recordingHandlers(calls), 'setObsOutput', [{ output: 'record', active: false }]);
    expect(calls).toEqual([[{ output: 'record', active: false }]]);
  });

  it('runs the handler with parsed arguments', async () => {
    const calls: unknown[][] = [];
    await dispatch(recordingHandlers(calls), 'connectObs', [{ url: '  ws://10.0.0.2:4455 ', password: 'pw' }]);
    expect(calls).toEqual([[{ url: 'ws://10.0.0.2:4455', password: 'pw' }]]);
  });

  it('answers invalid arguments with an envelope naming the argument, not the method, before the handler runs', async () => {
    const calls: unknown[][] = [];
    const reply = await dispatch(recordingHandlers(calls), 'connectObs', [{ url: 'not a url', password: 1 }]);
    const error = errorOf(reply);
    expect(error.code).toBe('invalid-arguments');
    expect(error.message).toContain('argument 0.url');
    expect(error.message).toContain('argument 0.password');
    expect(error.message).not.toContain('connectObs');
    expect(calls).toEqual([]);
  });

  it('accepts only known runner commands with bounded arguments', async () => {
    const calls: unknown[][] = [];
    await dispatch(recordingHandlers(calls), 'runnerCommand', [{ type: 'jumpTo', index: 3 }]);
    expect(calls).toEqual([[{ type: 'jumpTo', index: 3 }]]);
    for (const bad of [{ type: 'selfDestruct' }, { type: 'jumpTo', index: -1 }, { type: 'setStockLeft', units: 1.5 }, { type: 'adjustTime', deltaSec: 99999 }]) {
      expect(errorOf(await dispatch(recordingHandlers(calls), 'runnerCommand', [bad])).code, JSON.stringify(bad)).toBe('invalid-arguments');
    }
    expect(calls).toHaveLength(1);
  });

  it('answers an unknown method with its code, never echoing the name', async () => {
    const error = errorOf(await dispatch(recordingHandlers([]), 'deleteEverything', []));
    expect(error.code).toBe('unknown-method');
    expect(error.message).not.toContain('deleteEverything');
    // Names inherited from Object.prototype are not methods either.
    expect(errorOf(await dispatch(recordingHandlers([]), 'toString', [])).code).toBe('unknown-method');
  });

  it("carries a handler's coded error with its data, and anything else it throws as 'failed'", async () => {
    const handlers = recordingHandlers([], {
      runnerCommand: async () => {
        throw new StudioError('refused', 'pause: can only pause a live show (it is paused)', { reason: 'wrong_status', command: 'pause' });
      },
      disableRemote: async () => {
        throw new Error('Turn on "Remote control on this network" first.');
      },
    });
    expect(await dispatch(handlers, 'runnerCommand', [{ type: 'pause' }])).toEqual({
      ok: false,
      error: { code: 'refused', message: 'pause: can only pause a live show (it is paused)', data: { reason: 'wrong_status', command: 'pause' } },
    });
    expect(await dispatch(handlers, 'disableRemote', [])).toEqual({ ok: false, error: { code: 'failed', message: 'Turn on "Remote control on this network" first.' } });
  });

  it('returns the handler result in the envelope', async () => {
    expect(await dispatch(recordingHandlers([]), 'getAppInfo', [])).toEqual({ ok: true, result: { name: 'KOL Studio', version: '1.2.3', platform: 'linux' } });
  });
});
