/**
 * The OBS driver's stream and recording control, and how fast it notices a lost OBS, against a real headless OBS
 * (e2e/support/obs-rig.ts) streaming for real to a local RTMP receiver (nginx + libnginx-mod-rtmp,
 * e2e/support/rtmp.ts), recording into a temporary folder.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OBSWebSocket } from 'obs-websocket-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OBS_START_HOOK_TIMEOUT_MS, obsTestGate, startObs, type ObsRig } from '../../../e2e/support/obs-rig';
import { rtmpTestGate, startRtmp, type RtmpReceiver } from '../../../e2e/support/rtmp';
import { ObsDriver, toObsStatus, type ObsDriverStatus } from './obs.driver';

const obsGate = obsTestGate();
const rtmpGate = rtmpTestGate();

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(obsGate.skip || rtmpGate.skip)('OBS outputs and a lost OBS (real OBS, real RTMP receiver)', () => {
  let rig: ObsRig;
  let rtmp: RtmpReceiver;
  let observer: OBSWebSocket;
  let recordings: string;
  const driver = new ObsDriver();
  const statuses: ObsDriverStatus[] = [];
  driver.onStatus((status) => statuses.push(status));

  beforeAll(async () => {
    [rig, rtmp] = await Promise.all([startObs(), startRtmp()]);
    recordings = mkdtempSync(join(tmpdir(), 'kol-rec-'));
    observer = new OBSWebSocket();
    await observer.connect(rig.url, rig.password);
    await observer.call('SetStreamServiceSettings', {
      streamServiceType: 'rtmp_custom',
      streamServiceSettings: { server: rtmp.server, key: 'kol-outputs-test', use_auth: false },
    });
    // OBS 29 (obs-websocket 5.1) has no SetRecordDirectory: the profile's recording path, for either output mode.
    await observer.call('SetProfileParameter', { parameterCategory: 'SimpleOutput', parameterName: 'FilePath', parameterValue: recordings });
    await observer.call('SetProfileParameter', { parameterCategory: 'AdvOut', parameterName: 'RecFilePath', parameterValue: recordings });
  }, OBS_START_HOOK_TIMEOUT_MS);

  afterAll(async () => {
    await driver.stop();
    await observer?.disconnect().catch(() => undefined);
    await Promise.all([rig?.stop(), rtmp?.stop()]);
    if (recordings) rmSync(recordings, { recursive: true, force: true });
  });

  it('starts and stops the stream and the recording; OBS reports outputActive; the status follows at once', async () => {
    expect((await driver.start({ url: rig.url, password: rig.password })).state).toBe('connected');
    const started = await driver.setOutput('stream', true);
    expect(started.streaming).toBe(true);
    expect((await observer.call('GetStreamStatus')).outputActive).toBe(true);
    await waitFor(() => rtmp.publishedKeys().includes('kol-outputs-test'), 5_000, 'the receiver got the stream');
    expect(toObsStatus(driver.getStatus())).toMatchObject({ connected: true, streaming: true, recording: false });

    expect((await driver.setOutput('record', true)).recording).toBe(true);
    expect((await observer.call('GetRecordStatus')).outputActive).toBe(true);
    // Already recording: nothing to do.
    expect((await driver.setOutput('record', true)).recording).toBe(true);

    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await driver.setOutput('stream', false)).streaming).toBe(false);
    expect((await driver.setOutput('record', false)).recording).toBe(false);
    expect((await observer.call('GetStreamStatus')).outputActive).toBe(false);
    expect((await observer.call('GetRecordStatus')).outputActive).toBe(false);
    await waitFor(() => readdirSync(recordings).some((file) => statSync(join(recordings, file)).size > 0), 5_000, 'a recording file');

    // Started from outside the studio (OBS's own button): the status follows the event, not only the 2 s poll.
    const before = Date.now();
    await observer.call('StartRecord');
    await waitFor(() => driver.getStatus().recording, 1_500, 'recording seen from the event');
    expect(Date.now() - before).toBeLessThan(1_500);
    await driver.setOutput('record', false);
  }, 60_000);

  it('a hung OBS (SIGSTOP) is reported lost within 2 s, and never as connected meanwhile', async () => {
    expect(driver.getStatus().state).toBe('connected');
    const stoppedAt = Date.now();
    rig.kill('SIGSTOP');
    try {
      await waitFor(() => driver.getStatus().state !== 'connected', 2_000, 'the driver noticing a hung OBS');
      const status = toObsStatus(driver.getStatus());
      expect(status.connected).toBe(false);
      expect(status.reconnecting).toBe(true);
      console.info(`[obs-outputs test] hung OBS reported after ${Date.now() - stoppedAt} ms`);
    } finally {
      rig.kill('SIGCONT');
    }
    await waitFor(() => driver.getStatus().state === 'connected', 15_000, 'reconnected after OBS resumed');
  }, 30_000);

  it('a killed OBS (SIGKILL) is reported lost within 2 s', async () => {
    expect(driver.getStatus().state).toBe('connected');
    const killedAt = Date.now();
    rig.kill('SIGKILL');
    await waitFor(() => driver.getStatus().state !== 'connected', 2_000, 'the driver noticing a killed OBS');
    expect(toObsStatus(driver.getStatus())).toMatchObject({ connected: false, reconnecting: true });
    console.info(`[obs-outputs test] killed OBS reported after ${Date.now() - killedAt} ms`);
    expect(statuses.some((status) => status.state === 'connected' && status.lost)).toBe(false);
  }, 30_000);
});
