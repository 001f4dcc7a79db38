/**
 * Cues on a multi-canvas OBS. A second canvas cannot run here (Debian's OBS 29 has one canvas and no Aitum
 * Vertical plugin), so the REAL ObsDriver talks to a small obs-websocket v5 server that answers with RECORDED
 * answers, shaped as obs-websocket 5.7.3 (RequestHandler_Canvases.cpp, RequestHandler_General.cpp
 * CallVendorRequest) and the Aitum Vertical plugin 1.6.4 (vertical-canvas.cpp vendor_request_*) return them, and
 * as OBS 29 (obs-websocket 5.1) fails requests it does not know. Every request the driver sends is logged, so a test
 * reads exactly what a cue sent. The single-canvas path against a real OBS is in obs.driver.test.ts.
 */
import type { AddressInfo } from 'node:net';
// obs-websocket-js speaks MessagePack in Node (its `import` build): the server answers with the same codec it uses.
import { decode, encode } from '@msgpack/msgpack';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { canvasReport } from './obs.canvas';
import {
  AITUM_VENDOR,
  applyCanvasResults,
  canvasAfterVendorEvent,
  canvasTarget,
  observedCanvasFrom,
  planCanvasSwitch,
  type CanvasTarget,
} from './obs.canvas-target';
import { ObsDriver } from './obs.driver';
import type { ObsShowSetup } from './obs.setup';

type Answer = unknown | ((data: Record<string, unknown>) => unknown);
/** A request OBS refuses: its status code and comment. */
class Refused {
  constructor(
    readonly code: number,
    readonly comment: string,
  ) {}
}
const UNKNOWN_REQUEST = (type: string) => new Refused(204, `Your request type is not valid: ${type}`);
const NO_VENDOR = new Refused(600, 'No vendor was found by that name.');

interface Logged {
  requestType: string;
  requestData: Record<string, unknown>;
}

