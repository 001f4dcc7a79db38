/**
 * The OBS driver: keeps one obs-websocket v5 session to OBS alive and makes OBS show the desired state.
 *
 * Invariants:
 * - Reconcile, don't replay: the driver holds only the LATEST desired state. After every setDesired() and after
 *   every (re)connect it plans the difference from what it last observed (obs.reconcile) and sends it as ONE
 *   request batch (SerialRealtime, haltOnFailure false), so scene and overlays change together. Cues given while
 *   disconnected are not queued: the latest desired state is applied on reconnect.
 * - On every (re)connect it first runs obs.setup (when a show setup was given: OBS may have lost the last scenes
 *   or sources in a crash; setup is idempotent and only recreates what is missing), then re-reads scenes, scene
 *   items and text inputs, then reconciles. Only then does it report `connected`.
 * - Reconnect policy: exponential backoff from 250 ms doubling, ±20 % jitter, capped at 1.5 s while OBS refuses
 *   the TCP connection or answers NotReady (207) — a cheap, local failure, and OBS is usually coming back — and
 *   at 10 s for anything else (timeouts, protocol errors). NO automatic retry after an authentication failure
 *   (close 4009), a kick (4011) or an unsupported RPC version (4010): the state is `failed` until start() again.
 * - A lost OBS is reported within 2 s: a closed socket at once (ConnectionClosed), a hung or half-open one through
 *   the liveness ping — a WebSocket ping every 500 ms; when nothing (no pong) has come back for 1.5 s the socket
 *   is terminated and the driver reconnects (a blocked event loop of this process is not counted against OBS).
 *   Status `reconnecting` maps to a contract status that is never
 *   `connected` (ObsStatus.reconnecting), so no screen says connected while OBS is gone.
 * - Keepalive: GetStats + GetStreamStatus + GetRecordStatus every 2 s (frame counters, and streaming/recording
 *   corrected should an event be missed) must answer within 3 s, otherwise the socket is terminated likewise.
 *   Streaming and recording otherwise follow StreamStateChanged/RecordStateChanged at once (outputActive).
 *   Every request has a timeout and fails as soon as its session closes (obs-websocket-js never settles them on
 *   close).
 * - setOutput() starts or stops the stream or the recording and resolves once OBS reports the output in that
 *   state (outputActive), or rejects with a sentence saying it did not.
 * - Canvases: with a show setup that names the show's orientation, the driver finds once per session (and again
 *   when the orientation or OBS's canvas changes: canvasChanged) the canvas that matches it (obs.canvas). When that
 *   is the Aitum Vertical plugin's canvas, each reconcile batch carries, AFTER the unchanged main-canvas plan, the
 *   plugin's `switch_scene` vendor request (obs.canvas-target), so both canvases show the cue's scene; its scenes
 *   and current scene are read with the driver's other observations and follow the plugin's `switch_scene` event.
 *   A failed canvas switch is a sentence in the outcome's failures; the main canvas is switched all the same. With
 *   one canvas nothing extra is sent.
 * - Each connection attempt uses a fresh client; nothing from an old session (events, late answers) can touch the
 *   state of a newer one. stop() cancels everything; a stopped driver publishes nothing more until start().
 * - The password is kept only to connect: it is never logged nor put into any status or error text.
 * - No Electron import: runs in Electron's main process and in the browser-mode host alike.
 */
import {
  OBSWebSocket,
  OBSWebSocketError,
  RequestBatchExecutionType,
  type RequestBatchRequest,
  type ResponseMessage,
} from 'obs-websocket-js';
import type { ObsStatus } from '../../../shared/contract/studio-api';
import {
  applyReconcileResults,
  emptyObservedState,
  planReconcile,
  reconcileGaps,
  type DesiredObsState,
  type ObservedObsState,
  type ObservedSceneItem,
} from './obs.reconcile';
import { readObsCanvases, selectCanvas } from './obs.canvas';
import {
  applyCanvasResults,
  canvasAfterVendorEvent,
  canvasFailures,
  canvasReadRequests,
  canvasTarget,
  observedCanvasFrom,
  planCanvasSwitch,
  type CanvasTarget,
  type ObservedCanvas,
} from './obs.canvas-target';
import { isTextInputKind, setupObsForShow, type ObsCaller, type ObsSetupReport, type ObsShowSetup } from './obs.setup';

export type ObsDriverState = 'stopped' | 'connecting' | 'connected' | 'reconnecting' | 'failed';

export interface ObsFrameStats {
  renderSkippedFrames: number;
  renderTotalFrames: number;
  outputSkippedFrames: number;
  outputTotalFrames: number;
  activeFps: number;
}

