import { describe, expect, it } from 'vitest';
import { StudioError } from '../../../shared/contract/errors';
import { defaultOverlayTheme } from '../../../shared/contract/overlay-theme.schema';
import type { StudioHandlers } from '../../../shared/contract/studio-api';
import { dispatch } from './dispatch';

function recordingHandlers(calls: unknown[][]): StudioHandlers {
  const status = { state: 'disconnected' as const, connected: false };
  return {
    getAppInfo: async () => ({ name: 'KOL Studio', version: '1.2.3', platform: 'linux' }),
    getObsStatus: async () => status,
    connectObs: async (args) => {
      calls.push([args]);
      return status;
    },
    disconnectObs: async () => status,
    setupObs: async () => ({ scenesCreated: [], sourcesCreated: [], alreadyThere: 0 }),
    getOverlayUrls: async () => ({ pages: [] }),
    exportRunSheet: async () => ({ fileName: 'x.csv', mime: 'text/csv', base64: '' }),
    runnerLoad: async () => {
      throw new Error('not used');
    },
    runnerCommand: async (command) => {
      calls.push([command]);
      return { revision: 1 };
    },
    getRunnerSnapshot: async () => null,
    getRunSales: async () => [],
    findResumableShow: async () => ({ resumable: null }),
    resumeShow: async () => {
      throw new Error('not used');
    },
    getObsConnection: async () => ({ url: null, passwordStorage: 'session', passwordSaved: false }),
    forgetObsPassword: async () => ({ url: null, passwordStorage: 'session', passwordSaved: false }),
    getOverlayTheme: async () => ({ ...defaultOverlayTheme }),
    setOverlayTheme: async (theme) => theme,
    exportShowReport: async () => ({ fileName: 'x-report.csv', mime: 'text/csv', base64: '' }),
    exportPayoutStatement: async () => ({ fileName: 'x-payout.csv', mime: 'text/csv', base64: '' }),
    getRemoteStatus: async () => ({ enabled: false, sessions: [] }),
    putAsset: async () => ({ hash: '0'.repeat(64), mime: 'image/png', size: 1 }),
    findMissingAssets: async (hashes) => ({ missing: hashes }),
    listNetworkAddresses: async () => ({ addresses: [] }),
    enableRemote: async (args) => {
      calls.push([args]);
      return { enabled: true, sessions: [] };
    },
    disableRemote: async () => ({ enabled: false, sessions: [] }),
    createPairingCode: async () => {
      throw new Error('not used');
    },
    revokeRemoteSession: async () => ({ enabled: true, sessions: [] }),
    getPreflight: async () => {
      throw new Error('not used');
    },
    setObsOutput: async (args) => {
      calls.push([args]);
      return status;
    },
    nestBaseScene: async () => ({ nestedInto: [], alreadyThere: [], skipped: [] }),
    getObsCanvas: async () => ({ canvases: [], selected: 0, orientation: 'landscape', canvasOrientation: 'landscape', matches: true, recommended: { width: 1920, height: 1080 } }),
    setObsCanvas: async () => ({ ok: false, reason: 'outputs-active', outputs: ['stream'] }),
    exportCampaignReport: async () => ({ fileName: 'x-campaign-report.csv', mime: 'text/csv', base64: '' }),
  };
}

describe('dispatch', () => {
  it('refuses a remote address that is not an IP address, and a role that does not exist', async () => {
    const calls: unknown[][] = [];
    await expect(dispatch(recordingHandlers(calls), 'enableRemote', [{ address: 'evil.example' }])).rejects.toMatchObject({ code: 'invalid-arguments' });
    await expect(dispatch(recordingHandlers(calls), 'createPairingCode', [{ role: 'admin' }])).rejects.toMatchObject({ code: 'invalid-arguments' });
    await dispatch(recordingHandlers(calls), 'enableRemote', [{ address: '192.168.1.20' }]);
    expect(calls).toEqual([[{ address: '192.168.1.20' }]]);
  });

  it('refuses an OBS output that does not exist and unknown fields', async () => {
    const calls: unknown[][] = [];
    await expect(dispatch(recordingHandlers(calls), 'setObsOutput', [{ output: 'replay', active: true }])).rejects.toMatchObject({ code: 'invalid-arguments' });
    await expect(dispatch(recordingHandlers(calls), 'setObsOutput', [{ output: 'stream', active: true, key: 'x' }])).rejects.toMatchObject({ code: 'invalid-arguments' });
    await dispatch(recordingHandlers(calls), 'setObsOutput', [{ output: 'record', active: false }]);
    expect(calls).toEqual([[{ output: 'record', active: false }]]);
  });

  it('runs the handler with parsed arguments', async () => {
    const calls: unknown[][] = [];
    await dispatch(recordingHandlers(calls), 'connectObs', [{ url: '  ws://10.0.0.2:4455 ', password: 'pw' }]);
    expect(calls).toEqual([[{ url: 'ws://10.0.0.2:4455', password: 'pw' }]]);
  });

  it('refuses invalid arguments before the handler runs, naming the argument', async () => {
    const calls: unknown[][] = [];
    const error = await dispatch(recordingHandlers(calls), 'connectObs', [{ url: 'not a url', password: 1 }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StudioError);
    expect((error as StudioError).code).toBe('invalid-arguments');
    expect((error as StudioError).message).toContain('argument 0.url');
    expect((error as StudioError).message).toContain('argument 0.password');
    expect(calls).toEqual([]);
  });

  it('accepts only known runner commands with bounded arguments', async () => {
    const calls: unknown[][] = [];
    await dispatch(recordingHandlers(calls), 'runnerCommand', [{ type: 'jumpTo', index: 3 }]);
    expect(calls).toEqual([[{ type: 'jumpTo', index: 3 }]]);
    for (const bad of [{ type: 'selfDestruct' }, { type: 'jumpTo', index: -1 }, { type: 'setStockLeft', units: 1.5 }, { type: 'adjustTime', deltaSec: 99999 }]) {
      const error = await dispatch(recordingHandlers(calls), 'runnerCommand', [bad]).catch((e: unknown) => e);
      expect((error as StudioError).code, JSON.stringify(bad)).toBe('invalid-arguments');
    }
    expect(calls).toHaveLength(1);
  });

  it('refuses unknown methods', async () => {
    const error = await dispatch(recordingHandlers([]), 'deleteEverything', []).catch((e: unknown) => e);
    expect((error as StudioError).code).toBe('unknown-method');
  });

  it('returns the handler result', async () => {
    await expect(dispatch(recordingHandlers([]), 'getAppInfo', [])).resolves.toEqual({ name: 'KOL Studio', version: '1.2.3', platform: 'linux' });
  });
});
