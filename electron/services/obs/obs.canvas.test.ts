/**
 * OBS canvas detection and selection. Multi-canvas OBS (obs-websocket 5.7+ GetCanvasList, the Aitum Vertical
 * plugin's vendor requests) cannot run here (Debian's OBS 29 has one canvas and no such plugin), so those cases
 * replay RECORDED answers, shaped as obs-websocket returns them (RequestHandler_Canvases.cpp; the plugin's
 * vendor_request_* handlers). The single-canvas fallback, setting the canvas and placing overlays run against a
 * real headless OBS (e2e/support/obs-rig.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OBSWebSocket, OBSWebSocketError } from 'obs-websocket-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OBS_START_HOOK_TIMEOUT_MS, obsTestGate, startObs, type ObsRig } from '../../../e2e/support/obs-rig';
import { boxOnCanvas, nativeOverlayBoxes } from '../live/live.placement';
import { safeLayout } from '../../../shared/domain/safe-zones';
import {
  activeOutputs,
  canvasesFromList,
  canvasReport,
  readCanvasReport,
  readObsCanvases,
  selectCanvas,
  setMainCanvas,
  sizeOrientation,
  type ObsCanvas,
} from './obs.canvas';
import { placeOverlays, setupObsForShow, type ObsCaller, type ObsShowSetup } from './obs.setup';

const UNKNOWN_REQUEST = 204;

/** A caller that answers from recorded responses; a request without one fails as OBS fails an unknown request. */
function recorded(answers: Record<string, unknown | ((data: unknown) => unknown)>): ObsCaller & { calls: string[] } {
  const calls: string[] = [];
  const call = async (type: string, data?: unknown) => {
    calls.push(type);
    const answer = answers[type];
    if (answer === undefined) throw new OBSWebSocketError(UNKNOWN_REQUEST, `Your request type is not valid: ${type}`);
    const value = typeof answer === 'function' ? (answer as (d: unknown) => unknown)(data) : answer;
    if (value instanceof Error) throw value;
    return value;
  };
  return { call: call as unknown as ObsCaller['call'], calls };
}

const landscapeVideo = { fpsNumerator: 30, fpsDenominator: 1, baseWidth: 1920, baseHeight: 1080, outputWidth: 1280, outputHeight: 720 };

/** GetCanvasList on OBS 31.1 with obs-websocket 5.7.0 and the Aitum Vertical plugin (5.7.0's shape: `flags` and sizes on the canvas). */
const canvasList531 = {
  canvases: [
    { canvasName: 'Main', canvasUuid: '6f1e0e8c-1b0f-4a8e-9a52-000000000001', flags: 7, fpsNumerator: 30, fpsDenominator: 1, baseWidth: 1920, baseHeight: 1080, outputWidth: 1280, outputHeight: 720 },
    { canvasName: 'Aitum Vertical', canvasUuid: '6f1e0e8c-1b0f-4a8e-9a52-000000000002', flags: 6, fpsNumerator: 30, fpsDenominator: 1, baseWidth: 1080, baseHeight: 1920, outputWidth: 1080, outputHeight: 1920 },
  ],
};

describe('canvas orientation and selection', () => {
  const main = (width: number, height: number): ObsCanvas => ({ name: 'Main', source: 'main', base: { width, height }, output: { width, height } });
  const other = (name: string, width: number, height: number): ObsCanvas => ({ name, source: 'obs-websocket', base: { width, height }, output: { width, height } });

  it('reads orientation from the base size; a square canvas is landscape', () => {
    expect(sizeOrientation({ width: 1080, height: 1920 })).toBe('vertical');
    expect(sizeOrientation({ width: 1920, height: 1080 })).toBe('landscape');
    expect(sizeOrientation({ width: 1080, height: 1080 })).toBe('landscape');
  });

  it('matches a vertical show to a vertical main canvas, and says so when it does not match', () => {
    expect(canvasReport([main(1080, 1920)], 'vertical')).toMatchObject({ selected: 0, matches: true, canvasOrientation: 'vertical' });
    expect(canvasReport([main(1920, 1080)], 'vertical')).toMatchObject({ selected: 0, matches: false, canvasOrientation: 'landscape', recommended: { width: 1080, height: 1920 } });
    expect(canvasReport([main(1080, 1920)], 'landscape')).toMatchObject({ matches: false, recommended: { width: 1920, height: 1080 } });
  });

  it('picks the canvas that matches the show: main first, else the first other that matches, else main', () => {
    const canvases = [main(1920, 1080), other('Vertical A', 1080, 1920), other('Vertical B', 720, 1280)];
    expect(selectCanvas(canvases, 'landscape')).toBe(0);
    expect(selectCanvas(canvases, 'vertical')).toBe(1);
    expect(selectCanvas([main(1920, 1080), other('Wide 2', 2560, 1440)], 'vertical')).toBe(0);
    expect(selectCanvas([main(1080, 1920), other('Vertical A', 1080, 1920)], 'vertical')).toBe(0);
  });
});