export interface ObsDriverStatus {
  state: ObsDriverState;
  url?: string;
  /** Connection attempts since the last successful connection (or since start()). */
  attempt: number;
  /** When reconnecting: the delay before the next attempt. */
  retryInMs?: number;
  /** A connected session was lost and none has been established since (cleared by a connection, start, stop). */
  lost?: boolean;
  /** Why the last attempt or session failed, for the user (never contains the password). */
  error?: string;
  obsVersion?: string;
  websocketVersion?: string;
  programScene?: string;
  streaming: boolean;
  recording: boolean;
  stats?: ObsFrameStats;
  /** What the last reconcile sent, and what it could not do. */
  lastReconcile?: { at: number; requests: number; failures: string[]; gaps: string[] };
  /** The report of the last setup run on (re)connect, when a show setup is set. */
  lastSetup?: ObsSetupReport;
  /** Why the last setup failed (a request OBS refused, e.g. a name taken by another kind of source). */
  setupError?: string;
}

export interface ObsDriverStartArgs {
  url: string;
  password: string;
}

export interface ObsDriverOptions {
  initialRetryMs?: number;
  /** Cap while OBS refuses connections or is not ready yet. */
  fastRetryCapMs?: number;
  /** Cap for every other failure. */
  retryCapMs?: number;
  /** ± this fraction of each delay is random. */
  jitter?: number;
  keepaliveIntervalMs?: number;
  keepaliveTimeoutMs?: number;
  /** WebSocket ping period (liveness). */
  livenessIntervalMs?: number;
  /** Nothing heard back for this long: OBS is lost. */
  livenessTimeoutMs?: number;
  /** How long setOutput() waits for OBS to report the output started or stopped. */
  outputTimeoutMs?: number;
  connectTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** For tests: replaces Math.random in the jitter. */
  random?: () => number;
}

export interface ReconcileOutcome {
  applied: boolean;
  requests: number;
  failures: string[];
  gaps: string[];
}

type Listener = (status: ObsDriverStatus) => void;
type FailureKind = 'fatal' | 'fast' | 'slow';

const CLOSE_AUTH_FAILED = 4009;
const CLOSE_UNSUPPORTED_RPC = 4010;
const CLOSE_SESSION_INVALIDATED = 4011;
const STATUS_NOT_READY = 207;

const DEFAULTS: Required<Omit<ObsDriverOptions, 'random'>> = {
  initialRetryMs: 250,
  fastRetryCapMs: 1_500,
  retryCapMs: 10_000,
  jitter: 0.2,
  keepaliveIntervalMs: 2_000,
  keepaliveTimeoutMs: 3_000,
  livenessIntervalMs: 500,
  livenessTimeoutMs: 1_500,
  outputTimeoutMs: 15_000,
  connectTimeoutMs: 5_000,
  requestTimeoutMs: 5_000,
};

/** The delay before retry number `attempt` (1-based): exponential, capped, with jitter (`random` in [0, 1)). */
export function retryDelayMs(attempt: number, kind: 'fast' | 'slow', options: ObsDriverOptions = {}, random = Math.random): number {
  const o = { ...DEFAULTS, ...options };
  const cap = kind === 'fast' ? o.fastRetryCapMs : o.retryCapMs;
  const base = Math.min(cap, o.initialRetryMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (1 - o.jitter + 2 * o.jitter * random()));
}

