/**
 * Going live for real, in Chromium against a real OBS (headless, e2e/support/obs-rig.ts) that streams to a local
 * RTMP receiver (nginx + libnginx-mod-rtmp, e2e/support/rtmp.ts) and records into a temporary folder:
 * - Set up OBS ends with the next step: the user's own scene nested into every show scene, once;
 * - Go live shows the pre-flight checklist; Start streaming and Start recording there make OBS report outputActive
 *   (asked through obs-websocket), and the console says ON AIR; the overlay URLs are listed during the show;
 * - End show stops the stream and the recording (outputActive false), shows Ended alone, and View report opens
 *   that run's report;
 * - OBS SIGKILLed mid-show: the header, the console and a paired phone say OBS is not connected within 2 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OBSWebSocket } from 'obs-websocket-js';
import { devices } from '@playwright/test';
import { OBS_START_HOOK_TIMEOUT_MS, obsTestGate, startObs, switchToCutTransition, type ObsRig } from './support/obs-rig';
import { rtmpTestGate, startRtmp, type RtmpReceiver } from './support/rtmp';
import { connectObsInSettings } from './support/obs-fixture';
import { expect, test, watchForProblems, type ProblemLog } from './support/fixtures';
import { goLiveThroughChecklist } from './support/golive';
import { startHostProcess } from './support/host';
import { loadSampleFromFirstRun } from './support/smoke';
import { SAMPLE_SHOW as SHOW } from './support/sample-show';

const { defaultBrowserType: _ignored, ...iPhone } = devices['iPhone 13'];
const obsGate = obsTestGate();
const rtmpGate = rtmpTestGate();

test.describe('going live with OBS streaming and recording', () => {
  test.skip(obsGate.skip || rtmpGate.skip, obsGate.reason ?? rtmpGate.reason ?? '');
  let rig: ObsRig;
  let rtmp: RtmpReceiver;
  let recordings: string;
  const obs = new OBSWebSocket();
  const streaming = async () => (await obs.call('GetStreamStatus')).outputActive;
  const recording = async () => (await obs.call('GetRecordStatus')).outputActive;

  test.beforeAll(async () => {
    test.setTimeout(OBS_START_HOOK_TIMEOUT_MS);
    [rig, rtmp] = await Promise.all([startObs(), startRtmp()]);
    recordings = mkdtempSync(join(tmpdir(), 'kol-e2e-rec-'));
    await obs.connect(rig.url, rig.password);
    await switchToCutTransition(obs);
    await obs.call('SetStreamServiceSettings', {
      streamServiceType: 'rtmp_custom',
      streamServiceSettings: { server: rtmp.server, key: 'kol-e2e', use_auth: false },
    });
    // OBS 29 (obs-websocket 5.1) has no SetRecordDirectory: the profile's recording path, for either output mode.
    await obs.call('SetProfileParameter', { parameterCategory: 'SimpleOutput', parameterName: 'FilePath', parameterValue: recordings });
    await obs.call('SetProfileParameter', { parameterCategory: 'AdvOut', parameterName: 'RecFilePath', parameterValue: recordings });
  });

  test.afterAll(async () => {
    await obs.disconnect().catch(() => undefined);
    await Promise.all([rig?.stop(), rtmp?.stop()]);
    if (recordings) rmSync(recordings, { recursive: true, force: true });
  });

  test('set up OBS, pre-flight, start streaming and recording, ON AIR, end show stopping both, view the report', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/');
    await loadSampleFromFirstRun(page);
    await connectObsInSettings(page, rig);
    await page.getByRole('link', { name: 'Live' }).click();

    // Set up OBS, then the next step: nest OBS's own "Scene" (the user's camera scene) into every show scene.
    await page.getByRole('button', { name: 'Set up OBS' }).click();
    const nextStep = page.getByRole('region', { name: 'Next: your camera in every scene' });
    await expect(nextStep.getByLabel('Base scene (camera or capture)')).toHaveValue('Scene');
    await nextStep.getByRole('button', { name: 'Add to every show scene' }).click();
    await expect(page.getByText('"Scene" is now in 7 more scenes.')).toBeVisible();
    const opening = (await obs.call('GetSceneItemList', { sceneName: 'Opening' })).sceneItems;
    expect([...opening].sort((a, b) => Number(a.sceneItemIndex) - Number(b.sceneItemIndex)).map((item) => item.sourceName)).toEqual(['Scene', 'KOL Overlays']);
    await nextStep.getByRole('button', { name: 'Add to every show scene' }).click();
    await expect(page.getByText('"Scene" was already in every show scene.')).toBeVisible();
    expect((await obs.call('GetSceneItemList', { sceneName: 'Opening' })).sceneItems).toHaveLength(2);

    // The checklist.
    await page.getByRole('button', { name: 'Go live' }).click();
    const checklist = page.getByRole('dialog', { name: 'Before you go live' });
    const items = checklist.getByRole('list', { name: 'Pre-flight checklist' });
    await expect(items.getByRole('listitem')).toHaveCount(7);
    await expect(items).toContainText(/OBS is connected \(OBS \d+\./);
    await expect(items).toContainText('All 7 scenes of the show are in OBS.');
    await expect(items).toContainText('OBS is not streaming: viewers see nothing.');
    await expect(items).toContainText('OBS is not recording.');
    await expect(items).toContainText('All 7 overlay pages answer.');
    await expect(items).toContainText('Every sponsored segment carries a fitting disclosure label.');
    await expect(items).toContainText('No claim flags.');
    await expect(checklist.getByRole('button', { name: 'Go live without streaming' })).toBeVisible();

    await checklist.getByRole('button', { name: 'Start streaming' }).click();
    await expect(items).toContainText('OBS is streaming.');
    expect(await streaming()).toBe(true);
    await expect.poll(() => rtmp.publishedKeys()).toContain('kol-e2e');
    await checklist.getByRole('button', { name: 'Start recording' }).click();
    await expect(items).toContainText('OBS is recording.');
    expect(await recording()).toBe(true);
    await checklist.getByRole('button', { name: 'Go live', exact: true }).click();
    await expect(checklist).toBeHidden();

    const state = page.getByRole('status', { name: 'Show state' });
    await expect(state).toHaveText('ON AIR');
    await expect.poll(async () => (await obs.call('GetCurrentProgramScene')).currentProgramSceneName).toBe('Opening');
    // The overlay URLs during the show: shown and copyable.
    const overlays = page.getByRole('region', { name: 'Overlay pages' });
    await expect(overlays.getByLabel('URL of All overlays (1920×1080)', { exact: true })).toHaveText(/\/overlay\/all\?token=/);
    await expect(overlays.getByRole('button', { name: 'Copy URL: All overlays (1920×1080)' })).toHaveAttribute('data-url', /\/overlay\/all\?token=/);
    await page.getByRole('button', { name: 'Next', exact: true }).click();

    // End show, stopping the stream and the recording.
    await page.getByRole('button', { name: 'End show' }).click();
    const end = page.getByRole('dialog', { name: 'End the show?' });
    await expect(end.getByRole('checkbox', { name: 'Stop the stream' })).toBeChecked();
    await expect(end.getByRole('checkbox', { name: 'Stop the recording' })).toBeChecked();
    await end.getByRole('button', { name: 'End the show' }).click();
    await expect(state).toHaveText('Ended');
    await expect.poll(streaming, { timeout: 15_000 }).toBe(false);
    await expect.poll(recording, { timeout: 15_000 }).toBe(false);
    await expect(page.getByText('ON AIR', { exact: true })).toHaveCount(0);

    await page.getByRole('button', { name: 'View report' }).click();
    await expect(page).toHaveURL(/#\/reports\?run=/);
    const report = page.getByRole('region', { name: `Report: ${SHOW}` });
    await expect(report).toHaveAttribute('aria-current', 'true');
    await expect(report.getByRole('table', { name: `Planned and actual: ${SHOW}` }).getByRole('row').nth(1)).toContainText(/\d+:\d\d\s*\d+:\d\d/);
  });

  test('OBS killed mid-show: the header, the console and a paired phone say OBS is not connected within 2 s', async ({ browser }) => {
    test.setTimeout(90_000);
    const host = await startHostProcess({ args: ['--remote-port', '0'] });
    const desktop = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: host.url });
    const phoneContext = await browser.newContext({ ...iPhone });
    const log: ProblemLog = { problems: [] };
    try {
      const page = await desktop.newPage();
      watchForProblems(page, log);
      await page.goto('/');
      await loadSampleFromFirstRun(page);
      await connectObsInSettings(page, rig);
      await page.getByRole('link', { name: 'Live' }).click();
      await goLiveThroughChecklist(page); // not streaming: "Go live without streaming"
      const state = page.getByRole('status', { name: 'Show state' });
      await expect(state).toHaveText('Live · not streaming');
      await expect(page.getByRole('status', { name: /^OBS connected/ })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Start streaming' })).toBeVisible();

      // A phone paired as co-host sees OBS too.
      await page.getByRole('switch', { name: 'Remote control on this network' }).click();
      await page.getByRole('button', { name: 'Show pairing code' }).click();
      const shortUrl = (await page.getByTestId('remote-url').textContent()) ?? '';
      const code = (await page.getByLabel('Pairing code', { exact: true }).textContent()) ?? '';
      const phone = await phoneContext.newPage();
      await phone.goto(shortUrl);
      await phone.getByLabel('Pairing code').fill(code);
      await phone.getByRole('button', { name: 'Pair' }).click();
      const phoneObs = phone.locator('#obs');
      await expect(phoneObs).toHaveText('OBS OK');

      const killedAt = Date.now();
      rig.kill('SIGKILL');
      await expect(page.getByRole('status', { name: 'OBS disconnected · reconnecting' })).toBeVisible({ timeout: 2_000 });
      const shownMs = Date.now() - killedAt;
      await expect(phoneObs).toHaveText('OBS lost', { timeout: Math.max(100, 2_000 - shownMs) });
      const phoneMs = Date.now() - killedAt;
      await expect(state).toContainText('OBS not connected', { timeout: 500 });
      await expect(page.getByRole('status', { name: /^OBS connected/ })).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Start streaming' })).toHaveCount(0);
      console.info(`[golive e2e] OBS SIGKILLed: the studio showed it disconnected after ${shownMs} ms, the phone after ${phoneMs} ms`);
      expect(shownMs).toBeLessThan(2_000);
      expect(phoneMs).toBeLessThan(2_000);
      await rig.restart();
      await expect(page.getByRole('status', { name: /^OBS connected/ })).toBeVisible({ timeout: 20_000 });
      await expect(phoneObs).toHaveText('OBS OK');
    } finally {
      await phoneContext.close();
      await desktop.close();
      await host.stop();
    }
    expect(log.problems).toEqual([]);
  });
});