describe('canvas detection from recorded obs-websocket answers', () => {
  it("OBS 29 (obs-websocket 5.1): GetCanvasList and the vendor are unknown: one canvas, the main one", async () => {
    const obs = recorded({ GetVideoSettings: landscapeVideo });
    const canvases = await readObsCanvases(obs);
    expect(canvases).toEqual([{ name: 'Main', source: 'main', base: { width: 1920, height: 1080 }, output: { width: 1280, height: 720 } }]);
    expect(obs.calls).toEqual(expect.arrayContaining(['GetVideoSettings', 'GetCanvasList', 'CallVendorRequest']));
  });

  it('obs-websocket 5.7 with a vertical canvas: both listed (main not twice), and a vertical show uses the vertical one', async () => {
    const obs = recorded({ GetVideoSettings: landscapeVideo, GetCanvasList: canvasList531 });
    const report = await readCanvasReport(obs, 'vertical');
    expect(report.canvases.map((c) => [c.name, c.source, c.base.width, c.base.height])).toEqual([
      ['Main', 'main', 1920, 1080],
      ['Aitum Vertical', 'obs-websocket', 1080, 1920],
    ]);
    expect(report.canvases[1]?.uuid).toBe('6f1e0e8c-1b0f-4a8e-9a52-000000000002');
    expect(report).toMatchObject({ selected: 1, matches: true });
    // The plugin's canvas is listed already: no vendor probing.
    expect(obs.calls).not.toContain('CallVendorRequest');
    expect((await readCanvasReport(obs, 'landscape')).selected).toBe(0);
  });

  it('Aitum Vertical on an older OBS (no GetCanvasList): found through its vendor requests, probed by size', async () => {
    const vendor = (data: unknown) => {
      const { requestType, requestData } = data as { requestType: string; requestData: { width?: number; height?: number } };
      if (requestType === 'version') return { vendorName: 'aitum-vertical-canvas', requestType, responseData: { version: '1.6.2', success: true } };
      if (requestType === 'status') {
        const found = requestData.width === 720 && requestData.height === 1280;
        return { vendorName: 'aitum-vertical-canvas', requestType, responseData: found ? { streaming: false, recording: false, backtrack: false, virtual_camera: false, success: true } : { success: false } };
      }
      return new OBSWebSocketError(600, 'unknown vendor request');
    };
    const obs = recorded({ GetVideoSettings: landscapeVideo, CallVendorRequest: vendor });
    const report = await readCanvasReport(obs, 'vertical');
    expect(report.canvases[1]).toEqual({ name: 'Aitum Vertical', source: 'aitum-vertical', base: { width: 720, height: 1280 }, output: { width: 720, height: 1280 } });
    expect(report).toMatchObject({ selected: 1, matches: true });
  });

  it('a vendor that is not there (OBS answers an error) or answers nonsense means no extra canvas', async () => {
    const missing = recorded({ GetVideoSettings: landscapeVideo, CallVendorRequest: new OBSWebSocketError(607, 'No vendor was found by that name.') });
    expect(await readObsCanvases(missing)).toHaveLength(1);
    const odd = recorded({ GetVideoSettings: landscapeVideo, GetCanvasList: { canvases: 'none' }, CallVendorRequest: { responseData: null } });
    expect(await readObsCanvases(odd)).toHaveLength(1);
  });

  it('obs-websocket 5.7.1+ shape (canvasFlags object, canvasVideoSettings) is read the same way', () => {
    const flags = (main: boolean) => ({ MAIN: main, ACTIVATE: true, MIX_AUDIO: true, SCENE_REF: true, EPHEMERAL: false });
    const video = (w: number, h: number) => ({ fpsNumerator: 30, fpsDenominator: 1, baseWidth: w, baseHeight: h, outputWidth: w, outputHeight: h });
    const answer = {
      canvases: [
        { canvasName: 'Main', canvasUuid: 'u-1', canvasFlags: flags(true), canvasVideoSettings: video(1920, 1080) },
        { canvasName: 'Aitum Vertical', canvasUuid: 'u-2', canvasFlags: flags(false), canvasVideoSettings: video(1080, 1920) },
        { canvasName: 'No video', canvasUuid: 'u-3', canvasFlags: flags(false), canvasVideoSettings: { baseWidth: null, baseHeight: null } },
      ],
    };
    expect(canvasesFromList(answer)).toEqual([
      { name: 'Aitum Vertical', uuid: 'u-2', source: 'obs-websocket', base: { width: 1080, height: 1920 }, output: { width: 1080, height: 1920 } },
    ]);
  });

  it('a GetCanvasList entry without a size is ignored', () => {
    expect(canvasesFromList({ canvases: [{ canvasName: 'Broken', flags: 0 }] })).toEqual([]);
  });

  it('refuses to change the canvas while an output runs, naming the outputs, and sends no SetVideoSettings', async () => {
    const obs = recorded({
      GetStreamStatus: { outputActive: true },
      GetRecordStatus: { outputActive: false },
      GetVirtualCamStatus: { outputActive: true },
      SetVideoSettings: {},
    });
    expect(await activeOutputs(obs)).toEqual(['stream', 'virtualcam']);
    expect(await setMainCanvas(obs, 'vertical')).toEqual({ ok: false, reason: 'outputs-active', outputs: ['stream', 'virtualcam'] });
    expect(obs.calls).not.toContain('SetVideoSettings');
  });
});

