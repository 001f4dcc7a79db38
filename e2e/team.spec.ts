/**
 * Team workspaces through the UI, in real Chromium against two real studio hosts (two computers: each its own
 * host process and data dir, each browser context its own IndexedDB). The owner turns the sample workspace into a
 * team workspace hosted on their computer, sees "Synced", creates a producer invite link; the second computer
 * joins with it and receives the sample brands; an edit on either side shows on the other; both edit one name while
 * the owner stops hosting, and after the merge the one whose edit was replaced restores it from the notice; the
 * owner revokes the member and the second computer's header says access was refused; it leaves, and is back in
 * its local workspace.
 */
import type { Page } from '@playwright/test';
import { expect, test, watchForProblems, type ProblemLog } from './support/fixtures';
import { startHostProcess } from './support/host';
import { loadSampleFromFirstRun } from './support/smoke';

async function openSection(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
}

const syncState = (page: Page, state: string) => page.getByRole('status', { name: `Sync state: ${state}` });

async function renameBrand(page: Page, from: string, to: string): Promise<void> {
  await openSection(page, 'Brands');
  await page.getByRole('button', { name: `Edit ${from}` }).click();
  const form = page.getByRole('dialog', { name: `Edit ${from}` });
  await form.getByLabel('Brand name').fill(to);
  await form.getByRole('button', { name: 'Save brand' }).click();
  await expect(form).toBeHidden();
}

/** Chromium logs each refused reconnect while the owner's computer is not hosting: expected there, and only there. */
const refusedReconnect = /^console error: WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/' failed: Error in connection establishment: net::ERR_CONNECTION_REFUSED$/;
function withoutRefusedReconnects(log: ProblemLog): void {
  log.problems = log.problems.filter((problem) => !refusedReconnect.test(problem));
}

