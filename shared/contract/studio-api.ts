/**
 * StudioApi: the one door out of the renderer, as types. Methods, their argument schemas and results are
 * declared per domain (domains/*.contract.ts) and composed in registry.ts; main (IPC) and the host (WebSocket)
 * apply each method's schema before any handler runs (electron/services/api/dispatch.ts). Events are typed here.
 * Adding a method: add an entry to its domain's contract; the compiler then demands its handler in that
 * domain's handlers module (StudioHandlers) and nothing else changes.
 */
import type { RunnerPatchMessage } from '../runner/runner.types';
import type { StudioEvent } from './methods';
import type { RemoteStatus } from './remote.schema';
import type { ObsStatus } from './domains/obs.contract';
import type { DomainMethod, StudioArgs, StudioDomain, StudioMethod, StudioParsedArgs, StudioResults } from './registry';

export type { AppInfo } from './domains/app.contract';
export type { ObsConnectArgs, ObsConnectionSettings, ObsConnectionState, ObsOutputArgs, ObsPasswordStorage, ObsSetupResult, ObsStatus } from './domains/obs.contract';
export { obsUrlSchema } from './domains/obs.contract';
export { requestArgs } from './registry';
export type { StudioArgs, StudioDomain, StudioMethod, StudioParsedArgs, StudioResults } from './registry';

export interface StudioEvents {
  obsStatus: ObsStatus;
  /** Batched changes of the live show; a client holding an older revision asks getRunnerSnapshot again. */
  runner: RunnerPatchMessage;
  /** Remote control turned on/off, a phone paired, connected, disconnected or was revoked. */
  remote: RemoteStatus;
}

export type StudioRequests = {
  [M in StudioMethod]: (...args: StudioArgs<M>) => Promise<StudioResults[M]>;
};

export type Unsubscribe = () => void;

export interface StudioApi extends StudioRequests {
  on<E extends StudioEvent>(event: E, listener: (payload: StudioEvents[E]) => void): Unsubscribe;
}

/** What a service layer implements: one handler per method, arguments already validated. */
export type StudioHandlers = {
  [M in StudioMethod]: (...args: StudioParsedArgs<M>) => Promise<StudioResults[M]>;
};

/** What one domain's handlers module implements (electron/services/<domain>/<domain>.handlers.ts). */
export type HandlersOf<D extends StudioDomain> = Pick<StudioHandlers, DomainMethod<D> & StudioMethod>;

/** Compile-time proof that the event list in methods.ts matches StudioEvents exactly. */
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const eventsMatch: Exactly<StudioEvent, keyof StudioEvents> = true;
void eventsMatch;
