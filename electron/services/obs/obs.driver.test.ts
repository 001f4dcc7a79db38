/**
 * ObsDriver: pure helpers (backoff, failure classification, contract status), then a real, headless OBS Studio
 * (e2e/support/obs-rig.ts) started once for the file. The last test SIGKILLs and restarts OBS.
 * A small TCP proxy in front of OBS counts connection attempts and can freeze a connection (half-open socket).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, connect as netConnect, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { OBSWebSocket, OBSWebSocketError } from 'obs-websocket-js';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { OBS_START_HOOK_TIMEOUT_MS, obsTestGate, startObs, type ObsRig } from '../../../e2e/support/obs-rig';
import { classifyObsFailure, ObsDriver, retryDelayMs, toObsStatus, type ObsDriverStatus } from './obs.driver';
import type { ObsShowSetup } from './obs.setup';

const gate = obsTestGate();

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('ObsDriver helpers', () => {
  it('backs off exponentially from 250 ms with ±20 % jitter, capped at 1.5 s (refused/not ready) or 10 s', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 5, 9].map((n) => retryDelayMs(n, 'fast', {}, mid))).toEqual([250, 500, 1000, 1500, 1500, 1500]);
    expect([1, 2, 3, 4, 5, 6, 7, 12].map((n) => retryDelayMs(n, 'slow', {}, mid))).toEqual([250, 500, 1000, 2000, 4000, 8000, 10000, 10000]);
    expect(retryDelayMs(7, 'slow', {}, () => 0)).toBe(8000);
    expect(retryDelayMs(7, 'slow', {}, () => 0.999999)).toBe(12000);
  });

  it('never retries an authentication failure, a kick or an unsupported version; retries refused, not ready and drops', () => {
    const url = 'ws://127.0.0.1:4455';
    expect(classifyObsFailure(new OBSWebSocketError(4009, 'Authentication failed.'), url)).toEqual({
      kind: 'fatal',
      message: expect.stringContaining('authentication failed'),
    });
    expect(classifyObsFailure(new OBSWebSocketError(4011, ''), url).kind).toBe('fatal');
    expect(classifyObsFailure(new OBSWebSocketError(4010, ''), url).kind).toBe('fatal');
    expect(classifyObsFailure(new OBSWebSocketError(207, 'not ready'), url).kind).toBe('fast');
    expect(classifyObsFailure(new OBSWebSocketError(-1, 'connect ECONNREFUSED 127.0.0.1:4455'), url).kind).toBe('fast');
    expect(classifyObsFailure(new OBSWebSocketError(1006, ''), url).kind).toBe('slow');
    expect(classifyObsFailure(new Error('OBS did not answer'), url).kind).toBe('slow');
  });

  it('maps driver statuses onto the Settings contract status', () => {
    const base: ObsDriverStatus = { state: 'reconnecting', attempt: 2, url: 'ws://x', streaming: false, recording: false };
    expect(toObsStatus({ ...base, error: 'Lost OBS.', retryInMs: 1500 })).toEqual({
      state: 'connecting',
      connected: false,
      url: 'ws://x',
      error: 'Lost OBS. Retrying in 1.5 s.',
    });
    expect(toObsStatus({ ...base, state: 'connected', programScene: 'A', obsVersion: '29' })).toEqual({
      state: 'connected',
      connected: true,
      url: 'ws://x',
      programScene: 'A',
      obsVersion: '29',
      streaming: false,
      recording: false,
    });
    const stats = { renderSkippedFrames: 3, renderTotalFrames: 900, outputSkippedFrames: 1, outputTotalFrames: 900, activeFps: 29.97 };
    expect(toObsStatus({ ...base, state: 'connected', streaming: true, stats })).toMatchObject({
      streaming: true,
      recording: false,
      renderSkippedFrames: 3,
      outputSkippedFrames: 1,
      activeFps: 30,
    });
    expect(toObsStatus({ ...base, stats })).not.toHaveProperty('renderSkippedFrames');
    expect(toObsStatus({ ...base, state: 'stopped' }).state).toBe('disconnected');
    // A lost OBS (it was connected) says so: never connected, and reconnecting.
    expect(toObsStatus({ ...base, lost: true, streaming: true })).toMatchObject({ state: 'connecting', connected: false, reconnecting: true });
    expect(toObsStatus({ ...base, lost: true })).not.toHaveProperty('streaming');
  });

  it('refuses stream/record control and OBS work while not connected, with a sentence', async () => {
    const driver = new ObsDriver();
    await expect(driver.setOutput('stream', true)).rejects.toThrow('OBS is not connected. Connect to OBS in Settings first.');
    await expect(driver.withObs(async () => 1)).rejects.toThrow('OBS is not connected.');
  });

  it('keeps the desired state while stopped and reports it as not applied', async () => {
    const driver = new ObsDriver();
    const outcome = await driver.setDesired({ programScene: 'X', overlays: { Deal: { visible: true } } });
    expect(outcome.applied).toBe(false);
    expect(driver.getDesired()).toEqual({ programScene: 'X', overlays: { Deal: { visible: true } } });
    expect(driver.getStatus().state).toBe('stopped');
  });
});

/** A TCP proxy to OBS that counts connections and can stop forwarding (a half-open connection, seen from the client). */
async function startProxy(targetPort: number): Promise<{ url: string; connections: () => number; freeze: () => void; close: () => Promise<void> }> {
  let count = 0;
  let frozen = false;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    count += 1;
    const upstream = netConnect({ host: '127.0.0.1', port: targetPort });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', (data) => void (frozen || upstream.write(data)));
    upstream.on('data', (data) => void (frozen || client.write(data)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `ws://127.0.0.1:${port}`,
    connections: () => count,
    freeze: () => {
      frozen = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describe.skipIf(gate.skip)('ObsDriver (real OBS Studio)', () => {
  let rig: ObsRig;
  /** An independent client that reads back what OBS shows. */
  let observer: OBSWebSocket;
  const drivers: ObsDriver[] = [];
  const cleanups: Array<() => Promise<void>> = [];

  const SETUP: ObsShowSetup = {
    scenes: ['Drv Intro', 'Drv Product'],
    overlaySources: [
      { name: 'Drv Deal', kind: 'browser', url: 'http://127.0.0.1:5999/overlay/deal', text: 'Deal' },
      { name: 'Drv Price', kind: 'text', text: '¥99' },
    ],
  };

  function track(driver = new ObsDriver()): { driver: ObsDriver; statuses: ObsDriverStatus[] } {
    drivers.push(driver);
    const statuses: ObsDriverStatus[] = [];
    driver.onStatus((status) => statuses.push(status));
    return { driver, statuses };
  }

  async function connectObserver(): Promise<OBSWebSocket> {
    const client = new OBSWebSocket();
    await client.connect(rig.url, rig.password);
    return client;
  }

  async function useCut(client: OBSWebSocket): Promise<void> {
    await client.call('SetCurrentSceneTransition', { transitionName: 'Cut' });
    await waitFor(async () => (await client.call('GetCurrentSceneTransition')).transitionName === 'Cut', 5_000, 'Cut transition');
  }

  /** What OBS shows: program scene, an overlay's enabled flag in that scene, a text input's text. */
  async function onAir(client: OBSWebSocket, overlay: string, textInput: string): Promise<{ scene: string; visible: boolean; text: unknown }> {
    const scene = (await client.call('GetCurrentProgramScene')).currentProgramSceneName;
    const { sceneItemId } = await client.call('GetSceneItemId', { sceneName: scene, sourceName: overlay });
    const { sceneItemEnabled } = await client.call('GetSceneItemEnabled', { sceneName: scene, sceneItemId });
    const { inputSettings } = await client.call('GetInputSettings', { inputName: textInput });
    return { scene, visible: sceneItemEnabled, text: inputSettings.text };
  }

  beforeAll(async () => {
    rig = await startObs();
    observer = await connectObserver();
    await useCut(observer);
  }, OBS_START_HOOK_TIMEOUT_MS);

  afterEach(async () => {
    vi.restoreAllMocks();
    await Promise.all(drivers.splice(0).map((driver) => driver.stop()));
    await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
  });

  afterAll(async () => {
    await observer?.disconnect().catch(() => undefined);
    await rig?.stop();
  });

  it('connects, sets the show up, and applies scene + overlay visibility + text in ONE request batch', async () => {
    const { driver, statuses } = track();
    const status = await driver.start({ url: rig.url, password: rig.password });
    expect(status.state).toBe('connected');
    expect(status.obsVersion).toMatch(/^\d+\./);
    expect(status.websocketVersion).toMatch(/^5\./);
    expect(status.streaming).toBe(false);
    expect(status.recording).toBe(false);
    const report = await driver.setShowSetup(SETUP);
    expect(report?.created.scenes).toEqual(['Drv Intro', 'Drv Product']);

    await driver.setDesired({ programScene: 'Drv Intro', overlays: { 'Drv Deal': { visible: false }, 'Drv Price': { visible: false, text: '¥99' } } });
    await waitFor(async () => (await observer.call('GetCurrentProgramScene')).currentProgramSceneName === 'Drv Intro', 3_000, 'Drv Intro on air');

    const events: string[] = [];
    observer.on('SceneItemEnableStateChanged', ({ sceneName, sceneItemEnabled }) => events.push(`item ${sceneName} ${sceneItemEnabled}`));
    observer.on('CurrentProgramSceneChanged', ({ sceneName }) => events.push(`scene ${sceneName}`));
    const batches = vi.spyOn(OBSWebSocket.prototype, 'callBatch');
    const calls = vi.spyOn(OBSWebSocket.prototype, 'call');

    const outcome = await driver.setDesired({
      programScene: 'Drv Product',
      overlays: { 'Drv Deal': { visible: true, text: 'Deal' }, 'Drv Price': { visible: true, text: '¥79 今日特价' } },
    });
    expect(outcome).toEqual({ applied: true, requests: 4, failures: [], gaps: [] });
    expect(batches).toHaveBeenCalledTimes(1);
    expect(batches.mock.calls[0]?.[0].map((request) => request.requestType)).toEqual([
      'SetSceneItemEnabled',
      'SetSceneItemEnabled',
      'SetInputSettings',
      'SetCurrentProgramScene',
    ]);
    expect(calls).not.toHaveBeenCalled();

    await waitFor(async () => (await onAir(observer, 'Drv Price', 'Drv Price')).scene === 'Drv Product', 3_000, 'Drv Product on air');
    expect(await onAir(observer, 'Drv Price', 'Drv Price')).toEqual({ scene: 'Drv Product', visible: true, text: '¥79 今日特价' });
    expect((await onAir(observer, 'Drv Deal', 'Drv Price')).visible).toBe(true);
    // Overlays were enabled before the scene switched: the new scene's first frame has them.
    await waitFor(() => events.includes('scene Drv Product'), 2_000, 'scene change event');
    // (A late event of the earlier switch to Drv Intro may still arrive: only this cue's events are compared.)
    expect(events.filter((event) => event.endsWith('Drv Product') || event.includes('Drv Product '))).toEqual([
      'item Drv Product true',
      'item Drv Product true',
      'scene Drv Product',
    ]);
    await waitFor(() => driver.getStatus().programScene === 'Drv Product', 2_000, 'status follows the program scene');

    // Already there: nothing is sent.
    const again = await driver.setDesired(driver.getDesired());
    expect(again.requests).toBe(0);
    expect(batches).toHaveBeenCalledTimes(1);
    // GetStats polling (every ~2 s) fills the frame counters.
    await waitFor(() => driver.getStatus().stats !== undefined, 4_000, 'stats');
    expect(driver.getStatus().stats?.renderTotalFrames).toBeGreaterThan(0);
    expect(statuses.map((s) => s.state)).not.toContain('reconnecting');

    const shot = await observer.call('GetSourceScreenshot', { sourceName: 'Drv Product', imageFormat: 'png', imageWidth: 320 });
    expect(shot.imageData.startsWith('data:image/png')).toBe(true);
    expect(Buffer.from(shot.imageData.split(',')[1] ?? '', 'base64').subarray(1, 4).toString()).toBe('PNG');
  });

  it('wrong password: fails with a clear message, once, and does not retry', async () => {
    const proxy = await startProxy(rig.port);
    cleanups.push(proxy.close);
    const { driver, statuses } = track();
    const wrong = `${rig.password}-wrong`;
    const status = await driver.start({ url: proxy.url, password: wrong });
    expect(status.state).toBe('failed');
    expect(status.error).toMatch(/refused the password \(authentication failed\)/);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(proxy.connections()).toBe(1);
    expect(statuses.map((s) => s.state)).toEqual(['connecting', 'connecting', 'failed']);
    expect(driver.getStatus().state).toBe('failed');
    const text = JSON.stringify(statuses);
    expect(text).not.toContain(wrong);
    expect(text).not.toContain(rig.password);
  }, 10_000);

  it('notices a half-open connection through the keepalive and reconnects', async () => {
    const proxy = await startProxy(rig.port);
    cleanups.push(proxy.close);
    const { driver, statuses } = track(new ObsDriver({ keepaliveIntervalMs: 300, keepaliveTimeoutMs: 700 }));
    expect((await driver.start({ url: proxy.url, password: rig.password })).state).toBe('connected');
    const frozenAt = Date.now();
    proxy.freeze(); // the socket stays open, nothing comes back: like an OBS that vanished without a FIN
    await waitFor(() => driver.getStatus().state === 'reconnecting', 3_000, 'reconnecting after a silent OBS');
    expect(Date.now() - frozenAt).toBeLessThan(1_500);
    expect(statuses.at(-1)?.error).toMatch(/did not answer \(keepalive/);
  }, 10_000);

  it('a setup step OBS refuses is reported as setupError and does not drop the session', async () => {
    const { driver, statuses } = track();
    expect((await driver.start({ url: rig.url, password: rig.password })).state).toBe('connected');
    // A source name already taken by a scene: CreateInput is refused.
    const report = await driver.setShowSetup({ scenes: ['Drv Intro'], overlaySources: [{ name: 'Drv Product', kind: 'text' }] });
    expect(report).toBeUndefined();
    expect(driver.getStatus().setupError).toMatch(/OBS refused a setup step \(\d+\)/);
    expect(driver.getStatus().state).toBe('connected');
    expect(statuses.map((s) => s.state)).not.toContain('reconnecting');
    await driver.setShowSetup(undefined);
  });

  it('OBS killed mid-show: cues given while it is down are applied within 3 s of it accepting connections again', async () => {
    const { driver, statuses } = track();
    await driver.setShowSetup(SETUP);
    expect((await driver.start({ url: rig.url, password: rig.password })).state).toBe('connected');
    await driver.setDesired({ programScene: 'Drv Intro', overlays: { 'Drv Deal': { visible: false }, 'Drv Price': { visible: false, text: 'before' } } });
    // A scene added moments before the crash: OBS may not have saved it. Setup on reconnect must recreate it.
    await driver.setShowSetup({ ...SETUP, scenes: [...SETUP.scenes, 'Drv Late'] });
    await waitFor(async () => (await observer.call('GetCurrentProgramScene')).currentProgramSceneName === 'Drv Intro', 3_000, 'Drv Intro on air');

    rig.kill();
    await waitFor(() => driver.getStatus().state === 'reconnecting', 5_000, 'driver notices the crash');
    const whileDown = await driver.setDesired({ programScene: 'Drv Product', overlays: { 'Drv Deal': { visible: true }, 'Drv Price': { visible: true, text: 'during' } } });
    expect(whileDown.applied).toBe(false);
    const latest = { programScene: 'Drv Late', overlays: { 'Drv Deal': { visible: false }, 'Drv Price': { visible: true, text: 'latest ¥59' } } };
    await driver.setDesired(latest);

    // OBS saves its scene collection on its own schedule and may lose the last change in a crash: make it lose
    // "Drv Late" for sure, so setup-on-reconnect has to recreate it.
    const collectionFile = join(rig.home, '.config', 'obs-studio', 'basic', 'scenes', 'Untitled.json');
    const collection = JSON.parse(readFileSync(collectionFile, 'utf8')) as { sources: Array<{ id: string; name: string }> };
    const savedLate = collection.sources.some((source) => source.name === 'Drv Late');
    collection.sources = collection.sources.filter((source) => source.name !== 'Drv Late');
    writeFileSync(collectionFile, JSON.stringify(collection));

    await rig.restart();
    const acceptedAt = Date.now();
    const after = await connectObserver();
    cleanups.push(() => after.disconnect().catch(() => undefined));
    const scenesAtFirstLook = (await after.call('GetSceneList')).scenes.map((scene) => String(scene.sceneName));
    await waitFor(
      async () => {
        try {
          const air = await onAir(after, 'Drv Price', 'Drv Price');
          return air.scene === 'Drv Late' && air.visible && air.text === 'latest ¥59';
        } catch {
          return false; // scene or item not (re)created yet
        }
      },
      3_000,
      'latest desired state on air after restart',
    );
    const onAirMs = Date.now() - acceptedAt;
    expect((await onAir(after, 'Drv Deal', 'Drv Price')).visible).toBe(false);
    expect(driver.getStatus().state).toBe('connected');
    const states = statuses.map((s) => s.state);
    expect(states.filter((s) => s === 'failed')).toEqual([]);
    console.info(
      `[obs-driver test] restart took ${rig.startupMs} ms; latest cue on air ${onAirMs} ms after OBS accepted connections; ` +
        `"Drv Late" was ${savedLate ? '' : 'NOT '}in the saved collection at the crash; the observer's first look ` +
        `${scenesAtFirstLook.includes('Drv Late') ? 'already found it recreated' : 'found it missing'}; ` +
        `${states.filter((s) => s === 'reconnecting').length} reconnecting statuses.`,
    );
  }, OBS_START_HOOK_TIMEOUT_MS);
});
