/**
 * `npm run bench`: runs every benchmark against the built studio (npm run build first; the script does),
 * prints a table and writes bench-results.json (flat keys, numbers). Each issue adds its benchmarks here.
 */
import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromiumArgs, chromiumExecutable } from '../../e2e/support/browser';
import { repoRoot } from '../../e2e/support/host';
import { runBeatBench } from './beat.bench';
import { runCalendarBench } from './calendar.bench';
import { runCampaignBench } from './campaign.bench';
import { runCueBench } from './cue.bench';
import { runDisconnectBench } from './disconnect.bench';
import { runExchangeBench } from './exchange.bench';
import { runGiveawayBench } from './giveaway.bench';
import { runOrdersBench } from './orders.bench';
import { runOverlayBench } from './overlay.bench';
import { runRemoteBench } from './remote.bench';
import { runReorderBench } from './reorder.bench';
import { runResultsBench } from './results.bench';
import { runRunSheetBench } from './runsheet.bench';
import { runStartupBench } from './startup.bench';
import { runSyncBench } from './sync.bench';

async function main(): Promise<void> {
  const executablePath = chromiumExecutable();
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: chromiumArgs });
  const results: Record<string, number> = {};
  try {
    Object.assign(results, await runStartupBench(browser));
    Object.assign(results, await runReorderBench(browser));
    Object.assign(results, await runOverlayBench(browser));
    Object.assign(results, await runBeatBench(browser));
    Object.assign(results, await runRunSheetBench());
    Object.assign(results, await runCampaignBench());
    Object.assign(results, await runCueBench());
    Object.assign(results, await runCalendarBench(browser));
    Object.assign(results, await runExchangeBench(browser));
    Object.assign(results, await runOrdersBench(browser));
    Object.assign(results, await runRemoteBench(browser));
    Object.assign(results, await runDisconnectBench(browser));
    Object.assign(results, runGiveawayBench());
    Object.assign(results, await runResultsBench(browser));
    Object.assign(results, await runSyncBench(browser));
  } finally {
    await browser.close();
  }
  const width = Math.max(...Object.keys(results).map((k) => k.length));
  console.log(`\n${'benchmark'.padEnd(width)}  value`);
  console.log(`${'-'.repeat(width)}  ${'-'.repeat(10)}`);
  for (const [key, value] of Object.entries(results)) console.log(`${key.padEnd(width)}  ${value}`);
  const file = path.join(repoRoot, 'bench-results.json');
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote ${path.relative(process.cwd(), file) || file}`);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
