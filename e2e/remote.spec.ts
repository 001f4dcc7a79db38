/**
 * The phone remote console, end to end with a real OBS Studio: a desktop-sized studio and an iPhone-sized
 * phone (two Chromium contexts). The studio turns on "Remote control on this network", shows a pairing
 * code; the phone opens the short URL, types the code and drives the show: its Next moves the desktop
 * console and OBS. The phone's connection is then cut, the desktop moves on, and when the phone is back it
 * shows the true segment; a Next pressed while offline waits as pending and is refused as stale (the show
 * moved on) rather than applied twice, one pressed offline on the right segment is applied on reconnect.
 * Revoking the session sends the phone back to pairing; turning remote control off ends it all.
 */
import { devices, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { useRealObs } from './support/obs-fixture';
import { expect, test, watchForProblems, type ProblemLog } from './support/fixtures';
import { goLiveThroughChecklist } from './support/golive';
import { startHostProcess, type HostProcess } from './support/host';
import { loadSampleFromFirstRun } from './support/smoke';

const { defaultBrowserType: _ignored, ...iPhone } = devices['iPhone 13'];

/** Network failures the browser itself reports while the phone is offline are expected; nothing else is. */
function watchPhone(page: Page, log: ProblemLog): void {
  page.on('pageerror', (error) => log.problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (/Failed to load resource|WebSocket connection to .* failed|ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(message.text())) return;
    log.problems.push(`console error: ${message.text()}`);
  });
}

