/**
 * Browser mode against a real OBS Studio (headless under Xvfb): the user connects from Settings, the
 * header and the health endpoint show the connection, and a wrong password gets a clear message.
 * Also: the host's --obs-url preset with the password from KOL_OBS_PASSWORD.
 */
import { OBS_START_HOOK_TIMEOUT_MS, obsTestGate, startObs, type ObsRig } from './support/obs-rig';
import { expect, test } from './support/fixtures';
import { startHostProcess } from './support/host';

const gate = obsTestGate();

test.describe('OBS connection', () => {
  test.skip(gate.skip, gate.reason ?? '');
  let obs: ObsRig;

  test.beforeAll(async () => {
    test.setTimeout(OBS_START_HOOK_TIMEOUT_MS);
    obs = await startObs();
  });

  test.afterAll(async () => {
    await obs?.stop();
  });

  test('connects from Settings and reports it everywhere', async ({ page, request }) => {
    await page.goto('/#/settings');
    await page.getByLabel('OBS WebSocket URL').fill(obs.url);
    await page.getByLabel('OBS WebSocket password').fill('wrong-password');
    await page.getByRole('button', { name: 'Connect to OBS' }).click();
    await expect(page.getByRole('status', { name: 'OBS connection' })).toContainText('OBS refused the password');

    await page.getByLabel('OBS WebSocket password').fill(obs.password);
    await page.getByRole('button', { name: 'Connect to OBS' }).click();
    await expect(page.getByRole('status', { name: 'OBS connection' })).toContainText(/Connected to OBS 29\.|Connected to OBS \d+\./);
    await expect(page.getByRole('status', { name: /^OBS connected/ })).toBeVisible();
    // Output health from GetStats (polled every ~2 s): nothing streams or records in the rig.
    await expect(page.getByText('Not streaming')).toBeVisible();
    await expect(page.getByText('Not recording')).toBeVisible();
    await expect(page.getByText(/^Skipped frames: render \d+ · output \d+ · [\d.]+ fps$/)).toBeVisible();
    const health = (await (await request.get('/api/health')).json()) as { obs: { connected: boolean } };
    expect(health.obs.connected).toBe(true);

    await page.getByRole('button', { name: 'Disconnect' }).click();
    await expect(page.getByRole('status', { name: 'OBS connection' })).toContainText('Not connected');

    // Browser mode has no OS secret store: the UI says the password lasts until quit and offers no "remember".
    await page.reload();
    await expect(page.getByLabel('OBS WebSocket URL')).toHaveValue(obs.url);
    await expect(page.getByText('This system has no secure password store, so KOL Studio keeps the password only until it quits.')).toBeVisible();
    await expect(page.getByRole('checkbox', { name: 'Remember the password on this computer' })).toBeDisabled();
    const passwordField = page.getByLabel('OBS WebSocket password');
    await expect(passwordField).toHaveValue('');
    await expect(passwordField).toHaveAttribute('placeholder', 'Saved: leave empty to use it');
    await page.getByRole('button', { name: 'Connect to OBS' }).click();
    await expect(page.getByRole('status', { name: /^OBS connected/ })).toBeVisible();
    await page.getByRole('button', { name: 'Forget saved password' }).click();
    await expect(passwordField).not.toHaveAttribute('placeholder', 'Saved: leave empty to use it');
  });

  test('connects at start from --obs-url with the password from the environment', async () => {
    const host = await startHostProcess({ args: ['--obs-url', obs.url], env: { KOL_OBS_PASSWORD: obs.password } });
    try {
      await expect.poll(async () => ((await (await fetch(`${host.url}/api/health`)).json()) as { obs: { connected: boolean } }).obs.connected).toBe(true);
      expect(host.output()).toContain('OBS connected');
      expect(host.output()).not.toContain(obs.password);
    } finally {
      expect(await host.stop()).toBe(0);
    }
  });
});
