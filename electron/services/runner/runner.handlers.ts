/**
 * Handlers of the runner domain (shared/contract/domains/runner.contract.ts): load, command, resume the live
 * show. Invariants: OBS follows every load and resume at once; a runner refusal (RunnerCommandError) crosses
 * the contract as a StudioError 'refused' with { reason, command } as data, so clients word it themselves.
 */
import { StudioError } from '../../../shared/contract/errors';
import type { HandlersOf } from '../../../shared/contract/studio-api';
import type { RunnerHost } from './runner.host';
import { RunnerCommandError } from './runner.service';

/** A runner refusal as contract data; anything else as it was thrown. */
export function asRefusal(error: unknown): unknown {
  return error instanceof RunnerCommandError ? new StudioError('refused', error.message, { reason: error.code, command: error.command }) : error;
}

async function refusalsAsData<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw asRefusal(error);
  }
}

export function runnerHandlers(runner: RunnerHost, syncObs: () => void): HandlersOf<'runner'> {
  return {
    runnerLoad: (snapshot, loadOptions) =>
      refusalsAsData(() => {
        const loaded = runner.load(snapshot, loadOptions);
        syncObs();
        return loaded;
      }),
    runnerCommand: (command) => refusalsAsData(() => runner.command(command)),
    getRunnerSnapshot: async () => runner.snapshot(),
    getRunSales: async () => runner.sales(),
    findResumableShow: async () => runner.findResumable(),
    resumeShow: () =>
      refusalsAsData(async () => {
        const resumed = await runner.resume();
        syncObs();
        return resumed;
      }),
  };
}
