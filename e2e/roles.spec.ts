/**
 * Role cues and the Controller phone, end to end in Chromium (browser mode, no OBS: the show is rehearsed).
 * On the sample show, the hero pitch gets cues for the host, the assistant and the controller in the segment
 * editor; the crew PDF (pdftotext) shows them under HOST / ASSISTANT / CONTROLLER, the brand PDF shows the host's
 * cues and neither the assistant's nor the controller's. Rehearsing, the live console shows the three columns and
 * the role filter narrows them to one. A phone paired as Controller through the studio's role picker runs the
 * flash deal's countdown, is offered no Next, Previous or Pause, and its Next sent over its own session is refused
 * (403) with the show untouched.
 */
import type { Page } from '@playwright/test';
import { expect, test, watchForProblems, type ProblemLog } from './support/fixtures';
import { pickOption } from './support/mantine';
import { useDeskAndPhone } from './support/phone';
import { pdfText } from './support/pdf';
import { loadSampleFromFirstRun } from './support/smoke';
import { pdfReadback, SAMPLE_SHOW as SHOW } from './support/sample-show';

const pdf = pdfReadback();

const HOST = ['Rub the serum on the back of your hand, close to the lens', '3, 2, 1 上链接!'];
const ASSISTANT = ['Hold up the 30 ml bottle beside the host', 'Pin cart link 2'];
const CONTROLLER = ['Release the last 100 units at 20:10', 'Screen comments for allergy questions'];


/** A 403 the phone's own fetch provokes is expected; nothing else is. */
function watchPhone(page: Page, log: ProblemLog): void {
  page.on('pageerror', (error) => log.problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (/Failed to load resource: the server responded with a status of 403/.test(message.text())) return;
    log.problems.push(`console error: ${message.text()}`);
  });
}

