/**
 * One connection to OBS Studio over obs-websocket v5, with its status published to listeners.
 * Invariants: the password is never logged nor put in any status or error text; a failed authentication
 * is reported as such (close code 4009) so callers do not retry it blindly; connect() always settles, and once
 * disconnect() (or a newer connect()) has been called, an older connect() publishes nothing more.
 */
import { OBSWebSocket, OBSWebSocketError } from 'obs-websocket-js';
import type { ObsConnectArgs, ObsStatus } from '../../../shared/contract/studio-api';

type Listener = (status: ObsStatus) => void;

const CLOSE_AUTH_FAILED = 4009;

export function describeObsFailure(error: unknown, url: string): string {
  if (error instanceof OBSWebSocketError) {
    if (error.code === CLOSE_AUTH_FAILED) return 'OBS refused the password (authentication failed).';
    if (error.code === 1006 || error.code === -1) return `Could not reach OBS at ${url}. Is OBS running with WebSocket server enabled?`;
    return `OBS closed the connection (${error.code}): ${error.message}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `Could not connect to OBS at ${url}: ${message}`;
}

export class ObsConnection {
  readonly obs = new OBSWebSocket();
  private status: ObsStatus = { state: 'disconnected', connected: false };
  private readonly listeners = new Set<Listener>();
  private intentionalClose = false;
  /** Bumped by every connect() and disconnect(); a connect() whose attempt is no longer current must not publish. */
  private attempt = 0;
  private closing: Promise<unknown> = Promise.resolve();

  constructor() {
    this.obs.on('ConnectionClosed', (error) => {
      if (this.intentionalClose) return;
      this.publish({
        state: 'failed',
        connected: false,
        ...(this.status.url ? { url: this.status.url } : {}),
        error: describeObsFailure(error, this.status.url ?? 'OBS'),
      });
    });
    this.obs.on('CurrentProgramSceneChanged', ({ sceneName }) => {
      if (this.status.connected) this.publish({ ...this.status, programScene: sceneName });
    });
  }

  getStatus(): ObsStatus {
    return this.status;
  }

  onStatus(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async connect({ url, password }: ObsConnectArgs): Promise<ObsStatus> {
    await this.disconnect();
    const attempt = ++this.attempt;
    this.intentionalClose = false;
    this.publish({ state: 'connecting', connected: false, url });
    try {
      const hello = await this.obs.connect(url, password === '' ? undefined : password);
      const [version, program] = await this.unlessClosed(
        Promise.all([this.obs.call('GetVersion'), this.obs.call('GetCurrentProgramScene')]),
      );
      if (attempt !== this.attempt) {
        // disconnect() was called meanwhile (before this socket existed, so it could not close it): drop the session.
        if (this.status.state === 'disconnected') {
          this.intentionalClose = true;
          await this.obs.disconnect().catch(() => undefined);
        }
        return this.status;
      }
      this.publish({
        state: 'connected',
        connected: true,
        url,
        obsVersion: version.obsVersion,
        websocketVersion: hello.obsWebSocketVersion,
        programScene: program.currentProgramSceneName,
      });
    } catch (error) {
      if (attempt !== this.attempt) {
        // Closed by disconnect() (or a newer connect()): that call owns the status, not this failure.
        await this.closing;
        return this.status;
      }
      this.intentionalClose = true;
      await this.obs.disconnect().catch(() => undefined);
      this.publish({ state: 'failed', connected: false, url, error: describeObsFailure(error, url) });
    }
    return this.status;
  }

  async disconnect(): Promise<ObsStatus> {
    this.attempt += 1;
    if (this.status.state === 'disconnected') return this.status;
    this.intentionalClose = true;
    const closing = this.obs.disconnect().catch(() => undefined);
    this.closing = closing;
    await closing;
    this.publish({ state: 'disconnected', connected: false });
    return this.status;
  }

  /** obs-websocket-js never settles a pending call() when the socket closes: reject with the close instead. */
  private unlessClosed<T>(work: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.obs.once('ConnectionClosed', reject);
      work.then(resolve, reject).finally(() => this.obs.off('ConnectionClosed', reject));
    });
  }

  private publish(status: ObsStatus): void {
    this.status = status;
    for (const listener of this.listeners) listener(status);
  }
}