/** A message for the user and whether retrying can help. Never includes the password (it is never given one). */
export function classifyObsFailure(error: unknown, url: string): { kind: FailureKind; message: string } {
  if (error instanceof OBSWebSocketError) {
    switch (error.code) {
      case CLOSE_AUTH_FAILED:
        return { kind: 'fatal', message: 'OBS refused the password (authentication failed). Check it in OBS: Tools › WebSocket Server Settings.' };
      case CLOSE_SESSION_INVALIDATED:
        return { kind: 'fatal', message: 'OBS ended this session (kicked from WebSocket Server Settings). Connect again to resume.' };
      case CLOSE_UNSUPPORTED_RPC:
        return { kind: 'fatal', message: 'This OBS speaks an unsupported obs-websocket version. Update OBS to 28 or later.' };
      case STATUS_NOT_READY:
        return { kind: 'fast', message: 'OBS is starting up and not ready yet.' };
      default:
        if (/ECONNREFUSED/.test(error.message)) return { kind: 'fast', message: `OBS is not accepting connections at ${url}. Is OBS running with its WebSocket server enabled?` };
        if (error.code === 1006 || error.code === -1) return { kind: 'slow', message: `Lost the connection to OBS at ${url}.` };
        return { kind: 'slow', message: `OBS closed the connection (${error.code})${error.message ? `: ${error.message}` : ''}.` };
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  if (/ECONNREFUSED/.test(message)) return { kind: 'fast', message: `OBS is not accepting connections at ${url}. Is OBS running with its WebSocket server enabled?` };
  return { kind: 'slow', message: `Could not talk to OBS at ${url}: ${message}` };
}

/** The Settings screen's ObsStatus (shared contract) for a driver status. */
export function toObsStatus(status: ObsDriverStatus): ObsStatus {
  const state = status.state === 'stopped' ? 'disconnected' : status.state === 'reconnecting' ? 'connecting' : status.state;
  const error =
    status.state === 'reconnecting' && status.error !== undefined
      ? `${status.error} Retrying in ${((status.retryInMs ?? 0) / 1000).toFixed(1)} s.`
      : status.error;
  return {
    state,
    connected: status.state === 'connected',
    ...(status.state === 'reconnecting' && status.lost ? { reconnecting: true } : {}),
    ...(status.url !== undefined ? { url: status.url } : {}),
    ...(status.obsVersion !== undefined ? { obsVersion: status.obsVersion } : {}),
    ...(status.websocketVersion !== undefined ? { websocketVersion: status.websocketVersion } : {}),
    ...(status.programScene !== undefined ? { programScene: status.programScene } : {}),
    ...(status.state === 'connected' ? { streaming: status.streaming, recording: status.recording } : {}),
    ...(status.state === 'connected' && status.stats
      ? {
          renderSkippedFrames: status.stats.renderSkippedFrames,
          outputSkippedFrames: status.stats.outputSkippedFrames,
          activeFps: Math.round(status.stats.activeFps * 10) / 10,
        }
      : {}),
    ...(error !== undefined && status.state !== 'connected' ? { error } : {}),
  };
}

class SessionEnded extends Error {
  constructor(override readonly cause: unknown) {
    super('OBS session ended');
  }
}

class RequestTimeout extends Error {}

interface Session {
  readonly client: OBSWebSocket;
  readonly url: string;
  ended: boolean;
  /** Rejects (with SessionEnded) when the session ends. */
  readonly closed: Promise<never>;
  end(cause: unknown): void;
  /** Set by events that change what exists in OBS: re-read before the next plan. */
  stale: boolean;
  ready: boolean;
  keepalive?: NodeJS.Timeout;
  liveness?: NodeJS.Timeout;
  pinging: boolean;
  /** The canvas cues address besides the main one, detected once per session and show setup (obs.canvas-target). */
  canvasTarget?: CanvasTarget;
  /** Outputs starting, stopping or reconnecting (their last StateChanged event), by output. */
  outputStates: Partial<Record<ObsOutput, string>>;
  /** StateChanged events that ended in STARTED or STOPPED, by output: setOutput waits for its own. */
  outputSettled: Record<ObsOutput, number>;
}

/** What the liveness check needs of the client's socket (`ws` in Node); absent where the socket has no ping. */
interface PingableSocket {
  ping(): void;
  on(event: 'pong', listener: () => void): void;
}

function pingableSocket(client: OBSWebSocket): PingableSocket | undefined {
  const socket = (client as unknown as { socket?: Partial<PingableSocket> }).socket;
  return typeof socket?.ping === 'function' && typeof socket.on === 'function' ? (socket as PingableSocket) : undefined;
}

export type ObsOutput = 'stream' | 'record';

/** Ends a client's socket at once, even half-open (ws terminate(); close() would wait for a close handshake). */
function terminate(client: OBSWebSocket): void {
  const socket = (client as unknown as { socket?: { terminate?: () => void; close?: () => void } }).socket;
  try {
    if (socket?.terminate) socket.terminate();
    else void client.disconnect().catch(() => undefined);
  } catch {
    // already closed
  }
}

export class ObsDriver {
  private readonly options: Required<Omit<ObsDriverOptions, 'random'>>;
  private readonly random: () => number;
  private readonly listeners = new Set<Listener>();
  private status: ObsDriverStatus = { state: 'stopped', attempt: 0, streaming: false, recording: false };
  private target?: ObsDriverStartArgs;
  /** Bumped by start() and stop(): work of an older generation publishes nothing. */
  private generation = 0;
  private session?: Session;
  private retryTimer?: NodeJS.Timeout;
  private desired: DesiredObsState = { overlays: {} };
  private observed: ObservedObsState = emptyObservedState();
  /** The target canvas as last seen, when cues address one besides the main canvas (see detectCanvas). */
  private canvasObserved: ObservedCanvas | undefined;
  private showSetup?: ObsShowSetup;
  private reconciling?: Promise<ReconcileOutcome>;
  private reconcileAgain = false;

  constructor(options: ObsDriverOptions = {}) {
    const { random, ...rest } = options;
    this.options = { ...DEFAULTS, ...rest };
    this.random = random ?? Math.random;
  }

  getStatus(): ObsDriverStatus {
    return this.status;
  }

  onStatus(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  getDesired(): DesiredObsState {
    return structuredClone(this.desired);
  }

  /** What the driver last observed in OBS (a copy). */
  getObserved(): ObservedObsState {
    return structuredClone(this.observed);
  }

  /**
   * Connects (and keeps reconnecting) to OBS. Resolves with the status once the first attempt has settled:
   * connected, failed, or reconnecting.
   */
  async start(args: ObsDriverStartArgs): Promise<ObsDriverStatus> {
    this.stopInternal();
    const generation = ++this.generation;
    this.target = { ...args };
    this.publish({ state: 'connecting', url: args.url, attempt: 0, streaming: false, recording: false });
    await this.connect(generation);
    return this.status;
  }

  /** Disconnects and stops reconnecting. The desired state and show setup are kept for the next start(). */
  async stop(): Promise<ObsDriverStatus> {
    this.stopInternal();
    this.generation += 1;
    this.target = undefined;
    this.publish({ state: 'stopped', attempt: 0, streaming: false, recording: false });
    return this.status;
  }

  /**
   * The show's scenes and overlays: set up now when connected, and again on every reconnect (idempotent; it
   * recreates what a crashed OBS lost). `undefined` stops running setup.
   */
  async setShowSetup(setup: ObsShowSetup | undefined): Promise<ObsSetupReport | undefined> {
    const orientationChanged = setup?.orientation !== this.showSetup?.orientation;
    this.showSetup = setup === undefined ? undefined : structuredClone(setup);
    const session = this.session;
    if (session && orientationChanged) session.canvasTarget = undefined;
    if (!setup || !session?.ready) return undefined;
    try {
      const report = await this.runSetup(session, setup);
      session.stale = true;
      await this.kickReconcile();
      return report;
    } catch (error) {
      this.onSessionError(session, error);
      throw error;
    }
  }

  /**
   * OBS's canvases changed (the studio set the main canvas's size): find the canvas that matches the show again and
   * re-read before the next plan. Nothing happens while disconnected (a new session detects anyway).
   */
  canvasChanged(): Promise<ReconcileOutcome> {
    const session = this.session;
    if (session) {
      session.canvasTarget = undefined;
      session.stale = true;
    }
    return this.kickReconcile();
  }

  /**
   * Sets what OBS should show and reconciles. Resolves once the plan was answered by OBS, or at once with
   * `applied: false` while disconnected (the state is then applied on reconnect).
   */
  setDesired(desired: DesiredObsState): Promise<ReconcileOutcome> {
    this.desired = structuredClone(desired);
    return this.kickReconcile();
  }

  // -------------------------------------------------------------------------------------------------------------
  // Connection
  // -------------------------------------------------------------------------------------------------------------

  private async connect(generation: number): Promise<void> {
    const target = this.target;
    if (!target || generation !== this.generation) return;
    const attempt = this.status.attempt + 1;
    this.publish({ ...this.status, state: this.status.state === 'reconnecting' ? 'reconnecting' : 'connecting', attempt, retryInMs: undefined });
    const client = new OBSWebSocket();
    let rejectClosed: (reason: unknown) => void = () => undefined;
    const closed = new Promise<never>((_, reject) => {
      rejectClosed = reject;
    });
    closed.catch(() => undefined);
    const session: Session = {
      client,
      url: target.url,
      ended: false,
      closed,
      stale: true,
      ready: false,
      pinging: false,
      outputStates: {},
      outputSettled: { stream: 0, record: 0 },
      end: (cause) => {
        if (session.ended) return;
        session.ended = true;
        clearInterval(session.keepalive);
        clearInterval(session.liveness);
        rejectClosed(new SessionEnded(cause));
        client.removeAllListeners();
        if (cause === 'stopped') {
          // A polite close (1000) first, so OBS logs a normal disconnect; terminate if OBS does not answer.
          void Promise.race([client.disconnect().catch(() => undefined), sleep(1_000)]).then(() => terminate(client));
        } else {
          terminate(client);
        }
      },
    };
    this.session = session;
    try {
      const hello = await this.withTimeout(
        session,
        client.connect(target.url, target.password === '' ? undefined : target.password),
        this.options.connectTimeoutMs,
        'connecting',
      );
      if (generation !== this.generation) return session.end('stale');
      client.on('ConnectionClosed', (error) => this.onSessionError(session, error));
      this.startLiveness(session);
      this.wireEvents(session);
      const caller = this.caller(session);
      const [version, stream, record] = await Promise.all([
        caller.call('GetVersion'),
        caller.call('GetStreamStatus'),
        caller.call('GetRecordStatus'),
      ]);
      this.status = {
        ...this.status,
        obsVersion: version.obsVersion,
        websocketVersion: hello.obsWebSocketVersion,
        streaming: stream.outputActive,
        recording: record.outputActive,
      };
      if (this.showSetup) await this.runSetup(session, this.showSetup);
      await this.refreshObserved(session);
      if (generation !== this.generation || session.ended) return;
      session.ready = true;
      this.publish({ ...this.status, state: 'connected', url: target.url, attempt: 0, error: undefined, retryInMs: undefined, lost: undefined });
      session.keepalive = setInterval(() => void this.keepalive(session), this.options.keepaliveIntervalMs);
      await this.kickReconcile();
    } catch (error) {
      this.onSessionError(session, error);
    }
  }

  /** Ends a session after an error or close and decides about retrying. Idempotent per session. */
  private onSessionError(session: Session, error: unknown): void {
    if (session.ended && this.session !== session) return;
    const cause = error instanceof SessionEnded ? error.cause : error;
    session.end(cause);
    if (this.session !== session) return;
    this.session = undefined;
    if (!this.target) return;
    const { kind, message } = classifyObsFailure(cause, session.url);
    // Outputs are unknown while OBS is away: never report a stream or recording nobody can see.
    const lost = session.ready || this.status.lost === true ? { lost: true, streaming: false, recording: false } : {};
    if (kind === 'fatal') {
      this.publish({ ...this.status, ...lost, state: 'failed', error: message, retryInMs: undefined });
      return;
    }
    const retryInMs = retryDelayMs(Math.max(1, this.status.attempt), kind, this.options, this.random);
    this.publish({ ...this.status, ...lost, state: 'reconnecting', error: message, retryInMs });
    const generation = this.generation;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.connect(generation), retryInMs);
  }

  private stopInternal(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    const session = this.session;
    this.session = undefined;
    session?.end('stopped');
  }

  /** Pings OBS every livenessIntervalMs; ends the session when no pong came back for livenessTimeoutMs. */
  private startLiveness(session: Session): void {
    const socket = pingableSocket(session.client);
    if (!socket) return;
    let heardAt = Date.now();
    socket.on('pong', () => {
      heardAt = Date.now();
    });
    const check = Math.max(50, Math.min(250, Math.floor(this.options.livenessIntervalMs / 2)));
    let pingedAt = 0;
    let tickedAt = Date.now();
    session.liveness = setInterval(() => {
      if (session.ended) return;
      const now = Date.now();
      // This process was busy (timers ran late): a pong may be waiting unread, so OBS gets a fresh window.
      if (now - tickedAt > check * 4) heardAt = now;
      tickedAt = now;
      if (now - heardAt > this.options.livenessTimeoutMs) {
        this.onSessionError(session, new RequestTimeout(`OBS did not answer (keepalive ping) within ${this.options.livenessTimeoutMs} ms.`));
        return;
      }
      if (now - pingedAt >= this.options.livenessIntervalMs) {
        pingedAt = now;
        try {
          socket.ping();
        } catch {
          // the socket is closing: ConnectionClosed ends the session
        }
      }
    }, check);
  }

  /**
   * Runs `work` with the current session's caller (every request times out and fails when the session ends).
   * Rejects with a sentence when OBS is not connected. Work that changes scenes marks what was observed stale.
   */
  async withObs<T>(work: (obs: ObsCaller) => Promise<T>, changesScenes = false): Promise<T> {
    const session = this.session;
    if (!session?.ready) throw new Error('OBS is not connected. Connect to OBS in Settings first.');
    try {
      return await work(this.caller(session));
    } finally {
      if (changesScenes && this.session === session) session.stale = true;
    }
  }

  /**
   * Starts or stops OBS's stream or recording and resolves with the status once OBS reports the output in that
   * state. Already in that state: resolves at once. Rejects with a sentence when not connected, or when OBS did
   * not get there in time (e.g. the stream server refused the connection).
   */
  async setOutput(output: ObsOutput, active: boolean): Promise<ObsDriverStatus> {
    const session = this.session;
    if (!session?.ready) throw new Error('OBS is not connected. Connect to OBS in Settings first.');
    const key = output === 'stream' ? 'streaming' : 'recording';
    if (this.status[key] === active && session.outputStates[output] === undefined) {
      // Not moving: confirm with OBS (a start given from OBS itself may not have been seen yet).
      if ((await this.readOutputs(session))[key] === active) return this.status;
    }
    const requestType = output === 'stream' ? (active ? 'StartStream' : 'StopStream') : active ? 'StartRecord' : 'StopRecord';
    const settledBefore = session.outputSettled[output];
    let already = false;
    try {
      await this.caller(session).call(requestType);
    } catch (error) {
      // 500 OutputRunning / 501 OutputNotRunning: it is (or is getting) there already.
      already = error instanceof OBSWebSocketError && (error.code === 500 || error.code === 501);
      if (!already) throw new Error(outputFailure(output, active, error));
    }
    // Events make the status follow at once; this waits for OBS's own STARTED/STOPPED event of this request (the
    // request returns before it, and obs-websocket reports outputActive false already while stopping), then until
    // OBS itself says the output is (in)active.
    const deadline = Date.now() + this.options.outputTimeoutMs;
    for (;;) {
      if (this.session !== session || session.ended) throw new Error(outputFailure(output, active, new SessionEnded('lost')));
      if ((already || session.outputSettled[output] > settledBefore) && session.outputStates[output] === undefined) {
        const now = await this.readOutputs(session).catch(() => undefined);
        if (now?.[key] === active) return this.status;
      }
      if (Date.now() > deadline) throw new Error(outputFailure(output, active, new Error('timeout')));
      await sleep(100);
    }
  }

  private async readOutputs(session: Session): Promise<{ streaming: boolean; recording: boolean }> {
    const caller = this.caller(session);
    const [stream, record] = await Promise.all([caller.call('GetStreamStatus'), caller.call('GetRecordStatus')]);
    const outputs = this.settledOutputs(session, stream.outputActive, record.outputActive);
    if (this.session === session && (outputs.streaming !== this.status.streaming || outputs.recording !== this.status.recording)) {
      this.publish({ ...this.status, ...outputs });
    }
    return outputs;
  }

  /** Polled outputActive, except for an output that is starting or stopping: its last event decides meanwhile. */
  private settledOutputs(session: Session, streamActive: boolean, recordActive: boolean): { streaming: boolean; recording: boolean } {
    return {
      streaming: session.outputStates.stream === undefined ? streamActive : this.status.streaming,
      recording: session.outputStates.record === undefined ? recordActive : this.status.recording,
    };
  }

  private async keepalive(session: Session): Promise<void> {
    if (session.pinging) return;
    session.pinging = true;
    try {
      const [stats, stream, record] = await this.withTimeout(
        session,
        Promise.all([session.client.call('GetStats'), session.client.call('GetStreamStatus'), session.client.call('GetRecordStatus')]),
        this.options.keepaliveTimeoutMs,
        'keepalive (GetStats)',
      );
      if (this.session !== session) return;
      this.publish({
        ...this.status,
        ...this.settledOutputs(session, stream.outputActive, record.outputActive),
        stats: {
          renderSkippedFrames: stats.renderSkippedFrames,
          renderTotalFrames: stats.renderTotalFrames,
          outputSkippedFrames: stats.outputSkippedFrames,
          outputTotalFrames: stats.outputTotalFrames,
          activeFps: stats.activeFps,
        },
      });
    } catch (error) {
      this.onSessionError(session, error);
    } finally {
      session.pinging = false;
    }
  }

  private wireEvents(session: Session): void {
    const { client } = session;
    const current = () => this.session === session && !session.ended;
    client.on('CurrentProgramSceneChanged', ({ sceneName }) => {
      if (!current()) return;
      this.observed = { ...this.observed, programScene: sceneName };
      this.publish({ ...this.status, programScene: sceneName });
    });
    client.on('SceneItemEnableStateChanged', ({ sceneName, sceneItemId, sceneItemEnabled }) => {
      if (!current()) return;
      const items = this.observed.scenes[sceneName];
      if (!items) return;
      for (const [source, item] of Object.entries(items)) {
        if (item.sceneItemId === sceneItemId) items[source] = { ...item, enabled: sceneItemEnabled };
      }
    });
    client.on('VendorEvent', (event) => {
      if (current()) this.canvasObserved = canvasAfterVendorEvent(this.canvasObserved, event);
    });
    const markStale = () => {
      if (current()) session.stale = true;
    };
    for (const event of ['SceneCreated', 'SceneRemoved', 'SceneNameChanged', 'SceneItemCreated', 'SceneItemRemoved', 'InputCreated', 'InputRemoved', 'InputNameChanged'] as const) {
      client.on(event, markStale);
    }
    const settled = (state: string) => state === 'OBS_WEBSOCKET_OUTPUT_STARTED' || state === 'OBS_WEBSOCKET_OUTPUT_STOPPED';
    const transitional = (state: string) => state === 'OBS_WEBSOCKET_OUTPUT_STARTING' || state === 'OBS_WEBSOCKET_OUTPUT_STOPPING' || state === 'OBS_WEBSOCKET_OUTPUT_RECONNECTING';
    client.on('StreamStateChanged', ({ outputActive, outputState }) => {
      if (!current()) return;
      session.outputStates.stream = transitional(outputState) ? outputState : undefined;
      if (settled(outputState)) session.outputSettled.stream += 1;
      if (outputActive !== this.status.streaming) this.publish({ ...this.status, streaming: outputActive });
    });
    client.on('RecordStateChanged', ({ outputActive, outputState }) => {
      if (!current()) return;
      session.outputStates.record = transitional(outputState) ? outputState : undefined;
      if (settled(outputState)) session.outputSettled.record += 1;
      if (outputActive !== this.status.recording) this.publish({ ...this.status, recording: outputActive });
    });
    client.on('ExitStarted', () => this.onSessionError(session, new Error('OBS is shutting down.')));
  }

  // -------------------------------------------------------------------------------------------------------------
  // Setup, observation, reconcile
  // -------------------------------------------------------------------------------------------------------------

  /**
   * Runs setup. A request OBS refuses (status code < 1000 other than NotReady) does not end the session: it is
   * reported as `setupError` and the driver carries on with what exists; connection failures end the session.
   */
  private async runSetup(session: Session, setup: ObsShowSetup): Promise<ObsSetupReport | undefined> {
    try {
      const report = await this.withTimeout(session, setupObsForShow(this.caller(session), setup), 15_000, 'show setup');
      if (this.session === session) this.publish({ ...this.status, lastSetup: report, setupError: undefined });
      return report;
    } catch (error) {
      const refused = error instanceof OBSWebSocketError && error.code >= 100 && error.code < 1000 && error.code !== STATUS_NOT_READY;
      if (!refused) throw error;
      if (this.session === session) this.publish({ ...this.status, setupError: `OBS refused a setup step (${error.code}): ${error.message}` });
      return undefined;
    }
  }

  /** The scene that carries the overlays: the shared overlay scene, else the target program scene. */
  private overlayScene(): string | undefined {
    return this.showSetup?.overlayScene ?? this.desired.programScene ?? this.observed.programScene;
  }

  /** Re-reads the program scene, every scene's items (one batch: a show has tens) and the overlays' text inputs. */
  private async refreshObserved(session: Session): Promise<void> {
    const caller = this.caller(session);
    const [{ currentProgramSceneName }, sceneList] = await Promise.all([caller.call('GetCurrentProgramScene'), caller.call('GetSceneList')]);
    const scenes = sceneList.scenes.map((scene) => String(scene.sceneName));
    const inputs = [...new Set([...Object.keys(this.desired.overlays), ...(this.showSetup?.overlaySources.map((source) => source.name) ?? [])])];
    const results = await this.batch(session, [
      ...scenes.map((sceneName) => ({ requestType: 'GetSceneItemList' as const, requestData: { sceneName } })),
      ...inputs.map((inputName) => ({ requestType: 'GetInputSettings' as const, requestData: { inputName } })),
    ]);
    const observed: ObservedObsState = { programScene: currentProgramSceneName, scenes: {}, texts: {} };
    results.forEach((result, index) => {
      if (!result.requestStatus.result) return;
      if (result.requestType === 'GetSceneItemList') {
        const sceneName = scenes[index];
        if (sceneName === undefined) return;
        const items: Record<string, ObservedSceneItem> = {};
        for (const item of result.responseData.sceneItems) {
          const source = String(item.sourceName);
          items[source] ??= { sceneItemId: Number(item.sceneItemId), enabled: item.sceneItemEnabled === true };
        }
        observed.scenes[sceneName] = items;
      } else if (result.requestType === 'GetInputSettings') {
        const inputName = inputs[index - scenes.length];
        const { inputKind, inputSettings } = result.responseData;
        if (inputName !== undefined && isTextInputKind(inputKind)) {
          observed.texts[inputName] = typeof inputSettings.text === 'string' ? inputSettings.text : '';
        }
      }
    });
    const target = await this.detectCanvas(session);
    const canvasReads = canvasReadRequests(target);
    const canvas = canvasReads.length > 0 ? observedCanvasFrom(await this.batch(session, canvasReads)) : undefined;
    if (this.session !== session) return;
    this.observed = observed;
    this.canvasObserved = canvas;
    session.stale = false;
    this.publish({ ...this.status, programScene: currentProgramSceneName });
  }

  /**
   * The canvas the show's cues address besides the main one (obs.canvas-target): the canvas whose orientation
   * matches the show's, as the studio reports it. Without an orientation in the show setup, or on an OBS with one
   * canvas, the main one. Detection never fails (obs.canvas: failing requests mean "no extra canvas").
   */
  private async detectCanvas(session: Session): Promise<CanvasTarget> {
    if (session.canvasTarget) return session.canvasTarget;
    const orientation = this.showSetup?.orientation;
    let target: CanvasTarget = { kind: 'main' };
    if (orientation) {
      const canvases = await readObsCanvases(this.caller(session)).catch(() => []);
      target = canvases.length > 1 ? canvasTarget(canvases, selectCanvas(canvases, orientation)) : target;
    }
    if (this.session === session) session.canvasTarget = target;
    return target;
  }

  private kickReconcile(): Promise<ReconcileOutcome> {
    const session = this.session;
    if (!session?.ready) {
      return Promise.resolve({ applied: false, requests: 0, failures: ['not connected to OBS: applied on reconnect'], gaps: [] });
    }
    if (this.reconciling) {
      this.reconcileAgain = true;
      return this.reconciling;
    }
    const run = (async () => {
      let outcome: ReconcileOutcome = { applied: true, requests: 0, failures: [], gaps: [] };
      do {
        this.reconcileAgain = false;
        outcome = await this.reconcileOnce(session);
      } while (this.reconcileAgain && this.session === session && !session.ended);
      return outcome;
    })().finally(() => {
      if (this.reconciling === run) this.reconciling = undefined;
    });
    this.reconciling = run;
    return run;
  }

  private async reconcileOnce(session: Session): Promise<ReconcileOutcome> {
    try {
      const desired = this.desired;
      const needsScene = desired.programScene !== undefined && !(desired.programScene in this.observed.scenes);
      const overlayScene = this.overlayScene();
      const needsItems = overlayScene !== undefined && this.observed.scenes[overlayScene] === undefined;
      if (session.stale || needsScene || needsItems) await this.refreshObserved(session);
      const sceneName = this.overlayScene();
      const plan = planReconcile(desired, this.observed, sceneName);
      // The main canvas's plan is sent as without a second canvas; the canvas switch goes after it (obs.canvas-target).
      const target = session.canvasTarget ?? { kind: 'main' as const };
      const canvasPlan = planCanvasSwitch(desired.programScene, target, this.canvasObserved);
      const gaps = [...reconcileGaps(desired, this.observed, sceneName), ...canvasPlan.gaps];
      let failures: string[] = [];
      if (plan.length + canvasPlan.requests.length > 0) {
        const all = await this.batch(session, [...plan, ...canvasPlan.requests]);
        if (this.session !== session) throw new SessionEnded('replaced');
        const results = all.slice(0, plan.length);
        const canvasResults = all.slice(plan.length);
        this.observed = applyReconcileResults(this.observed, plan, results);
        this.canvasObserved = applyCanvasResults(this.canvasObserved, canvasPlan.requests, canvasResults);
        failures = results
          .map((result, index) => ({ result, request: plan[index] }))
          .filter(({ result }) => !result.requestStatus.result)
          .map(({ result, request }) => `${request?.requestType ?? result.requestType} failed (${result.requestStatus.code}${'comment' in result.requestStatus ? `: ${result.requestStatus.comment}` : ''})`);
        failures.push(...canvasFailures(canvasPlan.requests, canvasResults, target));
        if (failures.length > 0) session.stale = true;
      }
      const requests = plan.length + canvasPlan.requests.length;
      const outcome: ReconcileOutcome = { applied: true, requests, failures, gaps };
      this.publish({ ...this.status, lastReconcile: { at: Date.now(), requests, failures, gaps } });
      return outcome;
    } catch (error) {
      this.onSessionError(session, error);
      return { applied: false, requests: 0, failures: [classifyObsFailure(error instanceof SessionEnded ? error.cause : error, session.url).message], gaps: [] };
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Requests with timeouts
  // -------------------------------------------------------------------------------------------------------------

  /** One batch, serial and in real time, that does not stop at a failed request. */
  private batch(session: Session, requests: RequestBatchRequest[]): Promise<ResponseMessage[]> {
    return this.withTimeout(
      session,
      session.client.callBatch(requests, { executionType: RequestBatchExecutionType.SerialRealtime, haltOnFailure: false }),
      this.options.requestTimeoutMs,
      'request batch',
    );
  }

  /** A caller whose every request times out and fails when the session ends. */
  private caller(session: Session): ObsCaller {
    const call = ((requestType: string, requestData?: unknown) =>
      this.withTimeout(
        session,
        (session.client.call as (type: string, data?: unknown) => Promise<unknown>)(requestType, requestData),
        this.options.requestTimeoutMs,
        requestType,
      )) as OBSWebSocket['call'];
    return { call };
  }

  private withTimeout<T>(session: Session, work: Promise<T>, timeoutMs: number, what: string): Promise<T> {
    work.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    return Promise.race([
      work,
      session.closed,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new RequestTimeout(`OBS did not answer (${what}) within ${timeoutMs} ms.`)), timeoutMs);
      }),
    ]).finally(() => clearTimeout(timer));
  }

  private publish(status: ObsDriverStatus): void {
    const next: ObsDriverStatus = { ...status };
    for (const key of Object.keys(next) as Array<keyof ObsDriverStatus>) if (next[key] === undefined) delete next[key];
    this.status = next;
    for (const listener of this.listeners) {
      try {
        listener(next);
      } catch (error) {
        console.error('[obs-driver] status listener failed:', error);
      }
    }
  }
}

/** Why starting or stopping an output failed, as a sentence for the user. */
function outputFailure(output: ObsOutput, active: boolean, error: unknown): string {
  const what = output === 'stream' ? (active ? 'start streaming' : 'stop streaming') : active ? 'start recording' : 'stop recording';
  const detail = error instanceof OBSWebSocketError && error.message ? ` (${error.message})` : '';
  if (error instanceof SessionEnded) return `OBS was lost before it could ${what}.`;
  if (output === 'stream' && active) return `OBS did not start streaming${detail}. Check the stream server and key in OBS: Settings › Stream.`;
  if (output === 'record' && active) return `OBS did not start recording${detail}. Check the recording path in OBS: Settings › Output.`;
  return `OBS did not ${what}${detail}.`;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