test('a team workspace: create it hosted here, invite, join from a second computer, edits both ways, a conflict, revoke, leave', async ({ page, browser, problems }) => {
  test.setTimeout(120_000);
  const secondHost = await startHostProcess();
  const secondLog: ProblemLog = { problems: [] };
  const second = await browser.newContext({ baseURL: secondHost.url });
  try {
    // The owner: the sample workspace becomes the team's workspace, hosted on this computer.
    await page.goto('/');
    await loadSampleFromFirstRun(page);
    await openSection(page, 'Settings');
    const team = page.getByRole('region', { name: 'Team' });
    await expect(syncState(page, 'Synced')).toBeHidden();
    await team.getByRole('button', { name: 'Create workspace' }).click();
    const create = page.getByRole('dialog', { name: 'Create a team workspace' });
    await create.getByRole('button', { name: 'Create workspace' }).click();
    await expect(create.getByText('Give the workspace a name.')).toBeVisible();
    await create.getByLabel('Workspace name').fill('Glow agency');
    await expect(create.getByRole('radio', { name: 'This computer' })).toBeChecked();
    await create.getByRole('button', { name: 'Create workspace' }).click();
    await expect(syncState(page, 'Synced')).toBeVisible({ timeout: 20_000 });
    await expect(team.getByRole('row', { name: 'Workspace Glow agency' })).toBeVisible();
    await expect(team.getByRole('row', { name: 'Your role Owner' })).toBeVisible();

    // A producer invite for Mei: the link works only on this computer (no LAN), and says so.
    await team.getByLabel('Who it is for').fill('Mei');
    await team.getByRole('button', { name: 'Create invite link' }).click();
    const linkField = team.getByRole('textbox', { name: 'Invite link' });
    await expect(linkField).toHaveValue(/^kolstudio-invite:/);
    await expect(team.getByText('This link only works on this computer.', { exact: false })).toBeVisible();
    const link = await linkField.inputValue();
    const members = team.getByRole('table', { name: 'Members' });
    const meiRow = members.getByRole('row').filter({ hasText: 'Mei' });
    await expect(meiRow).toContainText('Producer');
    await expect(meiRow).toContainText('Active');

    // The second computer joins with the link, and the sample brands arrive.
    const pageB = await second.newPage();
    watchForProblems(pageB, secondLog);
    await pageB.goto('/');
    await openSection(pageB, 'Settings');
    const teamB = pageB.getByRole('region', { name: 'Team' });
    await teamB.getByRole('button', { name: 'Join workspace' }).click();
    const join = pageB.getByRole('dialog', { name: 'Join a team workspace' });
    await join.getByLabel('Invite link').fill('not a link');
    await join.getByRole('button', { name: 'Join workspace' }).click();
    await expect(join.getByText('This is not a KOL Studio invite link.', { exact: false })).toBeVisible();
    await join.getByLabel('Invite link').fill(link);
    await join.getByRole('button', { name: 'Join workspace' }).click();
    await expect(syncState(pageB, 'Synced')).toBeVisible({ timeout: 20_000 });
    await expect(teamB.getByRole('row', { name: 'Your role Producer' })).toBeVisible();
    await expect(teamB.getByRole('button', { name: 'Create invite link' })).toHaveCount(0);
    await openSection(pageB, 'Brands');
    const brandsB = pageB.getByRole('table', { name: 'Brands' });
    await expect(brandsB.getByRole('row')).toHaveCount(3);
    await expect(brandsB).toContainText('Glow Theory 光研');

    // An edit on the second computer shows on the owner's, and back.
    await renameBrand(pageB, 'Glow Theory 光研', 'Glow Theory Studio');
    await openSection(page, 'Brands');
    const brandsA = page.getByRole('table', { name: 'Brands' });
    await expect(brandsA).toContainText('Glow Theory Studio');
    await renameBrand(page, 'Glow Theory Studio', 'Glow Theory 光研 Asia');
    await expect(brandsB).toContainText('Glow Theory 光研 Asia');
    await expect(syncState(pageB, 'Synced')).toBeVisible();

    // A form left open follows the teammate's edit of a field it did not touch, so saving it keeps both edits.
    await page.getByRole('button', { name: 'Edit Glow Theory 光研 Asia' }).click();
    const openForm = page.getByRole('dialog', { name: 'Edit Glow Theory 光研 Asia' });
    await openForm.getByLabel('Brand name').fill('Glow Theory APAC');
    await pageB.getByRole('button', { name: 'Edit Glow Theory 光研 Asia' }).click();
    const formB = pageB.getByRole('dialog', { name: 'Edit Glow Theory 光研 Asia' });
    await formB.getByLabel('Notes').fill('Mei: samples ship Friday');
    await formB.getByRole('button', { name: 'Save brand' }).click();
    await expect(formB).toBeHidden();
    await expect(openForm.getByLabel('Notes')).toHaveValue('Mei: samples ship Friday');
    await expect(openForm.getByLabel('Brand name')).toHaveValue('Glow Theory APAC');
    await openForm.getByRole('button', { name: 'Save brand' }).click();
    await expect(openForm).toBeHidden();
    await expect(brandsB).toContainText('Glow Theory APAC');
    await pageB.getByRole('button', { name: 'Edit Glow Theory APAC' }).click();
    await expect(pageB.getByRole('dialog', { name: 'Edit Glow Theory APAC' }).getByLabel('Notes')).toHaveValue('Mei: samples ship Friday');
    await pageB.getByRole('dialog', { name: 'Edit Glow Theory APAC' }).getByRole('button', { name: 'Close' }).click();
    await renameBrand(page, 'Glow Theory APAC', 'Glow Theory 光研 Asia');
    await expect(brandsB).toContainText('Glow Theory 光研 Asia');

    // Both edit the same name while the owner's computer stops hosting (both offline); once it hosts again, the
    // merge keeps one value, and the one whose edit was replaced is told so and restores theirs.
    await openSection(page, 'Settings');
    await team.getByRole('button', { name: 'Stop hosting' }).click();
    await expect(syncState(page, 'Offline')).toBeVisible();
    await expect(syncState(pageB, 'Offline')).toBeVisible();
    await renameBrand(page, 'Glow Theory 光研 Asia', 'Glow Theory (owner)');
    await renameBrand(pageB, 'Glow Theory 光研 Asia', 'Glow Theory (Mei)');
    await openSection(page, 'Settings');
    await team.getByRole('button', { name: 'Host this workspace on this computer' }).click();
    await expect(team.getByRole('list', { name: 'Hosted on this computer. Teammates connect to:' })).toContainText('ws://127.0.0.1:');
    await expect(syncState(page, 'Synced')).toBeVisible({ timeout: 20_000 });
    await expect(syncState(pageB, 'Synced')).toBeVisible({ timeout: 20_000 });
    withoutRefusedReconnects(problems);
    withoutRefusedReconnects(secondLog);
    const notice = (p: Page) => p.getByRole('alert', { name: 'Someone else’s edit replaced yours' });
    await expect.poll(async () => (await notice(page).count()) + (await notice(pageB).count())).toBe(1);
    const [loser, winner, mine, theirs] = (await notice(page).count()) === 1 ? [page, pageB, 'Glow Theory (owner)', 'Glow Theory (Mei)'] : [pageB, page, 'Glow Theory (Mei)', 'Glow Theory (owner)'];
    await expect(notice(loser)).toContainText(`You changed the name of brand “${theirs}” to “${mine}” while offline; another edit replaced it with “${theirs}”.`);
    await notice(loser).getByRole('button', { name: 'Restore my value' }).click();
    await expect(notice(loser)).toBeHidden();
    await openSection(winner, 'Brands');
    await expect(winner.getByRole('table', { name: 'Brands' })).toContainText(mine);
    await expect(notice(winner)).toBeHidden();

    // The owner revokes Mei: the second computer's header says its access was refused, and why.
    await openSection(page, 'Settings');
    await team.getByRole('button', { name: 'Revoke Mei' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke access for Mei?' });
    await confirm.getByRole('button', { name: 'Revoke access' }).click();
    await expect(confirm).toBeHidden();
    await expect(meiRow).toContainText('Revoked');
    await expect(syncState(pageB, 'Access refused')).toBeVisible({ timeout: 20_000 });
    await openSection(pageB, 'Settings');
    await expect(teamB.getByText('The workspace owner revoked this computer’s access.', { exact: false })).toBeVisible();
    await expect(syncState(page, 'Synced')).toBeVisible();

    // Mei leaves: this computer's copy goes, the window is back in its local workspace (the owner keeps the team's).
    await teamB.getByRole('button', { name: 'Leave workspace' }).click();
    await pageB.getByRole('dialog', { name: 'Leave this workspace?' }).getByRole('button', { name: 'Leave workspace' }).click();
    await expect(teamB.getByRole('button', { name: 'Join workspace' })).toBeVisible();
    await expect(pageB.getByRole('status', { name: /^Sync state/ })).toHaveCount(0);
    await expect(teamB.getByRole('list', { name: 'Workspaces on this computer' })).toHaveCount(0);
    expect(secondLog.problems, 'the second computer’s page logged errors').toEqual([]);
  } finally {
    await second.close();
    await secondHost.stop();
  }
});