/** An obs-websocket v5 server (MessagePack) answering from `answers`; a request without an answer fails as 204 does. */
async function recordedObs(answers: Record<string, Answer>): Promise<{ url: string; log: Logged[]; close(): Promise<void> }> {
  const log: Logged[] = [];
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: () => 'obswebsocket.msgpack' });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const answer = (requestType: string, requestData: Record<string, unknown> = {}) => {
    log.push({ requestType, requestData });
    const recorded = answers[requestType];
    const value = recorded === undefined ? UNKNOWN_REQUEST(requestType) : typeof recorded === 'function' ? (recorded as (d: Record<string, unknown>) => unknown)(requestData) : recorded;
    return value instanceof Refused
      ? { requestType, requestStatus: { result: false, code: value.code, comment: value.comment } }
      : { requestType, requestStatus: { result: true, code: 100 }, responseData: value };
  };
  const send = (socket: WebSocket, message: unknown) => socket.send(encode(message));
  server.on('connection', (socket: WebSocket) => {
    send(socket, { op: 0, d: { obsWebSocketVersion: '5.7.3', rpcVersion: 1 } });
    socket.on('message', (raw) => {
      const { op, d } = decode(raw as Uint8Array) as { op: number; d: Record<string, unknown> };
      if (op === 1) send(socket, { op: 2, d: { negotiatedRpcVersion: 1 } });
      if (op === 6) {
        const result = answer(String(d.requestType), d.requestData as Record<string, unknown> | undefined);
        send(socket, { op: 7, d: { ...result, requestId: d.requestId } });
      }
      if (op === 8) {
        const requests = d.requests as Array<{ requestType: string; requestData?: Record<string, unknown>; requestId?: string }>;
        const results = requests.map((request) => ({ ...answer(request.requestType, request.requestData), ...(request.requestId ? { requestId: request.requestId } : {}) }));
        send(socket, { op: 9, d: { requestId: d.requestId, results } });
      }
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}

const mainVideo = { fpsNumerator: 30, fpsDenominator: 1, baseWidth: 1920, baseHeight: 1080, outputWidth: 1920, outputHeight: 1080 };
/** What every OBS answers for the connection, the keepalive and a show whose scenes exist already. */
const baseAnswers: Record<string, Answer> = {
  GetVersion: { obsVersion: '31.1.2', obsWebSocketVersion: '5.7.3', rpcVersion: 1, availableRequests: [], supportedImageFormats: [], platform: 'linux', platformDescription: '' },
  GetStreamStatus: { outputActive: false, outputReconnecting: false, outputTimecode: '00:00:00.000', outputDuration: 0, outputCongestion: 0, outputBytes: 0, outputSkippedFrames: 0, outputTotalFrames: 0 },
  GetRecordStatus: { outputActive: false, outputPaused: false, outputTimecode: '00:00:00.000', outputDuration: 0, outputBytes: 0 },
  GetStats: { cpuUsage: 1, memoryUsage: 100, availableDiskSpace: 1000, activeFps: 30, averageFrameRenderTime: 1, renderSkippedFrames: 0, renderTotalFrames: 10, outputSkippedFrames: 0, outputTotalFrames: 10, webSocketSessionIncomingMessages: 1, webSocketSessionOutgoingMessages: 1 },
  GetVideoSettings: mainVideo,
  GetInputKindList: { inputKinds: ['browser_source', 'text_ft2_source_v2', 'image_source'] },
  GetInputList: { inputs: [] },
  GetSceneList: {
    currentProgramSceneName: 'Intro',
    currentProgramSceneUuid: 'aaaaaaaa-0000-4000-8000-000000000001',
    currentPreviewSceneName: null,
    currentPreviewSceneUuid: null,
    scenes: [
      { sceneIndex: 0, sceneName: 'Deal', sceneUuid: 'aaaaaaaa-0000-4000-8000-000000000002' },
      { sceneIndex: 1, sceneName: 'Intro', sceneUuid: 'aaaaaaaa-0000-4000-8000-000000000001' },
    ],
  },
  GetCurrentProgramScene: { sceneName: 'Intro', sceneUuid: 'aaaaaaaa-0000-4000-8000-000000000001', currentProgramSceneName: 'Intro', currentProgramSceneUuid: 'aaaaaaaa-0000-4000-8000-000000000001' },
  GetSceneItemList: { sceneItems: [] },
  SetCurrentProgramScene: {},
};

/** GetCanvasList on OBS 31.1 with obs-websocket 5.7.3 and Aitum Vertical 1.6.4 (canvasFlags / canvasVideoSettings shape). */
const canvasFlags = (main: boolean) => ({ MAIN: main, ACTIVATE: true, MIX_AUDIO: true, SCENE_REF: true, EPHEMERAL: false });
const canvasList = (second: { name: string; width: number; height: number }) => ({
  canvases: [
    { canvasName: 'Main', canvasUuid: 'cccccccc-0000-4000-8000-000000000001', canvasFlags: canvasFlags(true), canvasVideoSettings: mainVideo },
    {
      canvasName: second.name,
      canvasUuid: 'cccccccc-0000-4000-8000-000000000002',
      canvasFlags: canvasFlags(false),
      canvasVideoSettings: { fpsNumerator: 30, fpsDenominator: 1, baseWidth: second.width, baseHeight: second.height, outputWidth: second.width, outputHeight: second.height },
    },
  ],
});

/** The Aitum Vertical plugin's vendor answers (CallVendorRequest wraps them); `switchScene` can be made to fail. */
function aitumVendor(options: { scenes: string[]; current: string; switchScene?: Refused }) {
  return (data: Record<string, unknown>) => {
    const requestType = String(data.requestType);
    const wrap = (responseData: unknown) => ({ vendorName: AITUM_VENDOR, requestType, responseData });
    switch (requestType) {
      case 'version':
        return wrap({ version: '1.6.4', success: true });
      case 'status':
        return wrap({ streaming: false, recording: false, backtrack: false, virtual_camera: false, success: true });
      case 'get_scenes':
        return wrap({ scenes: options.scenes.map((name) => ({ name })), success: true });
      case 'current_scene':
        return wrap({ scene: options.current, success: true });
      case 'switch_scene':
        return options.switchScene ?? wrap({ success: true });
      default:
        return new Refused(600, 'No request was found by that name.');
    }
  };
}

const verticalSetup: ObsShowSetup = { scenes: ['Intro', 'Deal'], overlaySources: [], orientation: 'vertical' };

let cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

async function connected(answers: Record<string, Answer>, setup: ObsShowSetup) {
  const recorded = { ...baseAnswers, ...answers };
  const obs = await recordedObs(recorded);
  const driver = new ObsDriver({ keepaliveIntervalMs: 60_000 });
  cleanup.push(() => obs.close(), () => driver.stop());
  await driver.setShowSetup(setup);
  const status = await driver.start({ url: obs.url, password: '' });
  expect(status.state, status.error).toBe('connected');
  obs.log.length = 0; // what the cues send, from here on
  return { obs, driver, recorded };
}

const sent = (log: Logged[], type: string) => log.filter((request) => request.requestType === type).map((request) => request.requestData);

describe('a cue on OBS with a second, vertical canvas (recorded answers)', () => {
  it('OBS 31.1 + Aitum Vertical, vertical show: the main canvas switches as before, then the vertical canvas through switch_scene', async () => {
    const { obs, driver } = await connected({ GetCanvasList: canvasList({ name: 'Aitum Vertical', width: 1080, height: 1920 }), CallVendorRequest: aitumVendor({ scenes: ['Intro', 'Deal'], current: 'Intro' }) }, verticalSetup);
    const outcome = await driver.setDesired({ programScene: 'Deal', overlays: {} });
    expect(outcome).toMatchObject({ applied: true, failures: [], gaps: [], requests: 2 });
    expect(obs.log.map((request) => request.requestType)).toEqual(['SetCurrentProgramScene', 'CallVendorRequest']);
    expect(sent(obs.log, 'SetCurrentProgramScene')).toEqual([{ sceneName: 'Deal' }]);
    expect(sent(obs.log, 'CallVendorRequest')).toEqual([{ vendorName: 'aitum-vertical-canvas', requestType: 'switch_scene', requestData: { scene: 'Deal' } }]);
    // The same cue again sends nothing more (both canvases are on it).
    obs.log.length = 0;
    await driver.setDesired({ programScene: 'Deal', overlays: {} });
    expect(obs.log).toEqual([]);
  });

  it('an older OBS with the Aitum plugin (no GetCanvasList): found by its vendor, and switched the same way', async () => {
    const { obs, driver } = await connected({ CallVendorRequest: aitumVendor({ scenes: ['Intro', 'Deal', 'Vertical only'], current: 'Intro' }) }, verticalSetup);
    await driver.setDesired({ programScene: 'Deal', overlays: {} });
    expect(sent(obs.log, 'CallVendorRequest')).toEqual([{ vendorName: 'aitum-vertical-canvas', requestType: 'switch_scene', requestData: { scene: 'Deal' } }]);
  });

  it('a landscape show on the same OBS uses the main canvas only: the plugin gets nothing', async () => {
    const { obs, driver } = await connected(
      { GetCanvasList: canvasList({ name: 'Aitum Vertical', width: 1080, height: 1920 }), CallVendorRequest: aitumVendor({ scenes: ['Intro', 'Deal'], current: 'Intro' }) },
      { ...verticalSetup, orientation: 'landscape' },
    );
    const outcome = await driver.setDesired({ programScene: 'Deal', overlays: {} });
    expect(obs.log.map((request) => request.requestType)).toEqual(['SetCurrentProgramScene']);
    expect(outcome).toMatchObject({ failures: [], gaps: [] });
  });

  it('the switch_scene request failing (plugin gone) gives a sentence, and the main canvas is switched all the same', async () => {
    const { obs, driver } = await connected(
      { GetCanvasList: canvasList({ name: 'Aitum Vertical', width: 1080, height: 1920 }), CallVendorRequest: aitumVendor({ scenes: ['Intro', 'Deal'], current: 'Intro', switchScene: NO_VENDOR }) },
      verticalSetup,
    );
    const outcome = await driver.setDesired({ programScene: 'Deal', overlays: {} });
    expect(sent(obs.log, 'SetCurrentProgramScene')).toEqual([{ sceneName: 'Deal' }]);
    expect(outcome.failures).toEqual(['Canvas "Aitum Vertical" did not switch to scene "Deal" (OBS said: No vendor was found by that name.); the main canvas did.']);
    expect(driver.getStatus().state).toBe('connected');
    expect(driver.getStatus().lastReconcile?.failures).toEqual(outcome.failures);
  });

  it('once the main canvas is set to 1080×1920 the show uses it: cues stop going to the plugin', async () => {
    const { obs, driver, recorded } = await connected(
      { GetCanvasList: canvasList({ name: 'Aitum Vertical', width: 1080, height: 1920 }), CallVendorRequest: aitumVendor({ scenes: ['Intro', 'Deal'], current: 'Intro' }) },
      verticalSetup,
    );
    recorded.GetVideoSettings = { ...mainVideo, baseWidth: 1080, baseHeight: 1920, outputWidth: 1080, outputHeight: 1920 };
    recorded.GetCanvasList = canvasList({ name: 'Aitum Vertical', width: 1080, height: 1920 });
    await driver.canvasChanged();
    obs.log.length = 0;
    const outcome = await driver.setDesired({ programScene: 'Deal', overlays: {} });
    expect(obs.log.map((request) => request.requestType)).toEqual(['SetCurrentProgramScene']);
    expect(outcome).toMatchObject({ failures: [], gaps: [] });
  });

  it('a scene the vertical canvas does not have is not sent to it: a sentence says to make it there', async () => {
    const { obs, driver } = await connected({ GetCanvasList: canvasList({ name: 'Aitum Vertical', width: 1080, height: 1920 }), CallVendorRequest: aitumVendor({ scenes: ['Intro'], current: 'Intro' }) }, verticalSetup);
    const outcome = await driver.setDesired({ programScene: 'Deal', overlays: {} });
    expect(obs.log.map((request) => request.requestType)).toEqual(['SetCurrentProgramScene']);
    expect(outcome.gaps).toEqual(['Canvas "Aitum Vertical" has no scene named "Deal": make one in the Aitum Vertical dock to have it follow the cue.']);
  });

  it('a second canvas OBS lets no program switch (not the Aitum plugin): the main canvas only, and a sentence', async () => {
    const { obs, driver } = await connected({ GetCanvasList: canvasList({ name: 'Phone', width: 1080, height: 1920 }), CallVendorRequest: NO_VENDOR }, verticalSetup);
    const outcome = await driver.setDesired({ programScene: 'Deal', overlays: {} });
    expect(obs.log.map((request) => request.requestType)).toEqual(['SetCurrentProgramScene']);
    expect(outcome.gaps).toEqual(['OBS lets other programs switch scenes on its main canvas only, so canvas "Phone" keeps its scene; the main canvas follows the cues.']);
  });
});

describe('a cue on OBS with one canvas (OBS 29: GetCanvasList and the vendor unknown)', () => {
  it('sends exactly what it sent before: SetCurrentProgramScene, no vendor request, no gap', async () => {
    const { obs, driver } = await connected({ CallVendorRequest: NO_VENDOR }, verticalSetup);
    const outcome = await driver.setDesired({ programScene: 'Deal', overlays: {} });
    expect(obs.log).toEqual([{ requestType: 'SetCurrentProgramScene', requestData: { sceneName: 'Deal' } }]);
    expect(outcome).toEqual({ applied: true, requests: 1, failures: [], gaps: [] });
  });

  it('a show setup without an orientation looks for no canvas at all', async () => {
    const obs = await recordedObs({ ...baseAnswers, CallVendorRequest: NO_VENDOR });
    const driver = new ObsDriver({ keepaliveIntervalMs: 60_000 });
    cleanup.push(() => obs.close(), () => driver.stop());
    await driver.setShowSetup({ scenes: ['Intro', 'Deal'], overlaySources: [] });
    await driver.start({ url: obs.url, password: '' });
    expect(obs.log.map((request) => request.requestType)).not.toContain('GetCanvasList');
    expect(obs.log.map((request) => request.requestType)).not.toContain('CallVendorRequest');
  });
});

describe('canvas target (pure)', () => {
  const main = { name: 'Main', source: 'main' as const, base: { width: 1920, height: 1080 }, output: { width: 1920, height: 1080 } };
  const aitum = { name: 'Aitum Vertical', source: 'aitum-vertical' as const, base: { width: 1080, height: 1920 }, output: { width: 1080, height: 1920 } };
  const listed = { ...aitum, source: 'obs-websocket' as const };
  const other = { ...listed, name: 'Phone' };

  it('targets the Aitum canvas found either way, and says what is addressed in the report', () => {
    expect(canvasTarget([main, aitum], 1)).toEqual({ kind: 'aitum', name: 'Aitum Vertical', width: 1080, height: 1920 });
    expect(canvasTarget([main, listed], 1).kind).toBe('aitum');
    expect(canvasTarget([main, other], 1)).toEqual({ kind: 'none', name: 'Phone' });
    expect(canvasTarget([main, aitum], 0)).toEqual({ kind: 'main' });
    expect(canvasReport([main, aitum], 'vertical').addressing).toBe('scene-switch');
    expect(canvasReport([main, other], 'vertical').addressing).toBe('main-only');
    expect(canvasReport([main, aitum], 'landscape').addressing).toBe('main');
    expect(canvasReport([main], 'vertical').addressing).toBe('main');
  });

  it('plans nothing for the main canvas or without a cue scene; nothing when the canvas is on it already', () => {
    const target: CanvasTarget = { kind: 'aitum', name: 'Aitum Vertical', width: 1080, height: 1920 };
    expect(planCanvasSwitch('Deal', { kind: 'main' }, undefined)).toEqual({ requests: [], gaps: [] });
    expect(planCanvasSwitch(undefined, target, { scenes: ['Deal'] })).toEqual({ requests: [], gaps: [] });
    expect(planCanvasSwitch('Deal', target, { scenes: ['Deal'], program: 'Deal' })).toEqual({ requests: [], gaps: [] });
    expect(planCanvasSwitch('Deal', target, undefined).gaps[0]).toMatch(/did not list its scenes/);
  });

  it('reads the plugin answers; a plugin that says success:false, or a refused request, counts as not answered', () => {
    const ok = (responseData: unknown) => ({ requestStatus: { result: true, code: 100 }, responseData: { vendorName: AITUM_VENDOR, requestType: 'x', responseData } });
    expect(observedCanvasFrom([ok({ scenes: [{ name: 'A' }, { name: '' }, {}], success: true }), ok({ scene: 'A', success: true })])).toEqual({ scenes: ['A'], program: 'A' });
    expect(observedCanvasFrom([ok({ scenes: [{ name: 'A' }], success: true }), ok({ success: false })])).toEqual({ scenes: ['A'] });
    expect(observedCanvasFrom([{ requestStatus: { result: false, code: 600, comment: 'No vendor was found by that name.' } }])).toBeUndefined();
    const plan = planCanvasSwitch('A', { kind: 'aitum', name: 'V', width: 1080, height: 1920 }, { scenes: ['A'] });
    expect(applyCanvasResults({ scenes: ['A'] }, plan.requests, [ok({ success: false, error: "'scene' not set" })])).toEqual({ scenes: ['A'] });
    expect(applyCanvasResults({ scenes: ['A'] }, plan.requests, [ok({ success: true })])).toEqual({ scenes: ['A'], program: 'A' });
  });

  it("follows the plugin's switch_scene event (a scene changed by hand in the dock)", () => {
    const event = { vendorName: AITUM_VENDOR, eventType: 'switch_scene', eventData: { width: 1080, height: 1920, old_scene: 'A', new_scene: 'B' } };
    expect(canvasAfterVendorEvent({ scenes: ['A', 'B'], program: 'A' }, event)).toEqual({ scenes: ['A', 'B'], program: 'B' });
    expect(canvasAfterVendorEvent({ scenes: ['A'] }, { ...event, vendorName: 'other' })).toEqual({ scenes: ['A'] });
    expect(canvasAfterVendorEvent(undefined, event)).toBeUndefined();
  });
});
