/**
 * ObsConnection against a real, headless OBS Studio (see e2e/support/obs-rig.ts). OBS starts once for the file;
 * the last test crashes and restarts it.
 */
import { OBSWebSocket } from 'obs-websocket-js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort, OBS_START_HOOK_TIMEOUT_MS, obsTestGate, startObs, type ObsRig } from '../../../e2e/support/obs-rig';
import type { ObsStatus } from '../../../shared/contract/studio-api';
import { ObsConnection } from './obs.connection';

const gate = obsTestGate();

const SCENE_INTRO = 'KOL Conn Intro';
const SCENE_PRODUCT = 'KOL Conn Product';

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe.skipIf(gate.skip)('ObsConnection (real OBS Studio)', () => {
  let rig: ObsRig;
  /** Another obs-websocket client, standing for OBS's own UI or a second controller. */
  let other: OBSWebSocket;
  const connections: ObsConnection[] = [];

  function track(): { connection: ObsConnection; statuses: ObsStatus[] } {
    const connection = new ObsConnection();
    connections.push(connection);
    const statuses: ObsStatus[] = [];
    connection.onStatus((status) => statuses.push(status));
    return { connection, statuses };
  }

  /** Switches the program scene from the other client and waits until OBS reports the switch. */
  async function switchProgram(sceneName: string): Promise<void> {
    if ((await other.call('GetCurrentProgramScene')).currentProgramSceneName === sceneName) return;
    let seen = false;
    const onChange = (event: { sceneName: string }) => {
      if (event.sceneName === sceneName) seen = true;
    };
    other.on('CurrentProgramSceneChanged', onChange);
    try {
      await other.call('SetCurrentProgramScene', { sceneName });
      await waitFor(() => seen);
    } finally {
      other.off('CurrentProgramSceneChanged', onChange);
    }
  }

  beforeAll(async () => {
    rig = await startObs();
    other = new OBSWebSocket();
    await other.connect(rig.url, rig.password);
    await other.call('CreateScene', { sceneName: SCENE_INTRO });
    await other.call('CreateScene', { sceneName: SCENE_PRODUCT });
    await other.call('SetCurrentSceneTransition', { transitionName: 'Cut' }); // applied asynchronously by OBS
    await waitFor(async () => (await other.call('GetCurrentSceneTransition')).transitionName === 'Cut');
    await switchProgram(SCENE_INTRO);
  }, OBS_START_HOOK_TIMEOUT_MS);

  afterEach(async () => {
    await Promise.all(connections.splice(0).map((connection) => connection.disconnect()));
  });

  afterAll(async () => {
    await other?.disconnect().catch(() => undefined);
    await rig?.stop();
  });

  it('connects with the right password and reports OBS, obs-websocket and the program scene', async () => {
    const { connection, statuses } = track();
    const version = await other.call('GetVersion');

    const status = await connection.connect({ url: rig.url, password: rig.password });

    expect(status).toEqual({
      state: 'connected',
      connected: true,
      url: rig.url,
      obsVersion: version.obsVersion,
      websocketVersion: version.obsWebSocketVersion,
      programScene: SCENE_INTRO,
    });
    expect(status.obsVersion).toMatch(/^\d+\.\d+/);
    expect(connection.getStatus()).toEqual(status);
    expect(statuses.map((s) => s.state)).toEqual(['connecting', 'connected']);
    expect(statuses[0]).toEqual({ state: 'connecting', connected: false, url: rig.url });
  });

  it('follows program scene changes made by another client', async () => {
    await switchProgram(SCENE_INTRO);
    const { connection, statuses } = track();
    await connection.connect({ url: rig.url, password: rig.password });
    expect(connection.getStatus().programScene).toBe(SCENE_INTRO);

    await switchProgram(SCENE_PRODUCT);
    await waitFor(() => connection.getStatus().programScene === SCENE_PRODUCT);
    expect(connection.getStatus()).toMatchObject({ state: 'connected', connected: true, programScene: SCENE_PRODUCT });
    expect(statuses.at(-1)).toEqual(connection.getStatus());

    await switchProgram(SCENE_INTRO);
    await waitFor(() => connection.getStatus().programScene === SCENE_INTRO);
  });

  it('disconnect() during the handshake settles connect() and ends disconnected', async () => {
    const { connection, statuses } = track();
    // Identified is emitted before connect() asks OBS for its version and program scene.
    connection.obs.once('Identified', () => void connection.disconnect());

    const outcome = await Promise.race([
      connection.connect({ url: rig.url, password: rig.password }),
      new Promise<string>((resolve) => setTimeout(() => resolve('connect() never settled'), 5_000)),
    ]);

    expect(outcome).toEqual({ state: 'disconnected', connected: false });
    expect(connection.getStatus()).toEqual({ state: 'disconnected', connected: false });
    expect(statuses.at(-1)).toEqual({ state: 'disconnected', connected: false });
  });

  it('disconnect() while the socket is opening wins over the connection attempt', async () => {
    const { connection, statuses } = track();
    const unsubscribe = connection.onStatus((status) => {
      if (status.state === 'connecting') setImmediate(() => void connection.disconnect());
    });

    const status = await connection.connect({ url: rig.url, password: rig.password });
    unsubscribe();
    await new Promise((resolve) => setTimeout(resolve, 300)); // nothing may publish after the fact

    expect(status).toEqual({ state: 'disconnected', connected: false });
    expect(connection.getStatus()).toEqual({ state: 'disconnected', connected: false });
    expect(statuses.map((s) => s.state)).toEqual(['connecting', 'disconnected']);
  });

  it('fails with an authentication error on a wrong password, never echoing a password', async () => {
    const { connection, statuses } = track();
    const wrongPassword = `wrong-${rig.password.slice(0, 8)}-password`;

    const status = await connection.connect({ url: rig.url, password: wrongPassword });

    expect(status.state).toBe('failed');
    expect(status.connected).toBe(false);
    expect(status.url).toBe(rig.url);
    expect(status.error).toMatch(/authentication/i);
    expect(connection.getStatus()).toEqual(status);
    expect(statuses[0]?.state).toBe('connecting');
    expect(statuses.slice(1).every((s) => s.state === 'failed')).toBe(true);
    const published = JSON.stringify(statuses);
    expect(published).not.toContain(wrongPassword);
    expect(published).not.toContain(rig.password);
  });

  it('fails with "Could not reach OBS" when nothing listens on the port', async () => {
    const { connection } = track();
    const url = `ws://127.0.0.1:${await findFreePort()}`;

    const status = await connection.connect({ url, password: rig.password });

    expect(status).toMatchObject({ state: 'failed', connected: false, url });
    expect(status.error).toContain(`Could not reach OBS at ${url}`);
    expect(status.error).not.toContain(rig.password);
  });

  it('disconnect() reports disconnected and stops following OBS', async () => {
    await switchProgram(SCENE_INTRO);
    const { connection, statuses } = track();
    await connection.connect({ url: rig.url, password: rig.password });

    const status = await connection.disconnect();

    expect(status).toEqual({ state: 'disconnected', connected: false });
    expect(connection.getStatus()).toEqual(status);
    expect(statuses.map((s) => s.state)).toEqual(['connecting', 'connected', 'disconnected']);
    const published = statuses.length;
    await switchProgram(SCENE_PRODUCT);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(statuses).toHaveLength(published);
    expect(connection.getStatus().programScene).toBeUndefined();
    expect(await connection.disconnect()).toEqual(status); // idempotent
    expect(statuses).toHaveLength(published);
  });

  it('reports failed when OBS goes away, and connects again once OBS is back', async () => {
    const { connection, statuses } = track();
    await connection.connect({ url: rig.url, password: rig.password });
    expect(connection.getStatus().state).toBe('connected');

    rig.kill();
    await waitFor(() => connection.getStatus().state === 'failed');
    expect(connection.getStatus()).toMatchObject({ state: 'failed', connected: false, url: rig.url });
    expect(connection.getStatus().error).toContain(rig.url);
    expect(JSON.stringify(statuses)).not.toContain(rig.password);

    await rig.restart();
    const status = await connection.connect({ url: rig.url, password: rig.password });
    expect(status).toMatchObject({ state: 'connected', connected: true, url: rig.url });
    expect(status.programScene).toBeTruthy();
  }, OBS_START_HOOK_TIMEOUT_MS);
});
