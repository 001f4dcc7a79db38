/**
 * The Playwright side of the real OBS rig (obs-rig.ts, which Vitest tests use too): one OBS per describe block,
 * started before its tests with the Cut transition and stopped after them, skipped with the printed reason where
 * OBS cannot run (under CI=true the gate fails instead); and the Settings steps that connect the studio to it.
 */
import { OBSWebSocket } from 'obs-websocket-js';
import type { Page } from '@playwright/test';
import { OBS_START_HOOK_TIMEOUT_MS, obsTestGate, startObs, switchToCutTransition, type ObsRig } from './obs-rig';
import { expect, test } from './fixtures';

export interface RealObs {
  /** The running OBS (throws before beforeAll has started it). */
  readonly rig: ObsRig;
  /** The test's own obs-websocket client, to check what OBS really shows. */
  readonly obs: OBSWebSocket;
}

/** Call inside a test.describe: the block gets a real OBS (or is skipped with the gate's reason). */
export function useRealObs(): RealObs {
  const gate = obsTestGate();
  test.skip(gate.skip, gate.reason ?? '');
  let rig: ObsRig | undefined;
  const obs = new OBSWebSocket();
  test.beforeAll(async () => {
    test.setTimeout(OBS_START_HOOK_TIMEOUT_MS);
    rig = await startObs();
    await obs.connect(rig.url, rig.password);
    await switchToCutTransition(obs);
  });
  test.afterAll(async () => {
    await obs.disconnect().catch(() => undefined);
    await rig?.stop();
  });
  return {
    get rig() {
      if (!rig) throw new Error('OBS has not started yet (use it inside a test)');
      return rig;
    },
    obs,
  };
}

/** Settings → OBS Studio: type the rig's URL and password, connect, and wait for the header to say connected. */
export async function connectObsInSettings(page: Page, rig: Pick<ObsRig, 'url' | 'password'>): Promise<void> {
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('OBS WebSocket URL').fill(rig.url);
  await page.getByLabel('OBS WebSocket password').fill(rig.password);
  await page.getByRole('button', { name: 'Connect to OBS' }).click();
  await expect(page.getByRole('status', { name: /^OBS connected/ })).toBeVisible();
}
