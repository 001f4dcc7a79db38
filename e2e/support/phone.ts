/**
 * A phone paired from the desktop's Live page as a crew member pairs one: turn on "Remote control on this network",
 * pick the role, show the pairing code, open the short URL on the phone and type the code.
 * Invariant: resolves with the phone's page once it says Connected; `watch` is attached before the phone loads
 * anything, so every console error of the phone is seen.
 *
 * `useDeskAndPhone` is the rig of the specs that run a desktop console and a phone together: for each test a
 * browser-mode host with remote control on a free port, a desktop context on it and an iPhone 13 context; after
 * each, everything is closed and neither side may have logged a problem.
 */
import { devices, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { expect, test, type ProblemLog } from './fixtures';
import { startHostProcess, type HostProcess } from './host';
import { pickOption } from './mantine';

const { defaultBrowserType: _ignored, ...iPhone } = devices['iPhone 13'];

export interface DeskAndPhone {
  host: HostProcess;
  desktopContext: BrowserContext;
  phoneContext: BrowserContext;
  desktopLog: ProblemLog;
  phoneLog: ProblemLog;
}

/** Registers the rig's beforeEach/afterEach in the calling describe block; read the fields inside a test. */
export function useDeskAndPhone(viewport: { width: number; height: number }): DeskAndPhone {
  const rig = { desktopLog: { problems: [] }, phoneLog: { problems: [] } } as unknown as DeskAndPhone;
  test.beforeEach(async ({ browser }: { browser: Browser }) => {
    rig.host = await startHostProcess({ args: ['--remote-port', '0'] });
    rig.desktopContext = await browser.newContext({ viewport, baseURL: rig.host.url, acceptDownloads: true });
    rig.phoneContext = await browser.newContext({ ...iPhone });
  });
  test.afterEach(async () => {
    await rig.desktopContext?.close();
    await rig.phoneContext?.close();
    await rig.host?.stop();
    expect(rig.desktopLog.problems, 'the studio logged errors').toEqual([]);
    expect(rig.phoneLog.problems, 'the phone logged errors').toEqual([]);
  });
  return rig;
}

export async function pairPhone(desk: Page, phoneContext: BrowserContext, role: string, watch: (phone: Page) => void): Promise<Page> {
  const remoteSwitch = desk.getByRole('switch', { name: 'Remote control on this network' });
  await remoteSwitch.click();
  await expect(remoteSwitch).toBeChecked();
  await pickOption(desk, 'Role of the next phone', role);
  await desk.getByRole('button', { name: 'Show pairing code' }).click();
  const shortUrl = (await desk.getByTestId('remote-url').textContent()) ?? '';
  const code = (await desk.getByLabel('Pairing code', { exact: true }).textContent()) ?? '';
  const phone = await phoneContext.newPage();
  watch(phone);
  await phone.goto(shortUrl);
  await phone.getByLabel('Pairing code').fill(code);
  await phone.getByRole('button', { name: 'Pair' }).click();
  await expect(phone.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
  return phone;
}
