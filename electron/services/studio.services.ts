/**
 * Composition root of the Node services. Electron's main and the browser host both build the studio from
 * here, so the two run the same code. Never imports `electron`.
 */
import type { StudioEvent } from '../../shared/contract/methods';
import type { StudioEvents, StudioHandlers } from '../../shared/contract/studio-api';
import { ObsConnection } from './obs/obs.connection';
import { RunnerHost } from './runner/runner.host';

export interface StudioServicesOptions {
  name: string;
  version: string;
  platform: string;
  dataDir: string;
}

export type StudioEventListener = <E extends StudioEvent>(event: E, payload: StudioEvents[E]) => void;

export interface StudioServices {
  handlers: StudioHandlers;
  obs: ObsConnection;
  options: StudioServicesOptions;
  /** Every event for every client; returns an unsubscribe function. */
  onEvent(listener: StudioEventListener): () => void;
  dispose(): Promise<void>;
}

export function createStudioServices(options: StudioServicesOptions): StudioServices {
  const obs = new ObsConnection();
  const listeners = new Set<StudioEventListener>();
  const emit: StudioEventListener = (event, payload) => {
    for (const listener of listeners) listener(event, payload);
  };
  obs.onStatus((status) => emit('obsStatus', status));
  const runner = new RunnerHost(options.dataDir, (patch) => emit('runner', patch));

  const handlers = {
    getAppInfo: async () => ({ name: options.name, version: options.version, platform: options.platform }),
    getObsStatus: async () => obs.getStatus(),
    connectObs: async (args) => obs.connect(args),
    disconnectObs: async () => obs.disconnect(),
    // The writers (pdfkit, fonts) load on first export, not at start-up.
    exportRunSheet: async (sheet, format) => (await import('./export/runsheet.export')).exportRunSheet(sheet, format),
    runnerLoad: async (snapshot, loadOptions) => runner.load(snapshot, loadOptions),
    runnerCommand: async (command) => runner.command(command),
    getRunnerSnapshot: async () => runner.snapshot(),
    findResumableShow: async () => runner.findResumable(),
    resumeShow: async () => runner.resume(),
  } satisfies StudioHandlers;

  return {
    handlers,
    obs,
    options,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async dispose() {
      listeners.clear();
      await Promise.all([obs.disconnect(), runner.dispose()]);
    },
  };
}
