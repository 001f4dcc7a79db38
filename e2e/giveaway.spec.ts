/**
 * A fair giveaway draw, end to end in Chromium: rehearse the sample show to its giveaway segment (10 prizes,
 * comment 补水), paste entrants with duplicates and a bad line, see a too-small list refused, Draw winners, see
 * the committed seed hash and then the winners, end the show, open the report, Verify draw says it matches,
 * and the report CSV (read with papaparse) carries the winners, the seed and its hash.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { expect, test } from './support/fixtures';
import { loadSampleFromFirstRun } from './support/smoke';
import { SAMPLE_SHOW as SHOW } from './support/sample-show';

const ENTRANTS = ['@Alice', 'alice', 'Bob', 'ＢＯＢ', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy', '小雨', '@'];
const UNIQUE = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy', '小雨'];

test('draws giveaway winners from a committed seed, and the report verifies the draw', async ({ page }, testInfo) => {
  await page.goto('/');
  await loadSampleFromFirstRun(page);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Live' }).click();
  await page.getByRole('button', { name: 'Rehearse' }).click();
  const current = page.getByRole('region', { name: 'Current segment' });
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(current.getByRole('heading')).toHaveText(/^福袋抽奖 Giveaway/);

  const panel = current.getByRole('region', { name: 'Giveaway draw' });
  await expect(panel).toContainText('How to enter: Comment a keyword: 补水');
  await expect(panel.getByRole('textbox', { name: 'Winners to draw' })).toHaveValue('10');
  const entrants = panel.getByRole('textbox', { name: 'Entrants, one per line' });

  // Too few entrants for 10 winners: refused with a sentence, nothing drawn.
  await entrants.fill('@Alice\nalice\nBob');
  await expect(panel.getByRole('status', { name: 'Entrants' })).toContainText('2 entrants');
  await panel.getByRole('button', { name: 'Draw winners' }).click();
  await expect(panel.getByRole('alert')).toHaveText('A draw of 10 winners needs at least 10 entrants; there are 2.');
  await expect(panel.getByLabel('Seed hash (committed before the draw)')).toHaveCount(0);

  // The full list: duplicates merged (case, full-width letters, a leading @), the bad line named by its number.
  await entrants.fill(ENTRANTS.join('\n'));
  const counts = panel.getByRole('status', { name: 'Entrants' });
  await expect(counts).toContainText('11 entrants');
  await expect(counts).toContainText('2 duplicates merged');
  await expect(counts).toContainText('1 invalid line');
  await expect(panel.getByRole('list', { name: 'Invalid lines' })).toHaveText('Line 14: only an @, no name');

  await panel.getByRole('button', { name: 'Draw winners' }).click();
  const hash = panel.getByLabel('Seed hash (committed before the draw)');
  await expect(hash).toHaveText(/^[0-9a-f]{64}$/);
  const shownHash = (await hash.textContent()) ?? '';
  const winners = panel.getByRole('list', { name: 'Winners' }).getByRole('listitem');
  await expect(winners).toHaveCount(10);
  const drawn = await winners.allTextContents();
  expect(new Set(drawn).size).toBe(10);
  for (const winner of drawn) expect(UNIQUE).toContain(winner);
  await expect(hash).toHaveText(shownHash);
  await expect(panel.getByRole('button', { name: 'Draw winners' })).toHaveCount(0);

  await page.getByRole('button', { name: 'End show' }).click();
  await page.getByRole('dialog', { name: 'End the show?' }).getByRole('button', { name: 'End the show' }).click();
  await page.getByRole('button', { name: 'View report' }).click();

  const report = page.getByRole('region', { name: `Report: ${SHOW}` });
  const record = report.getByRole('region', { name: /^Giveaway draw: / });
  await expect(record.getByLabel('Seed hash (shown before the draw)')).toHaveText(shownHash);
  await expect(record.getByLabel('Entrants')).toHaveText('11');
  await expect(record.getByRole('list', { name: 'Winners' }).getByRole('listitem')).toHaveText(drawn);
  await record.getByRole('button', { name: 'Verify draw' }).click();
  await expect(record.getByRole('status')).toHaveText(/^The draw matches: the seed matches the hash shown before the draw, and the same 10 winners follow/);

  // The report CSV carries the record: winners in draw order, the seed and its hash.
  const [download] = await Promise.all([page.waitForEvent('download'), report.getByRole('button', { name: `Export report CSV: ${SHOW}` }).click()]);
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const parsed = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const row = parsed.data.find((r) => r['Segment kind'] === 'Giveaway' && r.Winners);
  expect(row).toBeDefined();
  expect(row!.Winners!.split(' | ')).toEqual(drawn);
  expect(row).toMatchObject({ 'Winners drawn': '10', Entrants: '11', 'Seed hash (SHA-256, shown before the draw)': shownHash, Algorithm: 'kol-giveaway-draw/1' });
  expect(row!.Seed).toMatch(/^[0-9a-f]{64}$/);
});

test('entry rule set in the editor; entrants imported from a CSV column; the draw takes the count from the console', async ({ page }) => {
  await page.goto('/');
  await loadSampleFromFirstRun(page);

  // The editor: how to enter is a kind and its words.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Shows' }).click();
  await page.getByRole('link', { name: SHOW }).click();
  await page.getByRole('button', { name: /^Edit 福袋抽奖 Giveaway/ }).click();
  const drawer = page.getByRole('dialog', { name: /^Edit segment/ });
  await expect(drawer.getByRole('textbox', { name: 'Entry keyword or details' })).toHaveValue('补水');
  await drawer.getByRole('combobox', { name: 'How to enter' }).click();
  await page.getByRole('option', { name: 'Join the fan group' }).click();
  await drawer.getByRole('textbox', { name: 'Entry keyword or details' }).fill('灯牌 level 1+');
  await drawer.getByRole('button', { name: 'Save segment' }).click();
  await expect(drawer).toBeHidden();

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Live' }).click();
  await page.getByRole('button', { name: 'Rehearse' }).click();
  const current = page.getByRole('region', { name: 'Current segment' });
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Next', exact: true }).click();
  const panel = current.getByRole('region', { name: 'Giveaway draw' });
  await expect(panel).toContainText('How to enter: Join the fan group: 灯牌 level 1+');

  // A comment export: the handle column is picked from its header; another column can be chosen.
  const csv = ['时间,用户名,评论', '20:01,@Mia,补水', '20:01,mia,补水!', '20:02,小雨,补水', '20:02,Leo,补水', '20:03,,补水', '20:03,@Kai,想要'].join('\n');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), panel.getByRole('button', { name: 'Import entrants from CSV' }).click()]);
  await chooser.setFiles({ name: 'comments.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  const column = panel.getByRole('combobox', { name: 'Column with the entrants' });
  await expect(column).toHaveValue('1');
  const counts = panel.getByRole('status', { name: 'Entrants' });
  await expect(counts).toContainText('4 entrants');
  await expect(counts).toContainText('1 duplicate merged');
  await column.selectOption({ label: '评论' });
  await expect(counts).toContainText('3 entrants');
  await expect(counts).toContainText('3 duplicates merged');
  await column.selectOption({ label: '用户名' });
  await expect(counts).toContainText('4 entrants');

  await panel.getByRole('textbox', { name: 'Winners to draw' }).fill('2');
  await panel.getByRole('button', { name: 'Draw winners' }).click();
  const winners = panel.getByRole('list', { name: 'Winners' }).getByRole('listitem');
  await expect(winners).toHaveCount(2);
  for (const winner of await winners.allTextContents()) expect(['mia', '小雨', 'leo', 'kai']).toContain(winner);
});
