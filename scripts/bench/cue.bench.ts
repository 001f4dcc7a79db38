/**
 * Cue to air, against a real OBS Studio (headless, Cut transition):
 * - cue_to_air_p50_ms / cue_to_air_p95_ms: from a `next`/`previous` command entering the studio's services
 *   (validated dispatch → runner → OBS link → driver's reconcile batch) to OBS's CurrentProgramSceneChanged
 *   seen by a separate client, over 100 cues;
 * - cue_to_air_bare_p50_ms: the same for a bare obs-websocket-js SetCurrentProgramScene, interleaved in the
 *   same run, and cue_to_air_ratio_p50 (target ≤ 1.10).
 * Without OBS installed the benchmark prints why and reports nothing (it never invents numbers).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { OBSWebSocket } from 'obs-websocket-js';
import { obsAvailability, startObs, switchToCutTransition } from '../../e2e/support/obs-rig';
import { dispatch } from '../../electron/services/api/dispatch';
import { unwrapReply } from '../../shared/contract/errors';
import { sampleSnapshot } from '../../electron/services/runner/fixtures/sample-snapshot';
import { createStudioServices } from '../../electron/services/studio.services';
import { percentile, round } from './stats';

const CUES = 100;

function waitForScene(observer: OBSWebSocket, scene: string, timeoutMs = 5000): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      observer.off('CurrentProgramSceneChanged', onChange);
      reject(new Error(`OBS did not switch to ${scene} within ${timeoutMs} ms`));
    }, timeoutMs);
    const onChange = ({ sceneName }: { sceneName: string }) => {
      if (sceneName !== scene) return;
      clearTimeout(timer);
      observer.off('CurrentProgramSceneChanged', onChange);
      resolve(performance.now());
    };
    observer.on('CurrentProgramSceneChanged', onChange);
  });
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runCueBench(): Promise<Record<string, number>> {
  const availability = obsAvailability();
  if (!availability.available) {
    console.log(`cue-to-air benchmark skipped: ${availability.reason}`);
    return {};
  }
  const rig = await startObs();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kol-bench-cue-'));
  const services = createStudioServices({ name: 'KOL Studio', version: 'bench', platform: process.platform, dataDir });
  const observer = new OBSWebSocket();
  const commander = new OBSWebSocket();
  try {
    await observer.connect(rig.url, rig.password);
    await commander.connect(rig.url, rig.password);
    await switchToCutTransition(observer);

    const snapshot = sampleSnapshot();
    const [first, second] = [snapshot.segments[0]?.scene, snapshot.segments[1]?.scene];
    if (!first || !second || first === second) throw new Error('the sample show needs two different first scenes');
    unwrapReply(await dispatch(services.handlers, 'connectObs', [{ url: rig.url, password: rig.password }]));
    unwrapReply(await dispatch(services.handlers, 'setupObs', [snapshot]));

    // Bare obs-websocket-js while no show is live (a live show's reconcile would switch OBS back to the
    // runner's scene): half before the show, half after it ends, so both bracket the studio's cues.
    const bare: number[] = [];
    const bareBatch = async (count: number) => {
      for (let i = 0; i < count; i += 1) {
        const target = (await observer.call('GetCurrentProgramScene')).currentProgramSceneName === first ? second : first;
        const seen = waitForScene(observer, target);
        const start = performance.now();
        await commander.call('SetCurrentProgramScene', { sceneName: target });
        bare.push((await seen) - start);
        await pause(40);
      }
    };
    await bareBatch(CUES / 2);

    if ((await observer.call('GetCurrentProgramScene')).currentProgramSceneName === first) {
      const back = waitForScene(observer, second);
      await commander.call('SetCurrentProgramScene', { sceneName: second });
      await back;
    }
    const onAir = waitForScene(observer, first);
    unwrapReply(await dispatch(services.handlers, 'runnerLoad', [snapshot, { rehearsal: false }]));
    unwrapReply(await dispatch(services.handlers, 'runnerCommand', [{ type: 'start' }]));
    await onAir;
    await pause(300);

    // The studio: alternate next/previous between the first two segments (different scenes).
    const studio: number[] = [];
    for (let i = 0; i < CUES; i += 1) {
      const target = i % 2 === 0 ? second : first;
      const seen = waitForScene(observer, target);
      const start = performance.now();
      unwrapReply(await dispatch(services.handlers, 'runnerCommand', [{ type: i % 2 === 0 ? 'next' : 'previous' }]));
      studio.push((await seen) - start);
      await pause(40);
    }
    unwrapReply(await dispatch(services.handlers, 'runnerCommand', [{ type: 'end' }]));
    await pause(300);
    await bareBatch(CUES / 2);

    const p50 = percentile(studio, 50);
    const bareP50 = percentile(bare, 50);
    return {
      cue_to_air_p50_ms: round(p50),
      cue_to_air_p95_ms: round(percentile(studio, 95)),
      cue_to_air_bare_p50_ms: round(bareP50),
      cue_to_air_ratio_p50: round(p50 / bareP50, 2),
    };
  } finally {
    await observer.disconnect().catch(() => undefined);
    await commander.disconnect().catch(() => undefined);
    await services.dispose();
    await rig.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