test.describe('role cues and the Controller phone', () => {
  const rig = useDeskAndPhone({ width: 1440, height: 1000 });

  // eslint-disable-next-line no-empty-pattern -- Playwright passes testInfo second; this test needs no fixture
  test('cues per role in the editor, the crew and brand PDFs and the live console; a Controller phone runs the deal but cannot move the show', async ({}, testInfo) => {
    test.setTimeout(150_000);
    const desk = await rig.desktopContext.newPage();
    watchForProblems(desk, rig.desktopLog);
    await desk.goto('/');
    await loadSampleFromFirstRun(desk);

    // Editor: three labelled text areas, one cue per line.
    await desk.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Shows' }).click();
    await desk.getByRole('link', { name: SHOW }).click();
    await desk.getByRole('button', { name: /^Edit 主推 Hero pitch/ }).click();
    let drawer = desk.getByRole('dialog', { name: /^Edit segment/ });
    await drawer.getByLabel('Host cues').fill(HOST.join('\n'));
    await drawer.getByLabel('Assistant cues').fill(`${ASSISTANT[0]}\n\n  ${ASSISTANT[1]}  `);
    await drawer.getByLabel('Controller cues').fill(CONTROLLER.join('\n'));
    await drawer.getByRole('button', { name: 'Save segment' }).click();
    await expect(drawer).toBeHidden();
    // Saved, cleaned (blank line and spaces gone).
    await desk.getByRole('button', { name: /^Edit 主推 Hero pitch/ }).click();
    drawer = desk.getByRole('dialog', { name: /^Edit segment/ });
    await expect(drawer.getByLabel('Assistant cues')).toHaveValue(ASSISTANT.join('\n'));
    await expect(drawer.getByLabel('Host cues')).toHaveValue(HOST.join('\n'));
    await drawer.getByRole('button', { name: 'Cancel' }).click();
    await expect(drawer).toBeHidden();

    // Crew PDF: role headings and every cue; brand PDF: the host's cues only.
    if (pdf.ok) {
      const exports = desk.getByRole('group', { name: 'Run-sheet exports' });
      const save = async (button: string) => {
        const [download] = await Promise.all([desk.waitForEvent('download'), exports.getByRole('button', { name: button }).click()]);
        const file = testInfo.outputPath(download.suggestedFilename());
        await download.saveAs(file);
        return pdfText(file);
      };
      const flat = (text: string) => text.replace(/\s+/g, '');
      const crew = await save('Export crew PDF');
      expect(crew).toMatch(/HOST\s+ASSISTANT\s+CONTROLLER/);
      for (const cue of [...HOST, ...ASSISTANT, ...CONTROLLER]) expect(flat(crew)).toContain(flat(cue));
      const brand = await save('Export brand PDF');
      expect(brand).toContain('HOST CUES');
      for (const cue of HOST) expect(flat(brand)).toContain(flat(cue));
      for (const cue of [...ASSISTANT, ...CONTROLLER]) expect(flat(brand)).not.toContain(flat(cue));
      expect(brand).not.toMatch(/ASSISTANT|CONTROLLER/);
    }

    // Live console (rehearsal): the hero pitch's cues in role columns, narrowed by the role filter.
    await desk.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Live' }).click();
    await desk.getByRole('button', { name: 'Rehearse' }).click();
    const current = desk.getByRole('region', { name: 'Current segment' });
    await expect(current.getByRole('heading', { level: 3 })).toHaveText('开场 Welcome & tonight’s line-up');
    const cues = desk.getByRole('region', { name: 'Role cues' });
    await expect(cues).toContainText('No role cues in this segment.');
    await desk.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(current.getByRole('heading', { level: 3 })).toHaveText(/^主推 Hero pitch/);
    for (const [role, list] of [['Host', HOST], ['Assistant', ASSISTANT], ['Controller', CONTROLLER]] as const) {
      await expect(cues.getByRole('list', { name: `${role} cues` }).getByRole('listitem')).toHaveText([...list]);
    }
    const filter = cues.getByRole('radiogroup', { name: 'Show cues for' });
    await filter.getByText('Controller', { exact: true }).click();
    await expect(filter.getByRole('radio', { name: 'Controller' })).toBeChecked();
    await expect(cues.getByRole('list', { name: 'Controller cues' }).getByRole('listitem')).toHaveText([...CONTROLLER]);
    await expect(cues.getByRole('list', { name: 'Host cues' })).toHaveCount(0);
    await expect(cues.getByRole('list', { name: 'Assistant cues' })).toHaveCount(0);
    await filter.getByText('All', { exact: true }).click();
    await expect(cues.getByRole('list', { name: 'Host cues' })).toBeVisible();

    // Pair a phone as Controller through the studio's role picker.
    const remoteSwitch = desk.getByRole('switch', { name: 'Remote control on this network' });
    await remoteSwitch.click();
    await expect(remoteSwitch).toBeChecked();
    await pickOption(desk, 'Role of the next phone', 'Controller');
    await expect(desk.getByText(/^Controller: deal countdown, stock, sold out and beats/)).toBeVisible();
    await desk.getByRole('button', { name: 'Show pairing code' }).click();
    await expect(desk.getByRole('img', { name: 'QR code to pair a phone as Controller' })).toBeVisible();
    const shortUrl = (await desk.getByTestId('remote-url').textContent()) ?? '';
    const code = (await desk.getByLabel('Pairing code', { exact: true }).textContent()) ?? '';

    const phone = await rig.phoneContext.newPage();
    watchPhone(phone, rig.phoneLog);
    await phone.goto(shortUrl);
    await phone.getByLabel('Pairing code').fill(code);
    await phone.getByRole('button', { name: 'Pair' }).click();
    await expect(phone.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
    await expect(desk.getByRole('region', { name: 'Paired phones' })).toContainText('Controller');
    await expect(phone.locator('#current')).toHaveText(/^主推 Hero pitch/);
    // A controller is offered no show-flow control.
    await expect(phone.getByRole('button', { name: 'Pair' })).toBeHidden();
    await expect(phone.getByRole('button', { name: 'Mark sold out' })).toBeVisible();
    for (const name of ['Next', 'Previous', 'Pause', 'Resume', 'Start show']) await expect(phone.getByRole('button', { name, exact: true })).toBeHidden();

    // The studio moves to the flash deal; the controller starts its countdown from the phone.
    await desk.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(current.getByRole('heading', { level: 3 })).toHaveText(/^限时秒杀 Flash deal/);
    await expect(phone.locator('#current')).toHaveText(/^限时秒杀 Flash deal/);
    await phone.getByRole('button', { name: 'Start countdown' }).click();
    await expect(desk.getByLabel('Countdown status')).toHaveText(/^Countdown \d+:\d\d$/);
    await phone.getByRole('button', { name: 'Mark sold out' }).click();
    await expect(desk.getByLabel('Stock status')).toHaveText('Sold out');

    // Its Next, sent with its own session token, is refused and changes nothing.
    const refused = await phone.evaluate(async () => {
      const token = localStorage.getItem('kol-remote-token') ?? '';
      const reply = await fetch('/remote/api/command', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ command: { type: 'next' } }),
      });
      return { status: reply.status, body: (await reply.json()) as { error?: string } };
    });
    expect(refused).toEqual({ status: 403, body: { error: 'A Controller phone cannot go to the next segment.' } });
    await expect(current.getByRole('heading', { level: 3 })).toHaveText(/^限时秒杀 Flash deal/);
    await expect(phone.locator('#current')).toHaveText(/^限时秒杀 Flash deal/);
  });
});