test.describe('remote console from a phone', () => {
  const real = useRealObs();
  const { obs } = real;

  let host: HostProcess;
  let desktopContext: BrowserContext;
  let phoneContext: BrowserContext;
  const desktopLog: ProblemLog = { problems: [] };
  const phoneLog: ProblemLog = { problems: [] };

  test.beforeEach(async ({ browser }: { browser: Browser }) => {
    host = await startHostProcess({ args: ['--obs-url', real.rig.url, '--remote-port', '0'], env: { KOL_OBS_PASSWORD: real.rig.password } });
    desktopContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: host.url });
    phoneContext = await browser.newContext({ ...iPhone });
  });

  test.afterEach(async () => {
    await desktopContext?.close();
    await phoneContext?.close();
    await host?.stop();
    expect(desktopLog.problems, 'the studio logged errors').toEqual([]);
    expect(phoneLog.problems, 'the phone logged errors').toEqual([]);
  });

  test('pair a phone, cue from it, survive a lost connection, revoke it', async () => {
    test.setTimeout(120_000);
    const program = async () => (await obs.call('GetCurrentProgramScene')).currentProgramSceneName;
    const desk = await desktopContext.newPage();
    watchForProblems(desk, desktopLog);
    await desk.goto('/');
    await loadSampleFromFirstRun(desk);
    await desk.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Live' }).click();
    await expect(desk.getByText(/^OBS connected \(/)).toBeVisible();
    await desk.getByRole('button', { name: 'Set up OBS' }).click();
    await expect(desk.getByText(/^Created /)).toBeVisible();
    await goLiveThroughChecklist(desk);
    const deskCurrent = desk.getByRole('region', { name: 'Current segment' }).getByRole('heading');
    await expect(deskCurrent).toHaveText('开场 Welcome & tonight’s line-up');
    await expect.poll(program).toBe('Opening');

    // Studio: off by default; turn it on, make a co-host code.
    const remoteSwitch = desk.getByRole('switch', { name: 'Remote control on this network' });
    await expect(remoteSwitch).not.toBeChecked();
    await remoteSwitch.click();
    await expect(remoteSwitch).toBeChecked();
    await expect(desk.getByText(/^Phones connect to http:\/\//)).toBeVisible();
    await desk.getByRole('button', { name: 'Show pairing code' }).click();
    await expect(desk.getByRole('img', { name: 'QR code to pair a phone as Co-host' })).toBeVisible();
    const shortUrl = (await desk.getByTestId('remote-url').textContent()) ?? '';
    const code = (await desk.getByLabel('Pairing code', { exact: true }).textContent()) ?? '';
    expect(shortUrl).toMatch(/^http:\/\/[\d.]+:\d+\/remote$/);
    expect(code).toMatch(/^[2-9A-Z]{6}$/);

    // Phone: open the short URL, type the code.
    const phone = await phoneContext.newPage();
    watchPhone(phone, phoneLog);
    await phone.goto(shortUrl);
    await phone.getByLabel('Pairing code').fill(code.toLowerCase());
    await phone.getByRole('button', { name: 'Pair' }).click();
    await expect(phone.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
    await expect(phone.getByText('Co-host', { exact: true })).toBeVisible();
    const phoneCurrent = phone.locator('#current');
    await expect(phoneCurrent).toHaveText('开场 Welcome & tonight’s line-up');
    await expect(phone.getByRole('timer').first()).toHaveText(/^\d+:\d\d \/ 4:00$/);
    await expect(desk.getByRole('region', { name: 'Paired phones' })).toContainText('iPhone · Safari');
    // A co-host has no show-level controls.
    await expect(phone.getByRole('button', { name: 'Pause' })).toBeHidden();

    // Next on the phone: the desktop console and OBS follow.
    await phone.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(deskCurrent).toHaveText(/^主推 Hero pitch/);
    await expect(phoneCurrent).toHaveText(/^主推 Hero pitch/);
    await expect.poll(program).toBe('Product Close-up');
    await expect(phone.getByRole('listitem').first()).toBeVisible();

    // Cut the phone's connection; the desktop moves on; a Next pressed on the phone waits, pending.
    await phoneContext.setOffline(true);
    await expect(phone.locator('#connection')).toHaveText(/^Offline/);
    await desk.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(deskCurrent).toHaveText(/^限时秒杀 Flash deal/);
    await expect.poll(program).toBe('Deal');
    await phone.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(phone.getByRole('status').filter({ hasText: '1 command waiting to send' })).toBeVisible();
    await expect(phoneCurrent).toHaveText(/^主推 Hero pitch/);

    // Back online: the phone shows the true segment; its stale Next is refused with a message, not applied.
    await phoneContext.setOffline(false);
    await expect(phone.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
    await expect(phoneCurrent).toHaveText(/^限时秒杀 Flash deal/);
    await expect(phone.getByRole('alert')).toContainText('Not applied: the show moved on before this command arrived.');
    await expect(phone.getByText(/waiting to send/)).toBeHidden();
    await expect(deskCurrent).toHaveText(/^限时秒杀 Flash deal/);
    await expect(phone.getByRole('region', { name: 'Deal' })).toBeVisible();

    // A Next pressed offline on the segment still on air is sent on reconnect, and applied once.
    await phoneContext.setOffline(true);
    await expect(phone.locator('#connection')).toHaveText(/^Offline/);
    await phone.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(phone.getByText('1 command waiting to send')).toBeVisible();
    await phoneContext.setOffline(false);
    await expect(deskCurrent).toHaveText(/^福袋抽奖 Giveaway/);
    await expect(phoneCurrent).toHaveText(/^福袋抽奖 Giveaway/);
    await expect.poll(program).toBe('Giveaway');
    await expect(phone.getByText(/waiting to send/)).toBeHidden();

    // Revoke: the phone is sent back to pairing at once, and the show is untouched.
    await desk.getByRole('button', { name: /^Revoke session 1: iPhone · Safari \(Co-host\)$/ }).click();
    await expect(phone.getByRole('heading', { name: 'Pair this phone' })).toBeVisible();
    await expect(phone.getByRole('alert').filter({ hasText: 'disconnected by the studio' })).toBeVisible();
    await expect(desk.getByRole('region', { name: 'Paired phones' })).toContainText('0 paired phones');
    await expect(deskCurrent).toHaveText(/^福袋抽奖 Giveaway/);

    // The used code does not work twice.
    await phone.getByLabel('Pairing code').fill(code);
    await phone.getByRole('button', { name: 'Pair' }).click();
    await expect(phone.getByRole('alert').filter({ hasText: 'wrong, expired or already used' })).toBeVisible();

    await remoteSwitch.click();
    await expect(remoteSwitch).not.toBeChecked();
    await expect(desk.getByRole('region', { name: 'Paired phones' })).toBeHidden();
  });
});