const gate = obsTestGate();

describe.skipIf(gate.skip)('canvas with a real OBS Studio (one canvas)', () => {
  let rig: ObsRig;
  let obs: OBSWebSocket;

  beforeAll(async () => {
    rig = await startObs();
    obs = new OBSWebSocket();
    await obs.connect(rig.url, rig.password);
  }, OBS_START_HOOK_TIMEOUT_MS);

  afterAll(async () => {
    await obs?.disconnect().catch(() => undefined);
    await rig?.stop();
  });

  it('detects one canvas (the requests for more fail and fall back), sets 1080×1920 and places the overlays inside the safe area', async () => {
    const before = await readCanvasReport(obs, 'vertical');
    expect(before.canvases).toHaveLength(1);
    expect(before.matches).toBe(before.canvasOrientation === 'vertical');

    const setup: ObsShowSetup = {
      scenes: ['Canvas Show'],
      overlayScene: 'Canvas Overlays',
      overlaySources: [{ name: 'Canvas Deal', kind: 'text', text: 'Deal ¥99', boxes: { vertical: nativeOverlayBoxes(['douyin'], 'vertical').dealCard, landscape: nativeOverlayBoxes(['douyin'], 'landscape').dealCard } }],
    };
    await setupObsForShow(obs, setup);

    const result = await setMainCanvas(obs, 'vertical');
    expect(result.ok).toBe(true);
    const video = await obs.call('GetVideoSettings');
    expect(video).toMatchObject({ baseWidth: 1080, baseHeight: 1920, outputWidth: 1080, outputHeight: 1920 });
    if (result.ok) expect(result.report).toMatchObject({ matches: true, canvasOrientation: 'vertical' });

    const placed = await placeOverlays(obs, setup);
    expect(placed.placed).toEqual(['Canvas Deal']);
    const { sceneItemId } = await obs.call('GetSceneItemId', { sceneName: 'Canvas Overlays', sourceName: 'Canvas Deal' });
    const { sceneItemTransform: t } = await obs.call('GetSceneItemTransform', { sceneName: 'Canvas Overlays', sceneItemId });
    const box = boxOnCanvas(setup.overlaySources[0]!.boxes!.vertical, { width: 1080, height: 1920 });
    expect(t).toMatchObject({ positionX: Math.round(box.x), positionY: Math.round(box.y), boundsType: 'OBS_BOUNDS_MAX_ONLY' });
    // What OBS draws stays inside the box, and so inside Douyin's content area.
    const drawn = { x: Number(t.positionX), y: Number(t.positionY), w: Number(t.width), h: Number(t.height) };
    expect(drawn.w).toBeGreaterThan(0);
    expect(drawn.w).toBeLessThanOrEqual(box.w + 1);
    expect(drawn.h).toBeLessThanOrEqual(box.h + 1);
    const area = safeLayout(['douyin'], 'vertical', { w: 1080, h: 1920 }).contentArea;
    expect(drawn.x).toBeGreaterThanOrEqual(area.x - 1);
    expect(drawn.y).toBeGreaterThanOrEqual(area.y - 1);

    expect(await setMainCanvas(obs, 'landscape')).toMatchObject({ ok: true, report: { canvasOrientation: 'landscape' } });
    expect(await obs.call('GetVideoSettings')).toMatchObject({ baseWidth: 1920, baseHeight: 1080 });
  });

  it('while OBS records, the canvas is not changed: OBS itself refuses, and the studio says which output runs', async () => {
    const recordings = mkdtempSync(join(tmpdir(), 'kol-canvas-rec-'));
    try {
      await obs.call('SetProfileParameter', { parameterCategory: 'SimpleOutput', parameterName: 'FilePath', parameterValue: recordings });
      await obs.call('SetProfileParameter', { parameterCategory: 'AdvOut', parameterName: 'RecFilePath', parameterValue: recordings });
      await obs.call('StartRecord');
      await expect.poll(async () => (await obs.call('GetRecordStatus')).outputActive, { timeout: 10_000 }).toBe(true);
      await expect(obs.call('SetVideoSettings', { baseWidth: 1080, baseHeight: 1920, outputWidth: 1080, outputHeight: 1920 })).rejects.toThrow();
      expect(await setMainCanvas(obs, 'vertical')).toEqual({ ok: false, reason: 'outputs-active', outputs: ['record'] });
      expect(await obs.call('GetVideoSettings')).toMatchObject({ baseWidth: 1920, baseHeight: 1080 });
    } finally {
      await obs.call('StopRecord').catch(() => undefined);
      await expect.poll(async () => (await obs.call('GetRecordStatus')).outputActive, { timeout: 10_000 }).toBe(false);
      rmSync(recordings, { recursive: true, force: true });
    }
  }, 30_000);
});
